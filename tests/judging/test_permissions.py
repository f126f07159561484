"""Who may open and post to each reviewer page of judging.

Every reviewer URL of judging/urls.py is requested by an anonymous visitor,
the entry's owner, the assigned judge, a judge not assigned, two judges
assigned but in conflict (a standing conflict with the entry's country, an
approved exclusion request by the applicant), a chair not assigned and staff.
A refused request answers 404 (anonymous: the sign-in page) and changes
nothing in the database. Then: what a blind round hides from the judge, and
the same matrix for the staff pages of judging/staff_urls.py (staff only)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from judging.enums import ConflictKind, ConflictStatus
from judging.models import Assignment, Conflict, Declaration, JudgeInvitation, Review, ReviewScore, Round, RoundEntry
from judging.services import conflict_request, review_submit
from prize_portal.accounts.models import User
from prize_portal.accounts.roles import Role
from prize_portal.outbox.models import OutboxMessage
from submissions.models import Attachment, Entry
from submissions.services import entry_submit
from submissions.services.entries import entry_decide_eligibility
from tests.factories import (
    BEFORE_DEADLINE,
    PDF_BYTES,
    PDF_TEXT,
    assign,
    give_totp,
    make_jpeg,
    make_judge,
    make_round,
    make_user,
    submit_entry,
)
from tests.factories.submissions import attachment_add_checked

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "applicant",
    "judge",
    "other_judge",
    "country_conflict",
    "requested_conflict",
    "chair",
    "staff",
)
COMMITTEE = frozenset({"judge", "other_judge", "country_conflict", "requested_conflict", "chair"})
ASSIGNED = frozenset({"judge", "country_conflict", "requested_conflict"})
JUDGE = frozenset({"judge"})
REFERENCE = b"SSCP-2030-P-0001"
EMAILS = {
    "applicant": "mayor@gangnam.example",
    "judge": "judge@univ.example",
    "other_judge": "other@univ.example",
    "country_conflict": "country@univ.example",
    "requested_conflict": "requested@univ.example",
    "chair": "chair@univ.example",
    "staff": "staff@wego.example",
}


@dataclass
class World:
    """An open scored round with one entry of Gangnam District (Seoul, Korea),
    submitted with a report and a photo; the photo is marked as identifying.
    Three judges are assigned to it; two of them have a conflict in force that
    the services did not act on (the rows were written directly, so the
    assignments stay active and only the permission check stands in the way)."""

    round: Round
    entry: Entry
    report: Attachment
    photo: Attachment
    criteria: list[Any]
    assignments: dict[str, Assignment]
    users: dict[str, User | None]

    @property
    def assignment(self) -> Assignment:
        return self.assignments["judge"]


@pytest.fixture
def world(project: Any, criteria: list[Any]) -> World:
    entry = submit_entry(
        project,
        email=EMAILS["applicant"],
        name_en="Gangnam District",
        name_native="강남구",
        city="Yeoksam-dong",
        submit=False,
    )
    owner = entry.owner
    report = attachment_add_checked(
        entry_id=entry.pk,
        user=owner,
        upload=SimpleUploadedFile("gangnam-budget.pdf", PDF_BYTES, content_type="application/pdf"),
        now=BEFORE_DEADLINE,
    )
    photo = attachment_add_checked(
        entry_id=entry.pk,
        user=owner,
        upload=SimpleUploadedFile("gangnam-mayor.jpg", make_jpeg(), content_type="image/jpeg"),
        now=BEFORE_DEADLINE,
    )
    # Staff mark files as identifying in admin; no service writes the flag yet.
    Attachment.objects.filter(pk=photo.pk).update(identifying=True)
    entry_submit(entry_id=entry.pk, user=owner, now=BEFORE_DEADLINE)
    entry.refresh_from_db()

    staff = make_user(Role.STAFF, email=EMAILS["staff"])
    give_totp(staff)
    round_ = make_round(project)
    users: dict[str, User | None] = {"anonymous": None, "applicant": owner, "staff": staff}
    for role in ("judge", "other_judge", "country_conflict", "requested_conflict"):
        users[role] = make_judge(EMAILS[role], country="DE", organisation=f"{role} institute")
    users["chair"] = make_judge(EMAILS["chair"], role=Role.CHAIR)
    assignments = {role: assign(round_, entry, users[role], actor=staff) for role in sorted(ASSIGNED)}
    Conflict.objects.create(
        judge=users["country_conflict"], kind=ConflictKind.COUNTRY, country="KR", reason="I work for Korea."
    )
    Conflict.objects.create(
        judge=users["requested_conflict"],
        kind=ConflictKind.REQUESTED,
        entry=entry,
        reason="A competitor.",
        status=ConflictStatus.APPROVED,
        created_by=owner,
    )
    return World(round_, entry, report, photo, criteria, assignments, users)


def _signed_in(client: Client, world: World, role: str) -> Client:
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    return client


@dataclass
class Request:
    method: str
    url: str
    data: dict[str, Any] | None = None


def _url(name: str, world: World, *args: Any) -> str:
    return reverse(f"judging:{name}", args=[world.assignment.pk, *args])


def _review_data(world: World) -> dict[str, Any]:
    value, implementation = world.criteria
    return {"version": 0, "intent": "save", f"score_{value.pk}": "4", f"score_{implementation.pk}": ""}


def _declaration(world: World, action: str) -> Request:
    """The cycle's declaration page, once a version of the declaration is published."""
    from tests.factories import publish_declaration

    text = publish_declaration()
    url = reverse("judging:declaration", args=[world.round.cycle_id])
    return Request(action, url, {"text": text.pk, "accept": "on"} if action == "post" else None)


