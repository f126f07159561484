"""Writes of the prize configuration: the seed's translations filled into
an edition created before the seed spoke all six languages."""

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from .. import seed
from ..models import AwardLevel, Category, Criterion, Cycle, Question, QuestionChoice, RubricLevel, Track


@dataclass(frozen=True)
class TranslationFill:
    """What ``seed_prize_2026_fill_translations`` did: the translation fields
    it filled, per kind of object, and the empty ones it left empty because
    their English text is no longer the seed's (edited in admin)."""

    filled: dict[str, int] = field(default_factory=dict)
    left_edited: int = 0

    @property
    def filled_total(self) -> int:
        return sum(self.filled.values())


@transaction.atomic
def seed_prize_2026_fill_translations() -> TranslationFill:
    """Complete the translations of an existing 2026 edition from the seed.

    For databases seeded before the seed spoke all six languages (English and
    Korean only): every object the seed created is found again by its codes
    (the cycle by year, a category, track, criterion, question or award level
    by code, a rubric level by criterion and score, a choice by question and
    code), and each of its empty translation fields gets the seed's text.
    A non-empty field is never overwritten, so staff edits win; objects staff
    deleted or whose code they changed are skipped, never recreated. A field
    is filled only while its English text is still the seed's: the seed's
    translations translate that text, not an English one staff rewrote (those
    are counted in ``left_edited``), and a field staff emptied in English stays
    empty. Each object changed is validated (the fields written) and saved with
    ``update_fields``. Running it again changes nothing.
    """
    filled: Counter[str] = Counter()
    left_edited = 0
    cycle = Cycle.objects.filter(year=seed.CYCLE_2026["year"]).first()
    if cycle is None:
        return TranslationFill()
    for kind, instance, texts in _seeded_objects(cycle):
        count, edited = _fill_empty_translations(instance, texts)
        if count:
            filled[kind] += count
        left_edited += edited
    return TranslationFill(filled=dict(filled), left_edited=left_edited)


SeededObject = tuple[str, Any, dict[str, seed.T]]


def _seeded_objects(cycle: Cycle) -> Iterator[SeededObject]:
    """Every object of the seed still in the database, with the seed's texts."""
    data = seed.CYCLE_2026
    yield (
        "cycles",
        cycle,
        _texts(data, "name", "tagline", "description", "ceremony_place"),
    )
    categories = {category.code: category for category in Category.objects.filter(cycle=cycle)}
    for spec in seed.CATEGORIES:
        category = categories.get(spec["code"])
        if category is not None:
            yield "categories", category, _texts(spec, "name", "summary", "description")
            yield from _seeded_in_category(category, spec)
    levels = {level.code: level for level in AwardLevel.objects.filter(cycle=cycle)}
    for spec in seed.AWARD_LEVELS:
        if spec["code"] in levels:
            yield "award_levels", levels[spec["code"]], _texts(spec, "name", "description")


def _seeded_in_category(category: Category, spec: dict[str, Any]) -> Iterator[SeededObject]:
    tracks = {track.code: track for track in Track.objects.filter(category=category)}
    for track_spec in spec["tracks"]:
        if track_spec["code"] in tracks:
            yield "tracks", tracks[track_spec["code"]], _texts(track_spec, "name", "summary", "description")
    criteria = {criterion.code: criterion for criterion in Criterion.objects.filter(category=category)}
    levels = {
        (level.criterion_id, level.score): level for level in RubricLevel.objects.filter(criterion__category=category)
    }
    for code, name, description in seed.CRITERIA:
        criterion = criteria.get(code)
        if criterion is None:
            continue
        yield "criteria", criterion, {"name": name, "description": description}
        for score, label, descriptor in seed.RUBRIC:
            if (criterion.pk, score) in levels:
                yield "rubric_levels", levels[criterion.pk, score], {"label": label, "descriptor": descriptor}
    questions = {question.code: question for question in Question.objects.filter(category=category)}
    choices = {
        (choice.question_id, choice.code): choice
        for choice in QuestionChoice.objects.filter(question__category=category)
    }
    for question_spec in seed.QUESTIONS[spec["code"]]:
        question = questions.get(question_spec["code"])
        if question is None:
            continue
        yield "questions", question, _texts(question_spec, "label", "help_text")
        for code, label in question_spec["choices"]:
            if (question.pk, code) in choices:
                yield "choices", choices[question.pk, code], {"label": label}


def _texts(spec: dict[str, Any], *fields: str) -> dict[str, seed.T]:
    return {name: spec[name] for name in fields}


def _is_empty(value: str | None) -> bool:
    return not (value or "").strip()


def _fill_empty_translations(instance: Any, texts: dict[str, seed.T]) -> tuple[int, int]:
    """Fill ``instance``'s empty translation fields from ``texts`` where its
    English is still the seed's; save only those fields. Returns how many it
    filled and how many empty ones it left because their English was edited."""
    update_fields: list[str] = []
    left_edited = 0
    for name, values in texts.items():
        english = getattr(instance, build_localized_fieldname(name, "en"))
        empty = {
            build_localized_fieldname(name, language): text
            for language, text in values.items()
            if _is_empty(getattr(instance, build_localized_fieldname(name, language)))
        }
        if not empty or _is_empty(english):
            continue  # complete, or emptied by staff: nothing to translate
        if english.strip() != values["en"].strip():
            left_edited += len(empty)
            continue
        for attname, text in empty.items():
            setattr(instance, attname, text)
        update_fields += empty
    if update_fields:
        validate_written(instance, update_fields)
        instance.save(update_fields=update_fields)
    return len(update_fields), left_edited


def validate_written(instance: Any, update_fields: list[str]) -> None:
    """Validate the fields written. A model's clean() also checks other
    fields (a question's condition, left without its trigger when staff
    deleted that question): those errors are not the fill's to raise."""
    try:
        instance.full_clean(exclude=[f.name for f in instance._meta.fields if f.name not in update_fields])
    except ValidationError as error:
        written = {
            name: messages
            for name, messages in error.message_dict.items()
            if name in update_fields or name == NON_FIELD_ERRORS
        }
        if written:
            raise ValidationError(written) from error
