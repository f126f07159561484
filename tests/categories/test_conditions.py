"""The rule of conditional questions: pure functions over loaded questions
and answers (unsaved questions here, without database access: the rule
reads none)."""

from __future__ import annotations

from typing import Any

from categories.conditions import condition_of, question_shown, shown_questions
from categories.enums import QuestionKind
from categories.models import Question


def _form(*questions: Question) -> dict[str, Question]:
    return {question.code: question for question in questions}


def _question(
    pk: int, code: str, kind: str = QuestionKind.LONG_TEXT, trigger: Question | None = None, **extra: Any
) -> Question:
    return Question(
        pk=pk,
        code=code,
        kind=kind,
        shown_if_id=trigger.pk if trigger else None,
        shown_if_values=extra.pop("values", []),
        **extra,
    )


FUNDING = _question(1, "funding", QuestionKind.CHOICE)
SOURCE = _question(2, "budget-source", trigger=FUNDING, values=["co-funded"])
PARTNERS = _question(3, "partners", QuestionKind.MULTIPLE_CHOICE, trigger=FUNDING, values=["co-funded", "external"])
AGREEMENT = _question(4, "agreement", QuestionKind.FILE, trigger=PARTNERS, values=["foundation"])
PROBLEM = _question(5, "problem")
FORM = _form(FUNDING, SOURCE, PARTNERS, AGREEMENT, PROBLEM)


def test_question_without_condition_is_always_shown() -> None:
    assert question_shown(PROBLEM, {}, FORM) is True
    assert question_shown(FUNDING, {"funding": "self-funded"}, FORM) is True


def test_question_shown_when_the_choice_answer_is_one_of_the_values() -> None:
    assert question_shown(SOURCE, {"funding": "co-funded"}, FORM) is True
    assert question_shown(SOURCE, {"funding": "self-funded"}, FORM) is False


def test_question_shown_when_a_multiple_choice_answer_includes_one_of_the_values() -> None:
    answers = {"funding": "external", "partners": ["city", "foundation"]}
    assert question_shown(AGREEMENT, answers, FORM) is True
    assert question_shown(AGREEMENT, {**answers, "partners": ["city"]}, FORM) is False
    assert question_shown(AGREEMENT, {**answers, "partners": []}, FORM) is False


def test_question_whose_trigger_is_hidden_is_hidden_along_the_chain() -> None:
    """The agreement follows the partners, which follow the funding: once the
    funding hides the partners, their answer (still stored) shows nothing."""
    answers = {"funding": "self-funded", "partners": ["foundation"]}
    assert question_shown(PARTNERS, answers, FORM) is False
    assert question_shown(AGREEMENT, answers, FORM) is False


def test_missing_or_unknown_answers_show_nothing() -> None:
    assert question_shown(SOURCE, {}, FORM) is False
    assert question_shown(SOURCE, {"funding": None}, FORM) is False
    assert question_shown(SOURCE, {"funding": ""}, FORM) is False
    assert question_shown(SOURCE, {"funding": "a-choice-since-deleted"}, FORM) is False
    assert question_shown(SOURCE, {"funding": 42}, FORM) is False
    assert question_shown(SOURCE, {"funding": {"co-funded": True}}, FORM) is False
    # A list given to a single choice (its kind changed since) still counts by its codes.
    assert question_shown(SOURCE, {"funding": ["co-funded"]}, FORM) is True


def test_a_trigger_missing_from_the_form_hides_the_question() -> None:
    """Not asked of this applicant type (or not loaded): not shown, so neither is what depends on it."""
    form = _form(SOURCE, PROBLEM)
    assert question_shown(SOURCE, {"funding": "co-funded"}, form) is False


def test_a_loop_of_conditions_shows_none_of_its_questions() -> None:
    first = _question(10, "first", QuestionKind.CHOICE)
    second = _question(11, "second", QuestionKind.CHOICE, trigger=first, values=["yes"])
    first.shown_if_id, first.shown_if_values = second.pk, ["yes"]  # possible only after a reordering
    itself = _question(12, "itself", QuestionKind.CHOICE, values=["yes"])
    itself.shown_if_id = itself.pk
    form = _form(first, second, itself, PROBLEM)
    answers = {"first": "yes", "second": "yes", "itself": "yes"}
    assert shown_questions(form, answers) == {"problem": PROBLEM}


def test_shown_questions_keeps_the_form_order() -> None:
    answers = {"funding": "co-funded", "partners": ["city"]}
    assert list(shown_questions(FORM, answers)) == ["funding", "budget-source", "partners", "problem"]
    assert list(shown_questions(FORM, {})) == ["funding", "problem"]


def test_the_rule_reads_no_database() -> None:
    """No test here may use the database (pytest-django refuses any query):
    the rule works on what the caller loaded, whatever the size of the form."""
    form = {
        f"q-{number}": _question(100 + number, f"q-{number}", trigger=FUNDING, values=["co-funded"])
        for number in range(50)
    }
    assert len(shown_questions({**FORM, **form}, {"funding": "co-funded"})) == 4 + 50


def test_condition_of_gives_the_trigger_code_and_values_for_the_script() -> None:
    assert condition_of(PROBLEM, FORM) is None
    assert condition_of(SOURCE, FORM) == ("funding", ["co-funded"])
    assert condition_of(AGREEMENT, FORM) == ("partners", ["foundation"])
    # A trigger missing from the form: no value can show it, as on the server.
    assert condition_of(SOURCE, _form(SOURCE)) == ("", [])
