from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.test import Client

from categories.models import Cycle
from prize_portal.accounts.roles import Role
from submissions.models import Entry
from submissions.services import entry_submit, entry_withdraw
from submissions.statistics import (
    DayRow,
    IntakeRow,
    day_chart,
    intake_by_category,
    intake_by_country,
    intake_by_day,
    intake_by_track,
    intake_cycle_pick,
    intake_cycles,
)
from tests.factories import SEOUL, CategoryFactory, CycleFactory, give_totp, make_user, sign_in_staff, submit_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client: Client) -> Client:
    sign_in_staff(client)
    return client


URL = "/en/staff/intake/"


@pytest.fixture
def intake(project: Any) -> dict[str, Entry]:
    """Four entries of the 2030 cycle around its last days (Seoul time) and an
    empty second category."""
    # Factory sequences number categories across the whole run: fix the order here.
    type(project).objects.filter(pk=project.pk).update(order=0)
    CategoryFactory(cycle=project.cycle, code="leadership", reference_letter="L", name_en="Leadership", order=1)
    seoul = submit_entry(project, email="seoul@example.org", now=datetime(2030, 5, 26, 10, 0, tzinfo=SEOUL))
    entry_submit(entry_id=seoul.pk, user=seoul.owner, now=datetime(2030, 5, 28, 9, 0, tzinfo=SEOUL))  # again
    # 15:30 UTC on 28 May is 00:30 on 29 May in Seoul.
    osaka = submit_entry(
        project,
        email="osaka@example.org",
        name_en="Osaka Tech",
        country="JP",
        type="corporation",
        track=1,
        now=datetime(2030, 5, 28, 15, 30, tzinfo=UTC),
    )
    busan = submit_entry(project, email="busan@example.org", now=datetime(2030, 5, 28, 12, 0, tzinfo=SEOUL))
    entry_withdraw(entry_id=busan.pk, user=busan.owner, now=datetime(2030, 5, 28, 13, 0, tzinfo=SEOUL))
    lyon = submit_entry(project, email="lyon@example.org", name_en="Lyon", country="FR", track=1, submit=False)
    # created_at is set by the database clock: place the draft inside the cycle.
    Entry.objects.filter(pk=lyon.pk).update(created_at=datetime(2030, 5, 27, 10, 0, tzinfo=SEOUL))
    return {"seoul": seoul, "osaka": osaka, "busan": busan, "lyon": lyon}


def test_intake_by_category_counts_submitted_and_drafts(intake: Any, project: Any) -> None:
    assert intake_by_category(cycle=project.cycle) == [
        IntakeRow(label=project.name, submitted=2, drafts=1),
        IntakeRow(label="Leadership", submitted=0, drafts=0),
    ]


def test_intake_by_track(intake: Any, project: Any) -> None:
    first, second = project.tracks.all()
    assert intake_by_track(cycle=project.cycle) == [
        IntakeRow(label=first.name, submitted=1, drafts=0, group=project.name),
        IntakeRow(label=second.name, submitted=1, drafts=1, group=project.name),
    ]


def test_intake_by_country_most_submitted_first(intake: Any, project: Any) -> None:
    assert intake_by_country(cycle=project.cycle) == [
        IntakeRow(label="Japan", submitted=1, drafts=0),
        IntakeRow(label="South Korea", submitted=1, drafts=0),  # the withdrawn Busan entry does not count
        IntakeRow(label="France", submitted=0, drafts=1),
    ]


def test_intake_by_day_in_seoul_time_by_first_submission(intake: Any, project: Any) -> None:
    assert intake_by_day(cycle=project.cycle) == [
        DayRow(day=date(2030, 5, 26), submitted=1, drafts=0),  # Seoul's first submit, not its second
        DayRow(day=date(2030, 5, 27), submitted=0, drafts=1),
        DayRow(day=date(2030, 5, 28), submitted=0, drafts=0),
        DayRow(day=date(2030, 5, 29), submitted=1, drafts=0),  # 15:30 UTC the day before
    ]


def test_intake_breakdowns_of_another_cycle_are_empty(intake: Any) -> None:
    other = CycleFactory(year=2031)
    assert (intake_by_category(cycle=other), intake_by_country(cycle=other), intake_by_day(cycle=other)) == ([], [], [])


