from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail

from prize_portal.accounts.roles import Role
from prize_portal.audit.models import AuditEvent
from prize_portal.outbox.models import OutboxMessage
from submissions.enums import EntryStatus
from submissions.errors import EditConflictError, EntryIncompleteError, IntakeError
from submissions.models import Answer, Entry, Submission
from submissions.selectors import entry_missing, entry_to_correct
from submissions.services import (
    entry_grant_extension,
    entry_save_draft,
    entry_start,
    entry_submit,
    entry_withdraw,
)
from tests.factories import BEFORE_DEADLINE, DEADLINE, make_organisation, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def _start(project: Any, applicant: Any, organisation: Any, **extra: Any) -> Entry:
    return entry_start(
        user=applicant,
        organisation=organisation,
        category=project,
        track=project.tracks.first(),
        now=BEFORE_DEADLINE,
        **extra,
    )


def _save(entry: Entry, user: Any, **changes: Any) -> Entry:
    """Save a draft as the form would, with the version it was opened at."""
    return entry_save_draft(entry_id=entry.pk, user=user, version=entry.version, now=BEFORE_DEADLINE, **changes)


def complete_entry(entry: Entry, user: Any) -> Entry:
    return entry_save_draft(
        entry_id=entry.pk,
        user=user,
        version=entry.version,
        now=BEFORE_DEADLINE,
        fields={
            "title_en": "Digital companions for older people",
            "summary_en": "Tablets and tutors.",
            "language": "ko",
            "title_original": "어르신 디지털 동행",
            "summary_original": "태블릿과 강사.",
        },
        answers={"problem": "Older people are left out.", "fields": ["safety"], "government-role": "Funding"},
    )


def test_start_entry_as_city_in_project(project: Any, applicant: Any, organisation: Any) -> None:
    entry = _start(project, applicant, organisation, language="ko")
    assert (entry.status, entry.reference, entry.version, entry.language) == (EntryStatus.DRAFT, None, 1, "ko")


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("individual", "Individual may not apply in the Category"),
        ("no-track", "Choose one of this category's tracks."),
        ("foreign-track", "Choose one of this category's tracks."),
        ("not-member", "You are not a member of this organisation."),
        ("before-open", "This edition is not accepting applications now."),
        ("after-close", "This edition is not accepting applications now."),
    ],
)
def test_start_entry_refused(project: Any, applicant: Any, organisation: Any, case: str, message: str) -> None:
    from tests.factories import CategoryFactory, TrackFactory

    kwargs: dict[str, Any] = {
        "user": applicant,
        "organisation": organisation,
        "category": project,
        "track": project.tracks.first(),
        "now": BEFORE_DEADLINE,
    }
    if case == "individual":
        kwargs["organisation"] = make_organisation(applicant, type="individual")
    elif case == "no-track":
        kwargs["track"] = None
    elif case == "foreign-track":  # a tampered track id from another category
        kwargs["track"] = TrackFactory(category=CategoryFactory(cycle=project.cycle, reference_letter="X"))
    elif case == "not-member":
        kwargs["user"] = make_user(email="stranger@example.org")
    elif case == "before-open":
        kwargs["now"] = project.cycle.applications_open_at - timedelta(seconds=1)
    elif case == "after-close":
        kwargs["now"] = DEADLINE
    with pytest.raises(IntakeError) as error:
        entry_start(**kwargs)
    assert error.value.messages[0].startswith(message)
    assert Entry.objects.count() == 0


def test_entry_limit_per_organisation_and_category(project: Any, applicant: Any, organisation: Any) -> None:
    first = _start(project, applicant, organisation)
    _start(project, applicant, organisation)
    with pytest.raises(IntakeError) as error:
        _start(project, applicant, organisation)
    assert error.value.code == "entry_limit"
    entry_withdraw(entry_id=first.pk, user=applicant, now=BEFORE_DEADLINE)  # a deleted draft frees a place
    _start(project, applicant, organisation)


