"""The edition's content for outside translators: one spreadsheet per
language (a key per text, the English, the translation so far), and reading
one back. Writing the translations is ``services.content_translations_import``."""

import io
import re
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from prize_portal.site.spreadsheets import FORMULA_STARTS, Cell

from .selectors import ContentText

# The largest sheet taken back: the 2026 edition's ~400 texts make ~60 kB.
SHEET_SIZE_LIMIT = 5 * 1024 * 1024
LANGUAGE_IN_HEADER = re.compile(r"\(([a-z]{2,3}(?:-[a-z]+)?)\)\s*$")


@dataclass(frozen=True)
class SheetRow:
    key: str
    english: str
    translation: str


def translatable_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code != settings.MODELTRANSLATION_DEFAULT_LANGUAGE]


def translation_rows(texts: list[ContentText], language: str) -> list[list[Cell]]:
    """The sheet: a header naming the language by its code, then one row per text."""
    name = str(get_language_info(language)["name"])
    header: list[Cell] = [_("Key"), _("Kind"), _("Name"), _("Field"), _("English"), f"{name} ({language})"]
    rows: list[list[Cell]] = [
        [text.key, text.kind, text.name, text.field, text.english, text.translation] for text in texts
    ]
    return [header, *rows]


def _text(value: object) -> str:
    """A cell as text, without the apostrophe our exports put before a formula-like start."""
    text = "" if value is None else str(value)
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def read_translation_sheet(upload: IO[bytes]) -> tuple[str, list[SheetRow]]:
    """The language and the rows of a sheet made by ``translation_rows``
    (and filled in by a translator); a ValidationError saying what is wrong."""
    from openpyxl import load_workbook

    data = upload.read(SHEET_SIZE_LIMIT + 1)
    if len(data) > SHEET_SIZE_LIMIT:
        raise ValidationError(_("This file is too large for a sheet of translations."), code="too_large")
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise ValidationError(
            _("This is not a spreadsheet (.xlsx) downloaded from this page."), code="not_xlsx"
        ) from error
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [_text(value) for value in next(rows, ())]
    found = LANGUAGE_IN_HEADER.search(header[5]) if len(header) >= 6 else None
    if not found or not header[0]:
        raise ValidationError(
            _("The first row should be the header of the downloaded sheet, its last column naming the language."),
            code="header",
        )
    language = found.group(1)
    if language not in translatable_languages():
        raise ValidationError(
            _("The sheet's language (%(code)s) is not one the site translates into.") % {"code": language},
            code="language",
        )
    read = [
        SheetRow(key=_text(row[0]).strip(), english=_text(row[4]), translation=_text(row[5]))
        for row in rows
        if len(row) >= 6 and row[0]
    ]
    workbook.close()
    return language, read
