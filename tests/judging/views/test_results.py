"""The results page of a round: the ranking by each method with its numbers,
sorting and filters, the conflicts rule, the charts and who may see it."""

from __future__ import annotations

import html as html_lib
import re
from collections import Counter
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from judging import services
from judging.engine import ranking
from judging.enums import ConflictKind
from judging.models import Conflict
from prize_portal.accounts.roles import Role
from submissions.models import Entry
from tests.factories import assign, give_totp, make_judge, make_user, submit_entry

pytestmark = pytest.mark.django_db

SPECS = [
    ranking.CriterionSpec("value", 2, 0, 5),
    ranking.CriterionSpec("implementation", 1, 1, 10),
]
# (entry index, judge index, value, implementation): judge 0 marks hard, judge 1
# leniently, so the calibrated order (entries 0, 2, 1) differs from the raw mean's (2, 1, 0).
REVIEWS = [(0, 0, 3, 6), (1, 1, 4, 8), (2, 0, 2, 4), (2, 1, 5, 10), (0, 2, 3, 6), (1, 2, 3, 5)]


@pytest.fixture
def judges(db: Any) -> list[Any]:
    return [
        make_judge("hara@judges-a.example", name="Hara Kim"),
        make_judge("lena@judges-b.example", name="Lena Park"),
        make_judge("mo@judges-c.example", name="Mo Lee"),
    ]


@pytest.fixture
def entries(project: Any, entry: Any) -> list[Any]:
    """The Korean entry of the fixture and two from Peru and Kenya."""
    return [
        entry,
        submit_entry(project, email="mayor@lima.example", name_en="Lima", country="PE", title="Clean buses"),
        submit_entry(project, email="mayor@nairobi.example", name_en="Nairobi", country="KE", title="Open data"),
    ]


def _review(round_: Any, entry: Any, judge: Any, criteria: list[Any], value: int, implementation: int) -> None:
    assignment = assign(round_, entry, judge)
    services.review_submit(
        judge=judge,
        assignment_id=assignment.pk,
        version=0,
        scores={criteria[0].pk: value, criteria[1].pk: implementation},
        overall_comment="Read with care",
        recommendation="yes" if value >= 3 else "undecided",
    )


@pytest.fixture
def reviewed(scored_round: Any, entries: list[Any], judges: list[Any], criteria: list[Any]) -> Any:
    for entry_index, judge_index, value, implementation in REVIEWS:
        _review(scored_round, entries[entry_index], judges[judge_index], criteria, value, implementation)
    return scored_round


def _expected(entries: list[Any], judges: list[Any], method: ranking.Method) -> ranking.Ranking:
    scores = []
    for entry_index, judge_index, value, implementation in REVIEWS:
        entry_id, judge_id = str(entries[entry_index].pk), str(judges[judge_index].pk)
        scores += [
            ranking.Score(entry_id, judge_id, "value", value),
            ranking.Score(entry_id, judge_id, "implementation", implementation),
        ]
    return ranking.rank(scores, SPECS, method=method)


@pytest.fixture
def staff_client(client: Client, staff: Any) -> Client:
    give_totp(staff)
    client.force_login(staff)
    return client


@pytest.fixture
def chair(db: Any) -> Any:
    return make_judge("chair@committee.example", role=Role.CHAIR, name="Chair Choi")


