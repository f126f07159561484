"""The options of the Project form's choice questions."""

from prize_portal.site.seed_text import T, t

TARGET_GROUPS: list[tuple[str, T]] = [
    (
        "older-people",
        t(en="Older people", ko="노인", ja="高齢者", zh_hans="老年人", es="Personas mayores", fr="Personnes âgées"),
    ),
    (
        "young-people",
        t(
            en="Children and young people",
            ko="아동 및 청년",
            ja="子ども・若者",
            zh_hans="儿童和青年",
            es="Niños y jóvenes",
            fr="Enfants et jeunes",
        ),
    ),
    (
        "people-with-disabilities",
        t(
            en="People with disabilities",
            ko="장애인",
            ja="障害のある人",
            zh_hans="残疾人",
            es="Personas con discapacidad",
            fr="Personnes en situation de handicap",
        ),
    ),
    (
        "low-income",
        t(
            en="People on low incomes",
            ko="저소득층",
            ja="低所得者",
            zh_hans="低收入人群",
            es="Personas con bajos ingresos",
            fr="Personnes à faibles revenus",
        ),
    ),
    (
        "migrants",
        t(
            en="Migrants and refugees",
            ko="이주민 및 난민",
            ja="移民・難民",
            zh_hans="移民和难民",
            es="Personas migrantes y refugiadas",
            fr="Personnes migrantes et réfugiées",
        ),
    ),
    (
        "all-citizens",
        t(
            en="All citizens",
            ko="시민 전체",
            ja="市民全体",
            zh_hans="全体市民",
            es="Toda la ciudadanía",
            fr="Tous les citoyens",
        ),
    ),
]

FIELDS: list[tuple[str, T]] = [
    ("mobility", t(en="Mobility", ko="교통", ja="モビリティ", zh_hans="交通出行", es="Movilidad", fr="Mobilité")),
    ("safety", t(en="Safety", ko="안전", ja="安全", zh_hans="安全", es="Seguridad", fr="Sécurité")),
    (
        "welfare",
        t(en="Welfare", ko="복지", ja="福祉", zh_hans="社会福利", es="Bienestar social", fr="Protection sociale"),
    ),
    (
        "environment",
        t(en="Environment", ko="환경", ja="環境", zh_hans="环境", es="Medio ambiente", fr="Environnement"),
    ),
    ("energy", t(en="Energy", ko="에너지", ja="エネルギー", zh_hans="能源", es="Energía", fr="Énergie")),
    ("culture", t(en="Culture", ko="문화", ja="文化", zh_hans="文化", es="Cultura", fr="Culture")),
    (
        "governance",
        t(en="Governance", ko="거버넌스", ja="ガバナンス", zh_hans="治理", es="Gobernanza", fr="Gouvernance"),
    ),
]

FUNDING: list[tuple[str, T]] = [
    (
        "self-funded",
        t(
            en="Self-funded by the government",
            ko="정부 자체 재원으로 마련",
            ja="行政の自主財源",
            zh_hans="政府自筹资金",
            es="Autofinanciado por el gobierno",
            fr="Autofinancé par les pouvoirs publics",
        ),
    ),
    (
        "co-funded",
        t(
            en="Co-funded with partners",
            ko="협력 주체와 공동으로 마련",
            ja="パートナーとの共同出資",
            zh_hans="与合作伙伴共同出资",
            es="Cofinanciado con socios",
            fr="Cofinancé avec des partenaires",
        ),
    ),
    (
        "external",
        t(
            en="Funded externally",
            ko="외부 재원으로 마련",
            ja="外部資金",
            zh_hans="外部资金资助",
            es="Financiado con fondos externos",
            fr="Financé par des sources extérieures",
        ),
    ),
]
