"""Writes of the prize configuration."""

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from . import seed
from .enums import CycleStatus
from .models import AwardLevel, Category, Criterion, Cycle, Question, QuestionChoice, RubricLevel, Track


def _translated(**fields: dict[str, str]) -> dict[str, str]:
    """{"name": {"en": .., "zh-hans": ..}} → {"name_en": .., "name_zh_hans": ..}."""
    values: dict[str, str] = {}
    for name, texts in fields.items():
        for language, text in texts.items():
            values[_attname(name, language)] = text
    return values


def _attname(name: str, language: str) -> str:
    """The translation field of ``name`` in ``language``: ("label", "zh-hans") → "label_zh_hans"."""
    return f"{name}_{language.replace('-', '_')}"


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
    _seed_edition(
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


def _seed_edition(created: Counter[str], *, year: int, name: seed.T, window: EditionWindow) -> Cycle:
    """An edition with the seed's categories, tracks, criteria, questions and award levels."""
    data = seed.CYCLE_2026
    cycle: Cycle = _create(
        created,
        "cycles",
        Cycle,
        {
            "year": year,
            **_translated(
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
                **_translated(name=spec["name"], summary=spec["summary"], description=spec["description"]),
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
                    **_translated(name=track["name"], summary=track["summary"], description=track["description"]),
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
                **_translated(name=spec["name"], description=spec["description"]),
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
                **_translated(name=name, description=description),
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
                {"criterion": criterion, "score": score, **_translated(label=label, descriptor=descriptor)},
            )
    return criteria


def _seed_questions(
    category: Category, criteria: dict[str, Criterion], questions: list[dict[str, Any]], created: Counter[str]
) -> None:
    for order, spec in enumerate(questions):
        question = _create(
            created,
            "questions",
            Question,
            {
                "category": category,
                "code": spec["code"],
                **_translated(label=spec["label"], help_text=spec["help_text"]),
                "kind": spec["kind"],
                "criterion": criteria.get(spec["criterion"]) if spec["criterion"] else None,
                "required": spec["required"],
                "word_limit": spec["word_limit"],
                "identifying": spec["identifying"],
                "applicant_types": list(spec["applicant_types"]),
                "order": order * 10,
            },
        )
        for choice_order, (code, label) in enumerate(spec["choices"]):
            _create(
                created,
                "choices",
                QuestionChoice,
                {"question": question, "code": code, **_translated(label=label), "order": choice_order},
            )


# The quick start's demo edition (`make run`): the edition after the real one,
# with the same content, its call for entries open on whatever day the demo runs.
DEMO_YEAR = seed.CYCLE_2026["year"] + 1
DEMO_OPENED_DAYS_AGO = 14
DEMO_OPEN_FOR_DAYS = 75
# When fewer days than this are left before its deadline, a new run moves the window.
DEMO_MIN_DAYS_LEFT = 30


def demo_window(today: date) -> EditionWindow:
    """The demo's window around ``today`` (Seoul dates): opened two weeks ago,
    deadline in about ten weeks, judging three days later, ceremony in autumn."""
    tz = ZoneInfo(settings.PRIZE_TIME_ZONE)

    def seoul(day: date, at: time) -> datetime:
        return datetime.combine(day, at, tzinfo=tz)

    deadline = today + timedelta(days=DEMO_OPEN_FOR_DAYS)
    return EditionWindow(
        applications_open_at=seoul(today - timedelta(days=DEMO_OPENED_DAYS_AGO), time(0, 0)),
        applications_close_at=seoul(deadline, time(23, 59)),
        judging_starts_at=seoul(deadline + timedelta(days=3), time(9, 0)),
        ceremony_at=seoul(deadline + timedelta(days=130), time(10, 0)),
    )


@dataclass(frozen=True)
class DemoEdition:
    cycle: Cycle
    outcome: str  # "created", "moved" or "unchanged"


@transaction.atomic
def seed_demo_edition(*, now: datetime) -> DemoEdition:
    """Create the demo edition, or move its call for entries so that it is open at ``now``.

    For the quick start only (the command refuses with DEBUG off): production
    keeps the real editions' dates. The window moves when it is not open at
    ``now`` or closes within ``DEMO_MIN_DAYS_LEFT`` days, so a demo database
    kept for weeks still takes applications; entries and answers stay.
    """
    today = now.astimezone(ZoneInfo(settings.PRIZE_TIME_ZONE)).date()
    cycle = Cycle.objects.select_for_update().filter(year=DEMO_YEAR).first()
    if cycle is None:
        name = {
            language: text.replace(str(seed.CYCLE_2026["year"]), str(DEMO_YEAR))
            for language, text in seed.CYCLE_2026["name"].items()
        }
        cycle = _seed_edition(Counter(), year=DEMO_YEAR, name=name, window=demo_window(today))
        return DemoEdition(cycle=cycle, outcome="created")
    open_long_enough = (
        cycle.applications_open_at <= now
        and cycle.applications_close_at - now >= timedelta(days=DEMO_MIN_DAYS_LEFT)
        and cycle.status == CycleStatus.ANNOUNCED
    )
    if open_long_enough:
        return DemoEdition(cycle=cycle, outcome="unchanged")
    dates = demo_window(today).as_fields()
    for attribute, value in dates.items():
        setattr(cycle, attribute, value)
    cycle.status = CycleStatus.ANNOUNCED
    cycle.full_clean()
    cycle.save(update_fields=[*dates, "status"])
    return DemoEdition(cycle=cycle, outcome="moved")


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
        english = getattr(instance, _attname(name, "en"))
        empty = {
            _attname(name, language): text
            for language, text in values.items()
            if _is_empty(getattr(instance, _attname(name, language)))
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
        instance.full_clean(exclude=[f.name for f in instance._meta.fields if f.name not in update_fields])
        instance.save(update_fields=update_fields)
    return len(update_fields), left_edited
