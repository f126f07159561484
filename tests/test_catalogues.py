"""Every user-facing string is in the catalogues, English and Korean are complete, and every
catalogue speaks the glossary's words."""

from __future__ import annotations

import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from categories.seed.glossary import GLOSSARY, forbidden_variants
from tests.services import ROOT, service_missing

COMPLETE = ["en", "ko"]
DECLARED = ["en", "ko", "ja", "zh_Hans", "es", "fr"]


def _msgattrib(po: Path, flag: str) -> list[str]:
    result = subprocess.run(["msgattrib", flag, "--no-wrap", str(po)], capture_output=True, text=True, check=True)
    return [line[len('msgid "') : -1] for line in result.stdout.splitlines() if line.startswith('msgid "')]


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The catalogues after `makemessages` over a copy of today's source."""
    if not shutil.which("msgattrib") or not shutil.which("xgettext"):
        service_missing("gettext is not installed")
    copy = tmp_path_factory.mktemp("source") / "portal"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", "node_modules", ".git", "test-artifacts", "media", "staticfiles", "*.mo"
        ),
    )
    languages = [argument for language in COMPLETE for argument in ("-l", language)]
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            *languages,
            "--no-obsolete",
            "-v0",
            "--ignore=tests/*",
            "--ignore=.venv/*",
            "--ignore=node_modules/*",
        ],
        cwd=copy,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "prize_portal.settings.local"},
        check=True,
    )
    return copy / "locale"


@pytest.mark.parametrize("language", COMPLETE)
def test_catalogue_complete_for_every_string_in_the_source(fresh_catalogues: Path, language: str) -> None:
    po = fresh_catalogues / language / "LC_MESSAGES" / "django.po"
    assert [m for m in _msgattrib(po, "--untranslated") if m] == []
    assert [m for m in _msgattrib(po, "--only-fuzzy") if m] == []


@pytest.mark.parametrize("language", DECLARED)
def test_catalogue_compiles_without_errors(language: str) -> None:
    if not shutil.which("msgfmt"):
        service_missing("gettext is not installed")
    po = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "-o", os.devnull, str(po)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def _translations(language: str, tmp_path: Path) -> dict[str, str]:
    """msgid → msgstr of a catalogue (plural forms joined), read from a fresh compile."""
    if not shutil.which("msgfmt"):
        service_missing("gettext is not installed")
    mo = tmp_path / f"{language}.mo"
    po = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    subprocess.run(["msgfmt", "-o", str(mo), str(po)], check=True)
    with mo.open("rb") as handle:
        catalog: dict[object, str] = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    joined: dict[str, list[str]] = {}
    for key, text in catalog.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if msgid and text:
            joined.setdefault(str(msgid).split("\x04")[-1], []).append(text)
    return {msgid: "\n".join(texts) for msgid, texts in joined.items()}


TRANSLATED = [language for language in DECLARED if language != "en"]


def _code(catalogue_language: str) -> str:
    return catalogue_language.lower().replace("_", "-")


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_uses_no_variant_the_glossary_forbids(language: str, tmp_path: Path) -> None:
    """The interface says the prize's words as the seeded content does (categories/seed/glossary.py)."""
    found = {
        msgid: variants
        for msgid, text in _translations(language, tmp_path).items()
        if (variants := forbidden_variants(_code(language), text))
    }
    assert found == {}


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_translates_each_glossary_term_with_the_glossary_word(language: str, tmp_path: Path) -> None:
    """A label that is a glossary term ("Track", "Certificate"…) uses the term's word, or its stem
    where the label names a state ("Winner" as 受賞, "Finalist" as 入围)."""
    translations = _translations(language, tmp_path)
    checked, wrong = 0, []
    for words in GLOSSARY.values():
        english, word = words["en"], words[_code(language)].lower()
        for msgid in {english, english.capitalize(), english.title()}:
            if msgid in translations:
                checked += 1
                text = translations[msgid].lower()
                if word not in text and not word.startswith(text):
                    wrong.append((msgid, translations[msgid], word))
    assert checked >= 15
    assert wrong == []
