"""Writes of the content's translations that outside translators return
(a sheet from ``categories.exchange``)."""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record

from ..exchange import SheetRow, translatable_languages
from ..models import Cycle
from ..selectors import content_objects_by_key
from .translations import validate_written


@dataclass
class TranslationImport:
    """What an import did: texts whose translation it wrote or left as they
    were, empty cells, and rows it could not take (the English changed since
    the sheet was made, or the text no longer exists)."""

    language: str
    updated: int = 0
    unchanged: int = 0
    empty: int = 0
    english_changed: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


@transaction.atomic
def content_translations_import(*, cycle: Cycle, language: str, rows: list[SheetRow], actor: User) -> TranslationImport:
    """Write the translations of the sheet's rows into ``language``'s fields.

    A row is taken only while its English is still the edition's (a
    translation of an older English would be wrong); an empty cell never
    erases a translation. Each object changed is validated on the fields
    written; if any is invalid (too long…), nothing is saved and the
    ValidationError names the rows. Recorded in the audit trail."""
    if language not in translatable_languages():
        raise ValidationError(_("Choose a language the site translates into."), code="language")
    report = TranslationImport(language=language)
    targets = content_objects_by_key(cycle=cycle)
    written: dict[int, tuple[Model, dict[str, str]]] = {}  # per object: each field written, its row's key
    for row in rows:
        target = targets.get(row.key)
        if target is None:
            report.unknown.append(row.key)
            continue
        obj, name = target
        english = getattr(obj, build_localized_fieldname(name, "en")) or ""
        if row.english.strip() != english.strip():
            report.english_changed.append(row.key)
            continue
        text = row.translation.strip()
        if not text:
            report.empty += 1
            continue
        attname = build_localized_fieldname(name, language)
        if (getattr(obj, attname) or "").strip() == text:
            report.unchanged += 1
            continue
        setattr(obj, attname, text)
        written.setdefault(id(obj), (obj, {}))[1][attname] = row.key
        report.updated += 1
    errors: dict[str, Any] = defaultdict(list)
    for obj, keys in written.values():
        try:
            validate_written(obj, list(keys))
        except ValidationError as error:
            for attname, messages in error.message_dict.items():
                errors[keys.get(attname, next(iter(keys.values())))].extend(messages)
        else:
            obj.save(update_fields=list(keys))
    if errors:
        raise ValidationError(
            [_("%(key)s: %(message)s") % {"key": key, "message": " ".join(texts)} for key, texts in errors.items()],
            code="invalid",
        )
    audit_record(
        actor=actor,
        action="content.import_translations",
        target=cycle,
        after={"language": language, "updated": report.updated, "english_changed": len(report.english_changed)},
    )
    return report
