# ruff: noqa: RUF001 — Japanese and Chinese are written with full-width punctuation.
"""The 2026 cycle: its name, tagline, description, ceremony place and dates."""

from typing import Any

from prize_portal.site.seed_text import t

CYCLE_2026: dict[str, Any] = {
    "year": 2026,
    "name": t(
        en="Seoul Smart City Prize 2026",
        ko="2026 서울스마트시티상",
        ja="ソウルスマートシティ賞 2026",
        zh_hans="2026年首尔智慧城市奖",
        es="Premio Ciudad Inteligente de Seúl 2026",
        fr="Prix Seoul Smart City 2026",
    ),
    "tagline": t(
        en="Inclusive and innovative smart cities that walk together with the vulnerable",
        ko="약자와 동행하는 포용적이고 혁신적인 스마트시티",
        ja="弱者と共に歩む、包摂的で革新的なスマートシティ",
        zh_hans="与弱势群体同行的包容性、创新性智慧城市",
        es="Ciudades inteligentes inclusivas e innovadoras que avanzan junto a las personas vulnerables",
        fr="Des villes intelligentes inclusives et innovantes, aux côtés des personnes vulnérables",
    ),
    "description": t(
        en="The Seoul Smart City Prize, co-hosted by the Seoul Metropolitan Government and WeGO, rewards "
        "inclusive and innovative smart-city projects, policies and leaders from around the world.",
        ko="서울특별시와 세계스마트지속가능도시기구(WeGO)가 공동 주최하는 서울스마트시티상은 세계 각지의 "
        "포용적이고 혁신적인 스마트시티 프로젝트, 정책, 리더를 시상합니다.",
        ja="ソウルスマートシティ賞は、ソウル特別市と世界スマートシティ機構（WeGO）が共同主催し、世界各地の"
        "包摂的かつ革新的なスマートシティのプロジェクト、政策、リーダーを表彰します。",
        zh_hans="首尔智慧城市奖由首尔特别市政府与世界智慧可持续城市组织（WeGO）联合主办，表彰来自世界各地的"
        "包容性、创新性智慧城市项目、政策和领导者。",
        es="El Premio Ciudad Inteligente de Seúl, organizado conjuntamente por el Gobierno Metropolitano de Seúl "
        "y WeGO (Organización Mundial de Ciudades Inteligentes y Sostenibles), premia proyectos, políticas y "
        "líderes de todo el mundo que impulsan ciudades inteligentes inclusivas e innovadoras.",
        fr="Le Prix Seoul Smart City, organisé conjointement par le Gouvernement métropolitain de "
        "Séoul et WeGO (Organisation mondiale des villes intelligentes et durables), récompense des projets, "
        "des politiques et des dirigeants du monde entier au service de villes intelligentes inclusives et "
        "innovantes.",
    ),
    "ceremony_place": t(
        en="Seoul, Republic of Korea",
        ko="대한민국 서울",
        ja="大韓民国ソウル",
        zh_hans="大韩民国首尔",
        es="Seúl (República de Corea)",
        fr="Séoul (République de Corée)",
    ),
    # Seoul local times (Asia/Seoul).
    "applications_open_at": "2026-02-13T00:00",
    "applications_close_at": "2026-05-29T23:59",
    "judging_starts_at": "2026-06-01T09:00",
    "ceremony_at": "2026-10-06T10:00",
}
