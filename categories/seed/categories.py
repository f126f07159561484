# ruff: noqa: RUF001 — full-width punctuation (Japanese, Chinese) and typographic apostrophes (French).
"""The 2026 categories (Project, Leadership, Special) and Project's two tracks.

Track names stay in Latin script in every language but Korean (whose names
were published); the descriptions explain them in the reader's language.
Entry limits per organisation are our defaults, not published facts.
"""

from typing import Any

from prize_portal.site.seed_text import t

ORGANISATIONS = ["city", "corporation", "institution"]

HUMAN_CENTRICITY: dict[str, Any] = {
    "code": "human-centricity",
    "name": t(
        en="Human-CentriCity",
        ko="휴먼-센트리시티",
        ja="Human-CentriCity",
        zh_hans="Human-CentriCity",
        es="Human-CentriCity",
        fr="Human-CentriCity",
    ),
    "summary": t(
        en="Digital inclusion with the vulnerable: older people, young people, people with disabilities.",
        ko="약자와 동행하는 디지털 포용: 노인, 청년, 장애인",
        ja="弱者と共に歩むデジタル包摂：高齢者、若者、障害のある人",
        zh_hans="与弱势群体同行的数字包容：老年人、青年、残疾人。",
        es="Inclusión digital junto a las personas vulnerables: personas mayores, jóvenes y personas con discapacidad.",
        fr="Inclusion numérique aux côtés des personnes vulnérables : personnes âgées, jeunes, personnes en "
        "situation de handicap.",
    ),
    "description": t(
        en="Human-CentriCity rewards smart-city work that walks together with the vulnerable so that no one is "
        "left behind: the digital inclusion of older people, young people and people with disabilities.",
        ko="휴먼-센트리시티 트랙은 노인, 청년, 장애인의 디지털 포용 등 누구도 소외되지 않도록 약자와 동행하는 "
        "스마트시티 활동을 시상합니다.",
        ja="Human-CentriCity（人間中心の都市）トラックでは、高齢者、若者、障害のある人のデジタル包摂など、"
        "誰も取り残されないよう弱者と共に歩むスマートシティの取り組みを表彰します。",
        zh_hans="Human-CentriCity（以人为本的城市）赛道表彰与弱势群体同行、不让任何人掉队的智慧城市实践，"
        "例如老年人、青年和残疾人的数字包容。",
        es="La modalidad Human-CentriCity (la ciudad centrada en las personas) premia las iniciativas de ciudad "
        "inteligente que avanzan junto a las personas vulnerables para que nadie se quede atrás, como la "
        "inclusión digital de las personas mayores, los jóvenes y las personas con discapacidad.",
        fr="Le volet Human-CentriCity (la ville centrée sur l’humain) récompense les initiatives de ville "
        "intelligente qui avancent aux côtés des personnes vulnérables, pour que personne ne soit laissé de "
        "côté : l’inclusion numérique des personnes âgées, des jeunes et des personnes en situation de handicap.",
    ),
    "award_count": 8,
}

