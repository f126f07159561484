"""A missing translation falls back to English, marked lang="en"; a translated
text or a field that is not translated is shown as it is."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from categories.models import Criterion
from prize_portal.site.translations import shown_language, shown_text
from tests.factories import CategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def criterion() -> Criterion:
    return Criterion.objects.create(
        category=CategoryFactory(),
        code="impact",
        name_en="Impact <& reach>",
        name_ja="インパクト",
        description_en="How many people it reaches.",
        weight=1,
    )


def test_a_translated_text_is_shown_as_it_is(criterion: Criterion) -> None:
    with translation.override("ja"):
        assert shown_language(criterion, "name") == "ja"
        assert shown_text(criterion, "name") == "インパクト"


def test_the_english_fallback_is_marked_and_escaped(criterion: Criterion) -> None:
    with translation.override("fr"):
        assert shown_language(criterion, "name") == "en"
        assert shown_text(criterion, "name") == '<span lang="en">Impact &lt;&amp; reach&gt;</span>'
    with translation.override("zh-hans"):
        assert shown_text(criterion, "description") == '<span lang="en">How many people it reaches.</span>'


def test_english_pages_and_empty_texts_carry_no_mark(criterion: Criterion) -> None:
    with translation.override("en"):
        assert shown_text(criterion, "name") == "Impact &lt;&amp; reach&gt;"
    criterion.description_en = ""
    with translation.override("ko"):
        assert shown_text(criterion, "description") == ""


def test_a_field_that_is_not_translated_is_never_marked(criterion: Criterion) -> None:
    with translation.override("ja"):
        assert shown_language(criterion, "code") == "ja"
        assert shown_text(criterion, "code") == "impact"


def test_the_template_filter_marks_the_fallback(criterion: Criterion) -> None:
    template = Template(
        '{% load portal %}<p>{{ criterion|shown:"name" }}</p><p lang="{{ criterion|lang_of:"description" }}">x</p>'
    )
    with translation.override("es"):
        html = template.render(Context({"criterion": criterion}))
    assert html == '<p><span lang="en">Impact &lt;&amp; reach&gt;</span></p><p lang="en">x</p>'
