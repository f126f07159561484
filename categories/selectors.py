"""Reads of the prize configuration that pages share (flat query counts)."""

from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from django.conf import settings
from django.db.models import Model, Prefetch, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from .enums import CycleStatus
from .models import AwardLevel, Category, Criterion, Cycle, Question, QuestionChoice, RubricLevel, Signatory, Track


def cycles_public() -> QuerySet[Cycle]:
    return Cycle.objects.exclude(status=CycleStatus.DRAFT)


def cycle_current() -> Cycle | None:
    """The newest edition the public may see."""
    return cycles_public().order_by("-year").first()


def _categories_for_display() -> QuerySet[Category]:
    return Category.objects.order_by("order", "code").prefetch_related(
        Prefetch("tracks", queryset=Track.objects.order_by("order", "code"))
    )


def cycle_with_categories(*, cycle: Cycle) -> Cycle:
    """The cycle with its categories and their tracks loaded (3 queries)."""
    return cycles_public().prefetch_related(Prefetch("categories", queryset=_categories_for_display())).get(pk=cycle.pk)


def cycle_get_public(*, year: int) -> Cycle:
    """A public cycle by year with categories and tracks, or 404."""
    cycle = (
        cycles_public()
        .filter(year=year)
        .prefetch_related(Prefetch("categories", queryset=_categories_for_display()))
        .first()
    )
    if cycle is None:
        raise Http404
    return cycle


def category_get_public(*, year: int, code: str) -> Category:
    """A category of a public cycle with tracks, criteria and rubric, or 404."""
    category = (
        Category.objects.filter(cycle__year=year, code=code)
        .exclude(cycle__status=CycleStatus.DRAFT)
        .select_related("cycle")
        .prefetch_related(
            Prefetch("tracks", queryset=Track.objects.order_by("order", "code")),
            Prefetch("criteria", queryset=Criterion.objects.order_by("order", "code")),
            "award_levels",
        )
        .first()
    )
    if category is None:
        raise Http404
    return category


@dataclass(frozen=True)
class MissingText:
    """One text of the edition's content with no translation in a language."""

    kind: str  # the kind of object, in the page's language ("Criterion")
    name: str  # the object's English name, label or first text ("Impact")
    field: str  # the field's name in the page's language
    english: str
    admin_url: str


@dataclass
class LanguageStatus:
    code: str
    name: str
    total: int = 0
    missing: list[MissingText] = dataclass_field(default_factory=list)

    @property
    def filled(self) -> int:
        return self.total - len(self.missing)

    @property
    def percent(self) -> int:
        return 100 if not self.total else int(100 * self.filled / self.total)


# The edition's translated content: each model, how to find it from the cycle,
# and the object whose admin page edits it (inlines are edited on their parent's).
_CONTENT: tuple[tuple[type[Model], str, str], ...] = (
    (Cycle, "pk", ""),
    (Category, "cycle", "cycle"),
    (AwardLevel, "cycle", "cycle"),
    (Signatory, "cycle", "cycle"),
    (Track, "category__cycle", "category"),
    (Criterion, "category__cycle", ""),
    (RubricLevel, "criterion__category__cycle", "criterion"),
    (Question, "category__cycle", ""),
    (QuestionChoice, "question__category__cycle", "question"),
)


def _content_objects(cycle: Cycle) -> Iterator[tuple[Model, Model]]:
    """Every object of the edition's translated content, with the object whose
    admin page edits it. One query per kind of content."""
    for model, path, parent in _CONTENT:
        objects = model._default_manager.filter(**{path: cycle.pk}).order_by("pk")
        if parent:
            objects = objects.select_related(parent)
        for obj in objects:
            yield obj, (getattr(obj, parent) if parent else obj)


def content_translation_status(*, cycle: Cycle) -> list[LanguageStatus]:
    """For each language but English, how many of the edition's texts are
    translated and which are not (a text with no English has nothing to
    translate). One query per kind of content, whatever the edition's size."""
    statuses = [
        LanguageStatus(code=code, name=str(get_language_info(code)["name_translated"]))
        for code, _name in settings.LANGUAGES
        if code != settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    ]
    for obj, owner in _content_objects(cycle):
        _count_texts(obj, owner, statuses)
    return statuses


def _count_texts(obj: Model, owner: Model, statuses: list[LanguageStatus]) -> None:
    """Count ``obj``'s translatable texts in each status, and note the missing ones."""
    english_of = _english_texts(obj)
    if not english_of:
        return
    url = reverse(f"admin:categories_{owner._meta.model_name}_change", args=[owner.pk])
    kind, name_en = str(capfirst(obj._meta.verbose_name)), next(iter(english_of.values()))
    for name, english in english_of.items():
        label = _field_label(obj, name)
        for status in statuses:
            status.total += 1
            if not (getattr(obj, build_localized_fieldname(name, status.code)) or "").strip():
                status.missing.append(MissingText(kind=kind, name=name_en, field=label, english=english, admin_url=url))


def _field_label(obj: Model, name: str) -> str:
    return str(capfirst(getattr(obj._meta.get_field(name), "verbose_name", name)))


@dataclass(frozen=True)
class ContentText:
    """One text of the edition's content and its translation in one language,
    as outside translators get it. ``key`` names the object and field
    (``<model>:<id>:<field>``) and stays the same while the object exists."""

    key: str
    kind: str
    name: str
    field: str
    english: str
    translation: str


def content_key(obj: Model, name: str) -> str:
    return f"{obj._meta.model_name}:{obj.pk}:{name}"


def content_texts(*, cycle: Cycle, language: str) -> list[ContentText]:
    """Every text of the edition with an English version, in the content's
    order, with its translation in ``language`` ('' when missing)."""
    texts = []
    for obj, _owner in _content_objects(cycle):
        english_of = _english_texts(obj)
        if not english_of:
            continue
        kind, name_en = str(capfirst(obj._meta.verbose_name)), next(iter(english_of.values()))
        for name, english in english_of.items():
            translation = getattr(obj, build_localized_fieldname(name, language)) or ""
            texts.append(
                ContentText(
                    key=content_key(obj, name),
                    kind=kind,
                    name=name_en,
                    field=_field_label(obj, name),
                    english=english,
                    translation=translation,
                )
            )
    return texts


def content_objects_by_key(*, cycle: Cycle) -> dict[str, tuple[Model, str]]:
    """The edition's translatable texts by ``content_key``: the object and the field's name."""
    return {
        content_key(obj, name): (obj, name) for obj, _owner in _content_objects(cycle) for name in _english_texts(obj)
    }


def _english_texts(obj: Model) -> dict[str, str]:
    """The translated fields of ``obj`` that have an English text, with it."""
    translated = translator.get_options_for_model(type(obj)).fields  # type: ignore[attr-defined]
    # In the model's order (the options hold a set): the name or label first.
    fields = [model_field.name for model_field in obj._meta.fields if model_field.name in translated]
    english = {
        name: getattr(obj, build_localized_fieldname(name, settings.MODELTRANSLATION_DEFAULT_LANGUAGE))
        for name in fields
    }
    return {name: text for name, text in english.items() if text and text.strip()}