TECH_INNOVACITY: dict[str, Any] = {
    "code": "tech-innovacity",
    "name": t(
        en="Tech-InnovaCity",
        ko="테크-이노바시티",
        ja="Tech-InnovaCity",
        zh_hans="Tech-InnovaCity",
        es="Tech-InnovaCity",
        fr="Tech-InnovaCity",
    ),
    "summary": t(
        en="Innovative policy or technology in mobility, safety, welfare, environment, energy, culture or governance.",
        ko="교통, 안전, 복지, 환경, 에너지, 문화, 거버넌스 분야의 혁신적인 정책과 기술",
        ja="モビリティ、安全、福祉、環境、エネルギー、文化、ガバナンスの分野における革新的な政策・技術",
        zh_hans="交通出行、安全、社会福利、环境、能源、文化或治理领域的创新政策或技术。",
        es="Políticas o tecnologías innovadoras en movilidad, seguridad, bienestar social, medio ambiente, "
        "energía, cultura o gobernanza.",
        fr="Politiques ou technologies innovantes en matière de mobilité, de sécurité, de protection sociale, "
        "d’environnement, d’énergie, de culture ou de gouvernance.",
    ),
    "description": t(
        en="Tech-InnovaCity rewards innovative policies and technologies that solve urban problems in mobility, "
        "safety, welfare, the environment, energy, culture or governance.",
        ko="테크-이노바시티 트랙은 교통, 안전, 복지, 환경, 에너지, 문화, 거버넌스 분야의 도시 문제를 해결하는 "
        "혁신적인 정책과 기술을 시상합니다.",
        ja="Tech-InnovaCity（技術革新の都市）トラックでは、モビリティ、安全、福祉、環境、エネルギー、文化、"
        "ガバナンスの分野で都市の課題を解決する革新的な政策・技術を表彰します。",
        zh_hans="Tech-InnovaCity（技术创新城市）赛道表彰在交通出行、安全、社会福利、环境、能源、文化或治理"
        "领域解决城市问题的创新政策和技术。",
        es="La modalidad Tech-InnovaCity (la ciudad de la innovación tecnológica) premia las políticas y "
        "tecnologías innovadoras que resuelven problemas urbanos en movilidad, seguridad, bienestar social, "
        "medio ambiente, energía, cultura o gobernanza.",
        fr="Le volet Tech-InnovaCity (la ville de l’innovation technologique) récompense les politiques et "
        "technologies innovantes qui résolvent des problèmes urbains en matière de mobilité, de sécurité, de "
        "protection sociale, d’environnement, d’énergie, de culture ou de gouvernance.",
    ),
    "award_count": 8,
}

