"""The staff judging pages: rounds and invitations, automatic assignment,
progress and reminders, the assignment matrix and conflicts of interest."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from judging import services
from judging.engine.assignment import Problem, ProblemKind
from judging.enums import AssignmentState, ConflictKind, ConflictStatus, ReviewState
from judging.models import Assignment, Conflict, JudgeInvitation, Review, Round
from judging.selectors import rounds as selectors
from prize_portal.accounts.roles import Role
from prize_portal.outbox.models import OutboxMessage
from prize_portal.site.spreadsheets import seoul_iso as _seoul_iso
from submissions.models import Entry
from tests.factories import assign, give_totp, make_judge, make_round, make_user, put_in_round, submit_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client: Client, staff: Any) -> Client:
    give_totp(staff)  # staff need MFA before any page opens
    client.force_login(staff)
    return client


def _url(name: str, *args: Any) -> str:
    return reverse(f"judging_staff:{name}", args=args)


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _rows(html: str, table_class: str) -> list[list[str]]:
    """The cells' text of each body row of the first table with ``table_class``."""
    table = re.search(rf'<table class="[^"]*\b{table_class}\b[^"]*">(.*?)</table>', html, re.S)
    assert table, f"no table {table_class}"
    body = table.group(1).split("<tbody>", 1)[1]
    return [
        [_text(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]


def _messages(response: Any) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def _submit(judge: Any, assignment: Assignment, criteria: list[Any]) -> Review:
    return services.review_submit(
        judge=judge,
        assignment_id=assignment.pk,
        version=0,
        scores={criteria[0].pk: 4, criteria[1].pk: 8},
        overall_comment="Convincing",
        recommendation="yes",
    )


def _draft(judge: Any, assignment: Assignment) -> Review:
    return services.review_save_draft(judge=judge, assignment_id=assignment.pk, version=0, scores={})


def _domain(entry: Entry) -> str:
    return entry.owner.email.split("@")[1]


def _entries(project: Any, count: int) -> list[Entry]:
    return [submit_entry(project, email=f"city{index}@city{index}.example") for index in range(count)]


# --- Who may open the pages --------------------------------------------------------------------


def _all_urls(round_id: int) -> list[tuple[str, str]]:
    gets = ["round", "assign", "matrix", "conflicts", "conflicts_csv"]
    return [
        ("get", _url("rounds")),
        *(("get", _url(name, round_id)) for name in gets),
        ("post", _url("invite")),
        ("post", _url("add_entries", round_id)),
        ("post", _url("assign", round_id)),
        ("post", _url("remind", round_id, 1)),
        ("post", _url("assignment_add", round_id)),
        ("post", _url("assignment_remove", round_id, 1)),
        ("post", _url("review_unlock", round_id, 1)),
        ("post", _url("conflict_decide", round_id, 1)),
    ]


def test_pages_send_anonymous_visitors_to_sign_in(client: Client, scored_round: Any) -> None:
    for method, url in _all_urls(scored_round.pk):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"/en/accounts/login/?next={url}"


@pytest.mark.parametrize("role", [Role.APPLICANT, Role.JUDGE, Role.CHAIR])
def test_pages_are_404_for_everyone_but_staff(client: Client, scored_round: Any, role: Role) -> None:
    user = make_user(role, email=f"{role.value}@example.org")
    give_totp(user)
    client.force_login(user)
    for method, url in _all_urls(scored_round.pk):
        assert getattr(client, method)(url).status_code == 404, url
    assert not scored_round.round_entries.exists()


def test_unknown_round_and_objects_of_another_round_are_404(
    staff_client: Client, project: Any, scored_round: Any, entry: Any, judge: Any, staff: Any
) -> None:
    other = make_round(project, name_en="Other round")
    assignment = assign(other, entry, judge, actor=staff)
    assert staff_client.get(_url("round", 9999)).status_code == 404
    assert staff_client.post(_url("assignment_remove", scored_round.pk, assignment.pk)).status_code == 404
    assert Assignment.objects.filter(pk=assignment.pk).exists()


# --- Rounds and invitations ------------------------------------------------------------------------


def test_rounds_page_lists_rounds_with_counts(
    staff_client: Client, project: Any, scored_round: Any, entry: Any, judge: Any, staff: Any, criteria: Any
) -> None:
    second = submit_entry(project, email="b@busan.example", title="Night buses")
    _submit(judge, assign(scored_round, entry, judge, actor=staff), criteria)
    assign(scored_round, second, judge, actor=staff)
    response = staff_client.get(_url("rounds"))
    html = response.content.decode()
    assert [row[0] for row in _rows(html, "staff-table")][:1] == ["First round"]
    row = _rows(html, "staff-table")[0]
    assert row[1:3] == [project.cycle.name, "Scored round (rubric)"]
    assert row[5:] == ["2", "2", "1"]  # entries, assignments, reviews submitted
    assert f'href="{_url("round", scored_round.pk)}"' in html
    assert f'href="{reverse("admin:judging_round_add")}"' in html


def test_invite_a_judge_from_the_rounds_page(staff_client: Client, staff: Any) -> None:
    data = {"email": "expert@kaist.example", "name": "Dr Expert", "language": "ko", "chair": "on"}
    response = staff_client.post(_url("invite"), data, follow=True)
    invitation = JudgeInvitation.objects.get()
    assert (invitation.email, invitation.name, invitation.language, invitation.chair) == (
        "expert@kaist.example",
        "Dr Expert",
        "ko",
        True,
    )
    assert (
        OutboxMessage.objects.filter(to_email="expert@kaist.example", template="judging/email/judge_invitation").count()
        == 1
    )
    assert _messages(response) == ["Invitation queued for expert@kaist.example."]
    invitations = _rows(response.content.decode(), "staff-table")
    assert invitations[0][:4] == ["Dr Expert", "expert@kaist.example", "Committee chair", invitations[0][3]]
    assert invitations[0][4] == "Not yet"


def test_invite_twice_shows_the_error_on_the_form(staff_client: Client) -> None:
    data = {"email": "expert@kaist.example", "name": "Dr Expert", "language": "en"}
    staff_client.post(_url("invite"), data)
    response = staff_client.post(_url("invite"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "This address has already been invited." in html
    assert 'value="expert@kaist.example"' in html
    assert JudgeInvitation.objects.count() == 1


def test_invite_with_a_bad_address_saves_nothing(staff_client: Client) -> None:
    response = staff_client.post(_url("invite"), {"email": "not-an-address", "name": "X", "language": "en"})
    assert "Enter a valid email address." in response.content.decode()
    assert not JudgeInvitation.objects.exists()


# --- The round page: header, entries, progress, reminders ----------------------------------------------


def test_round_page_header(staff_client: Client, scored_round: Any, criteria: Any) -> None:
    html = staff_client.get(_url("round", scored_round.pk)).content.decode()
    text = _text(html)
    assert "Kind Scored round (rubric)" in text
    assert "Judges per entry 3" in text
    assert "Judges see each other's reviews After the judge submitted their own review" in text
    assert "Blind No" in text
    # Default tie-breaks, the criteria named by their names.
    assert re.findall(r"<li>(.*?)</li>", html.split('class="tie-breaks"')[1].split("</ol>")[0]) == [
        "Higher mean on “Value generation”",
        "Higher mean on “Implementation”",
        "More reviews",
        "Earlier submission",
    ]
    assert "(Seoul time)" in text


def test_add_eligible_entries_reports_the_count(staff_client: Client, project: Any, entry: Any) -> None:
    screening = make_round(project, kind="screening", name_en="Screening")
    response = staff_client.post(_url("add_entries", screening.pk), follow=True)
    assert _messages(response) == ["1 entry added to the round."]
    assert list(screening.entries.all()) == [entry]
    response = staff_client.post(_url("add_entries", screening.pk), follow=True)
    assert _messages(response) == ["No eligible entry was left to add."]


@pytest.fixture
def progress_round(project: Any, scored_round: Any, staff: Any, criteria: Any) -> dict[str, Any]:
    """Ann: one submitted, one draft, one not started. Ben: one recused, one submitted."""
    ann = make_judge("ann@univ-a.example", name="Ann")
    ben = make_judge("ben@univ-b.example", name="Ben")
    first, second, third = _entries(project, 3)
    _submit(ann, assign(scored_round, first, ann, actor=staff), criteria)
    _draft(ann, assign(scored_round, second, ann, actor=staff))
    assign(scored_round, third, ann, actor=staff)
    services.assignment_recuse(judge=ben, assignment_id=assign(scored_round, first, ben, actor=staff).pk, reason="Busy")
    _submit(ben, assign(scored_round, second, ben, actor=staff), criteria)
    return {"ann": ann, "ben": ben, "entries": [first, second, third]}


def test_progress_table_numbers_are_exact(staff_client: Client, scored_round: Any, progress_round: Any) -> None:
    response = staff_client.get(_url("round", scored_round.pk))
    html = response.content.decode()
    rows = _rows(html, "staff-table")
    assert [row[:6] for row in rows] == [
        ["Ann", "3", "1", "1", "1", "0"],
        ["Ben", "1", "1", "0", "0", "1"],
    ]
    assert [row[7] for row in rows] == ["—", "—"]  # closes in ten days: nobody late
    assert "Send reminder now · Ann" in rows[0][8]
    assert rows[1][8] == "—"  # nothing pending
    assert "2 of 4 reviews submitted; 2 still to submit." in _text(html)
    ann = response.context["progress"].judges[0]
    assert (
        ann.last_activity
        == Review.objects.filter(assignment__judge=progress_round["ann"]).latest("updated_at").updated_at
    )


def test_progress_flags_judges_late_when_the_round_closes_within_three_days(
    staff_client: Client, scored_round: Any, progress_round: Any
) -> None:
    type(scored_round).objects.filter(pk=scored_round.pk).update(closes_at=timezone.now() + timedelta(days=2))
    rows = _rows(staff_client.get(_url("round", scored_round.pk)).content.decode(), "staff-table")
    assert [(row[0], row[7]) for row in rows] == [("Ann", "⚠ Late"), ("Ben", "—")]


def test_reminder_now_queues_one_message_and_then_says_already_reminded(
    staff_client: Client, scored_round: Any, progress_round: Any
) -> None:
    ann = progress_round["ann"]
    response = staff_client.post(_url("remind", scored_round.pk, ann.pk), follow=True)
    assert _messages(response) == ["Reminder queued for Ann (ann@univ-a.example)."]
    message = OutboxMessage.objects.get(template="judging/email/reminder")
    assert (message.to_email, message.context["pending"]) == ("ann@univ-a.example", 2)
    response = staff_client.post(_url("remind", scored_round.pk, ann.pk), follow=True)
    assert _messages(response) == [
        "Ann (ann@univ-a.example) has already been reminded today (Seoul time); no second reminder was queued."
    ]
    assert OutboxMessage.objects.filter(template="judging/email/reminder").count() == 1


def test_reminder_for_a_judge_with_nothing_pending_queues_nothing(
    staff_client: Client, scored_round: Any, progress_round: Any
) -> None:
    response = staff_client.post(_url("remind", scored_round.pk, progress_round["ben"].pk), follow=True)
    assert _messages(response) == ["This judge has no review to submit in this round while it is open."]
    assert not OutboxMessage.objects.filter(template="judging/email/reminder").exists()


# --- Automatic assignment -------------------------------------------------------------------------------------


def test_preview_explains_an_entry_no_judge_can_take(
    staff_client: Client, project: Any, scored_round: Any, staff: Any
) -> None:
    english, korean = _entries(project, 2)
    Entry.objects.filter(pk=korean.pk).update(language="ko")
    put_in_round(scored_round, english, korean)
    make_judge("ann@univ-a.example", name="Ann")
    make_judge("ben@univ-b.example", name="Ben")
    make_judge("kim@univ-k.example", name="Kim", languages=["ko"])
    response = staff_client.get(_url("assign", scored_round.pk))
    html = response.content.decode()
    assert re.findall(r"<li>(.*?)</li>", html.split('class="problems"')[1].split("</ul>")[0]) == [
        f"Entry {korean.reference} needs 3 judges; only 1 eligible judge is free."
    ]
    text = _text(html)
    assert "New assignments 4" in text
    assert "Lowest and highest load 1\u20132" in text
    assert "Separate groups 1" in text
    assert _rows(html, "staff-table") == [["Ann", "1"], ["Ben", "1"], ["Kim", "2"]]
    assert "Apply: create 4 assignments" in text
    assert not Assignment.objects.exists()  # a preview saves nothing


def test_preview_for_an_entry_nobody_reads(staff_client: Client, project: Any, scored_round: Any) -> None:
    [korean] = _entries(project, 1)
    Entry.objects.filter(pk=korean.pk).update(language="ko")
    put_in_round(scored_round, korean)
    make_judge("ann@univ-a.example", name="Ann")
    text = _text(staff_client.get(_url("assign", scored_round.pk)).content.decode())
    assert f"Entry {korean.reference} needs 3 judges; no eligible judge is free." in text
    assert "Nothing to apply: no entry can get another judge now." in text


def test_preview_with_a_bad_seed_shows_the_error(staff_client: Client, scored_round: Any) -> None:
    response = staff_client.get(_url("assign", scored_round.pk), {"seed": "-1"})
    assert "Ensure this value is greater than or equal to 0." in response.content.decode()
    assert response.context["preview"] is None


def test_problem_sentences_for_balance_and_groups() -> None:
    unbalanced = Problem(ProblemKind.UNBALANCED, needed=5, found=2)
    disconnected = Problem(ProblemKind.DISCONNECTED, needed=1, found=2)
    assert selectors.problem_sentence(unbalanced, per_entry=3, references={}) == (
        "Loads differ by more than one (from 2 to 5): the conflicts and languages allow no better balance."
    )
    assert selectors.problem_sentence(disconnected, per_entry=3, references={}) == (
        "The judges and entries form 2 separate groups; the calibrated ranking will be computed per group."
    )


def test_apply_gives_each_entry_its_judges_once(staff_client: Client, project: Any, scored_round: Any) -> None:
    entries = _entries(project, 2)
    put_in_round(scored_round, *entries)
    for name in ("ann", "ben", "cem", "dan"):
        make_judge(f"{name}@univ-{name}.example", name=name.title())
    response = staff_client.post(_url("assign", scored_round.pk), {"seed": "7"}, follow=True)
    assert _messages(response) == ["6 assignments created."]
    assert sorted(Assignment.objects.filter(round=scored_round).values_list("entry_id", flat=True)) == sorted(
        [entries[0].pk] * 3 + [entries[1].pk] * 3
    )
    response = staff_client.post(_url("assign", scored_round.pk), follow=True)
    assert _messages(response) == ["No new assignment was needed."]
    assert Assignment.objects.filter(round=scored_round).count() == 6


def test_apply_warns_about_problems(staff_client: Client, project: Any, scored_round: Any) -> None:
    put_in_round(scored_round, *_entries(project, 1))
    make_judge("ann@univ-a.example", name="Ann")
    response = staff_client.post(_url("assign", scored_round.pk), follow=True)
    assert _messages(response) == ["1 assignment created.", "The plan has 1 problem; the preview explains it."]


# --- The matrix and adjustments by hand -------------------------------------------------------------------------


def test_matrix_cells_say_each_state(
    staff_client: Client, project: Any, scored_round: Any, staff: Any, criteria: Any
) -> None:
    ann = make_judge("ann@univ-a.example", name="Ann")
    ben = make_judge("ben@univ-b.example", name="Ben")
    first, second = _entries(project, 2)
    cem = make_judge(first.owner.email.replace("city0@", "cem@"), name="Cem")  # same e-mail domain as the first entry
    _submit(ann, assign(scored_round, first, ann, actor=staff), criteria)
    _draft(ben, assign(scored_round, first, ben, actor=staff))
    assign(scored_round, second, ann, actor=staff)
    services.assignment_recuse(judge=ben, assignment_id=assign(scored_round, second, ben, actor=staff).pk, reason="Ill")
    html = staff_client.get(_url("matrix", scored_round.pk)).content.decode()
    assert '<caption id="matrix-caption">Entries by judges (page 1 of 1)</caption>' in html
    assert 'role="region" aria-labelledby="matrix-caption" tabindex="0"' in html
    header = re.search(r'<table class="matrix">.*?<thead>(.*?)</thead>', html, re.S).group(1)  # type: ignore[union-attr]
    assert re.findall(r'<th scope="col">(.*?)</th>', header) == ["Entry", "Ann", "Ben", "Cem"]
    assert _rows(html, "matrix") == [
        [f"{first.reference} Digital companions", "✓ submitted", "… draft", "conflict"],
        [f"{second.reference} Digital companions", "○ assigned", "recused", ""],
    ]
    assert cem.pk  # the column exists because Cem is on the committee


def test_assign_by_hand_and_the_errors_of_the_service(
    staff_client: Client, project: Any, scored_round: Any, entry: Any
) -> None:
    put_in_round(scored_round, entry)
    ann = make_judge("ann@univ-a.example", name="Ann")
    conflicted = make_judge("pat@" + _domain(entry), name="Pat")  # the entry's e-mail domain
    response = staff_client.post(
        _url("assignment_add", scored_round.pk), {"entry": entry.pk, "judge": ann.pk, "page": "1"}, follow=True
    )
    assert _messages(response) == [f"Ann (ann@univ-a.example) assigned to {entry.reference}."]
    assert Assignment.objects.filter(round=scored_round, entry=entry, judge=ann).exists()
    response = staff_client.post(_url("assignment_add", scored_round.pk), {"entry": entry.pk, "judge": conflicted.pk})
    response = staff_client.get(response["Location"])
    assert _messages(response) == ["This judge has a conflict of interest with the entry."]
    response = staff_client.post(_url("assignment_add", scored_round.pk), {"entry": "", "judge": ann.pk}, follow=True)
    assert _messages(response) == ["Choose an entry and a judge of this round."]
    assert Assignment.objects.count() == 1


def test_remove_an_assignment_but_not_a_submitted_review(
    staff_client: Client, project: Any, scored_round: Any, staff: Any, criteria: Any
) -> None:
    ann = make_judge("ann@univ-a.example", name="Ann")
    first, second = _entries(project, 2)
    submitted = assign(scored_round, first, ann, actor=staff)
    _submit(ann, submitted, criteria)
    open_one = assign(scored_round, second, ann, actor=staff)
    response = staff_client.post(_url("assignment_remove", scored_round.pk, open_one.pk), follow=True)
    assert _messages(response) == [f"Ann (ann@univ-a.example) is no longer assigned to {second.reference}."]
    response = staff_client.post(_url("assignment_remove", scored_round.pk, submitted.pk), follow=True)
    assert _messages(response) == ["The judge has submitted this review. Unlock it first if it must be removed."]
    assert list(Assignment.objects.values_list("pk", flat=True)) == [submitted.pk]


def test_unlock_a_submitted_review_with_a_reason(
    staff_client: Client, scored_round: Any, entry: Any, judge: Any, staff: Any, criteria: Any
) -> None:
    review = _submit(judge, assign(scored_round, entry, judge, actor=staff), criteria)
    html = staff_client.get(_url("matrix", scored_round.pk)).content.decode()
    assert _url("review_unlock", scored_round.pk, review.pk) in html
    response = staff_client.post(_url("review_unlock", scored_round.pk, review.pk), {"reason": " "}, follow=True)
    assert _messages(response) == ["This field is required."]
    response = staff_client.post(
        _url("review_unlock", scored_round.pk, review.pk), {"reason": "Scored the wrong entry"}, follow=True
    )
    assert _messages(response) == [
        f"The review is unlocked: Judge (judge@univ.example) can change {entry.reference} again."
    ]
    review.refresh_from_db()
    assert (review.state, review.submitted_at) == (ReviewState.DRAFT, None)


# --- Conflicts ---------------------------------------------------------------------------------------------------


@pytest.fixture
def conflicted_round(project: Any, scored_round: Any, entry: Any, judge: Any, staff: Any) -> dict[str, Any]:
    """On the entry: the judge declared a conflict, Pat shares the entry's e-mail
    domain (detected) and the applicant asks that Ann does not judge it."""
    ann = make_judge("ann@univ-a.example", name="Ann")
    pat = make_judge("pat@" + _domain(entry), name="Pat")
    declared = services.conflict_declare_entry(
        judge=judge, assignment_id=assign(scored_round, entry, judge, actor=staff).pk, reason="I advised the city"
    )
    ann_assignment = assign(scored_round, entry, ann, actor=staff)
    request = services.conflict_request(user=entry.owner, entry_id=entry.pk, judge_id=ann.pk, reason="A competitor")
    return {"ann": ann, "pat": pat, "declared": declared, "request": request, "ann_assignment": ann_assignment}


def test_conflicts_page_lists_stored_detected_and_recusals(
    staff_client: Client, scored_round: Any, entry: Any, conflicted_round: Any
) -> None:
    html = staff_client.get(_url("conflicts", scored_round.pk)).content.decode()
    rows = _rows(html, "conflicts-table")
    ref = f"{entry.reference} Digital companions"
    assert [row[:5] + row[6:7] for row in rows] == [
        [ref, "Ann", "Requested by the applicant", "A competitor", "Waiting for staff", "Requested by the applicant"],
        [ref, "Judge", "Declared for one entry", "I advised the city", "In force", "Declared by the judge"],
        [ref, "Judge", "Recused from the assignment", "I advised the city", "In force", "Recorded on the assignment"],
        [
            ref,
            "Pat",
            "Detected: same e-mail domain",
            f"Shared e-mail domain: {_domain(entry)}.",
            "In force",
            "Detected from profiles and entries",
        ],
    ]
    assert rows[0][7] == f"Approve · {entry.reference} · Ann Reject · {entry.reference} · Ann"
    assert rows[3][5] == "—"  # detected: never declared
    assert [row[7] for row in rows[1:]] == ["—", "—", "—"]


def test_conflicts_page_shows_standing_and_organisation_conflicts(
    staff_client: Client, project: Any, scored_round: Any, entry: Any
) -> None:
    put_in_round(scored_round, entry)
    lee = make_judge("lee@kdi.example", name="Lee", organisation=entry.organisation.name_en)
    services.conflict_declare_standing(judge=lee, kind=ConflictKind.COUNTRY, country="KR", reason="I advise Korea")
    rows = _rows(staff_client.get(_url("conflicts", scored_round.pk)).content.decode(), "conflicts-table")
    assert [row[1:4] for row in rows] == [
        ["Lee", "Standing: a country (South Korea)", "I advise Korea"],
        [
            "Lee",
            "Detected: same organisation",
            f"The judge belongs to {entry.organisation.name_en}, or names it as their organisation.",
        ],
    ]


def test_conflicts_csv_holds_the_same_rows(
    staff_client: Client, scored_round: Any, entry: Any, conflicted_round: Any
) -> None:
    response = staff_client.get(_url("conflicts_csv", scored_round.pk))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(f'attachment; filename="conflicts-round-{scored_round.pk}-')
    declared = conflicted_round["declared"]
    request = conflicted_round["request"]
    recused_at = Assignment.objects.get(judge=declared.judge).recused_at
    ref = entry.reference
    expected = [
        [
            "Judge",
            "Judge's e-mail address",
            "Reference number",
            "Title in English",
            "Kind",
            "Reason",
            "Status",
            "Declared (Seoul time)",
            "Source",
        ],
        [
            "Ann",
            "ann@univ-a.example",
            ref,
            "Digital companions",
            "Requested by the applicant",
            "A competitor",
            "Waiting for staff",
            _seoul_iso(request.created_at),
            "Requested by the applicant",
        ],
        [
            "Judge",
            "judge@univ.example",
            ref,
            "Digital companions",
            "Declared for one entry",
            "I advised the city",
            "In force",
            _seoul_iso(declared.created_at),
            "Declared by the judge",
        ],
        [
            "Judge",
            "judge@univ.example",
            ref,
            "Digital companions",
            "Recused from the assignment",
            "I advised the city",
            "In force",
            _seoul_iso(recused_at),
            "Recorded on the assignment",
        ],
        [
            "Pat",
            f"pat@{_domain(entry)}",
            ref,
            "Digital companions",
            "Detected: same e-mail domain",
            f"Shared e-mail domain: {_domain(entry)}.",
            "In force",
            "",
            "Detected from profiles and entries",
        ],
    ]
    content = response.content.decode("utf-8")
    assert content.startswith('\ufeff"Judge","Judge\'s e-mail address",')  # every cell quoted
    assert list(csv.reader(io.StringIO(content.removeprefix("\ufeff")))) == expected
    assert "+09:00" in _seoul_iso(declared.created_at)


def test_conflicts_csv_neutralises_formulas(
    staff_client: Client, scored_round: Any, entry: Any, judge: Any, staff: Any
) -> None:
    services.conflict_declare_entry(
        judge=judge, assignment_id=assign(scored_round, entry, judge, actor=staff).pk, reason="=HYPERLINK(1)"
    )
    content = staff_client.get(_url("conflicts_csv", scored_round.pk)).content.decode("utf-8")
    assert ',"\'=HYPERLINK(1)",' in content
    assert "=HYPERLINK" not in content.replace("'=HYPERLINK", "")


def test_approving_a_request_recuses_the_judge(
    staff_client: Client, scored_round: Any, entry: Any, conflicted_round: Any
) -> None:
    request = conflicted_round["request"]
    url = _url("conflict_decide", scored_round.pk, request.pk)
    response = staff_client.post(url, {"decision": "approve"}, follow=True)
    assert _messages(response) == [f"Request approved: Ann (ann@univ-a.example) will not judge {entry.reference}."]
    request.refresh_from_db()
    assert request.status == ConflictStatus.APPROVED
    assignment = conflicted_round["ann_assignment"]
    assignment.refresh_from_db()
    assert assignment.state == AssignmentState.RECUSED
    response = staff_client.post(url, {"decision": "reject"}, follow=True)
    assert _messages(response) == ["This request has already been decided."]


def test_rejecting_a_request_keeps_the_assignment(
    staff_client: Client, scored_round: Any, entry: Any, conflicted_round: Any
) -> None:
    request = conflicted_round["request"]
    staff_client.post(_url("conflict_decide", scored_round.pk, request.pk), {"decision": "reject"})
    request.refresh_from_db()
    assert request.status == ConflictStatus.REJECTED
    conflicted_round["ann_assignment"].refresh_from_db()
    assert conflicted_round["ann_assignment"].state == AssignmentState.ACTIVE
    assert (
        staff_client.post(_url("conflict_decide", scored_round.pk, request.pk), {"decision": "maybe"}).status_code
        == 404
    )


def test_a_declared_conflict_cannot_be_decided_as_a_request(
    staff_client: Client, scored_round: Any, conflicted_round: Any
) -> None:
    declared = conflicted_round["declared"]
    url = _url("conflict_decide", scored_round.pk, declared.pk)
    assert staff_client.post(url, {"decision": "reject"}).status_code == 404
    assert Conflict.objects.get(pk=declared.pk).status == ConflictStatus.APPROVED


# --- Query counts ---------------------------------------------------------------------------------------------------


def _build(project: Any, round_: Any, staff: Any, criteria: Any, start: int, count: int) -> None:
    """``count`` more judges and entries, each judge with a submitted review and a draft, and a pending request."""
    judges = [make_judge(f"j{index}@univ{index}.example", name=f"J{index}") for index in range(start, start + count)]
    entries = [submit_entry(project, email=f"e{index}@city{index}.example") for index in range(start, start + count)]
    for judge, entry in zip(judges, entries, strict=True):
        _submit(judge, assign(round_, entry, judge, actor=staff), criteria)
    for judge, entry in zip(judges, [*entries[1:], entries[0]], strict=True):
        if (entry.pk, judge.pk) not in set(Assignment.objects.values_list("entry_id", "judge_id")):
            _draft(judge, assign(round_, entry, judge, actor=staff))
    services.conflict_request(user=entries[0].owner, entry_id=entries[0].pk, judge_id=judges[0].pk, reason="Rival")


def _count(client: Client, url: str) -> int:
    client.get(url)  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["round", "matrix", "conflicts"])
def test_round_pages_query_count_does_not_grow(
    staff_client: Client, project: Any, scored_round: Any, staff: Any, criteria: Any, name: str
) -> None:
    url = _url(name, scored_round.pk)
    _build(project, scored_round, staff, criteria, 0, 1)
    one = _count(staff_client, url)
    _build(project, scored_round, staff, criteria, 1, 3)
    assert _count(staff_client, url) == one
    assert one <= 20


def test_assignment_preview_query_count_does_not_grow(
    staff_client: Client, project: Any, scored_round: Any, staff: Any, criteria: Any
) -> None:
    # Twelve judges per entry: entries are short of judges with 1 or 4 judges,
    # so both previews look up the references of the entries they name.
    type(scored_round).objects.filter(pk=scored_round.pk).update(judges_per_entry=12)
    url = _url("assign", scored_round.pk)
    _build(project, scored_round, staff, criteria, 0, 1)
    one = _count(staff_client, url)
    _build(project, scored_round, staff, criteria, 1, 3)
    assert _count(staff_client, url) == one
    assert one <= 20


def test_rounds_page_query_count_does_not_grow(
    staff_client: Client, project: Any, scored_round: Any, staff: Any, criteria: Any
) -> None:
    url = _url("rounds")
    one = _count(staff_client, url)
    make_round(project, name_en="Second round")
    make_round(project, name_en="Final round", kind="final")
    _build(project, scored_round, staff, criteria, 0, 3)
    staff_client.post(_url("invite"), {"email": "x@kaist.example", "name": "X", "language": "en"})
    assert _count(staff_client, url) == one
    assert one <= 20


def test_progress_selector_counts_match_the_progress_of_each_assignment(scored_round: Any, progress_round: Any) -> None:
    progress = selectors.round_progress(scored_round, now=timezone.now())
    assert (progress.assigned, progress.done, progress.pending) == (4, 2, 2)
    assert {row.judge.name: row.recused for row in progress.judges} == {"Ann": 0, "Ben": 1}


# --- Django admin -----------------------------------------------------------------------------------------------------


def test_admin_round_pages_open_for_staff(staff_client: Client, scored_round: Any, criteria: Any) -> None:
    changelist = staff_client.get(reverse("admin:judging_round_changelist"))
    assert changelist.status_code == 200
    assert _url("round", scored_round.pk) in changelist.content.decode()
    assert staff_client.get(reverse("admin:judging_round_add")).status_code == 200
    change = staff_client.get(reverse("admin:judging_round_change", args=[scored_round.pk]))
    assert change.status_code == 200
    # The round has opened: its tie-break rules can no longer be changed.
    assert 'name="tie_breaks"' not in change.content.decode()
    assert "tie_breaks" in change.context["adminform"].readonly_fields


def test_admin_round_form_checks_tie_break_rules(staff: Any, project: Any) -> None:
    from judging.forms.staff import _check_reminder_days, _check_tie_breaks

    assert _check_tie_breaks(["criterion:value", "more_reviews"]) == ["criterion:value", "more_reviews"]
    for bad in (["fastest"], ["criterion:"], ["more_reviews", "more_reviews"], "more_reviews"):
        with pytest.raises(ValidationError):
            _check_tie_breaks(bad)
    assert _check_reminder_days([1, 7, 3, 3]) == [7, 3, 1]
    with pytest.raises(ValidationError):
        _check_reminder_days([-1])


def test_admin_approves_requests_through_the_service(
    staff_client: Client, scored_round: Any, entry: Any, conflicted_round: Any
) -> None:
    request = conflicted_round["request"]
    declared = conflicted_round["declared"]
    changelist = reverse("admin:judging_conflict_changelist")
    assert staff_client.get(changelist).status_code == 200
    response = staff_client.post(
        changelist, {"action": "approve_requests", "_selected_action": [request.pk, declared.pk]}, follow=True
    )
    assert _messages(response) == [
        "1 request approved.",
        "1 selected conflict was left as it was: only pending requests of applicants are decided.",
    ]
    request.refresh_from_db()
    assert request.status == ConflictStatus.APPROVED
    conflicted_round["ann_assignment"].refresh_from_db()
    assert conflicted_round["ann_assignment"].state == AssignmentState.RECUSED


def test_admin_shows_judging_records_read_only(
    staff_client: Client, scored_round: Any, entry: Any, judge: Any, staff: Any, criteria: Any
) -> None:
    review = _submit(judge, assign(scored_round, entry, judge, actor=staff), criteria)
    services.judge_invite(actor=staff, email="new@kaist.example", name="New", language="en")
    invitation = JudgeInvitation.objects.get()
    for name in ("assignment", "review", "roundentry", "judgeprofile", "judgeinvitation", "conflict"):
        assert staff_client.get(reverse(f"admin:judging_{name}_changelist")).status_code == 200, name
    review_page = staff_client.get(reverse("admin:judging_review_change", args=[review.pk]))
    assert review_page.status_code == 200
    assert 'name="state"' not in review_page.content.decode()  # read-only
    invitation_page = staff_client.get(reverse("admin:judging_judgeinvitation_change", args=[invitation.pk]))
    assert invitation.token not in invitation_page.content.decode()
    assert staff_client.post(reverse("admin:judging_review_delete", args=[review.pk])).status_code == 403


def test_admin_adds_a_round(staff_client: Client, project: Any, criteria: Any) -> None:
    data = {
        "cycle": project.cycle.pk,
        "name_en": "Final round",
        "kind": "final",
        "categories": [project.pk],
        "judges_per_entry": "5",
        "opens_at": "2030-07-01T09:00",
        "closes_at": "2030-07-20T18:00",
        "reminder_days": "[1, 7]",
        "peer_visibility": "never",
        "tie_breaks": '["criterion:value", "bogus"]',
        "assignment_seed": "3",
    }
    url = reverse("admin:judging_round_add")
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "“bogus” is not a tie-break rule." in response.content.decode()
    data["tie_breaks"] = '["criterion:value", "higher_median"]'
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    round_ = Round.objects.get(name_en="Final round")
    assert (round_.judges_per_entry, round_.reminder_days, round_.tie_breaks) == (
        5,
        [7, 1],
        ["criterion:value", "higher_median"],
    )
    assert list(round_.categories.all()) == [project]
    assert round_.opens_at.isoformat() == "2030-07-01T00:00:00+00:00"  # typed in Seoul time
