"""Writes of the prize configuration: editions created from the seed
(editions.py), the quick start's demo edition (demo.py) and the seed's
translations filled into an existing edition (translations.py), and the
translations outside translators send back (exchange.py)."""

from .demo import DEMO_YEAR, DemoEdition, demo_window, seed_demo_edition
from .editions import EditionWindow, seed_prize_2026, translated_fields
from .exchange import TranslationImport, content_translations_import
from .translations import TranslationFill, seed_prize_2026_fill_translations

__all__ = [
    "DEMO_YEAR",
    "DemoEdition",
    "EditionWindow",
    "TranslationFill",
    "TranslationImport",
    "content_translations_import",
    "demo_window",
    "seed_demo_edition",
    "seed_prize_2026",
    "seed_prize_2026_fill_translations",
    "translated_fields",
]