# (url name, action) -> the request, built for one world. Every request is
# about the assigned judge's assignment: the others put its id in the URL.
REQUESTS: dict[tuple[str, str], Callable[[World], Request]] = {
    ("dashboard", "GET"): lambda w: Request("get", reverse("judging:dashboard")),
    ("declaration", "GET"): lambda w: _declaration(w, "get"),
    ("declaration", "POST"): lambda w: _declaration(w, "post"),
    ("round", "GET"): lambda w: Request("get", reverse("judging:round", args=[w.round.pk])),
    ("assignment", "GET"): lambda w: Request("get", _url("assignment", w)),
    ("review", "POST"): lambda w: Request("post", _url("review", w), _review_data(w)),
    ("conflict", "GET"): lambda w: Request("get", _url("conflict", w)),
    ("conflict", "POST"): lambda w: Request("post", _url("conflict", w), {"reason": "I advised them."}),
    ("recuse", "GET"): lambda w: Request("get", _url("recuse", w)),
    ("recuse", "POST"): lambda w: Request("post", _url("recuse", w), {"reason": "I am unwell."}),
    ("entry_pdf", "GET"): lambda w: Request("get", _url("entry_pdf", w)),
    ("file", "GET"): lambda w: Request("get", _url("file", w, w.report.pk)),
}


def _send(client: Client, request: Request) -> Any:
    send = client.get if request.method == "get" else client.post
    return send(request.url, request.data or {})


def _state(world: World) -> dict[str, Any]:
    """What any reviewer page could change: reviews, scores, conflicts, assignments."""
    return {
        "reviews": sorted(Review.objects.values_list("assignment__judge__email", "state", "version")),
        "scores": sorted(
            ReviewScore.objects.values_list("review__assignment__judge__email", "criterion__code", "score"),
            key=str,
        ),
        "conflicts": sorted(Conflict.objects.values_list("judge__email", "kind", "status")),
        "assignments": sorted(Assignment.objects.values_list("entry__organisation__name_en", "judge__email", "state")),
        "declarations": sorted(Declaration.objects.values_list("judge__email", "text__version")),
    }


def _changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in after.items() if value != before[key]}


def _body(response: Any) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


@dataclass(frozen=True)
class Row:
    """One request and how each role is answered: ``ok`` for ``allowed``, 404
    for the others; the ``allowed`` roles of a POST change ``change``."""

    name: str
    action: str
    allowed: frozenset[str]
    ok: int = 200
    change: tuple[tuple[str, Any], ...] = ()
    marker: bytes = b""

    def status(self, role: str) -> int:
        if role == "anonymous":
            return 302
        return self.ok if role in self.allowed else 404


J = EMAILS["judge"]
G = "Gangnam District"
ALL_ASSIGNED = [(G, EMAILS[role], "active") for role in sorted(ASSIGNED)]
CONFLICTS = [
    (EMAILS["country_conflict"], "country", "approved"),
    (EMAILS["requested_conflict"], "requested", "approved"),
]


def _assignments_with(judge_state: str) -> list[tuple[str, str, str]]:
    return sorted((entry, email, judge_state if email == J else state) for entry, email, state in ALL_ASSIGNED)


