"""The application forms' menus are named in the page's language."""

from __future__ import annotations

import pytest
from django.utils import translation

from categories.models import Category
from submissions.forms import EntryStartForm
from submissions.models import Organisation


@pytest.mark.django_db
def test_the_entry_language_menu_is_built_per_form_in_the_page_language() -> None:
    def names(language: str) -> dict[str, str]:
        with translation.override(language):
            form = EntryStartForm(organisations=Organisation.objects.none(), categories=Category.objects.none())
            return {str(code): str(name) for code, name in form.fields["language"].choices}

    assert names("en")["ja"] == "Japanese"
    assert names("ja")["ja"] == "日本語"
    assert names("ko")["es"] == "스페인어"
    assert names("en")["ko"] == "Korean"


@pytest.mark.django_db
def test_the_site_languages_come_first_in_the_entry_language_menu() -> None:
    with translation.override("ja"):
        form = EntryStartForm(organisations=Organisation.objects.none(), categories=Category.objects.none())
        codes = [str(code) for code, _name in form.fields["language"].choices]
    assert set(codes[:6]) == {"en", "ko", "ja", "zh-hans", "es", "fr"}
    assert len(codes) == len(set(codes)) > 50