def test_save_draft_partial_then_conflict_keeps_first(project: Any, applicant: Any, organisation: Any) -> None:
    entry = _start(project, applicant, organisation)
    opened = entry.version
    saved = entry_save_draft(
        entry_id=entry.pk, user=applicant, version=opened, fields={"title_en": "First"}, now=BEFORE_DEADLINE
    )
    assert saved.version == opened + 1
    collaborator = make_user(email="colleague@seoul.example")
    with pytest.raises(EditConflictError):
        entry_save_draft(
            entry_id=entry.pk, user=collaborator, version=opened, fields={"title_en": "Second"}, now=BEFORE_DEADLINE
        )
    entry.refresh_from_db()
    assert (entry.title_en, entry.version) == ("First", opened + 1)


@pytest.mark.parametrize(
    ("answers", "field", "message"),
    [
        ({"problem": "one two three four five six"}, "answer-problem", "Use at most 5 words (you have 6)."),
        ({"fields": ["mobility", "teleportation"]}, "answer-fields", "Select one of the options offered."),
        ({"budget": "lots"}, "answer-budget", "Enter a number."),
    ],
)
def test_save_draft_keeps_a_bad_answer_as_typed_and_saves_the_rest(
    project: Any, applicant: Any, organisation: Any, answers: dict[str, Any], field: str, message: str
) -> None:
    entry = _start(project, applicant, organisation)
    saved = _save(entry, applicant, fields={"title_en": "Kept"}, answers=answers)
    assert (saved.title_en, saved.version) == ("Kept", 2)
    assert saved.draft_invalid == {field: answers[field.removeprefix("answer-")]}
    assert entry_to_correct(saved) == {field: [message]}
    assert not Answer.objects.exists()
    assert entry_missing(saved)[field] == [message]


def test_save_draft_keeps_a_bad_built_in_field_and_its_stored_value(
    project: Any, applicant: Any, organisation: Any
) -> None:
    entry = _start(project, applicant, organisation)
    entry = _save(entry, applicant, fields={"title_en": "Good"})
    entry = _save(entry, applicant, fields={"title_en": "x" * 201, "summary_en": "Fine."})
    entry.refresh_from_db()
    assert (entry.title_en, entry.summary_en) == ("Good", "Fine.")
    assert entry.draft_invalid == {"title_en": "x" * 201}
    assert entry_to_correct(entry) == {"title_en": ["Ensure this value has at most 200 characters (it has 201)."]}
    entry = _save(entry, applicant, fields={"title_en": "Corrected"})
    assert (entry.title_en, entry.draft_invalid) == ("Corrected", {})


def test_a_kept_value_stays_until_its_field_is_saved_again(project: Any, applicant: Any, organisation: Any) -> None:
    entry = _start(project, applicant, organisation)
    entry = _save(entry, applicant, answers={"budget": "lots"})
    entry = _save(entry, applicant, fields={"title_en": "Other field"})
    assert entry.draft_invalid == {"answer-budget": "lots"}
    with pytest.raises(EntryIncompleteError) as error:
        entry_submit(entry_id=entry.pk, user=applicant, now=BEFORE_DEADLINE)
    assert error.value.message_dict["answer-budget"] == ["Enter a number."]


def test_save_draft_question_of_another_category_refused(project: Any, applicant: Any, organisation: Any) -> None:
    entry = _start(project, applicant, organisation)
    with pytest.raises(IntakeError):
        _save(entry, applicant, answers={"not-a-question": "x"})


def test_html_in_answers_is_stored_as_text(project: Any, applicant: Any, organisation: Any) -> None:
    entry = _start(project, applicant, organisation)
    entry_save_draft(
        entry_id=entry.pk,
        user=applicant,
        version=entry.version,
        now=BEFORE_DEADLINE,
        fields={"title_en": "<script>alert(1)</script>"},
    )
    entry.refresh_from_db()
    assert entry.title_en == "<script>alert(1)</script>"  # escaped wherever it is shown


def test_missing_lists_required_parts_for_the_applicant_type(project: Any, applicant: Any, organisation: Any) -> None:
    entry = _start(project, applicant, organisation, language="ko")
    assert set(entry_missing(entry)) == {
        "title_en",
        "summary_en",
        "title_original",
        "summary_original",
        "answer-problem",
        "answer-fields",
        "answer-government-role",
    }