ROWS = [
    # Any committee member has a dashboard; the round page needs an assignment
    # in the round (a conflicted judge sees the entry listed, not linked).
    Row("dashboard", "GET", COMMITTEE, marker=b"<h1>My reviews</h1>"),
    Row("round", "GET", ASSIGNED, marker=b"<h1>First round</h1>"),
    # Asked of whoever judges in the cycle: an assignment in one of its rounds (or a place on a panel).
    Row("declaration", "GET", ASSIGNED, marker=b"Accept and continue"),
    Row("declaration", "POST", ASSIGNED, ok=302, change=(("declarations", "ONE"),)),
    Row("assignment", "GET", JUDGE, marker=b"Older people are left out."),
    Row(
        "review",
        "POST",
        JUDGE,
        ok=302,
        change=(("reviews", [(J, "draft", 1)]), ("scores", [(J, "implementation", None), (J, "value", 4)])),
    ),
    Row("conflict", "GET", JUDGE, marker=b"Declare the conflict"),
    Row(
        "conflict",
        "POST",
        JUDGE,
        ok=302,
        change=(
            ("conflicts", sorted([*CONFLICTS, (J, "entry", "approved")])),
            ("assignments", _assignments_with("recused")),
        ),
    ),
    Row("recuse", "GET", JUDGE, marker=b'name="reason"'),
    Row("recuse", "POST", JUDGE, ok=302, change=(("assignments", _assignments_with("recused")),)),
    Row("entry_pdf", "GET", JUDGE, marker=b"%PDF-"),
    Row("file", "GET", JUDGE, marker=PDF_TEXT),
]

CASES = [pytest.param(row, role, id=f"{row.name}-{row.action}-{role}") for row in ROWS for role in ROLES]


def test_matrix_covers_every_reviewer_url() -> None:
    from judging.urls import account as account_urls
    from judging.urls.reviewer import urlpatterns

    reviewer = {pattern.name for pattern in urlpatterns} - {pattern.name for pattern in account_urls.urlpatterns}
    assert {row.name for row in ROWS} == reviewer
    assert set(REQUESTS) == {(row.name, row.action) for row in ROWS}


@pytest.mark.parametrize(("row", "role"), CASES)
def test_page_answers_each_role(client: Client, world: World, row: Row, role: str) -> None:
    request = REQUESTS[(row.name, row.action)](world)
    _signed_in(client, world, role)
    before = _state(world)

    response = _send(client, request)

    assert response.status_code == row.status(role)
    if role == "anonymous":
        assert response["Location"] == f"{reverse('account_login')}?next={request.url}"
    elif response.status_code == 200:
        assert row.marker in _body(response)
    expected = dict(row.change) if role in row.allowed else {}
    if expected.get("declarations") == "ONE":  # the signed-in judge's own acceptance of version 1
        expected["declarations"] = [(EMAILS[role], 1)]
    assert _changes(before, _state(world)) == expected


@pytest.mark.parametrize(("role", "listed"), [("judge", True), ("country_conflict", True), ("other_judge", False)])
def test_dashboard_lists_the_round_only_to_its_judges(client: Client, world: World, role: str, listed: bool) -> None:
    html = _signed_in(client, world, role).get(reverse("judging:dashboard")).content.decode()
    link = reverse("judging:round", args=[world.round.pk])
    assert (f'href="{link}"' in html, "First round" in html) == (listed, listed)


@pytest.mark.parametrize("role", ["country_conflict", "requested_conflict"])
def test_round_page_shows_a_conflicted_entry_without_a_link(client: Client, world: World, role: str) -> None:
    html = _signed_in(client, world, role).get(reverse("judging:round", args=[world.round.pk])).content.decode()
    own = reverse("judging:assignment", args=[world.assignments[role].pk])
    assert "Conflict of interest: staff will re-assign it" in html
    assert f'href="{own}"' not in html
    assert "Next entry to review" not in html


def test_round_page_links_only_the_judges_own_assignment(client: Client, world: World) -> None:
    html = _signed_in(client, world, "judge").get(reverse("judging:round", args=[world.round.pk])).content.decode()
    links = {
        role: f'href="{reverse("judging:assignment", args=[a.pk])}"' in html for role, a in world.assignments.items()
    }
    assert links == {"judge": True, "country_conflict": False, "requested_conflict": False}


