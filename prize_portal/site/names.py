"""Names of languages and countries in the reader's language, for menus.

Build them per form or request: a list made when a module loads keeps the
language that was active then."""

from collections.abc import Iterable

import pyuca
from django.utils.translation import gettext_noop
from django_countries import countries

from prize_portal.documents import language_name

_COLLATOR = pyuca.Collator()

# Django names zh-hant in words that do not match the site's own name for
# zh-hans ("Simplified Chinese"): the site's catalogues translate both alike.
gettext_noop("Traditional Chinese")
# Django's own catalogues misname these in Korean (힌두어, 몽고어, 말레이시아어) and
# Hindi in Chinese (北印度语); the site's catalogues name them as the languages are called.
gettext_noop("Hindi")
gettext_noop("Mongolian")
gettext_noop("Malay")


def name_order(name: str) -> tuple[int, ...]:
    """A sort key for names in any language: the Unicode Collation Algorithm
    (pyuca, which django-countries uses for its country menus too), so that
    accents, voicing marks and case only break ties (é with e, ド with ト)
    and Hangul and kana fall in their alphabet's order."""
    return tuple(_COLLATOR.sort_key(name))


def language_choices(codes: Iterable[str]) -> list[tuple[str, str]]:
    """(code, name) of each language, named in the active language and sorted by that name."""
    return sorted(((code, language_name(code)) for code in codes), key=lambda choice: name_order(choice[1]))


def country_choices(empty_label: str) -> list[tuple[str, str]]:
    """Every country, named and sorted (by django-countries) in the active
    language, after an empty choice."""
    return [("", empty_label), *countries]
