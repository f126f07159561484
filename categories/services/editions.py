"""Writes of the prize configuration: an edition created from the seed
(``categories.seed``), in the site's six languages."""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from .. import seed
from ..enums import CycleStatus
from ..models import AwardLevel, Category, Criterion, Cycle, Question, QuestionChoice, RubricLevel, Track


def translated_fields(**fields: dict[str, str]) -> dict[str, str]:
    """{"name": {"en": .., "zh-hans": ..}} → {"name_en": .., "name_zh_hans": ..}."""
    values: dict[str, str] = {}
    for name, texts in fields.items():
        for language, text in texts.items():
            values[build_localized_fieldname(name, language)] = text
    return values


def _seoul(value: str) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=ZoneInfo(settings.PRIZE_TIME_ZONE))


def _create(created: Counter[str], kind: str, model: Any, values: dict[str, Any]) -> Any:
    """Create one validated object of the seed and count it under ``kind``."""
    instance = model(**values)
    instance.full_clean()
    instance.save()
    created[kind] += 1
    return instance


@transaction.atomic
def seed_prize_2026() -> dict[str, int]:
    """Create the 2026 edition (the real call for entries) in the site's six languages.

    Idempotent: once the 2026 cycle exists, nothing is created or changed, so
    what staff have since edited, renamed or deleted in admin stays as they left
    it (the deploy job runs this on every start; it then completes the
    translations with ``seed_prize_2026_fill_translations``). Returns how many
    objects of each kind were created.
    """
    data = seed.CYCLE_2026
    if Cycle.objects.filter(year=data["year"]).exists():
        return {}
    created: Counter[str] = Counter()
    edition_create_from_seed(
        created,
        year=data["year"],
        name=data["name"],
        window=EditionWindow(
            applications_open_at=_seoul(data["applications_open_at"]),
            applications_close_at=_seoul(data["applications_close_at"]),
            judging_starts_at=_seoul(data["judging_starts_at"]),
            ceremony_at=_seoul(data["ceremony_at"]),
        ),
    )
    return dict(created)


@dataclass(frozen=True)
class EditionWindow:
    """An edition's phase dates (aware datetimes)."""

    applications_open_at: datetime
    applications_close_at: datetime
    judging_starts_at: datetime
    ceremony_at: datetime

    def as_fields(self) -> dict[str, datetime]:
        return {
            "applications_open_at": self.applications_open_at,
            "applications_close_at": self.applications_close_at,
            "judging_starts_at": self.judging_starts_at,
            "ceremony_at": self.ceremony_at,
        }


def edition_create_from_seed(created: Counter[str], *, year: int, name: seed.T, window: EditionWindow) -> Cycle:
    """An edition with the seed's categories, tracks, criteria, questions and award levels."""
    data = seed.CYCLE_2026
    cycle: Cycle = _create(
        created,
        "cycles",
        Cycle,
        {
            "year": year,
            **translated_fields(
                name=name,
                tagline=data["tagline"],
                description=data["description"],
                ceremony_place=data["ceremony_place"],
            ),
            "status": CycleStatus.ANNOUNCED,
            **window.as_fields(),
        },
    )

    categories: dict[str, Category] = {}
    for order, spec in enumerate(seed.CATEGORIES):
        category = _create(
            created,
            "categories",
            Category,
            {
                "cycle": cycle,
                "code": spec["code"],
                **translated_fields(name=spec["name"], summary=spec["summary"], description=spec["description"]),
                "reference_letter": spec["reference_letter"],
                "applicant_types": list(spec["applicant_types"]),
                "entry_limit": spec["entry_limit"],
                "accepts_applications": spec["accepts_applications"],
                "award_count": spec["award_count"],
                "order": order,
            },
        )
        categories[spec["code"]] = category
        for track_order, track in enumerate(spec["tracks"]):
            _create(
                created,
                "tracks",
                Track,
                {
                    "category": category,
                    "code": track["code"],
                    **translated_fields(name=track["name"], summary=track["summary"], description=track["description"]),
                    "award_count": track["award_count"],
                    "order": track_order,
                },
            )
        criteria = _seed_criteria(category, created)
        _seed_questions(category, criteria, seed.QUESTIONS[spec["code"]], created)

    for order, spec in enumerate(seed.AWARD_LEVELS):
        level = _create(
            created,
            "award_levels",
            AwardLevel,
            {
                "cycle": cycle,
                "code": spec["code"],
                **translated_fields(name=spec["name"], description=spec["description"]),
                "order": order,
            },
        )
        level.categories.set([categories[code] for code in spec["categories"]])
    return cycle


def _seed_criteria(category: Category, created: Counter[str]) -> dict[str, Criterion]:
    criteria: dict[str, Criterion] = {}
    for order, (code, name, description) in enumerate(seed.CRITERIA):
        criterion = _create(
            created,
            "criteria",
            Criterion,
            {
                "category": category,
                "code": code,
                **translated_fields(name=name, description=description),
                "scale_min": 0,
                "scale_max": 5,
                "order": order,
            },
        )
        criteria[code] = criterion
        for score, label, descriptor in seed.RUBRIC:
            _create(
                created,
                "rubric_levels",
                RubricLevel,
                {"criterion": criterion, "score": score, **translated_fields(label=label, descriptor=descriptor)},
            )
    return criteria


def _seed_questions(
    category: Category, criteria: dict[str, Criterion], questions: list[dict[str, Any]], created: Counter[str]
) -> None:
    """The form's questions in the seed's order, each with its choices; a
    condition names an earlier question of the form, created already."""
    by_code: dict[str, Question] = {}
    for order, spec in enumerate(questions):
        question = by_code[spec["code"]] = _create(
            created,
            "questions",
            Question,
            {
                "category": category,
                "code": spec["code"],
                **translated_fields(label=spec["label"], help_text=spec["help_text"]),
                "kind": spec["kind"],
                "criterion": criteria.get(spec["criterion"]) if spec["criterion"] else None,
                "required": spec["required"],
                "word_limit": spec["word_limit"],
                "identifying": spec["identifying"],
                "applicant_types": list(spec["applicant_types"]),
                "shown_if": by_code[spec["shown_if"]] if spec["shown_if"] else None,
                "shown_if_values": list(spec["shown_if_values"]),
                "order": order * 10,
            },
        )
        for choice_order, (code, label) in enumerate(spec["choices"]):
            _create(
                created,
                "choices",
                QuestionChoice,
                {"question": question, "code": code, **translated_fields(label=label), "order": choice_order},
            )


# The quick start's demo edition (`make run`): the edition after the real one,
# with the same content, its call for entries open on whatever day the demo runs.
