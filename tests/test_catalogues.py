"""Every user-facing string is in the catalogues, and English and Korean are complete."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
