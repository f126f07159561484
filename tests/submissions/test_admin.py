from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from prize_portal.audit.models import AuditEvent
from submissions.models import Attachment, Entry, Organisation
from submissions.services import entry_save_draft, entry_start, entry_submit
from tests.factories import (
    BEFORE_DEADLINE,
    DEADLINE,
    PDF_BYTES,
    SEOUL,
    CategoryFactory,
    CycleFactory,
    make_organisation,
    make_user,
    sign_in_staff,
    submit_entry,
    submit_with_a_hidden_answer,
)
from tests.factories.submissions import attachment_add_checked

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
FILE_NAME = "<img src=x onerror=alert(1)>.pdf"
ESCAPED_FILE_NAME = "&lt;img src=x onerror=alert(1)&gt;.pdf"


@pytest.fixture
def staff(client: Client) -> Any:
    return sign_in_staff(client)


@pytest.fixture
def staff_client(client: Client, staff: Any) -> Client:
    return client


@pytest.mark.parametrize("count", [1, 3])
def test_admin_entry_list_query_count_does_not_grow(
    staff_client: Client, project: Any, django_assert_num_queries: Any, count: int
) -> None:
    for index in range(count):
        submit_entry(
            project, email=f"city{index}@example.org", name_en=f"City {index}", country=["KR", "JP", "FR"][index]
        )
    staff_client.get("/en/admin/submissions/entry/")
    with django_assert_num_queries(13):
        response = staff_client.get("/en/admin/submissions/entry/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('name="_selected_action"') == count
    for index in range(count):
        assert f"City {index}" in html


def test_admin_entry_list_filters_list_only_countries_with_entries(staff_client: Client, project: Any) -> None:
    submit_entry(project, email="seoul@example.org")
    submit_entry(project, email="osaka@example.org", name_en="Osaka", country="JP", type="corporation")
    CategoryFactory(cycle=CycleFactory(year=2031), code="leadership", name_en="Leadership")  # filters need a choice
    html = staff_client.get("/en/admin/submissions/entry/").content.decode()
    for title in ["By cycle", "By category", "By track", "By country", "By applicant type", "By status"]:
        assert title in html
    assert "?organisation__country=JP" in html
    assert "?organisation__country=KR" in html
    assert "?organisation__country=FR" not in html
    track = project.tracks.first()
    assert f"{track.name} · {project}" in html  # a track's name is the same in every cycle
    assert "Leadership (2031)" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("organisation__country=JP", ["Osaka entry"]),
        ("organisation__type__exact=corporation", ["Osaka entry"]),
        ("status__exact=draft", ["Lyon draft"]),
        ("q=서울특별시", ["Seoul entry"]),
        ("q=osaka", ["Osaka entry"]),
        ("q=SSCP-2030-P-0002", ["Osaka entry"]),
    ],
)
def test_admin_entry_list_filter_and_search(
    staff_client: Client, project: Any, query: str, expected: list[str]
) -> None:
    submit_entry(project, email="seoul@example.org", title="Seoul entry")
    submit_entry(
        project,
        email="osaka@example.org",
        name_en="Osaka Tech",
        name_native="大阪テック",
        country="JP",
        type="corporation",
        title="Osaka entry",
    )
    submit_entry(
        project,
        email="lyon@example.org",
        name_en="Lyon",
        name_native="Lyon",
        country="FR",
        title="Lyon draft",
        submit=False,
    )
    html = staff_client.get(f"/en/admin/submissions/entry/?{query}").content.decode()
    shown = [title for title in ["Seoul entry", "Osaka entry", "Lyon draft"] if title in html]
    assert shown == expected