def _url(round_: Any, **query: str) -> str:
    url = reverse("judging_results:round", args=[round_.pk])
    return url + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def _text(html: str) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _rows(html: str) -> dict[int, list[str]]:
    """The cells' text of each row of the results table, by entry id, in the page's order."""
    table = re.search(r'<table class="[^"]*\bresults-table\b[^"]*">(.*?)</table>', html, re.S)
    assert table, "no results table"
    return {
        int(entry_id): [_text(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for entry_id, row in re.findall(r'<tr data-entry="(\d+)">(.*?)</tr>', table.group(1), re.S)
    }


def test_results_show_the_engines_numbers_for_each_entry(
    staff_client: Client, reviewed: Any, entries: list[Any], judges: list[Any]
) -> None:
    response = staff_client.get(_url(reviewed))
    assert response.status_code == 200
    rows = _rows(response.content.decode())
    calibrated = _expected(entries, judges, ranking.Method.CALIBRATED)
    zscore = {result.entry: result for result in _expected(entries, judges, ranking.Method.ZSCORE).results}
    assert list(rows) == [int(result.entry) for result in calibrated.results]  # calibrated by default
    for result in calibrated.results:
        cells = rows[int(result.entry)]
        entry = next(entry for entry in entries if entry.pk == int(result.entry))
        assert cells[0] == str(result.rank)
        assert cells[1] == f"{entry.reference} {entry.title_en}"
        assert cells[3] == f"{result.mean:.1f}"
        assert cells[4] == f"{zscore[result.entry].score:.1f}"
        assert cells[5] == f"{result.score:.1f} ({result.ci_low:.1f}\N{EN DASH}{result.ci_high:.1f})"
        assert cells[6].removeprefix("⚠ ") in {"Settled inside", "Too close to call"}  # all inside the cut-off of 10
        assert cells[7] == "2"
        assert cells[8].startswith(f"{result.spread:.1f}")
        assert cells[11:13] == [
            f"{result.criterion_means['value']:.2f}",
            f"{result.criterion_means['implementation']:.2f}",
        ]
    # Entry 2 (Nairobi) was read by the hard and the lenient judge: 5 and 10 against 2 and 4.
    nairobi = rows[entries[2].pk]
    assert "Disagreement" in nairobi[8]
    assert nairobi[13] == "1 recommend, 1 undecided"


def test_places_at_the_chosen_cutoff(
    staff_client: Client, reviewed: Any, entries: list[Any], judges: list[Any]
) -> None:
    calibrated = _expected(entries, judges, ranking.Method.CALIBRATED)
    expected = ranking.places(calibrated.results, 1)
    labels = {"settled_in": "Settled inside", "settled_out": "Settled outside", "too_close": "Too close to call"}
    html = staff_client.get(_url(reviewed, cutoff="1")).content.decode()
    rows = _rows(html)
    assert expected
    assert {int(entry): labels[place] for entry, place in expected.items()} == {
        pk: cells[6].removeprefix("⚠ ") for pk, cells in rows.items()
    }
    counts = {place: sum(value == place for value in expected.values()) for place in labels}
    assert (
        f"With a cut-off after 1 place: {counts['settled_in']} settled inside, {counts['settled_out']} settled "
        f"outside, {counts['too_close']} too close to call"
    ) in _text(html)
    assert "Place at the cut-off of 1" in html
    bad = staff_client.get(_url(reviewed, cutoff="0", method="mean"))
    assert bad.status_code == 200
    assert "Place at the cut-off of 10" in bad.content.decode()  # an invalid cut-off falls back to the default
    assert "Ranked by: Raw mean." in _text(bad.content.decode())  # and the other filters stay
    sort_link = re.search(r'href="(\?[^"]*sort=-spread[^"]*)"', html)
    assert sort_link
    assert "cutoff=1" in html_lib.unescape(sort_link.group(1))  # sorting keeps the cut-off


def test_method_switch_changes_the_order(staff_client: Client, reviewed: Any, entries: list[Any]) -> None:
    by_calibrated = list(_rows(staff_client.get(_url(reviewed)).content.decode()))
    by_mean = list(_rows(staff_client.get(_url(reviewed, method="mean")).content.decode()))
    ids = [entry.pk for entry in entries]
    assert by_calibrated == [ids[0], ids[2], ids[1]]
    assert by_mean == [ids[2], ids[1], ids[0]]
    assert _rows(staff_client.get(_url(reviewed, method="mean")).content.decode())[ids[2]][0] == "1"


def test_sorting_by_a_column_and_filtering_by_track(
    staff_client: Client, reviewed: Any, entries: list[Any], project: Any
) -> None:
    by_spread = _rows(staff_client.get(_url(reviewed, sort="-spread")).content.decode())
    first_id, first_cells = next(iter(by_spread.items()))
    assert first_id == entries[2].pk
    assert first_cells[0] == "2"  # the rank stays the calibrated one
    by_reference = list(_rows(staff_client.get(_url(reviewed, sort="reference")).content.decode()))
    assert by_reference == sorted(by_reference, key=lambda pk: next(e.reference for e in entries if e.pk == pk))
    other_track = project.tracks.all()[1]
    Entry.objects.filter(pk=entries[2].pk).update(track=other_track)
    in_track = _rows(staff_client.get(_url(reviewed, track=str(other_track.pk))).content.decode())
    assert list(in_track) == [entries[2].pk]
    assert in_track[entries[2].pk][0] == "1"  # ranked among the track's entries


def test_warnings_are_sentences(staff_client: Client, reviewed: Any) -> None:
    text = _text(staff_client.get(_url(reviewed)).content.decode())
    assert "Hara Kim has fewer than 3 reviews: their z-scores use the round's mean and spread." in text
    assert "3 entries have fewer reviews than the 3 planned" in text


def test_chair_never_sees_an_entry_in_conflict(
    client: Client, reviewed: Any, entries: list[Any], chair: Any, judges: list[Any]
) -> None:
    Conflict.objects.create(judge=chair, kind=ConflictKind.COUNTRY, country="KR", reason="Adviser to Seoul")
    client.force_login(chair)
    html = client.get(_url(reviewed)).content.decode()
    rows = _rows(html)
    assert list(rows) == [entries[2].pk, entries[1].pk]
    assert [cells[0] for cells in rows.values()] == ["1", "2"]
    hidden = next(
        r for r in _expected(entries, judges, ranking.Method.CALIBRATED).results if r.entry == str(entries[0].pk)
    )
    assert entries[0].reference not in html
    for number in (hidden.score, hidden.mean, hidden.ci_low, hidden.ci_high):
        assert f"{number:.1f}" not in _text(html)
    assert "1 entry is not shown because you have a conflict of interest with it." in _text(html)
    # Places count only the entries shown, as ranks do: a moving cut-off tells nothing of the hidden one.
    shown = [r for r in _expected(entries, judges, ranking.Method.CALIBRATED).results if r.entry != hidden.entry]
    expected = ranking.places(shown, 1)
    line = _text(client.get(_url(reviewed, cutoff="1")).content.decode())
    counts = [sum(place == kind for place in expected.values()) for kind in ranking.Place]
    assert "With a cut-off after 1 place: {} settled inside, {} settled outside, {} too close".format(*counts) in line
    # The hard judge's strip lists only the visible review (Nairobi: 2 and 4 -> 36.7), not Seoul's.
    assert re.search(r"<th scope=\"row\">Hara Kim</th><td class=\"num\">1</td>", html)
    assert "Advance the best entries" not in html


def test_staff_see_every_entry_even_with_a_judge_profile(
    client: Client, reviewed: Any, entries: list[Any], staff: Any
) -> None:
    Conflict.objects.create(judge=staff, kind=ConflictKind.COUNTRY, country="KR", reason="Adviser to Seoul")
    give_totp(staff)
    client.force_login(staff)
    assert len(_rows(client.get(_url(reviewed)).content.decode())) == 3


def test_charts_come_with_captions_and_data_tables(staff_client: Client, reviewed: Any, project: Any) -> None:
    html = staff_client.get(_url(reviewed)).content.decode()
    prefix = f"category-{project.pk}"
    for chart in ("judges", "calibration", "spread"):
        assert f'role="img" aria-labelledby="{prefix}-{chart}-caption"' in html
        assert f'<figcaption id="{prefix}-{chart}-caption">' in html
        assert f'<caption id="{prefix}-{chart}-table">' in html
    assert html.count("<svg") == 3
    assert "style=" not in html.split("<main", 1)[1]  # the CSP forbids inline styles
    # A dot per review in the judges' and the spreads' charts, and one in each of their legends.
    assert html.count('class="mark-review"') == 6 + 6 + 2


@pytest.mark.parametrize("role", [Role.APPLICANT, Role.JUDGE])
def test_applicants_and_judges_get_404(client: Client, reviewed: Any, role: Role) -> None:
    user = make_judge("other@judges-d.example") if role == Role.JUDGE else make_user(email="a@applicant.example")
    client.force_login(user)
    assert client.get(_url(reviewed)).status_code == 404
    assert client.get(reverse("judging_results:advance", args=[reviewed.pk])).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client: Client, reviewed: Any) -> None:
    response = client.get(_url(reviewed))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_chair_cannot_open_the_advancement(client: Client, reviewed: Any, chair: Any) -> None:
    client.force_login(chair)
    assert client.get(reverse("judging_results:advance", args=[reviewed.pk])).status_code == 404


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("as_chair", [False, True])
def test_query_count_is_flat_in_entries_and_reviews(
    client: Client,
    scored_round: Any,
    entries: list[Any],
    judges: list[Any],
    criteria: list[Any],
    staff: Any,
    chair: Any,
    as_chair: bool,
) -> None:
    user = chair if as_chair else staff
    if not as_chair:
        give_totp(user)
    client.force_login(user)
    _review(scored_round, entries[0], judges[0], criteria, 3, 6)
    one = _count(client, _url(scored_round))
    for entry_index, judge_index, value, implementation in REVIEWS[1:]:
        _review(scored_round, entries[entry_index], judges[judge_index], criteria, value, implementation)
    many = _count(client, _url(scored_round))
    assert one == many
    assert many <= 20


def test_the_tie_break_rule_used_is_shown(
    staff_client: Client, scored_round: Any, entries: list[Any], judges: list[Any], criteria: list[Any]
) -> None:
    for entry in entries[:2]:  # the same scores and submission time: equal on every rule of the round
        _review(scored_round, entry, judges[0], criteria, 3, 6)
    rows = list(_rows(staff_client.get(_url(scored_round)).content.decode()).values())
    assert [row[10] for row in rows] == ["—", "Entry number (all else equal)"]


def test_results_page_ids_are_unique_with_both_forms(staff_client: Client, reviewed: Any) -> None:
    """The filter form and the advancement form both ask for a category and a
    track: each keeps its own ids, so every label points at its own field."""
    html = staff_client.get(_url(reviewed)).content.decode()
    ids = Counter(re.findall(r'\sid="([^"]+)"', html))
    assert [name for name, count in ids.items() if count > 1] == []
    assert 'for="id_category"' in html
    assert 'for="id_advance_category"' in html
