"""One text of seeded content in every language of the site (the prize edition's seed in
categories.seed, the privacy texts in prize_portal.privacy.seed)."""

import re

T = dict[str, str]

# The site's languages (settings.LANGUAGES), in its order; "zh-hans" is stored
# in the ``*_zh_hans`` fields.
LANGUAGES = ("en", "ko", "ja", "zh-hans", "es", "fr")

# French typography: a no-break space before : ; ? ! and inside « ».
_FRENCH_SPACE_BEFORE = re.compile(r" ([:;?!»])")
_FRENCH_SPACE_AFTER = re.compile(r"« ")


def french_typography(text: str) -> str:
    """Turn the ordinary spaces French puts before : ; ? ! » and after « into
    no-break spaces (U+00A0, as the site's catalogue does), so the source
    stays readable and no line breaks before a colon or question mark."""
    return _FRENCH_SPACE_AFTER.sub("«\u00a0", _FRENCH_SPACE_BEFORE.sub("\u00a0\\1", text))


def t(*, en: str, ko: str, ja: str, zh_hans: str, es: str, fr: str) -> T:
    """A text in all six languages, each given by name: a missing language
    is a TypeError and an empty one a ValueError when the seed is imported,
    never a silent fallback to English."""
    texts = {"en": en, "ko": ko, "ja": ja, "zh-hans": zh_hans, "es": es, "fr": french_typography(fr)}
    empty = [language for language, text in texts.items() if not text.strip()]
    if empty:
        raise ValueError(f"Seed text {en!r} is empty in: {', '.join(empty)}.")
    return texts