def _hostile_entry(project: Any) -> Entry:
    """An entry with markup in every field an applicant controls."""
    from categories.enums import QuestionKind
    from categories.models import Question

    Question.objects.create(category=project, code="documents", kind=QuestionKind.FILE, label_en="Documents")
    Question.objects.create(category=project, code="website", kind=QuestionKind.URL, label_en="Website")
    user = make_user(email="hostile@example.org")
    organisation = make_organisation(user, name_en=f"Org {SCRIPT}", name_native=SCRIPT, city=SCRIPT)
    entry = entry_start(
        user=user, organisation=organisation, category=project, track=project.tracks.first(), now=BEFORE_DEADLINE
    )
    entry = entry_save_draft(
        entry_id=entry.pk,
        user=user,
        version=entry.version,
        now=BEFORE_DEADLINE,
        fields={
            "title_en": f"Title {SCRIPT}",
            "summary_en": f"Summary {SCRIPT}\nsecond line",
            "language": "ko",
            "title_original": f"제목 {SCRIPT}",
            "summary_original": f"요약 {SCRIPT}",
        },
        answers={
            "problem": f"{SCRIPT} problem",
            "fields": ["safety"],
            "government-role": SCRIPT,
            "budget": 1200,
            "website": "https://example.org/plan",
        },
    )
    upload = SimpleUploadedFile(FILE_NAME, PDF_BYTES, content_type="application/pdf")
    attachment_add_checked(entry_id=entry.pk, user=user, upload=upload, question_code="documents", now=BEFORE_DEADLINE)
    entry_submit(entry_id=entry.pk, user=user, now=BEFORE_DEADLINE)
    return entry


def test_admin_entry_shows_last_submitted_version_escaped(staff_client: Client, project: Any) -> None:
    entry = _hostile_entry(project)
    user = entry.owner
    # A change saved after the submit is the working copy, not the submitted version.
    entry.refresh_from_db()
    entry_save_draft(
        entry_id=entry.pk, user=user, version=entry.version, now=BEFORE_DEADLINE, fields={"title_en": "Unsent title"}
    )
    html = staff_client.get(f"/en/admin/submissions/entry/{entry.pk}/change/").content.decode()
    assert SCRIPT not in html
    assert FILE_NAME not in html
    assert "Submitted version 1" in html
    assert "This is the only version submitted." in html
    assert 'lang="en">Title &lt;script&gt;alert(1)&lt;/script&gt;</dd>' in html
    assert "Summary &lt;script&gt;alert(1)&lt;/script&gt;<br>second line" in html
    assert 'lang="ko">제목 &lt;script&gt;alert(1)&lt;/script&gt;</dd>' in html
    assert "<dt>Problem</dt>" in html
    assert "<dd>&lt;script&gt;alert(1)&lt;/script&gt; problem</dd>" in html
    assert "<dt>Fields</dt>\n              <dd>Safety</dd>" in html  # the choice's label, not its code
    assert "<dt>Budget</dt>\n              <dd>1,200</dd>" in html  # formatted as judges and the PDF show it
    assert "<dt>Role of government</dt>\n              <dd>&lt;script&gt;alert(1)&lt;/script&gt;</dd>" in html
    assert '<dd><a href="https://example.org/plan" rel="nofollow">https://example.org/plan</a></dd>' in html
    assert f"{ESCAPED_FILE_NAME}</a>" in html
    assert f"(application/pdf, {Attachment.objects.get().size}\xa0bytes)" in html  # the checked copy's size
    assert "Unsent title" in html  # the working copy, shown below as a read-only field
    assert html.index("Submitted version 1") < html.index("Unsent title")


def test_admin_attachment_links_to_staff_download_when_routed(staff_client: Client, project: Any) -> None:
    from django.urls import NoReverseMatch, reverse

    entry = _hostile_entry(project)
    attachment = entry.attachments.get()
    html = staff_client.get(f"/en/admin/submissions/entry/{entry.pk}/change/").content.decode()
    try:
        url = reverse("submissions:attachment", args=[entry.pk, attachment.pk])
    except NoReverseMatch:  # the applicant views are not routed yet: the name is shown without a link
        assert f"<li>\n                {ESCAPED_FILE_NAME}\n" in html
    else:
        assert f'<a href="{url}">{ESCAPED_FILE_NAME}</a>' in html


def test_admin_draft_entry_says_not_submitted(staff_client: Client, project: Any) -> None:
    entry = submit_entry(project, email="draft@example.org", submit=False)
    html = staff_client.get(f"/en/admin/submissions/entry/{entry.pk}/change/").content.decode()
    assert "Not submitted yet" in html
    assert "Submitted version" not in html