@pytest.mark.parametrize("role", ["country_conflict", "requested_conflict"])
@pytest.mark.parametrize(("name", "method"), [("assignment", "get"), ("review", "post"), ("recuse", "post")])
def test_conflicted_judge_is_refused_on_their_own_assignment(
    client: Client, world: World, role: str, name: str, method: str
) -> None:
    """Not only the other judge's assignment: their own, still active, is a 404 too."""
    assignment = world.assignments[role]
    _signed_in(client, world, role)
    data = {**_review_data(world), "reason": "I am unwell."}
    before = _state(world)

    url = reverse(f"judging:{name}", args=[assignment.pk])
    response = client.get(url) if method == "get" else client.post(url, data)

    assert response.status_code == 404
    assert _changes(before, _state(world)) == {}


def test_file_of_another_entry_is_404_under_ones_own_assignment(client: Client, world: World, project: Any) -> None:
    other = submit_entry(project, email="lima@lima.example", name_en="Lima", country="PE", submit=False)
    upload = SimpleUploadedFile("lima.pdf", PDF_BYTES, content_type="application/pdf")
    foreign = attachment_add_checked(entry_id=other.pk, user=other.owner, upload=upload, now=BEFORE_DEADLINE)
    entry_submit(entry_id=other.pk, user=other.owner, now=BEFORE_DEADLINE)
    _signed_in(client, world, "judge")

    response = client.get(_url("file", world, foreign.pk))

    assert response.status_code == 404


# --- blind rounds ------------------------------------------------------------

HIDDEN = ("Gangnam District", "강남구", "gangnam", "Yeoksam-dong", "Kim Ji-woo")


def _blind(world: World) -> None:
    """Staff make the round blind in admin (no service writes rounds yet)."""
    Round.objects.filter(pk=world.round.pk).update(blind=True)


def _pdf_text(response: Any) -> str:
    pdf = _body(response)
    assert pdf.startswith(b"%PDF-")
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def _judge_pages(world: World) -> dict[str, str]:
    return {
        "dashboard": reverse("judging:dashboard"),
        "round": reverse("judging:round", args=[world.round.pk]),
        "assignment": _url("assignment", world),
        "conflict": _url("conflict", world),
        "recuse": _url("recuse", world),
    }


@pytest.mark.parametrize("name", ["dashboard", "round", "assignment", "conflict", "recuse"])
def test_blind_round_pages_never_name_the_applicant(client: Client, world: World, name: str) -> None:
    _blind(world)
    response = _signed_in(client, world, "judge").get(_judge_pages(world)[name])

    assert response.status_code == 200
    html = response.content.decode()
    assert [text for text in HIDDEN if text.casefold() in html.casefold()] == []


def test_open_round_assignment_page_names_the_applicant(client: Client, world: World) -> None:
    """The counterpart of the blind test: the same page shows them when not blind."""
    html = _signed_in(client, world, "judge").get(_url("assignment", world)).content.decode()
    assert all(text in html for text in ("Gangnam District", "강남구", "Yeoksam-dong", "gangnam-budget.pdf"))


def test_blind_round_assignment_page_lists_files_by_number(client: Client, world: World) -> None:
    _blind(world)
    html = _signed_in(client, world, "judge").get(_url("assignment", world)).content.decode()

    assert "Attachment 1" in html
    assert "Attachment 2" not in html  # the identifying photo is not listed
    assert _url("file", world, world.report.pk) in html
    assert _url("file", world, world.photo.pk) not in html


def test_blind_round_entry_pdf_never_names_the_applicant(client: Client, world: World) -> None:
    _blind(world)
    response = _signed_in(client, world, "judge").get(_url("entry_pdf", world))

    assert response.status_code == 200
    text = _pdf_text(response)
    assert "Digital companions" in text
    assert "Attachment 1" in text
    assert [hidden for hidden in HIDDEN if hidden.casefold() in text.casefold()] == []
    assert "gangnam-mayor" not in text


def test_open_round_entry_pdf_names_the_applicant(client: Client, world: World) -> None:
    text = _pdf_text(_signed_in(client, world, "judge").get(_url("entry_pdf", world)))
    assert "Gangnam District" in text
    assert "gangnam-budget.pdf" in text


def test_blind_round_identifying_file_is_404(client: Client, world: World) -> None:
    _blind(world)
    _signed_in(client, world, "judge")

    assert client.get(_url("file", world, world.photo.pk)).status_code == 404
    assert client.get(_url("file", world, world.photo.pk), {"size": "thumbnail"}).status_code == 404


def test_blind_round_file_is_served_as_a_numbered_attachment(client: Client, world: World) -> None:
    _blind(world)
    response = _signed_in(client, world, "judge").get(_url("file", world, world.report.pk))

    assert response.status_code == 200
    assert _body(response) == world.report.file.open("rb").read()  # the checked copy
    assert "gangnam" not in response["Content-Disposition"].casefold()
    assert 'filename="Attachment 1.pdf"' in response["Content-Disposition"]


