"""What the journeys do on a page: axe-core accessibility checks (with a
screenshot kept in test-artifacts/), and signing in with a password and a TOTP code."""

from __future__ import annotations

import json
import time
from typing import Any

import pyotp

from tests.services import ROOT, service_missing

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
# WCAG 2.0 to 2.2 A and AA, plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


class AxeViolationError(AssertionError):
    pass


def check_accessibility(page: Any, name: str) -> None:
    """axe-core on the current page: zero violations; keeps a screenshot."""
    if not AXE.exists():
        service_missing("axe-core is not installed (npm ci)")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text())
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    violations = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["html"][:200] for n in v["nodes"][:5]]}
        for v in result["violations"]
    ]
    if violations:
        raise AxeViolationError(f"{name} ({page.url}): {json.dumps(violations, indent=2, ensure_ascii=False)}")


def sign_in(page: Any, email: str, password: str) -> None:
    """Fill allauth's sign-in form on the current page and submit it."""
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")


def fresh_code_window(totp: pyotp.TOTP) -> None:
    """Wait out the last seconds of a 30 s window, so the code typed is still
    valid when the server checks it (allauth accepts no neighbouring window)."""
    while totp.interval - time.time() % totp.interval < 4:
        time.sleep(0.5)