PROJECT: dict[str, Any] = {
    "code": "project",
    "reference_letter": "P",
    "name": t(en="Project", ko="프로젝트", ja="プロジェクト部門", zh_hans="项目类", es="Proyecto", fr="Projet"),
    "summary": t(
        en="Smart-city projects and policies that make cities more inclusive or more innovative.",
        ko="도시를 더 포용적이고 혁신적으로 만드는 스마트시티 프로젝트와 정책",
        ja="都市をより包摂的に、あるいはより革新的にするスマートシティのプロジェクト・政策",
        zh_hans="使城市更具包容性或更具创新性的智慧城市项目和政策。",
        es="Proyectos y políticas de ciudad inteligente que hacen las ciudades más inclusivas o más innovadoras.",
        fr="Projets et politiques de ville intelligente qui rendent les villes plus inclusives ou plus innovantes.",
    ),
    "description": t(
        en="For smart-city projects and policies of cities, corporations and institutions, entered in one of two "
        "tracks: Human-CentriCity (digital inclusion) or Tech-InnovaCity (innovative policy and technology).\n\n"
        "Cities are local and regional governments, or national governments when the project targets specific "
        "cities; corporations range from multinationals to start-ups; institutions include government bodies, "
        "NGOs, associations, public agencies, international organisations, universities, think tanks and "
        "non-profits.\n\n"
        "The committee values development potential as well as excellence: a city need not be advanced to win.",
        ko="도시, 기업, 기관의 스마트시티 프로젝트와 정책을 대상으로 하며, 휴먼-센트리시티(디지털 포용)와 "
        "테크-이노바시티(혁신적인 정책과 기술) 두 트랙 중 하나로 응모합니다.\n\n"
        "도시는 기초·광역 지방정부를 말하며, 특정 도시를 대상으로 하는 프로젝트라면 중앙정부도 포함됩니다. "
        "기업은 다국적 기업부터 스타트업까지, 기관은 정부 기관, NGO, 협회, 공공기관, 국제기구, 대학, "
        "싱크탱크, 비영리 단체를 포함합니다.\n\n"
        "위원회는 우수성과 함께 발전 가능성도 평가합니다. 선진 도시가 아니어도 수상할 수 있습니다.",
        ja="都市、企業、機関によるスマートシティのプロジェクト・政策を対象とし、Human-CentriCity（デジタル包摂）"
        "とTech-InnovaCity（革新的な政策・技術）の2つのトラックのいずれかで応募します。\n\n"
        "都市とは地方自治体・広域自治体を指し、特定の都市を対象とするプロジェクトであれば中央政府も含みます。"
        "企業は多国籍企業からスタートアップまで、機関には政府機関、NGO、協会、公共機関、国際機関、大学、"
        "シンクタンク、非営利団体が含まれます。\n\n"
        "委員会は優秀性とともに発展可能性も評価します。先進都市でなくても受賞できます。",
        zh_hans="面向城市、企业和机构的智慧城市项目和政策，分为两个赛道，申请者选择其一："
        "Human-CentriCity（数字包容）或Tech-InnovaCity（创新政策与技术）。\n\n"
        "城市指地方和区域政府；项目面向特定城市时，也包括国家政府。企业涵盖从跨国公司到初创企业的各类企业；"
        "机构包括政府部门、非政府组织、协会、公共机构、国际组织、大学、智库和非营利组织。\n\n"
        "委员会既看重卓越表现，也看重发展潜力：并非只有发达城市才能获奖。",
        es="Para proyectos y políticas de ciudad inteligente de ciudades, empresas e instituciones, presentados en "
        "una de dos modalidades: Human-CentriCity (inclusión digital) o Tech-InnovaCity (políticas y "
        "tecnologías innovadoras).\n\n"
        "Se entiende por ciudades los gobiernos locales y regionales, así como los gobiernos nacionales cuando "
        "el proyecto se dirige a ciudades concretas; las empresas abarcan desde multinacionales hasta empresas "
        "emergentes; las instituciones comprenden organismos gubernamentales, ONG, asociaciones, entidades "
        "públicas, organizaciones internacionales, universidades, centros de estudios y entidades sin fines de "
        "lucro.\n\n"
        "El comité valora tanto la excelencia como el potencial de desarrollo: no es necesario ser una ciudad "
        "avanzada para ganar.",
        fr="Pour les projets et politiques de ville intelligente portés par des villes, des entreprises et des "
        "institutions, présentés dans l’un des deux volets : Human-CentriCity (inclusion numérique) ou "
        "Tech-InnovaCity (politiques et technologies innovantes).\n\n"
        "Les villes désignent les collectivités locales et régionales, ainsi que les gouvernements nationaux "
        "lorsque le projet vise des villes déterminées ; les entreprises vont des multinationales aux jeunes "
        "pousses ; les institutions comprennent les administrations, les ONG, les associations, les organismes "
        "publics, les organisations internationales, les universités, les groupes de réflexion et les "
        "organismes à but non lucratif.\n\n"
        "Le comité apprécie le potentiel de développement autant que l’excellence : nul besoin d’être une ville "
        "avancée pour être lauréate.",
    ),
    "applicant_types": ORGANISATIONS,
    "entry_limit": 3,
    "accepts_applications": True,
    "award_count": 16,
    "tracks": [HUMAN_CENTRICITY, TECH_INNOVACITY],
}

