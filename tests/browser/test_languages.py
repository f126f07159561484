"""Pages in Japanese, Chinese, Spanish and French say nothing in English except
what is marked lang="en" (a missing translation, the applicant's own English
text): each page's text is compared with the English rendering of the same
page, node by node, as a screen reader would read it."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from categories.enums import QuestionKind
from categories.models import Category, Question
from categories.services import seed_demo_edition
from judging.models import Assignment, Review, ReviewScore
from judging.selectors.declarations import current_declarations
from judging.services.declarations import declaration_accept
from prize_portal.accounts.models import User
from submissions.models import Attachment, Organisation
from submissions.services import entry_start
from tests.browser.helpers import check_accessibility
from tests.factories import give_totp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["ja", "zh-hans", "es", "fr"]

# Names that are the same in every language (the prize's partners and tracks,
# formats) and texts without words.
ALLOWED = re.compile(
    r"^(WeGO|Human-CentriCity|Tech-InnovaCity|PDF|JPEG|PNG|URL|https?://\S*|SSCP-[\w-]+|[\w.+-]+@[\w.-]+"
    r"|[^A-Za-z]*|[A-Z]{2,5}|[\d.,]+ [KMG]i?B)$"
)
# Words a language writes as English does.
SAME_IN = {
    "fr": re.compile(r"^(Culture|Organisation)$"),
    "es": re.compile(r"^[\d.,]+ bytes$"),
}

# The text nodes a screen reader reads in the page's language: rendered (not
# display:none), not inside an element whose lang differs from the page's.
TEXTS_IN_PAGE_LANGUAGE = """() => {
  const page = document.documentElement.lang;
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const element = node.parentElement;
    const text = node.textContent.replace(/\\s+/g, ' ').trim();
    if (!text || !element || element.closest('script, style, template')) continue;
    if (!element.checkVisibility()) continue;
    const marked = element.closest('[lang]');
    if (marked && marked.lang.toLowerCase() !== page.toLowerCase()) continue;
    texts.push(text);
  }
  for (const element of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
    const marked = element.closest('[lang]');
    if (marked && marked.lang.toLowerCase() !== page.toLowerCase()) continue;
    for (const name of ['aria-label', 'placeholder', 'title']) {
      const value = element.getAttribute(name);
      if (value) texts.push(value.trim());
    }
  }
  return texts;
}"""


def _signed_in(browser: Any, live_server: Any, user: User) -> Any:
    """A browser context with ``user``'s session (the sign-in pages have their own tests)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context


def _people_wrote() -> set[str]:
    """What applicants and judges wrote (names, comments, file names): in their own words."""
    texts = {*User.objects.values_list("name", flat=True)}
    texts |= {*Review.objects.exclude(overall_comment="").values_list("overall_comment", flat=True)}
    texts |= {*ReviewScore.objects.exclude(comment="").values_list("comment", flat=True)}
    texts |= {*Attachment.objects.values_list("original_name", flat=True)}
    return {" ".join(text.split()) for text in texts if text}


def _english_left(page: Any, path: str) -> dict[str, list[str]]:
    """Per language, the texts of ``path`` that read exactly as on the English page
    and that the portal wrote (not an applicant or a judge)."""
    people_wrote = _people_wrote()
    page.goto(path.format(lang="en"))
    english = set(page.evaluate(TEXTS_IN_PAGE_LANGUAGE))
    found = {}
    for language in LANGUAGES:
        response = page.goto(path.format(lang=language))
        assert response.status == 200, (path, language)
        assert page.locator("html").get_attribute("lang") == language
        left = sorted(
            {
                text
                for text in page.evaluate(TEXTS_IN_PAGE_LANGUAGE)
                if text in english
                and re.search(r"[A-Za-z]{2}", text)
                and not ALLOWED.match(text)
                and text not in people_wrote
                and not (language in SAME_IN and SAME_IN[language].match(text))
            }
        )
        if left:
            found[language] = left
    return found


@pytest.fixture
def demo(settings: Any) -> Callable[[str], User]:
    """The quick start's world: the 2026 edition with the demo entries and an
    assigned judging round, and the demo edition open for applications."""
    settings.DEBUG = True
    call_command("seed_prize")
    call_command("seed_privacy", stdout=io.StringIO())
    seed_demo_edition(now=timezone.now())
    for command in ("seed_demo_users", "seed_demo_entries", "seed_demo_judging"):
        call_command(command, stdout=io.StringIO())
    settings.DEBUG = False
    return lambda email: User.objects.get(email=email)


def test_the_entry_form_speaks_the_page_language(browser: Any, live_server: Any, demo: Callable[[str], User]) -> None:
    applicant = demo("garam@demo.sscp.test")
    organisation = Organisation.objects.filter(members=applicant).first()
    project = Category.objects.get(cycle__year=2027, code="project")
    entry = entry_start(user=applicant, organisation=organisation, category=project, track=project.tracks.first())
    # A question staff added in English only: its label and help fall back, marked.
    Question.objects.create(
        category=project,
        criterion=project.criteria.order_by("order").first(),
        code="staff-extra",
        kind=QuestionKind.TEXT,
        label_en="Anything else the committee should know?",
        help_text_en="Optional, in a few words.",
        required=False,
        order=999,
    )
    context = _signed_in(browser, live_server, applicant)
    page = context.new_page()
    assert _english_left(page, f"/{{lang}}/entries/{entry.pk}/edit/") == {}
    label = page.locator("label", has_text="Anything else the committee should know?")
    assert label.locator("[lang=en]").count() == 1
    assert page.locator("[lang=en]", has_text="Optional, in a few words.").count() == 1
    check_accessibility(page, "entry-form-fr")
    # The form in steps and the review before submitting, in each language.
    step = f"domain-{project.criteria.order_by('order').first().code}"
    for path in (f"/{{lang}}/entries/{entry.pk}/edit/{step}/", f"/{{lang}}/entries/{entry.pk}/review/"):
        assert _english_left(page, path) == {}, path
    for language in LANGUAGES:
        page.goto(f"/{language}/entries/{entry.pk}/edit/{step}/")
        check_accessibility(page, f"entry-step-{language}")
        page.goto(f"/{language}/entries/{entry.pk}/review/")
        check_accessibility(page, f"entry-review-{language}")
    context.close()


def test_the_judge_page_speaks_the_page_language(browser: Any, live_server: Any, demo: Callable[[str], User]) -> None:
    judge = demo("kenji@smart-kyoto.test")
    give_totp(judge)
    assignment = Assignment.objects.filter(judge=judge).order_by("pk").first()
    assert assignment is not None
    context = _signed_in(browser, live_server, judge)
    page = context.new_page()
    # The demo's judge has not accepted the seeded declaration yet: its page first, in every language.
    declaration = f"/{{lang}}/judging/cycles/{assignment.round.cycle_id}/declaration/"
    assert _english_left(page, declaration) == {}, declaration
    for language in LANGUAGES:
        page.goto(declaration.format(lang=language))
        check_accessibility(page, f"judge-declaration-{language}")
    text = current_declarations().first()
    assert text is not None
    declaration_accept(judge=judge, cycle_id=assignment.round.cycle_id, text_id=text.pk, language="fr")
    for path in (
        "/{lang}/judging/",
        f"/{{lang}}/judging/rounds/{assignment.round_id}/",
        f"/{{lang}}/judging/assignments/{assignment.pk}/",
    ):
        assert _english_left(page, path) == {}, path
    check_accessibility(page, "judge-assignment-fr")
    context.close()
