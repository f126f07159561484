"""Translated content as it is shown: in the page's language when staff (or
the seed) translated it, else in English, the fallback — and then marked as
English, so that a screen reader reads it with an English voice (WCAG 3.1.2)."""

from django.conf import settings
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname


def shown_language(obj: object, field: str) -> str:
    """The language ``obj.field`` is shown in on the current page."""
    current = get_language() or settings.LANGUAGE_CODE
    fallback = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if not hasattr(obj, build_localized_fieldname(field, fallback)):
        return current  # not a translated field: written once, for every page
    if getattr(obj, build_localized_fieldname(field, current), None):
        return current
    return fallback


def shown_text(obj: object, field: str) -> SafeString:
    """``obj.field`` as HTML: escaped, and inside ``<span lang="en">`` when it
    is the English fallback of a missing translation."""
    text = getattr(obj, field, "") or ""
    current = get_language() or settings.LANGUAGE_CODE
    language = shown_language(obj, field)
    if not text or language == current:
        return conditional_escape(text)
    return format_html('<span lang="{}">{}</span>', language, text)
