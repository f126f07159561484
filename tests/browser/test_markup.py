"""The Nu HTML Checker (vnu.jar, from npm's vnu-jar) finds no error in the HTML
of any page the other browser tests checked with axe-core in this session.

It runs last (tests/browser/conftest.py orders it) and starts Java once for all
the pages. The documents are kept in test-artifacts/markup/, where the lines
the errors name can be read."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import defaultdict
from typing import Any

import pytest

from tests.browser.helpers import ARTIFACTS, CHECKED_PAGES
from tests.services import ROOT, service_missing

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
MARKUP = ARTIFACTS / "markup"

pytestmark = pytest.mark.browser


def _vnu_errors(paths: list[str]) -> list[dict[str, Any]]:
    """vnu's errors (and documents it could not read) for ``paths``, in one run."""
    java = shutil.which("java") or ""
    if not java:
        service_missing("java is not installed (make system-deps-test)")
    if not VNU.exists():
        service_missing("vnu-jar is not installed (npm ci)")
    options = ["--format", "json", "--errors-only", "--no-langdetect", "--exit-zero-always", "--stdout"]
    result = subprocess.run(
        [java, "-jar", str(VNU), *options, *paths],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:  # vnu itself failed (errors in pages exit 0 here)
        pytest.fail(f"vnu exited with {result.returncode}: {result.stderr}", pytrace=False)
    messages: list[dict[str, Any]] = json.loads(result.stdout)["messages"]
    return [message for message in messages if message["type"] != "info"]


def test_every_page_checked_is_valid_html() -> None:
    if not CHECKED_PAGES:
        service_missing("no page was checked in this session (the markup check reads what the browser tests check)")
    shutil.rmtree(MARKUP, ignore_errors=True)
    MARKUP.mkdir(parents=True)
    pages = {}
    for number, checked in enumerate(CHECKED_PAGES, start=1):
        path = MARKUP / f"{number:03d}-{checked.name}.html"
        path.write_text(checked.html, encoding="utf-8")
        pages[path.name] = checked
    # The same error from a shared template shows once, with every page it is on
    # (a bad value, such as a timestamp, differs from page to page: the extract shows it).
    found: defaultdict[str, list[str]] = defaultdict(list)
    for error in _vnu_errors(sorted(str(MARKUP / name) for name in pages)):
        file_name = error.get("url", "").rpartition("/")[2]
        checked_page = pages.get(file_name)
        where = f"{file_name}:{error.get('lastLine', '?')}"
        if checked_page:
            where += f" {checked_page.url} ({checked_page.source})"
        extract = " ".join(error.get("extract", "").split())
        found[re.sub(r"^Bad value “[^”]*”", "Bad value", error["message"])].append(f"{where}: {extract}")
    if found:
        report = "".join(
            f"- {message}\n" + "".join(f"    {place}\n" for place in places) for message, places in found.items()
        )
        pytest.fail(f"the Nu HTML Checker found errors (documents in {MARKUP}):\n{report}", pytrace=False)