def test_admin_entries_read_only_for_staff(staff_client: Client, project: Any) -> None:
    entry = submit_entry(project, email="city@example.org")
    page = staff_client.get(f"/en/admin/submissions/entry/{entry.pk}/change/")
    assert page.status_code == 200
    assert 'name="title_en"' not in page.content.decode()  # shown, not editable
    assert staff_client.post(f"/en/admin/submissions/entry/{entry.pk}/delete/").status_code == 403


def test_admin_extension_granted_in_seoul_time_and_audited(staff_client: Client, staff: Any, project: Any) -> None:
    entry = submit_entry(project, email="late@example.org")
    url = f"/en/admin/submissions/entry/{entry.pk}/extend/"
    change = staff_client.get(f"/en/admin/submissions/entry/{entry.pk}/change/").content.decode()
    assert f'href="{url}">Grant an extension</a>' in change
    form = staff_client.get(url).content.decode()
    assert 'type="datetime-local"' in form
    assert 'value="2030-05-29T23:59"' in form  # the current deadline, Seoul time
    response = staff_client.post(url, {"until": "2030-06-02T18:00"})
    assert response.status_code == 302
    assert response["Location"] == f"/en/admin/submissions/entry/{entry.pk}/change/"
    entry.refresh_from_db()
    assert entry.extended_until == datetime(2030, 6, 2, 18, 0, tzinfo=SEOUL)
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"{entry.reference} may now be changed and submitted until June 2, 2030, 6 p.m. (Seoul time)."
    ]
    event = AuditEvent.objects.get(action="entry.extend_deadline")
    assert (event.actor, event.target_id, event.after) == (
        staff,
        str(entry.pk),
        {"extended_until": "2030-06-02T09:00:00+00:00"},
    )