def test_submit_incomplete_refused_with_fields(project: Any, applicant: Any, organisation: Any) -> None:
    entry = _start(project, applicant, organisation)
    with pytest.raises(EntryIncompleteError) as error:
        entry_submit(entry_id=entry.pk, user=applicant, now=BEFORE_DEADLINE)
    assert "title_en" in error.value.message_dict
    entry.refresh_from_db()
    assert (entry.status, entry.reference) == (EntryStatus.DRAFT, None)


def test_submit_gives_reference_snapshot_and_korean_receipt(project: Any, applicant: Any, organisation: Any) -> None:
    entry = complete_entry(_start(project, applicant, organisation), applicant)
    submission = entry_submit(entry_id=entry.pk, user=applicant, now=BEFORE_DEADLINE)
    entry.refresh_from_db()
    assert (entry.status, entry.reference, submission.number) == (EntryStatus.SUBMITTED, "SSCP-2030-P-0001", 1)
    assert submission.content["title_original"] == "어르신 디지털 동행"
    assert submission.content["answers"]["fields"] == ["safety"]
    message = OutboxMessage.objects.get(template="submissions/email/receipt")
    assert (message.to_email, message.language) == ("applicant@seoul.example", "ko")
    assert "SSCP-2030-P-0001" in mail.outbox[0].subject
    assert "SSCP-2030-P-0001" in mail.outbox[0].body
    assert AuditEvent.objects.get(action="entry.submit").after["reference"] == "SSCP-2030-P-0001"


def test_resubmit_keeps_reference_and_adds_version(project: Any, applicant: Any, organisation: Any) -> None:
    entry = complete_entry(_start(project, applicant, organisation), applicant)
    entry_submit(entry_id=entry.pk, user=applicant, now=BEFORE_DEADLINE)
    entry.refresh_from_db()
    entry_save_draft(
        entry_id=entry.pk,
        user=applicant,
        version=entry.version,
        fields={"title_en": "Better title"},
        now=BEFORE_DEADLINE,
    )
    second = entry_submit(entry_id=entry.pk, user=applicant, now=BEFORE_DEADLINE)
    entry.refresh_from_db()
    assert (entry.reference, second.number, second.content["title_en"]) == ("SSCP-2030-P-0001", 2, "Better title")
    assert Submission.objects.get(entry=entry, number=1).content["title_en"] == "Digital companions for older people"
    other = complete_entry(_start(project, applicant, organisation), applicant)
    entry_submit(entry_id=other.pk, user=applicant, now=BEFORE_DEADLINE)
    other.refresh_from_db()
    assert other.reference == "SSCP-2030-P-0002"


def test_deadline_one_second_before_and_at(project: Any, applicant: Any, organisation: Any) -> None:
    entry = complete_entry(_start(project, applicant, organisation), applicant)
    entry_submit(entry_id=entry.pk, user=applicant, now=DEADLINE - timedelta(seconds=1))
    for late in (DEADLINE, DEADLINE + timedelta(seconds=1)):
        with pytest.raises(IntakeError) as error:
            entry_submit(entry_id=entry.pk, user=applicant, now=late)
        assert error.value.code == "deadline"
    entry.refresh_from_db()
    with pytest.raises(IntakeError):
        entry_save_draft(
            entry_id=entry.pk,
            user=applicant,
            version=entry.version,
            fields={"title_en": "Late"},
            now=DEADLINE + timedelta(seconds=1),
        )


def test_deadline_in_seoul_whatever_the_server_clock(
    project: Any, applicant: Any, organisation: Any, settings: Any
) -> None:
    """A server on UTC: 23:59:59 in Seoul is 14:59:59 UTC, and that instant decides."""
    from datetime import UTC, datetime

    settings.TIME_ZONE = "UTC"
    project.cycle.refresh_from_db()
    assert project.cycle.applications_close_at == datetime(2030, 5, 29, 14, 59, 59, tzinfo=UTC)
    entry = complete_entry(_start(project, applicant, organisation), applicant)
    entry_submit(entry_id=entry.pk, user=applicant, now=datetime(2030, 5, 29, 14, 59, 58, tzinfo=UTC))
    with pytest.raises(IntakeError):
        entry_submit(entry_id=entry.pk, user=applicant, now=datetime(2030, 5, 29, 15, 0, 0, tzinfo=UTC))


