# ruff: noqa: RUF001 — Japanese and Chinese are written with full-width punctuation.
"""The prize's terms, one word per language, and the variants the seed must not use.

The words follow the site's interface catalogues (locale/*/django.po), so a
term reads the same on a form label as in the seeded content around it; the
Japanese prize name is the one of the founding press release. Award levels
take their names from here (award_levels.py), and the tests check that no
seeded text uses a forbidden variant.
"""

import re

from prize_portal.site.seed_text import T, t

GLOSSARY: dict[str, T] = {
    # The prize's official name in each language (English and Korean as published;
    # Japanese as in the founding press release; French keeps the English name
    # after "Prix", as the interface does).
    "prize name": t(
        en="Seoul Smart City Prize",
        ko="서울스마트시티상",
        ja="ソウルスマートシティ賞",
        zh_hans="首尔智慧城市奖",
        es="Premio Ciudad Inteligente de Seúl",
        fr="Prix Seoul Smart City",
    ),
    "prize": t(en="prize", ko="상", ja="賞", zh_hans="奖", es="premio", fr="prix"),
    "edition": t(en="edition", ko="회차", ja="開催回", zh_hans="届", es="edición", fr="édition"),
    "entry": t(en="entry", ko="응모작", ja="応募案件", zh_hans="参评项目", es="candidatura", fr="candidature"),
    "applicant": t(en="applicant", ko="신청자", ja="応募者", zh_hans="申请者", es="solicitante", fr="candidat"),
    "category": t(en="category", ko="부문", ja="部門", zh_hans="类别", es="categoría", fr="catégorie"),
    "track": t(en="track", ko="트랙", ja="トラック", zh_hans="赛道", es="modalidad", fr="volet"),
    "criterion": t(en="criterion", ko="평가 기준", ja="評価基準", zh_hans="评审标准", es="criterio", fr="critère"),
    "evaluation domain": t(
        en="evaluation domain",
        ko="평가 영역",
        ja="評価領域",
        zh_hans="评估领域",
        es="ámbito de evaluación",
        fr="domaine d’évaluation",
    ),
    "rubric": t(en="rubric", ko="평가 척도", ja="評価段階", zh_hans="评分等级", es="rúbrica", fr="grille d’évaluation"),
    "award level": t(
        en="award level",
        ko="시상 등급",
        ja="賞の等級",
        zh_hans="奖项等级",
        es="nivel de premio",
        fr="niveau de distinction",
    ),
    "Gold": t(en="Gold", ko="금상", ja="金賞", zh_hans="金奖", es="Oro", fr="Or"),
    "Silver": t(en="Silver", ko="은상", ja="銀賞", zh_hans="银奖", es="Plata", fr="Argent"),
    "Bronze": t(en="Bronze", ko="동상", ja="銅賞", zh_hans="铜奖", es="Bronce", fr="Bronze"),
    "Special Mention": t(
        en="Special Mention",
        ko="특별상",
        ja="特別賞",
        zh_hans="特别奖",
        es="Mención especial",
        fr="Mention spéciale",
    ),
    "certificate": t(en="certificate", ko="증서", ja="証書", zh_hans="证书", es="certificado", fr="certificat"),
    "committee": t(en="committee", ko="위원회", ja="委員会", zh_hans="委员会", es="comité", fr="comité"),
    "judge": t(
        en="judge", ko="심사위원", ja="審査委員", zh_hans="评审委员", es="miembro del jurado", fr="membre du jury"
    ),
    "finalist": t(en="finalist", ko="최종 후보", ja="最終候補", zh_hans="入围者", es="finalista", fr="finaliste"),
    "winner": t(en="winner", ko="수상자", ja="受賞者", zh_hans="获奖者", es="ganador", fr="lauréat"),
    "smart city": t(
        en="smart city",
        ko="스마트시티",
        ja="スマートシティ",
        zh_hans="智慧城市",
        es="ciudad inteligente",
        fr="ville intelligente",
    ),
    "the vulnerable": t(
        en="the vulnerable",
        ko="약자",
        ja="社会的弱者",
        zh_hans="弱势群体",
        es="personas vulnerables",
        fr="personnes vulnérables",
    ),
}

# Variants a translator might reach for, which the glossary replaces (shown in
# the comment). Latin-script variants match whole words, ignoring case.
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "en": (
        "submission",  # entry
        "contestant",  # applicant
        "juror",  # judge
        "jury member",  # judge
        "Honourable Mention",  # Special Mention
        "Honorable Mention",  # Special Mention
    ),
    "ko": (
        "출품작",  # 응모작
        "지원자",  # 신청자
        "카테고리",  # 부문
        "심사관",  # 심사위원
        "스마트 시티",  # 스마트시티
    ),
    "ja": (
        "応募作品",  # 応募案件
        "カテゴリー",  # 部門
        "審査員",  # 審査委員
        "優勝",  # 受賞
        "ゴールド",  # 金賞
        "シルバー",  # 銀賞
        "ブロンズ",  # 銅賞
        "賞状",  # 証書
        "スマート都市",  # スマートシティ
    ),
    "zh-hans": (
        "参赛",  # 参评
        "申请人",  # 申请者
        "评委",  # 评审委员
        "轨道",  # 赛道
        "金牌",  # 金奖
        "银牌",  # 银奖
        "铜牌",  # 铜奖
        "荣誉奖",  # 特别奖
        "智能城市",  # 智慧城市
    ),
    "es": (
        "postulación",  # candidatura
        "postulante",  # solicitante
        "aplicante",  # solicitante
        "juez",  # miembro del jurado
        "jueces",  # miembros del jurado
        "pista",  # modalidad
        "galardonado",  # ganador
        "medalla",  # Oro, Plata, Bronce
        "smart city",  # ciudad inteligente
    ),
    "fr": (
        "application",  # candidature
        "juge",  # membre du jury
        "juges",  # membres du jury
        "piste",  # volet
        "médaille",  # Or, Argent, Bronze
        "mention honorable",  # Mention spéciale
        "smart city",  # ville intelligente
    ),
}

# Names and phrases in which a forbidden word is right: the training
# programme's name, the prize's French name, and an authenticator app (not an
# application for the prize). They are taken out before the search.
ALLOWED: dict[str, tuple[str, ...]] = {
    "es": ("Smart City Seoul",),
    "fr": ("Prix Seoul Smart City", "Smart City Seoul", "application d’authentification"),
}

_LATIN = {"en", "es", "fr"}


def forbidden_variants(language: str, text: str) -> list[str]:
    """The glossary's forbidden variants that ``text`` (in ``language``) uses."""
    for phrase in ALLOWED.get(language, ()):
        text = text.replace(phrase, " ")
    found = []
    for variant in FORBIDDEN[language]:
        if language in _LATIN:
            if re.search(rf"\b{re.escape(variant)}\b", text, flags=re.IGNORECASE):
                found.append(variant)
        elif variant in text:
            found.append(variant)
    return found