def test_open_round_files_keep_their_names(client: Client, world: World) -> None:
    _signed_in(client, world, "judge")
    report = client.get(_url("file", world, world.report.pk))
    photo = client.get(_url("file", world, world.photo.pk))

    assert (report.status_code, photo.status_code) == (200, 200)
    assert 'filename="gangnam-budget.pdf"' in report["Content-Disposition"]
    assert photo["Content-Type"] == "image/jpeg"


# --- staff pages -------------------------------------------------------------


@dataclass
class StaffWorld:
    """The reviewer world, and: the judge's review of Gangnam submitted; a
    second entry of the round (Incheon) assigned to the judge and not yet
    reviewed; an eligible entry (Busan) not yet in the round; the applicant's
    pending request that the judge not assigned does not judge Gangnam."""

    world: World
    review: Review
    incheon: Assignment
    request: Conflict

    @property
    def round(self) -> Round:
        return self.world.round


@pytest.fixture
def staff_world(world: World, project: Any) -> StaffWorld:
    staff, judge = world.users["staff"], world.users["judge"]
    value, implementation = world.criteria
    review = review_submit(
        judge=judge,
        assignment_id=world.assignment.pk,
        version=0,
        scores={value.pk: 4, implementation.pk: 9},
        overall_comment="Strong work.",
        recommendation="yes",
    )
    incheon = submit_entry(project, email="mayor@incheon.example", name_en="Incheon", name_native="인천광역시")
    incheon_assignment = assign(world.round, incheon, judge, actor=staff)
    busan = submit_entry(project, email="mayor@busan.example", name_en="Busan", name_native="부산광역시")
    entry_decide_eligibility(entry_id=busan.pk, staff=staff, eligible=True)
    request = conflict_request(
        user=world.entry.owner, entry_id=world.entry.pk, judge_id=world.users["other_judge"].pk, reason="A rival."
    )
    return StaffWorld(world, review, incheon_assignment, request)


def _staff_url(name: str, sw: StaffWorld, *args: Any) -> str:
    return reverse(f"judging_staff:{name}", args=[sw.round.pk, *args])


STAFF_REQUESTS: dict[tuple[str, str], Callable[[StaffWorld], Request]] = {
    ("rounds", "GET"): lambda sw: Request("get", reverse("judging_staff:rounds")),
    ("invite", "POST"): lambda sw: Request(
        "post",
        reverse("judging_staff:invite"),
        {"email": "newcomer@univ.example", "name": "New Comer", "language": "en"},
    ),
    ("round", "GET"): lambda sw: Request("get", _staff_url("round", sw)),
    ("add_entries", "POST"): lambda sw: Request("post", _staff_url("add_entries", sw)),
    ("assign", "GET"): lambda sw: Request("get", _staff_url("assign", sw)),
    ("assign", "POST"): lambda sw: Request("post", _staff_url("assign", sw), {"seed": "7"}),
    ("remind", "POST"): lambda sw: Request("post", _staff_url("remind", sw, sw.world.users["judge"].pk)),
    ("matrix", "GET"): lambda sw: Request("get", _staff_url("matrix", sw)),
    ("assignment_add", "POST"): lambda sw: Request(
        "post",
        _staff_url("assignment_add", sw),
        {"entry": sw.incheon.entry_id, "judge": sw.world.users["chair"].pk},
    ),
    ("assignment_remove", "POST"): lambda sw: Request("post", _staff_url("assignment_remove", sw, sw.incheon.pk)),
    ("review_unlock", "POST"): lambda sw: Request(
        "post", _staff_url("review_unlock", sw, sw.review.pk), {"reason": "The judge mistyped a score."}
    ),
    ("conflicts", "GET"): lambda sw: Request("get", _staff_url("conflicts", sw)),
    ("conflicts_csv", "GET"): lambda sw: Request("get", _staff_url("conflicts_csv", sw)),
    ("export", "GET"): lambda sw: Request("get", _staff_url("export", sw, "reviews", "csv")),
    ("conflict_decide", "POST"): lambda sw: Request(
        "post", _staff_url("conflict_decide", sw, sw.request.pk), {"decision": "approve"}
    ),
}