def test_admin_extension_before_deadline_refused_with_message(staff_client: Client, project: Any) -> None:
    entry = submit_entry(project, email="early@example.org")
    response = staff_client.post(f"/en/admin/submissions/entry/{entry.pk}/extend/", {"until": "2030-05-29T12:00"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="#id_until">An extension must end after the deadline.</a>' in html
    assert 'aria-invalid="true"' in html
    entry.refresh_from_db()
    assert entry.extended_until is None
    assert not AuditEvent.objects.filter(action="entry.extend_deadline").exists()


def test_admin_extension_not_open_to_applicants(client: Client, project: Any) -> None:
    entry = submit_entry(project, email="owner@example.org")
    client.force_login(entry.owner)
    response = client.post(f"/en/admin/submissions/entry/{entry.pk}/extend/", {"until": "2030-06-02T18:00"})
    assert response.status_code == 302
    assert response["Location"].startswith("/en/admin/login/")
    entry.refresh_from_db()
    assert entry.extended_until is None


def test_admin_extension_of_unknown_entry_is_404(staff_client: Client) -> None:
    assert staff_client.get("/en/admin/submissions/entry/999999/extend/").status_code == 404


def test_applicant_cannot_open_intake_admin(client: Client, applicant: Any) -> None:
    client.force_login(applicant)
    response = client.get("/en/admin/submissions/entry/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/admin/login/")
    assert client.get(response["Location"]).status_code == 403  # allauth's guard: signed in, not staff


def test_extended_deadline_lets_the_entry_submit_late(staff_client: Client, project: Any) -> None:
    entry = submit_entry(project, email="late2@example.org")
    staff_client.post(f"/en/admin/submissions/entry/{entry.pk}/extend/", {"until": "2030-06-02T18:00"})
    entry_submit(entry_id=entry.pk, user=entry.owner, now=DEADLINE + timedelta(days=2))
    assert entry.submissions.count() == 2


def test_staff_mark_an_attachment_identifying_in_admin(client: Any, project: Any) -> None:
    entry = submit_entry(project, email="logo@city.example", submit=False)
    upload = SimpleUploadedFile("letter.pdf", PDF_BYTES, content_type="application/pdf")
    attachment = attachment_add_checked(entry_id=entry.pk, user=entry.owner, upload=upload, now=BEFORE_DEADLINE)
    sign_in_staff(client)
    response = client.post(
        reverse("admin:submissions_attachment_changelist"),
        {"action": "mark_identifying", "_selected_action": [attachment.pk]},
    )
    assert response.status_code == 302
    assert Attachment.objects.get(pk=attachment.pk).identifying is True
    event = AuditEvent.objects.get(action="attachment.identifying")
    assert (event.before, event.after) == ({"identifying": False}, {"identifying": True})


def test_admin_shows_the_answers_as_judges_and_the_pdf_do(staff_client: Client, project: Any) -> None:
    """One presentation of a submitted entry: the same sections and values as
    the entry PDF, plus (for staff only) answers matching no question any more."""
    from categories.models import Question
    from submissions.presentation import answer_sections

    entry = _hostile_entry(project)
    submission = entry.submissions.get()
    # Its code changed since the submit: the frozen answer no longer matches a question.
    Question.objects.filter(category=project, code="budget").update(code="budget-eur")
    html = staff_client.get(f"/en/admin/submissions/entry/{entry.pk}/change/").content.decode()
    for section in answer_sections(submission):
        assert f"<h4>{section.title}</h4>" in html
    assert "<h4>Answers to questions removed since the submission</h4>" in html
    assert "<dt>budget</dt>\n              <dd>1200</dd>" in html  # by its code, as it was stored
    assert [section.title for section in answer_sections(submission)][-1] != (
        "Answers to questions removed since the submission"
    )  # judges and the PDF show only the form's questions


def test_admin_submitted_version_leaves_out_what_its_answers_hide(staff_client: Client, funded_project: Any) -> None:
    from submissions.admin import entry_submitted_version

    entry = submit_with_a_hidden_answer(funded_project, email="mapo@example.org", agreement=True)
    version = entry_submitted_version(entry)
    assert version is not None
    labels = [row.label for section in version.sections for row in section.rows]
    assert "How is the project funded?" in labels
    assert "Budget source" not in labels
    assert version.attachments == []
    html = staff_client.get(f"/en/admin/submissions/entry/{entry.pk}/change/").content.decode()
    assert "Hana Foundation" not in html


def test_staff_merge_duplicate_organisations_after_choosing_the_record_to_keep(
    staff_client: Client, project: Any
) -> None:
    first = submit_entry(project, email="kim@seoul.example", name_en="Seoul Metropolitan Government")
    second = submit_entry(project, email="lee@seoul.example", name_en="Seoul Metropolitan Govt.", submit=False)
    url = reverse("admin:submissions_organisation_changelist")
    selected = {"action": "merge", "_selected_action": [first.organisation_id, second.organisation_id]}

    page = staff_client.post(url, selected)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Choose the record to keep" in html
    assert html.count('name="keep"') == 2
    unchosen = staff_client.post(url, {**selected, "confirm": "yes"})
    assert 'role="alert"' in unchosen.content.decode()
    assert Organisation.objects.count() == 2

    response = staff_client.post(url, {**selected, "confirm": "yes", "keep": second.organisation_id})

    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)][-1] == "Merged into Seoul Metropolitan Govt.."
    assert list(Organisation.objects.values_list("pk", flat=True)) == [second.organisation_id]
    assert Entry.objects.filter(organisation_id=second.organisation_id).count() == 2


def test_the_merge_action_is_staffs_alone(client: Client, project: Any) -> None:
    from prize_portal.accounts.roles import Role

    first = submit_entry(project, email="kim@seoul.example")
    second = submit_entry(project, email="lee@seoul.example", submit=False)
    client.force_login(make_user(Role.CHAIR, email="chair@committee.example"))
    url = reverse("admin:submissions_organisation_changelist")
    client.post(
        url,
        {
            "action": "merge",
            "_selected_action": [first.organisation_id, second.organisation_id],
            "confirm": "yes",
            "keep": first.organisation_id,
        },
    )
    assert Organisation.objects.count() == 2