LEADERSHIP: dict[str, Any] = {
    "code": "leadership",
    "reference_letter": "L",
    "name": t(
        en="Leadership", ko="리더십", ja="リーダーシップ部門", zh_hans="领导力类", es="Liderazgo", fr="Leadership"
    ),
    "summary": t(
        en="Mayors and other leaders who drive inclusive smart cities.",
        ko="포용적 스마트시티를 이끄는 시장과 리더",
        ja="包摂的なスマートシティを牽引する市長などのリーダー",
        zh_hans="推动包容性智慧城市建设的市长及其他领导者。",
        es="Alcaldes y otros líderes que impulsan ciudades inteligentes inclusivas.",
        fr="Maires et autres dirigeants qui font progresser des villes intelligentes inclusives.",
    ),
    "description": t(
        en="For individuals: mayors and other leaders whose leadership has made cities more inclusive or more "
        "innovative. Only individuals may apply in this category; the entry presents the leader's work in the "
        "six evaluation domains.",
        ko="개인을 위한 부문으로, 리더십을 통해 도시를 더 포용적이고 혁신적으로 만든 시장과 리더를 대상으로 "
        "합니다. 이 부문에는 개인만 응모할 수 있으며, 응모작은 리더의 활동을 여섯 개 평가 영역에 따라 "
        "소개합니다.",
        ja="個人を対象とする部門で、そのリーダーシップによって都市をより包摂的に、あるいはより革新的にした市長"
        "などのリーダーを表彰します。この部門には個人のみが応募でき、応募案件ではリーダーの取り組みを6つの"
        "評価領域に沿って紹介します。",
        zh_hans="本类别面向个人，表彰以其领导力使城市更具包容性或更具创新性的市长及其他领导者。本类别仅接受"
        "个人申请，参评项目须按六个评估领域介绍领导者的工作。",
        es="Para personas: alcaldes y otros líderes cuyo liderazgo ha hecho las ciudades más inclusivas o más "
        "innovadoras. En esta categoría solo pueden participar personas a título individual; la candidatura "
        "presenta la labor del líder en los seis ámbitos de evaluación.",
        fr="Pour les personnes : maires et autres dirigeants dont le leadership a rendu des villes plus "
        "inclusives ou plus innovantes. Seules des personnes physiques peuvent se porter candidates dans cette "
        "catégorie ; la candidature présente l’action du dirigeant dans les six domaines d’évaluation.",
    ),
    "applicant_types": ["individual"],
    "entry_limit": 1,
    "accepts_applications": True,
    "award_count": 2,
    "tracks": [],
}

SPECIAL: dict[str, Any] = {
    "code": "special",
    "reference_letter": "S",
    "name": t(
        en="Special",
        ko="특별",
        ja="特別賞部門",
        zh_hans="特别奖类",
        es="Menciones especiales",
        fr="Mentions spéciales",
    ),
    "summary": t(
        en="Special mentions: applied for, or nominated by the committee from existing entries.",
        ko="특별상: 직접 신청하거나 심사위원회가 접수된 응모작 중에서 추천합니다.",
        ja="特別賞：直接応募するほか、委員会が既存の応募案件の中から推薦します。",
        zh_hans="特别奖：可直接申请，也可由委员会从已有参评项目中提名。",
        es="Menciones especiales: se solicitan directamente o las propone el comité entre las candidaturas recibidas.",
        fr="Mentions spéciales : sur candidature, ou sur proposition du comité parmi les candidatures reçues.",
    ),
    "description": t(
        en="Special mentions distinguish entries the committee wishes to single out. Cities, corporations and "
        "institutions may apply directly; the committee may also nominate entries from among those received.",
        ko="특별상은 위원회가 특별히 주목하는 응모작에 수여합니다. 도시, 기업, 기관이 직접 응모할 수 있으며, "
        "위원회가 접수된 응모작 중에서 추천할 수도 있습니다.",
        ja="特別賞は、委員会が特に注目する応募案件に授与します。都市、企業、機関が直接応募できるほか、委員会が"
        "寄せられた応募案件の中から推薦することもあります。",
        zh_hans="特别奖授予委员会特别关注的参评项目。城市、企业和机构可直接申请，委员会也可从已收到的参评项目中提名。",
        es="Las menciones especiales distinguen candidaturas que el comité desea destacar. Las ciudades, empresas "
        "e instituciones pueden presentarse directamente; el comité también puede proponer candidaturas de "
        "entre las recibidas.",
        fr="Les mentions spéciales distinguent des candidatures que le comité souhaite mettre en avant. Les "
        "villes, les entreprises et les institutions peuvent se porter candidates directement ; le comité peut "
        "également proposer des candidatures parmi celles qui ont été reçues.",
    ),
    "applicant_types": ORGANISATIONS,
    "entry_limit": 1,
    "accepts_applications": True,
    "award_count": 3,
    "tracks": [],
}

CATEGORIES: list[dict[str, Any]] = [PROJECT, LEADERSHIP, SPECIAL]
