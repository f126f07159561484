"""The entries export names countries and languages in the active language,
anew for each export."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.utils import translation

from submissions.exports import entries_csv
from submissions.models import Entry
from submissions.services import entry_save_draft
from tests.factories import submit_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(project: Any) -> Entry:
    """A Korean city's entry written in Korean."""
    seoul = submit_entry(project, email="seoul@example.org", submit=False)
    entry_save_draft(entry_id=seoul.pk, user=seoul.owner, version=seoul.version, fields={"language": "ko"})
    return seoul


def _country_and_language(language: str) -> tuple[str, str]:
    with translation.override(language):
        content = entries_csv(Entry.objects.all())
    header, row = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    cells = dict(zip(header, row, strict=True))
    return cells[_header(language, "Country")], cells[_header(language, "Language of the entry")]


def _header(language: str, label: str) -> str:
    with translation.override(language):
        return translation.gettext(label)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ja", ("韓国", "韓国語")), ("zh-hans", ("韩国", "韩语")), ("fr", ("Corée du Sud", "Coréen"))],
)
def test_export_names_the_country_and_language_in_the_active_language(
    entry: Entry, language: str, expected: tuple[str, str]
) -> None:
    assert _country_and_language(language) == expected


def test_export_names_follow_the_language_of_each_export(entry: Entry) -> None:
    assert [_country_and_language(language) for language in ("en", "ja", "en")] == [
        ("South Korea", "Korean"),
        ("韓国", "韓国語"),
        ("South Korea", "Korean"),
    ]
