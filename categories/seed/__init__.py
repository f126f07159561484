"""The 2026 edition of the prize (the real call for entries), in the site's six languages.

One module per kind of content: the cycle (cycle.py), its categories and
tracks (categories.py), the evaluation domains and their rubric
(criteria.py), the application forms (questions.py, with domain_questions.py
and choices.py), the award levels (award_levels.py); the glossary
(glossary.py) fixes each language's word for the prize's terms. Every text is
a ``t()`` of all six languages (prize_portal.site.seed_text). Staff change all of it in admin;
``categories.services.editions`` writes it.
"""

from prize_portal.site.seed_text import LANGUAGES, T, t

from .award_levels import AWARD_LEVELS
from .categories import CATEGORIES
from .criteria import CRITERIA, RUBRIC
from .cycle import CYCLE_2026
from .glossary import FORBIDDEN, GLOSSARY
from .questions import QUESTIONS

__all__ = [
    "AWARD_LEVELS",
    "CATEGORIES",
    "CRITERIA",
    "CYCLE_2026",
    "FORBIDDEN",
    "GLOSSARY",
    "LANGUAGES",
    "QUESTIONS",
    "RUBRIC",
    "T",
    "t",
]