def test_extension_lets_one_entry_submit_late_and_is_audited(project: Any, applicant: Any, organisation: Any) -> None:
    entry = complete_entry(_start(project, applicant, organisation), applicant)
    staff = make_user(Role.STAFF)
    with pytest.raises(IntakeError):
        entry_grant_extension(entry_id=entry.pk, staff=staff, until=DEADLINE - timedelta(hours=1))
    entry_grant_extension(entry_id=entry.pk, staff=staff, until=DEADLINE + timedelta(days=2))
    entry_submit(entry_id=entry.pk, user=applicant, now=DEADLINE + timedelta(days=1))
    with pytest.raises(IntakeError):
        entry_submit(entry_id=entry.pk, user=applicant, now=DEADLINE + timedelta(days=2))
    event = AuditEvent.objects.get(action="entry.extend_deadline")
    assert (event.actor, event.before, event.after["extended_until"]) == (
        staff,
        {"extended_until": None},
        "2030-05-31T14:59:59+00:00",
    )


def test_withdraw_submitted_entry(project: Any, applicant: Any, organisation: Any) -> None:
    entry = complete_entry(_start(project, applicant, organisation), applicant)
    entry_submit(entry_id=entry.pk, user=applicant, now=BEFORE_DEADLINE)
    entry_withdraw(entry_id=entry.pk, user=applicant, now=BEFORE_DEADLINE)
    entry.refresh_from_db()
    assert (entry.status, entry.reference) == (EntryStatus.WITHDRAWN, "SSCP-2030-P-0001")
    with pytest.raises(IntakeError):
        entry_submit(entry_id=entry.pk, user=applicant, now=BEFORE_DEADLINE)


def test_screening_decides_eligibility_and_refuses_drafts(project: Any) -> None:
    from submissions.services import entry_decide_eligibility
    from tests.factories import submit_entry

    staff = make_user(Role.STAFF, email="screener@wego.example")
    entry = submit_entry(project, email="screen@city.example")
    assert entry_decide_eligibility(entry_id=entry.pk, staff=staff, eligible=True).status == EntryStatus.ELIGIBLE
    assert entry_decide_eligibility(entry_id=entry.pk, staff=staff, eligible=False).status == EntryStatus.INELIGIBLE
    event = AuditEvent.objects.filter(action="entry.screen").order_by("pk").last()
    assert event is not None
    assert (event.before, event.after) == ({"status": "eligible"}, {"status": "ineligible"})
    draft = submit_entry(project, email="draft@city.example", submit=False)
    with pytest.raises(IntakeError, match="Only submitted entries"):
        entry_decide_eligibility(entry_id=draft.pk, staff=staff, eligible=True)
    assert Entry.objects.get(pk=draft.pk).status == EntryStatus.DRAFT


def test_submit_with_a_required_question_its_answers_hide_left_empty(
    funded_project: Any, applicant: Any, organisation: Any
) -> None:
    entry = complete_entry(_start(funded_project, applicant, organisation), applicant)
    entry = _save(entry, applicant, answers={"funding": "self-funded"})
    submission = entry_submit(entry_id=entry.pk, user=applicant, now=BEFORE_DEADLINE)
    assert submission.content["answers"]["funding"] == "self-funded"
    assert "budget-source" not in submission.content["answers"]


def test_submit_refused_while_a_required_question_its_answers_show_is_empty(
    funded_project: Any, applicant: Any, organisation: Any
) -> None:
    entry = complete_entry(_start(funded_project, applicant, organisation), applicant)
    entry = _save(entry, applicant, answers={"funding": "co-funded"})
    with pytest.raises(EntryIncompleteError) as error:
        entry_submit(entry_id=entry.pk, user=applicant, now=BEFORE_DEADLINE)
    assert error.value.message_dict == {
        "answer-budget-source": ["This is required."],
        "answer-agreement": ["This is required."],
    }
    entry.refresh_from_db()
    assert (entry.status, entry.reference) == (EntryStatus.DRAFT, None)
