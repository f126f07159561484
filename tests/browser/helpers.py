"""What the journeys do on a page: axe-core accessibility checks (with a
screenshot kept in test-artifacts/, and the page's HTML kept for the Nu HTML
Checker in test_markup.py), and signing in with a password and a TOTP code."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

import pyotp
from playwright.sync_api import Error as PlaywrightError

from tests.services import ROOT, service_missing

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
# WCAG 2.0 to 2.2 A and AA, plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


class AxeViolationError(AssertionError):
    pass


@dataclass(frozen=True)
class CheckedPage:
    """A page as check_accessibility saw it, for the Nu HTML Checker at the end
    of the session: the HTML the server sent (``source`` "server"), or the DOM
    when the address no longer names a document the browser received ("DOM")."""

    name: str
    url: str
    html: str
    source: str


# Every page checked in this session, in order (read by test_markup.py).
CHECKED_PAGES: list[CheckedPage] = []
# Per page, the last HTML document its main frame received for each address.
_documents: WeakKeyDictionary[Any, dict[str, Any]] = WeakKeyDictionary()


def record_documents(context: Any) -> Any:
    """Keep the HTML documents the pages of ``context`` receive: the checker
    must read the server's markup, which the DOM no longer shows (the parser
    drops stray end tags and duplicate attributes, and closes what was left open)."""
    context.on("response", _record_document)
    return context


def _record_document(response: Any) -> None:
    request = response.request
    if request.resource_type != "document" or 300 <= response.status < 400:
        return
    if not response.headers.get("content-type", "").startswith("text/html"):
        return
    frame = request.frame
    if frame.parent_frame is None:
        _documents.setdefault(frame.page, {})[response.url] = response


def _keep_markup(page: Any, name: str) -> None:
    response = _documents.get(page, {}).get(page.url.partition("#")[0])
    try:
        html, source = (response.text(), "server") if response else (page.content(), "DOM")
    except PlaywrightError:  # the body is gone (the page replaced its document itself)
        html, source = page.content(), "DOM"
    CHECKED_PAGES.append(CheckedPage(name=name, url=page.url, html=html, source=source))


def check_accessibility(page: Any, name: str) -> None:
    """axe-core on the current page: zero violations; keeps a screenshot, and
    the page's HTML for the markup check at the end of the session."""
    if not AXE.exists():
        service_missing("axe-core is not installed (npm ci)")
    _keep_markup(page, name)
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
    check_reflow(page, name)


# The elements past the right edge that no scrolling region of their own holds.
OVERFLOWING = """w => Array.from(document.querySelectorAll('body *')).filter(e => {
  if (e.getBoundingClientRect().right + window.scrollX <= w + 1) return false;
  for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
    if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(a).overflowX)) return false;
  }
  return true;
}).slice(0, 6)
  .map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right + window.scrollX)}`)"""

# WCAG 1.4.10: a phone 320 px wide, and a 1366 px screen zoomed to 200 %.
REFLOW_WIDTHS = (320, 683)


def check_reflow(page: Any, name: str) -> None:
    """No sideways scrolling of the page at the reflow widths (a wide table
    or chart may scroll inside its own region); the viewport is put back."""
    size = page.viewport_size
    try:
        for width in REFLOW_WIDTHS:
            page.set_viewport_size({"width": width, "height": size["height"] if size else 800})
            # Measured once the page has laid itself out again (two frames after the resize).
            wide = page.evaluate(
                "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() =>"
                " done(document.documentElement.scrollWidth - document.documentElement.clientWidth))))"
            )
            if wide > 0:
                culprits = page.evaluate(OVERFLOWING, width)
                raise AssertionError(f"{name} ({page.url}) scrolls sideways at {width} px by {wide} px: {culprits}")
    finally:
        if size:
            page.set_viewport_size(size)


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
