"""What the entry's checks ask of conditional questions: only the questions
its stored answers show count (categories/conditions.py), with the entry's
prefetched answers and choices, in no query of their own."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from categories.enums import QuestionKind
from categories.models import Question
from prize_portal.accounts.models import User
from submissions.models import Answer, Entry, Organisation
from submissions.selectors import entry_get, entry_missing, entry_to_correct, questions_shown
from submissions.services import entry_save_draft, entry_start
from tests.factories import BEFORE_DEADLINE, PDF_BYTES, complete_entry
from tests.factories.submissions import attachment_add_checked

pytestmark = pytest.mark.django_db

THIRTEEN_WORDS = "The city pays half, a foundation a quarter, and the state the rest."


def _entry(project: Any, applicant: User, organisation: Organisation, **answers: Any) -> Entry:
    """A draft complete but for the funding questions, with ``answers`` (by code) saved."""
    entry = entry_start(
        user=applicant, organisation=organisation, category=project, track=project.tracks.first(), now=BEFORE_DEADLINE
    )
    complete_entry(entry, applicant)
    if answers:
        _save(entry, applicant, **answers)
    return _loaded(entry, applicant)


def _save(entry: Entry, user: User, **answers: Any) -> None:
    entry.refresh_from_db()
    entry_save_draft(
        entry_id=entry.pk,
        user=user,
        version=entry.version,
        answers={code.replace("_", "-"): value for code, value in answers.items()},
    )


def _loaded(entry: Entry, user: User) -> Entry:
    """The entry as the pages load it (answers, questions and choices prefetched)."""
    return entry_get(user=user, entry_id=entry.pk, perm="submissions.see_entry")


def test_questions_shown_follow_the_stored_answer_of_the_trigger(
    funded_project: Any, applicant: User, organisation: Organisation
) -> None:
    always = ["budget", "fields", "government-role", "problem", "funding"]
    assert list(questions_shown(_entry(funded_project, applicant, organisation))) == always
    entry = _entry(funded_project, applicant, organisation, funding="self-funded")
    assert list(questions_shown(entry)) == always
    _save(entry, applicant, funding="co-funded")
    assert list(questions_shown(_loaded(entry, applicant))) == [*always, "budget-source", "agreement"]


def test_entry_missing_skips_required_questions_hidden_by_the_answers(
    funded_project: Any, applicant: User, organisation: Organisation
) -> None:
    assert entry_missing(_entry(funded_project, applicant, organisation)) == {}
    assert entry_missing(_entry(funded_project, applicant, organisation, funding="external")) == {}


def test_entry_missing_lists_required_questions_shown_and_left_empty(
    funded_project: Any, applicant: User, organisation: Organisation
) -> None:
    entry = _entry(funded_project, applicant, organisation, funding="co-funded")
    assert entry_missing(entry) == {
        "answer-budget-source": ["This is required."],
        "answer-agreement": ["This is required."],
    }
    _save(entry, applicant, budget_source="The city and a foundation, half each.")
    upload = SimpleUploadedFile("agreement.pdf", PDF_BYTES, content_type="application/pdf")
    attachment_add_checked(entry_id=entry.pk, user=applicant, upload=upload, question_code="agreement")
    assert entry_missing(_loaded(entry, applicant)) == {}


def test_an_answer_kept_as_typed_does_not_show_what_depends_on_it(
    funded_project: Any, applicant: User, organisation: Organisation
) -> None:
    """Until corrected, the trigger's stored answer (co-funded) does not count."""
    entry = _entry(funded_project, applicant, organisation, funding="co-funded")
    _save(entry, applicant, funding="crowd-funded")  # not a choice: kept as typed
    entry = _loaded(entry, applicant)
    assert Answer.objects.get(entry=entry, question__code="funding").value == "co-funded"
    assert "budget-source" not in questions_shown(entry)
    assert set(entry_missing(entry)) == {"answer-funding"}


def test_entry_to_correct_skips_a_question_hidden_since_and_keeps_its_value(
    funded_project: Any, applicant: User, organisation: Organisation
) -> None:
    entry = _entry(funded_project, applicant, organisation, funding="co-funded", budget_source=THIRTEEN_WORDS)
    assert entry_to_correct(entry) == {"answer-budget-source": ["Use at most 10 words (you have 13)."]}
    _save(entry, applicant, funding="self-funded")
    entry = _loaded(entry, applicant)
    assert entry_to_correct(entry) == {}
    assert entry_missing(entry) == {}
    assert entry.draft_invalid == {"answer-budget-source": THIRTEEN_WORDS}  # kept, should it be shown again
    _save(entry, applicant, funding="co-funded")
    assert set(entry_to_correct(_loaded(entry, applicant))) == {"answer-budget-source"}


def test_a_condition_changed_mid_cycle_is_read_from_the_answers_at_once(
    funded_project: Any, applicant: User, organisation: Organisation
) -> None:
    entry = _entry(funded_project, applicant, organisation, funding="external")
    assert entry_missing(entry) == {}
    Question.objects.filter(category=funded_project, code="budget-source").update(
        shown_if_values=["co-funded", "external"]
    )
    assert entry_missing(_loaded(entry, applicant)) == {"answer-budget-source": ["This is required."]}
    Question.objects.filter(category=funded_project, code="budget-source").update(shown_if=None, shown_if_values=[])
    Question.objects.filter(category=funded_project, code="agreement").update(required=False)
    assert entry_missing(_loaded(entry, applicant)) == {"answer-budget-source": ["This is required."]}


@pytest.mark.parametrize("items", [1, 3])
def test_the_checks_read_only_what_the_entry_loaded(
    funded_project: Any, applicant: User, organisation: Organisation, django_assert_num_queries: Any, items: int
) -> None:
    """As many conditional questions and choices as you like: no query of their own."""
    funding = Question.objects.get(category=funded_project, code="funding")
    for number in range(items):
        Question.objects.create(
            category=funded_project,
            code=f"partner-{number}",
            kind=QuestionKind.TEXT,
            label_en=f"Partner {number}",
            shown_if=funding,
            shown_if_values=["co-funded"],
            word_limit=2,
            required=False,
            order=40 + number,
        )
    entry = _entry(funded_project, applicant, organisation, funding="co-funded", partner_0="three words here")
    with django_assert_num_queries(0):
        missing = entry_missing(entry)
        shown = questions_shown(entry)
        to_correct = entry_to_correct(entry)
    assert set(missing) == {"answer-budget-source", "answer-agreement", "answer-partner-0"}
    assert len(shown) == 5 + 2 + items
    assert set(to_correct) == {"answer-partner-0"}
