"""When a question of the application form is asked: a question with a
condition (``Question.shown_if``) is shown only while its trigger is shown
and the answer to the trigger is one of ``shown_if_values``.

Pure functions over questions and answers already loaded (no queries): the
entry's checks, the form, and what judges, the PDF and staff read all decide
visibility here, from the answers they hold (stored, or frozen at submit).
Answers to hidden questions are never deleted; they are left out on reading.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import Question


def _codes(value: Any) -> set[str]:
    """The choice codes an answer gives: a code (single choice) or a list of
    codes (multiple choice); anything else gives none."""
    if isinstance(value, str):
        return {value} if value else set()
    if isinstance(value, list):
        return {item for item in value if isinstance(item, str) and item}
    return set()


def _shown(
    question: Question,
    answers_by_code: Mapping[str, Any],
    by_pk: Mapping[int, Question],
    known: dict[int, bool],
    chain: frozenset[int] = frozenset(),
) -> bool:
    """Whether ``question`` is shown, remembering each answer in ``known``.
    A trigger missing from the form (not asked of this applicant) is not
    shown; a loop of conditions (only possible after reordering) shows none."""
    if question.pk in known:
        return known[question.pk]
    trigger = by_pk.get(question.shown_if_id) if question.shown_if_id is not None else None
    if question.shown_if_id is None:
        shown = True
    elif trigger is None or trigger.pk in chain or trigger.pk == question.pk:
        shown = False
    else:
        shown = _shown(trigger, answers_by_code, by_pk, known, chain | {question.pk}) and bool(
            _codes(answers_by_code.get(trigger.code)) & set(question.shown_if_values or [])
        )
    known[question.pk] = shown
    return shown


def question_shown(
    question: Question, answers_by_code: Mapping[str, Any], questions_by_code: Mapping[str, Question]
) -> bool:
    """Whether ``question`` is shown given the answers (by question code) on
    the form ``questions_by_code``. Without a condition it always is; with
    one, its trigger must be shown too (conditions chain) and the trigger's
    answer (a code, or a list of codes) must include one of the values."""
    by_pk = {other.pk: other for other in questions_by_code.values()}
    return _shown(question, answers_by_code, by_pk, {})


def shown_questions(
    questions_by_code: Mapping[str, Question], answers_by_code: Mapping[str, Any]
) -> dict[str, Question]:
    """The questions of ``questions_by_code`` shown given the answers, in their order."""
    by_pk = {question.pk: question for question in questions_by_code.values()}
    known: dict[int, bool] = {}
    return {
        code: question
        for code, question in questions_by_code.items()
        if _shown(question, answers_by_code, by_pk, known)
    }


def condition_of(question: Question, questions_by_code: Mapping[str, Question]) -> tuple[str, list[str]] | None:
    """The condition as the form's script reads it: the trigger's code and the
    values that show ``question``; None when it is always asked. A trigger
    missing from the form gives no values: the question stays hidden."""
    if question.shown_if_id is None:
        return None
    for trigger in questions_by_code.values():
        if trigger.pk == question.shown_if_id:
            return trigger.code, list(question.shown_if_values or [])
    return "", []