def _staff_state(sw: StaffWorld) -> dict[str, Any]:
    return {
        **_state(sw.world),
        "round_entries": sorted(
            RoundEntry.objects.filter(round=sw.round).values_list("entry__organisation__name_en", flat=True)
        ),
        "statuses": sorted(Entry.objects.values_list("organisation__name_en", "status")),
        "invitations": sorted(JudgeInvitation.objects.values_list("email", flat=True)),
        # Judging's own mail (the entries' receipts were queued while building the world).
        "outbox": sorted(
            OutboxMessage.objects.filter(template__startswith="judging/").values_list("to_email", "template")
        ),
    }


STAFF = frozenset({"staff"})
# The world's assignments: Gangnam (the judge, and the two conflicted judges) and Incheon (the judge).
STAFF_ASSIGNED = [*ALL_ASSIGNED, ("Incheon", J, "active")]
OTHER, CHAIR, REQUESTED = EMAILS["other_judge"], EMAILS["chair"], EMAILS["requested_conflict"]
STAFF_ROWS = [
    Row("rounds", "GET", STAFF, marker=b"<h1>Judging</h1>"),
    Row(
        "invite",
        "POST",
        STAFF,
        ok=302,
        change=(
            ("invitations", ["newcomer@univ.example"]),
            ("outbox", [("newcomer@univ.example", "judging/email/judge_invitation")]),
        ),
    ),
    Row("round", "GET", STAFF, marker=b"First round"),
    Row(
        "add_entries",
        "POST",
        STAFF,
        ok=302,
        change=(
            ("round_entries", ["Busan", G, "Incheon"]),
            ("statuses", [("Busan", "in_review"), (G, "submitted"), ("Incheon", "submitted")]),
        ),
    ),
    Row("assign", "GET", STAFF, marker=b"Automatic assignment"),
    # The engine fills Gangnam up to three judges without a conflict (the
    # pending request against the other judge is not in force) and gives
    # Incheon two more; the judge with a standing conflict with Korea gets neither.
    Row(
        "assign",
        "POST",
        STAFF,
        ok=302,
        change=(
            (
                "assignments",
                sorted(
                    [
                        *STAFF_ASSIGNED,
                        (G, CHAIR, "active"),
                        (G, OTHER, "active"),
                        ("Incheon", OTHER, "active"),
                        ("Incheon", REQUESTED, "active"),
                    ]
                ),
            ),
        ),
    ),
    Row("remind", "POST", STAFF, ok=302, change=(("outbox", [(J, "judging/email/reminder")]),)),
    Row("matrix", "GET", STAFF, marker=b"Assignment matrix"),
    Row(
        "assignment_add",
        "POST",
        STAFF,
        ok=302,
        change=(("assignments", sorted([*STAFF_ASSIGNED, ("Incheon", CHAIR, "active")])),),
    ),
    Row("assignment_remove", "POST", STAFF, ok=302, change=(("assignments", ALL_ASSIGNED),)),
    Row("review_unlock", "POST", STAFF, ok=302, change=(("reviews", [(J, "draft", 2)]),)),
    Row("conflicts", "GET", STAFF, marker=b"Conflicts of interest"),
    Row("conflicts_csv", "GET", STAFF, marker=REFERENCE),
    Row("export", "GET", STAFF, marker=REFERENCE),
    Row(
        "conflict_decide",
        "POST",
        STAFF,
        ok=302,
        change=(("conflicts", sorted([*CONFLICTS, (OTHER, "requested", "approved")])),),
    ),
]
STAFF_CASES = [pytest.param(row, role, id=f"{row.name}-{row.action}-{role}") for row in STAFF_ROWS for role in ROLES]


def test_staff_matrix_covers_every_staff_url() -> None:
    from judging.urls.staff import urlpatterns

    assert {row.name for row in STAFF_ROWS} == {pattern.name for pattern in urlpatterns}
    assert set(STAFF_REQUESTS) == {(row.name, row.action) for row in STAFF_ROWS}


@pytest.mark.parametrize(("row", "role"), STAFF_CASES)
def test_staff_page_answers_each_role(client: Client, staff_world: StaffWorld, row: Row, role: str) -> None:
    request = STAFF_REQUESTS[(row.name, row.action)](staff_world)
    _signed_in(client, staff_world.world, role)
    before = _staff_state(staff_world)

    response = _send(client, request)

    assert response.status_code == row.status(role)
    if role == "anonymous":
        assert response["Location"] == f"{reverse('account_login')}?next={request.url}"
    elif response.status_code == 200:
        assert row.marker in _body(response)
    assert _changes(before, _staff_state(staff_world)) == (dict(row.change) if role in row.allowed else {})
