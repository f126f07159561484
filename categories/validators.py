from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .enums import CHOICE_KINDS, ApplicantType


def validate_applicant_types(value: Any) -> None:
    """A list of distinct ApplicantType values."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError(_("Give a list of applicant types."), code="applicant_types_not_list")
    unknown = sorted(set(value) - set(ApplicantType.values))
    if unknown:
        raise ValidationError(
            _("Unknown applicant type: %(types)s."), code="unknown_applicant_type", params={"types": ", ".join(unknown)}
        )
    if len(set(value)) != len(value):
        raise ValidationError(_("Each applicant type may be listed once."), code="duplicate_applicant_type")


def _asked_of(question: Any) -> set[str]:
    """The applicant types a question is asked of (an empty list: all of them)."""
    types = question.applicant_types
    if not isinstance(types, list):
        return set()  # refused by its own validator
    return set(types or ApplicantType.values)


def _condition_errors(question: Any) -> dict[str, list[Any]]:
    """What is wrong with a question's own condition (``shown_if``), by field."""
    values = question.shown_if_values
    if not isinstance(values, list) or not all(isinstance(code, str) and code.strip() for code in values):
        return {"shown_if_values": [_("Give a list of choice codes.")]}
    trigger = question.shown_if
    if trigger is None:
        return {"shown_if_values": [_("Leave this empty when the question is always asked.")]} if values else {}
    errors: dict[str, list[Any]] = {}
    if question.pk is not None and trigger.pk == question.pk:
        errors["shown_if"] = [_("A question cannot depend on itself.")]
    elif question.category_id is not None and trigger.category_id != question.category_id:
        errors["shown_if"] = [_("Choose a question of the same category.")]
    elif trigger.kind not in CHOICE_KINDS:
        errors["shown_if"] = [_("Choose a single- or multiple-choice question.")]
    elif (trigger.order, trigger.code) >= (question.order, question.code):
        errors["shown_if"] = [_("Choose a question that comes before this one on the form (by order, then code).")]
    elif not _asked_of(question) <= _asked_of(trigger):
        errors["shown_if"] = [_("Choose a question asked of every applicant type this one is asked of.")]
    if "shown_if" in errors:
        return errors
    unknown = sorted(set(values) - {choice.code for choice in trigger.choices.all()})
    if not values:
        errors["shown_if_values"] = [_("Give at least one of that question's choices.")]
    elif unknown:
        errors["shown_if_values"] = [
            ValidationError(
                _("Not a choice of that question: %(codes)s."),
                code="unknown_choice",
                params={"codes": ", ".join(unknown)},
            )
        ]
    return errors


def _dependents_errors(question: Any) -> dict[str, list[Any]]:
    """What a change to a question would break in the questions that depend on it."""
    if question.pk is None:
        return {}
    dependents = list(question.dependents.exclude(pk=question.pk).order_by("order", "code"))
    asked_of = _asked_of(question)
    broken = {
        "kind": dependents if question.kind not in CHOICE_KINDS else [],
        "order": [d for d in dependents if (d.order, d.code) <= (question.order, question.code)],
        "applicant_types": [d for d in dependents if not _asked_of(d) <= asked_of],
    }
    messages = {
        "kind": _("Other questions depend on its answer (%(codes)s): keep it a single- or multiple-choice question."),
        "order": _("Other questions depend on its answer (%(codes)s): keep it before them on the form."),
        "applicant_types": _("Other questions depend on its answer (%(codes)s): ask it of everyone they are asked of."),
    }
    return {
        name: [
            ValidationError(
                messages[name], code="condition_broken", params={"codes": ", ".join(d.code for d in questions)}
            )
        ]
        for name, questions in broken.items()
        if questions
    }


def validate_condition(question: Any) -> None:
    """A question's condition (``Question.shown_if`` and ``shown_if_values``)
    names an earlier choice question of the same category, asked of everyone
    this one is asked of, and some of its choices; and a question others
    depend on stays such a question for them. The rule itself (what is shown)
    is categories/conditions.py."""
    errors = _condition_errors(question)
    for name, messages in _dependents_errors(question).items():
        errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationError(errors)
