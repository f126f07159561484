# ruff: noqa: RUF001 — typographic apostrophes (French).
"""The award levels of the 2026 cycle (our defaults, not published facts).

Their names are the glossary's, so every language calls Gold, Silver, Bronze
and Special Mention by the one word used everywhere else.
"""

from typing import Any

from prize_portal.site.seed_text import t

from .glossary import GLOSSARY

AWARD_LEVELS: list[dict[str, Any]] = [
    {
        "code": "gold",
        "name": GLOSSARY["Gold"],
        "description": t(
            en="The highest award level.",
            ko="가장 높은 시상 등급입니다.",
            ja="最上位の賞の等級です。",
            zh_hans="最高的奖项等级。",
            es="El nivel de premio más alto.",
            fr="Le niveau de distinction le plus élevé.",
        ),
        "categories": ["project", "leadership"],
    },
    {
        "code": "silver",
        "name": GLOSSARY["Silver"],
        "description": t(
            en="The award level after Gold.",
            ko="금상 다음의 시상 등급입니다.",
            ja="金賞に次ぐ賞の等級です。",
            zh_hans="仅次于金奖的奖项等级。",
            es="El nivel de premio que sigue al Oro.",
            fr="Le niveau de distinction qui suit l’Or.",
        ),
        "categories": ["project", "leadership"],
    },
    {
        "code": "bronze",
        "name": GLOSSARY["Bronze"],
        "description": t(
            en="The award level after Silver.",
            ko="은상 다음의 시상 등급입니다.",
            ja="銀賞に次ぐ賞の等級です。",
            zh_hans="仅次于银奖的奖项等级。",
            es="El nivel de premio que sigue a la Plata.",
            fr="Le niveau de distinction qui suit l’Argent.",
        ),
        "categories": ["project"],
    },
    {
        "code": "special-mention",
        "name": GLOSSARY["Special Mention"],
        "description": t(
            en="The award given in the Special category.",
            ko="특별 부문에서 수여하는 상입니다.",
            ja="特別賞部門で授与される賞です。",
            zh_hans="特别奖类颁发的奖项。",
            es="El premio que se otorga en la categoría Menciones especiales.",
            fr="La distinction décernée dans la catégorie Mentions spéciales.",
        ),
        "categories": ["special"],
    },
]
