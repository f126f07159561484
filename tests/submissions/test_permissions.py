"""Who may open and post to each applicant page of intake.

Every URL of submissions/urls.py is requested by an anonymous visitor, the
entry's owner, an invited collaborator, a member of the organisation, another
applicant, a judge and staff. A refused request answers 404 (anonymous: the
sign-in page) and changes nothing in the database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from categories.enums import CycleStatus, QuestionKind
from categories.models import Question
from prize_portal.accounts.models import User
from prize_portal.accounts.roles import Role
from submissions.enums import MembershipRole
from submissions.models import Attachment, Entry, Invitation, Membership, Organisation, Submission
from submissions.services import (
    entry_start,
    entry_submit,
    invitation_accept,
    invitation_create,
)
from submissions.services.pdfs import submission_render_pdf
from tests.factories import (
    PDF_BYTES,
    PDF_TEXT,
    CategoryFactory,
    CycleFactory,
    TrackFactory,
    complete_entry,
    give_totp,
    make_jpeg,
    make_organisation,
    make_user,
)
from tests.factories.submissions import attachment_add_checked

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "owner", "collaborator", "member", "other", "judge", "staff")
SIGNED_IN = frozenset(ROLES) - {"anonymous"}
READERS = frozenset({"owner", "collaborator", "member", "staff"})
EDITORS = frozenset({"owner", "collaborator"})
OWNER = frozenset({"owner"})
REFERENCE = "SSCP-2030-P-0001"


@dataclass
class World:
    """An entry submitted once, with a PDF and a photo
    attached, a collaborator who accepted, an open invitation to the member,
    and another applicant with an entry of their own."""

    entry: Entry
    organisation: Organisation
    report: Attachment
    photo: Attachment
    submission: Submission  # its PDF is rendered only where a test fetches it
    invitation: Invitation
    other_entry: Entry
    users: dict[str, User | None]


@pytest.fixture
def world(project: Any, applicant: User, organisation: Organisation) -> World:
    cycle = project.cycle
    cycle.applications_open_at = timezone.now() - timedelta(days=30)
    cycle.applications_close_at = timezone.now() + timedelta(days=1)
    cycle.save()
    Question.objects.create(
        category=project, code="documents", kind=QuestionKind.FILE, label_en="Documents", required=False
    )
    track = project.tracks.first()
    entry = entry_start(user=applicant, organisation=organisation, category=project, track=track, language="ko")
    collaborator = make_user(email="collaborator@example.org")
    invited = invitation_create(entry_id=entry.pk, user=applicant, email=collaborator.email, language="en")
    invitation_accept(token=invited.token, user=collaborator)
    member = make_user(email="member@example.org")
    # No service adds a member to an organisation yet.
    Membership.objects.create(organisation=organisation, user=member, role=MembershipRole.MEMBER)
    complete_entry(entry, applicant)
    report = attachment_add_checked(
        entry_id=entry.pk,
        user=applicant,
        upload=SimpleUploadedFile("report.pdf", PDF_BYTES, content_type="application/pdf"),
        question_code="documents",
    )
    photo = attachment_add_checked(
        entry_id=entry.pk,
        user=applicant,
        upload=SimpleUploadedFile("photo.jpg", make_jpeg(), content_type="image/jpeg"),
    )
    submission = entry_submit(entry_id=entry.pk, user=applicant)
    invitation = invitation_create(entry_id=entry.pk, user=applicant, email=member.email, language="en")
    other = make_user(email="other@example.org")
    other_organisation = make_organisation(other, name_native="부산광역시", name_en="Busan Metropolitan City")
    other_entry = entry_start(user=other, organisation=other_organisation, category=project, track=track)
    judge = make_user(Role.JUDGE, email="judge@example.org")
    staff = make_user(Role.STAFF, email="staff@example.org")
    for user in (judge, staff):
        give_totp(user)  # judges and staff need MFA before any page opens
    entry.refresh_from_db()
    users: dict[str, User | None] = {
        "anonymous": None,
        "owner": applicant,
        "collaborator": collaborator,
        "member": member,
        "other": other,
        "judge": judge,
        "staff": staff,
    }
    return World(entry, organisation, report, photo, submission, invitation, other_entry, users)


def _signed_in(client: Client, world: World, role: str) -> Client:
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    return client


def _organisation_data(name_en: str) -> dict[str, str]:
    return {
        "type": "city",
        "name_native": "서울특별시",
        "name_en": name_en,
        "country": "KR",
        "city": "Seoul",
        "website": "",
        "contact_name": "Kim Ji-woo",
        "contact_phone": "",
    }


def _entry_data(world: World, **extra: Any) -> dict[str, Any]:
    data = {
        "version": world.entry.version,
        "language": "ko",
        "title_en": "Safer streets",
        "summary_en": "Lights.",
        "title_original": "안전한 거리",
        "summary_original": "조명.",
        "answer-problem": "Dark streets",
        "answer-fields": ["safety"],
        "answer-government-role": "Leads",
    }
    data.update(extra)
    return data


FETCH = {"X-Requested-With": "fetch"}


@dataclass
class Request:
    method: str
    url: str
    data: dict[str, Any] | None = None
    headers: dict[str, str] | None = None


def _entry_url(world: World, name: str, *args: Any) -> str:
    return reverse(f"submissions:{name}", args=[world.entry.pk, *args])


# (url name, action) -> the request, built for one world.
REQUESTS: dict[tuple[str, str], Callable[[World], Request]] = {
    ("dashboard", "GET"): lambda w: Request("get", reverse("submissions:dashboard")),
    ("organisation_create", "GET"): lambda w: Request("get", reverse("submissions:organisation_create")),
    ("organisation_create", "POST"): lambda w: Request(
        "post", reverse("submissions:organisation_create"), _organisation_data("Daegu Metropolitan City")
    ),
    ("organisation_edit", "GET"): lambda w: Request(
        "get", reverse("submissions:organisation_edit", args=[w.organisation.pk])
    ),
    ("organisation_edit", "POST"): lambda w: Request(
        "post",
        reverse("submissions:organisation_edit", args=[w.organisation.pk]),
        _organisation_data("Seoul City Hall"),
    ),
    ("entry_start", "GET"): lambda w: Request("get", reverse("submissions:entry_start")),
    ("entry_start", "POST"): lambda w: Request(
        "post",
        reverse("submissions:entry_start"),
        {
            "organisation": w.organisation.pk,
            "category": w.entry.category_id,
            "track": w.entry.track_id,
            "language": "en",
        },
    ),
    ("entry_detail", "GET"): lambda w: Request("get", _entry_url(w, "entry_detail")),
    ("entry_edit", "GET"): lambda w: Request("get", _entry_url(w, "entry_edit")),
    ("entry_edit", "POST"): lambda w: Request("post", _entry_url(w, "entry_edit"), _entry_data(w)),
    ("entry_edit", "POST autosave"): lambda w: Request("post", _entry_url(w, "entry_edit"), _entry_data(w), FETCH),
    ("entry_edit", "POST submit"): lambda w: Request(
        "post", _entry_url(w, "entry_edit"), _entry_data(w, action="submit")
    ),
    ("entry_step", "GET"): lambda w: Request("get", _entry_url(w, "entry_step", "about")),
    ("entry_step", "POST"): lambda w: Request("post", _entry_url(w, "entry_step", "about"), _entry_data(w)),
    ("entry_review", "GET"): lambda w: Request("get", _entry_url(w, "entry_review")),
    ("entry_review", "POST"): lambda w: Request("post", _entry_url(w, "entry_review")),
    ("entry_withdraw", "GET"): lambda w: Request("get", _entry_url(w, "entry_withdraw")),
    ("entry_withdraw", "POST"): lambda w: Request("post", _entry_url(w, "entry_withdraw")),
    ("attachment_upload", "POST"): lambda w: Request(
        "post",
        _entry_url(w, "attachment_upload"),
        {"file": SimpleUploadedFile("budget.pdf", PDF_BYTES, content_type="application/pdf"), "question": "documents"},
        FETCH,
    ),
    ("attachment", "GET"): lambda w: Request("get", _entry_url(w, "attachment", w.report.pk)),
    ("attachment_thumbnail", "GET"): lambda w: Request("get", _entry_url(w, "attachment_thumbnail", w.photo.pk)),
    ("attachment_status", "GET"): lambda w: Request("get", _entry_url(w, "attachment_status", w.report.pk)),
    ("attachment_delete", "POST"): lambda w: Request("post", _entry_url(w, "attachment_delete", w.report.pk)),
    ("entry_pdf", "GET"): lambda w: Request("get", _entry_url(w, "entry_pdf", 1)),
    ("invitation_create", "POST"): lambda w: Request(
        "post", _entry_url(w, "invitation_create"), {"email": "newcomer@example.org"}
    ),
    ("invitation_accept", "GET"): lambda w: Request(
        "get", reverse("submissions:invitation_accept", args=[w.invitation.token])
    ),
    ("invitation_accept", "POST"): lambda w: Request(
        "post", reverse("submissions:invitation_accept", args=[w.invitation.token])
    ),
}


def _send(client: Client, request: Request) -> Any:
    send = client.get if request.method == "get" else client.post
    return send(request.url, request.data or {}, headers=request.headers or {})


def _state(world: World) -> dict[str, Any]:
    """What any page of intake could change."""
    entry = world.entry
    return {
        "entry": Entry.objects.filter(pk=entry.pk).values("title_en", "version", "status").first(),
        "entries": Entry.objects.count(),
        "organisations": sorted(Organisation.objects.values_list("name_en", flat=True)),
        "attachments": sorted(Attachment.objects.filter(entry=entry).values_list("original_name", flat=True)),
        "submissions": Submission.objects.filter(entry=entry).count(),
        "invitations": sorted(
            Invitation.objects.filter(entry=entry, accepted_at__isnull=True).values_list("email", flat=True)
        ),
        "collaborators": sorted(User.objects.filter(shared_entries=entry).values_list("email", flat=True)),
    }


def _changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in after.items() if value != before[key]}


@dataclass(frozen=True)
class Row:
    """One request and how each role is answered: ``ok`` for ``allowed``, 404
    for the others (``special`` overrides); the ``writers`` change ``change``."""

    name: str
    action: str
    allowed: frozenset[str]
    ok: int = 200
    special: tuple[tuple[str, int], ...] = ()
    writers: frozenset[str] = frozenset()
    change: tuple[tuple[str, Any], ...] = ()
    marker: bytes = b""

    def status(self, role: str) -> int:
        if role == "anonymous":
            return 302
        return dict(self.special).get(role, self.ok if role in self.allowed else 404)


NO_ORGANISATION = (("collaborator", 302), ("judge", 302), ("staff", 302))  # sent to create one first
EDITED = {"title_en": "Safer streets", "status": "submitted"}

ROWS = [
    Row("dashboard", "GET", SIGNED_IN, marker=b"<h1>My entries</h1>"),
    Row("organisation_create", "GET", SIGNED_IN, marker=b'name="name_en"'),
    Row(
        "organisation_create",
        "POST",
        SIGNED_IN,
        ok=302,
        writers=SIGNED_IN,
        change=(
            (
                "organisations",
                ["Busan Metropolitan City", "Daegu Metropolitan City", "Seoul Metropolitan Government"],
            ),
        ),
    ),
    Row("organisation_edit", "GET", OWNER, marker=b'value="Seoul Metropolitan Government"'),
    Row(
        "organisation_edit",
        "POST",
        OWNER,
        ok=302,
        writers=OWNER,
        change=(("organisations", ["Busan Metropolitan City", "Seoul City Hall"]),),
    ),
    Row(
        "entry_start",
        "GET",
        frozenset({"owner", "member", "other"}),
        special=NO_ORGANISATION,
        marker=b"Create the draft",
    ),
    Row(
        "entry_start",
        "POST",
        frozenset({"owner", "member"}),
        ok=302,
        # Another applicant's form does not offer this organisation.
        special=(*NO_ORGANISATION, ("other", 200)),
        writers=frozenset({"owner", "member"}),
        change=(("entries", 3),),
    ),
    Row("entry_detail", "GET", READERS, marker=REFERENCE.encode()),
    Row("entry_edit", "GET", EDITORS, marker=b'value="Safe streets"'),
    Row("entry_edit", "POST", EDITORS, ok=302, writers=EDITORS, change=(("entry", {**EDITED, "version": 4}),)),
    Row(
        "entry_edit",
        "POST autosave",
        EDITORS,
        writers=EDITORS,
        change=(("entry", {**EDITED, "version": 4}),),
        marker=b'"version": 4',
    ),
    Row(
        "entry_edit",
        "POST submit",
        EDITORS,
        ok=302,
        writers=EDITORS,
        change=(("entry", {**EDITED, "version": 5}), ("submissions", 2)),
    ),
    Row("entry_step", "GET", EDITORS, marker=b'value="Safe streets"'),
    Row("entry_step", "POST", EDITORS, ok=302, writers=EDITORS, change=(("entry", {**EDITED, "version": 4}),)),
    Row("entry_review", "GET", EDITORS, marker=b"Safe streets"),
    Row(
        "entry_review",
        "POST",
        EDITORS,
        ok=302,
        writers=EDITORS,
        change=(("entry", {"title_en": "Safe streets", "status": "submitted", "version": 4}), ("submissions", 2)),
    ),
    Row("entry_withdraw", "GET", OWNER, marker=REFERENCE.encode()),
    Row(
        "entry_withdraw",
        "POST",
        OWNER,
        ok=302,
        writers=OWNER,
        change=(("entry", {"title_en": "Safe streets", "status": "withdrawn", "version": 4}),),
    ),
    Row(
        "attachment_upload",
        "POST",
        EDITORS,
        ok=201,
        writers=EDITORS,
        change=(("attachments", ["budget.pdf", "photo.jpg", "report.pdf"]),),
        marker=b'"name": "budget.pdf"',
    ),
    Row("attachment", "GET", READERS, marker=PDF_TEXT),
    Row("attachment_thumbnail", "GET", READERS, marker=b"WEBP"),
    Row("attachment_status", "GET", EDITORS, marker=b'"status": "clean"'),
    Row("attachment_delete", "POST", EDITORS, ok=302, writers=EDITORS, change=(("attachments", ["photo.jpg"]),)),
    Row("entry_pdf", "GET", READERS, marker=b"%PDF-"),
    Row(
        "invitation_create",
        "POST",
        OWNER,
        ok=302,
        writers=OWNER,
        change=(("invitations", ["member@example.org", "newcomer@example.org"]),),
    ),
    # Whoever holds the link sees the invitation; only the invited address accepts it.
    Row("invitation_accept", "GET", SIGNED_IN, marker=b"The invitation was sent to member@example.org."),
    Row(
        "invitation_accept",
        "POST",
        SIGNED_IN,
        special=(("member", 302),),
        writers=frozenset({"member"}),
        change=(("invitations", []), ("collaborators", ["collaborator@example.org", "member@example.org"])),
    ),
]

CASES = [
    pytest.param(row, role, id=f"{row.name}-{row.action.replace(' ', '-')}-{role}") for row in ROWS for role in ROLES
]


def test_matrix_covers_every_intake_url() -> None:
    from submissions.urls import urlpatterns

    assert {row.name for row in ROWS} == {pattern.name for pattern in urlpatterns}
    assert set(REQUESTS) == {(row.name, row.action) for row in ROWS}


def _body(response: Any) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


@pytest.mark.parametrize(("row", "role"), CASES)
def test_page_answers_each_role(client: Client, world: World, row: Row, role: str) -> None:
    if row.name == "entry_pdf":
        submission_render_pdf(submission_id=world.submission.pk)
    request = REQUESTS[(row.name, row.action)](world)
    _signed_in(client, world, role)
    before = _state(world)

    response = _send(client, request)

    assert response.status_code == row.status(role)
    if role == "anonymous":
        assert response["Location"] == f"{reverse('account_login')}?next={request.url}"
    elif response.status_code in (200, 201):
        assert row.marker in _body(response)
    assert _changes(before, _state(world)) == (dict(row.change) if role in row.writers else {})


@pytest.mark.parametrize(
    ("role", "listed"),
    [
        ("owner", True),
        ("collaborator", True),
        ("member", True),
        ("other", False),
        ("judge", False),
        ("staff", False),
    ],
)
def test_dashboard_lists_the_entry_only_to_its_people(client: Client, world: World, role: str, listed: bool) -> None:
    html = _signed_in(client, world, role).get(reverse("submissions:dashboard")).content.decode()
    detail = reverse("submissions:entry_detail", args=[world.entry.pk])
    assert (detail in html, "Safe streets" in html, REFERENCE in html) == (listed, listed, listed)


@pytest.mark.parametrize("name", ["attachment", "attachment_thumbnail", "attachment_status", "attachment_delete"])
def test_attachment_of_another_entry_is_404_under_ones_own(client: Client, world: World, name: str) -> None:
    """Another applicant puts the owner's file id under their own entry's URL."""
    _signed_in(client, world, "other")
    attachment = world.photo  # has a thumbnail too
    url = reverse(f"submissions:{name}", args=[world.other_entry.pk, attachment.pk])
    before = _state(world)

    response = client.post(url) if name == "attachment_delete" else client.get(url)

    assert response.status_code == 404
    assert _changes(before, _state(world)) == {}
    assert Attachment.objects.filter(pk=attachment.pk, entry=world.entry).exists()


def test_upload_to_another_applicants_entry_adds_nothing_to_either(client: Client, world: World) -> None:
    _signed_in(client, world, "other")
    upload = SimpleUploadedFile("budget.pdf", PDF_BYTES, content_type="application/pdf")
    url = reverse("submissions:attachment_upload", args=[world.entry.pk])

    response = client.post(url, {"file": upload, "question": "documents"}, headers=FETCH)

    assert response.status_code == 404
    assert sorted(Attachment.objects.values_list("entry_id", "original_name")) == [
        (world.entry.pk, "photo.jpg"),
        (world.entry.pk, "report.pdf"),
    ]


def test_entry_start_with_another_applicants_organisation_is_a_form_error(client: Client, world: World) -> None:
    _signed_in(client, world, "other")
    data = {
        "organisation": world.organisation.pk,
        "category": world.entry.category_id,
        "track": world.entry.track_id,
        "language": "en",
    }

    response = client.post(reverse("submissions:entry_start"), data)

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "organisation": ["Select a valid choice. That choice is not one of the available choices."]
    }
    assert Entry.objects.filter(organisation=world.organisation).count() == 1


def test_entry_start_with_a_category_of_a_closed_cycle_is_a_form_error(client: Client, world: World) -> None:
    closed = CycleFactory(
        year=2029,
        status=CycleStatus.ANNOUNCED,
        applications_open_at=timezone.now() - timedelta(days=400),
        applications_close_at=timezone.now() - timedelta(days=300),
    )
    old = CategoryFactory(cycle=closed, code="project")
    _signed_in(client, world, "owner")

    response = client.post(
        reverse("submissions:entry_start"),
        {"organisation": world.organisation.pk, "category": old.pk, "language": "en"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "category": ["Select a valid choice. That choice is not one of the available choices."]
    }
    assert Entry.objects.count() == 2


def test_entry_start_with_a_track_of_another_category_is_a_form_error(
    client: Client, world: World, project: Any
) -> None:
    leadership = CategoryFactory(cycle=project.cycle, code="leadership", reference_letter="L")
    foreign_track = TrackFactory(category=leadership, code="leaders")
    _signed_in(client, world, "owner")

    response = client.post(
        reverse("submissions:entry_start"),
        {"organisation": world.organisation.pk, "category": project.pk, "track": foreign_track.pk, "language": "en"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"__all__": ["Choose one of this category's tracks."]}
    assert Entry.objects.count() == 2