def test_intake_cycle_defaults_to_newest_announced(db: Any) -> None:
    from categories.enums import CycleStatus

    old = CycleFactory(year=2030)
    CycleFactory(year=2031, status=CycleStatus.DRAFT)
    cycles = intake_cycles()
    assert [cycle.year for cycle in cycles] == [2031, 2030]
    assert intake_cycle_pick(cycles, year=None) == old
    assert intake_cycle_pick(cycles, year=2031).year == 2031
    assert intake_cycle_pick([], year=None) is None


def test_day_chart_geometry() -> None:
    chart = day_chart(
        [DayRow(day=date(2030, 5, 28), submitted=37, drafts=0), DayRow(day=date(2030, 5, 29), submitted=10, drafts=2)]
    )
    assert [tick.text for tick in chart.y_ticks] == ["0", "10", "20", "30", "40"]
    plot_bottom = 260 - 36
    assert [(bar.y + bar.height) for bar in chart.bars] == [plot_bottom, plot_bottom]
    assert [bar.height for bar in chart.bars] == [round(212 * 37 / 40, 2), 53.0]
    assert [label.text for label in chart.x_labels] == ["May 28", "May 29"]
    assert chart.peak == DayRow(day=date(2030, 5, 28), submitted=37, drafts=0)


def test_intake_page_shows_every_breakdown(staff_client: Client, intake: Any, project: Any) -> None:
    response = staff_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Intake: Seoul Smart City Prize 2030</h1>" in html
    assert "<dt>Entries submitted</dt><dd>2</dd>" in html
    assert "<dt>Drafts</dt><dd>1</dd>" in html
    assert "<dt>Countries with a submitted entry</dt><dd>2</dd>" in html
    assert '<svg role="img" aria-labelledby="day-chart-title day-chart-desc"' in html
    assert (
        '<desc id="day-chart-desc">From May 26, 2030 to May 29, 2030. Most on May 26, 2030: 1 entry. '
        "The numbers for every day are in the table that follows.</desc>"
    ) in html
    assert (
        '<tr><th scope="row"><time datetime="2030-05-29">May 29, 2030</time></th>'
        '<td class="num">1</td><td class="num">0</td></tr>'
    ) in html
    assert html.count("<rect x=") == 4
    for label in [
        project.name,
        "Leadership",
        "Japan",
        "South Korea",
        "France",
        *project.tracks.values_list("name_en", flat=True),
    ]:
        assert f'<th scope="row">{label}</th>' in html
    assert html.index('<th scope="row">Japan</th>') < html.index('<th scope="row">France</th>')


def test_intake_page_for_a_chosen_cycle(staff_client: Client, intake: Any) -> None:
    CycleFactory(year=2031, name_en="Seoul Smart City Prize 2031")
    html = staff_client.get(f"{URL}?cycle=2031").content.decode()
    assert "<h1>Intake: Seoul Smart City Prize 2031</h1>" in html
    assert '<option value="2031" selected>' in html
    assert "<dt>Entries submitted</dt><dd>0</dd>" in html
    assert html.count("No entries yet.") == 4  # a new cycle without categories yet


@pytest.mark.parametrize("year", ["1999", "20x0"])
def test_intake_page_unknown_cycle_is_404(staff_client: Client, intake: Any, year: str) -> None:
    assert staff_client.get(f"{URL}?cycle={year}").status_code == 404


def test_intake_page_without_any_cycle(staff_client: Client) -> None:
    assert Cycle.objects.count() == 0
    assert "There is no edition yet." in staff_client.get(URL).content.decode()


def test_intake_page_asks_anonymous_visitors_to_sign_in(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={URL}"


@pytest.mark.parametrize("role", [Role.APPLICANT, Role.JUDGE])
def test_intake_page_is_404_for_everyone_but_staff(client: Client, intake: Any, role: Role) -> None:
    user = make_user(role, email=f"{role.value}@example.org")
    give_totp(user)  # judges need MFA before any page opens
    client.force_login(user)
    assert client.get(URL).status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_intake_page_query_count_does_not_grow(
    staff_client: Client, project: Any, django_assert_num_queries: Any, count: int
) -> None:
    for index in range(count):
        submit_entry(project, email=f"city{index}@example.org", country=["KR", "JP", "FR"][index], track=index % 2)
    staff_client.get(URL)
    # 11: session, user, roles, MFA, 5 for the page, and Django's model permissions
    # (2, once per request) that the header's judging links consult.
    with django_assert_num_queries(11):
        html = staff_client.get(URL).content.decode()
    assert f"<dt>Entries submitted</dt><dd>{count}</dd>" in html
