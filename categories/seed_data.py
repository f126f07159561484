"""The 2026 edition of the prize (the real call for entries), in English and Korean.

Entry limits per organisation and the award-level names are our defaults, not
published facts; staff change them in admin.
"""

from typing import Any

T = dict[str, str]


def t(en: str, ko: str) -> T:
    return {"en": en, "ko": ko}


CYCLE_2026: dict[str, Any] = {
    "year": 2026,
    "name": t("Seoul Smart City Prize 2026", "2026 서울스마트시티상"),
    "tagline": t(
        "Inclusive and innovative smart cities that walk together with the vulnerable",
        "약자와 동행하는 포용적이고 혁신적인 스마트시티",
    ),
    "description": t(
        "The Seoul Smart City Prize, co-hosted by the Seoul Metropolitan Government and WeGO, rewards "
        "inclusive and innovative smart-city projects, policies and leaders from around the world.",
        "서울특별시와 세계스마트지속가능도시기구(WeGO)가 공동 주최하는 서울스마트시티상은 세계 각지의 "
        "포용적이고 혁신적인 스마트시티 프로젝트, 정책, 리더를 시상합니다.",
    ),
    "ceremony_place": t("Seoul, Republic of Korea", "대한민국 서울"),
    # Seoul local times (Asia/Seoul).
    "applications_open_at": "2026-02-13T00:00",
    "applications_close_at": "2026-05-29T23:59",
    "judging_starts_at": "2026-06-01T09:00",
    "ceremony_at": "2026-10-06T10:00",
}

AWARD_LEVELS: list[dict[str, Any]] = [
    {"code": "gold", "name": t("Gold", "금상"), "categories": ["project", "leadership"]},
    {"code": "silver", "name": t("Silver", "은상"), "categories": ["project", "leadership"]},
    {"code": "bronze", "name": t("Bronze", "동상"), "categories": ["project"]},
    {"code": "special-mention", "name": t("Special Mention", "특별상"), "categories": ["special"]},
]

ORGANISATIONS = ["city", "corporation", "institution"]

CATEGORIES: list[dict[str, Any]] = [
    {
        "code": "project",
        "reference_letter": "P",
        "name": t("Project", "프로젝트"),
        "summary": t(
            "Smart-city projects and policies that make cities more inclusive or more innovative.",
            "도시를 더 포용적이고 혁신적으로 만드는 스마트시티 프로젝트와 정책",
        ),
        "applicant_types": ORGANISATIONS,
        "entry_limit": 3,
        "accepts_applications": True,
        "award_count": 16,
        "tracks": [
            {
                "code": "human-centricity",
                "name": t("Human-CentriCity", "휴먼-센트리시티"),
                "summary": t(
                    "Digital inclusion with the vulnerable: older people, young people, people with disabilities.",
                    "약자와 동행하는 디지털 포용: 노인, 청년, 장애인",
                ),
                "award_count": 8,
            },
            {
                "code": "tech-innovacity",
                "name": t("Tech-InnovaCity", "테크-이노바시티"),
                "summary": t(
                    "Innovative policy or technology in mobility, safety, welfare, environment, energy, culture "
                    "or governance.",
                    "교통, 안전, 복지, 환경, 에너지, 문화, 거버넌스 분야의 혁신적인 정책과 기술",
                ),
                "award_count": 8,
            },
        ],
    },
    {
        "code": "leadership",
        "reference_letter": "L",
        "name": t("Leadership", "리더십"),
        "summary": t(
            "Mayors and other leaders who drive inclusive smart cities.",
            "포용적 스마트시티를 이끄는 시장과 리더",
        ),
        "applicant_types": ["individual"],
        "entry_limit": 1,
        "accepts_applications": True,
        "award_count": 2,
        "tracks": [],
    },
    {
        "code": "special",
        "reference_letter": "S",
        "name": t("Special", "특별"),
        "summary": t(
            "Special mentions: applied for, or nominated by the committee from existing entries.",
            "특별상: 직접 신청하거나 심사위원회가 접수된 응모작 중에서 추천합니다.",
        ),
        "applicant_types": ORGANISATIONS,
        "entry_limit": 1,
        "accepts_applications": True,
        "award_count": 3,
        "tracks": [],
    },
]

CRITERIA = [
    (
        "problem-innovation",
        t("Problem recognition and innovation", "문제 인식 및 혁신성"),
        t(
            "How well the problem is understood and how new the answer is.",
            "문제를 얼마나 잘 이해하고 있으며 해결책이 얼마나 새로운가",
        ),
    ),
    (
        "design",
        t("Project design", "프로젝트 설계"),
        t("Clarity of goals, target groups, partners and approach.", "목표, 대상, 협력 주체, 추진 방식의 명확성"),
    ),
    (
        "budget-planning",
        t("Feasible budget and planning", "실현 가능한 예산 및 계획"),
        t("A realistic budget, schedule and resources.", "현실적인 예산, 일정, 자원 계획"),
    ),
    (
        "implementation",
        t("Implementation", "실행"),
        t("What has been carried out and how well.", "실제로 추진된 내용과 그 수준"),
    ),
    (
        "learning",
        t("Learning and improvement", "학습 및 개선"),
        t("Monitoring, evaluation and improvement over time.", "모니터링, 평가 및 지속적인 개선"),
    ),
    (
        "value",
        t("Value generation", "가치 창출"),
        t("Outcomes and impact for citizens, especially the vulnerable.", "시민, 특히 약자에게 미친 성과와 영향"),
    ),
]

RUBRIC = [
    (
        0,
        t("Not addressed", "해당 없음"),
        t("The entry gives no evidence on this domain.", "이 영역에 대한 근거가 없습니다."),
    ),
    (1, t("Weak", "미흡"), t("Little evidence; major gaps.", "근거가 부족하고 큰 공백이 있습니다.")),
    (
        2,
        t("Limited", "다소 미흡"),
        t("Some evidence; important gaps remain.", "일부 근거가 있으나 중요한 공백이 남아 있습니다."),
    ),
    (
        3,
        t("Adequate", "보통"),
        t("Sound evidence that meets expectations.", "기대 수준을 충족하는 타당한 근거가 있습니다."),
    ),
    (
        4,
        t("Strong", "우수"),
        t("Convincing evidence above expectations.", "기대 수준을 넘는 설득력 있는 근거가 있습니다."),
    ),
    (5, t("Outstanding", "탁월"), t("Exemplary; a model for other cities.", "모범적이며 다른 도시의 본보기가 됩니다.")),
]

TARGET_GROUPS = [
    ("older-people", t("Older people", "노인")),
    ("young-people", t("Children and young people", "아동 및 청년")),
    ("people-with-disabilities", t("People with disabilities", "장애인")),
    ("low-income", t("People on low incomes", "저소득층")),
    ("migrants", t("Migrants and refugees", "이주민 및 난민")),
    ("all-citizens", t("All citizens", "시민 전체")),
]

FIELDS = [
    ("mobility", t("Mobility", "교통")),
    ("safety", t("Safety", "안전")),
    ("welfare", t("Welfare", "복지")),
    ("environment", t("Environment", "환경")),
    ("energy", t("Energy", "에너지")),
    ("culture", t("Culture", "문화")),
    ("governance", t("Governance", "거버넌스")),
]


def q(
    code: str,
    kind: str,
    label: T,
    *,
    criterion: str | None = None,
    help_text: T | None = None,
    required: bool = True,
    word_limit: int | None = None,
    applicant_types: list[str] | None = None,
    choices: list[tuple[str, T]] | None = None,
    identifying: bool = False,
) -> dict[str, Any]:
    return {
        "identifying": identifying,
        "code": code,
        "kind": kind,
        "label": label,
        "criterion": criterion,
        "help_text": help_text,
        "required": required,
        "word_limit": word_limit,
        "applicant_types": applicant_types or [],
        "choices": choices or [],
    }


def _domain_questions(en: str, ko_subject: str, ko_of: str) -> list[dict[str, Any]]:
    """The six domain questions, worded for a project or a leader's work
    (Korean: the subject with its particle, and its possessive form)."""
    return [
        q(
            "problem-innovation",
            "long_text",
            t(
                f"What problem does the {en} address, and what is innovative about it?",
                f"{ko_subject} 해결하려는 문제는 무엇이며, 어떤 점이 혁신적입니까?",
            ),
            criterion="problem-innovation",
            word_limit=500,
        ),
        q(
            "design",
            "long_text",
            t(
                f"How is the {en} designed: goals, target groups, partners and approach?",
                f"{ko_of} 설계를 설명해 주십시오: 목표, 대상, 협력 주체, 추진 방식",
            ),
            criterion="design",
            word_limit=500,
        ),
        q(
            "budget-total",
            "number",
            t("Total budget (US dollars)", "총 예산(미국 달러)"),
            criterion="budget-planning",
            required=False,
        ),
        q(
            "budget-plan",
            "long_text",
            t("How is it funded and planned over time?", "재원 조달 방법과 추진 일정을 설명해 주십시오."),
            criterion="budget-planning",
            word_limit=300,
        ),
        q("start-date", "date", t("Start date", "시작일"), criterion="implementation"),
        q(
            "implementation",
            "long_text",
            t("What has been implemented so far, and how?", "지금까지 무엇을 어떻게 실행했습니까?"),
            criterion="implementation",
            word_limit=500,
        ),
        q(
            "learning",
            "long_text",
            t(
                "How are results monitored and evaluated, and what has been improved?",
                "성과를 어떻게 모니터링하고 평가하며, 무엇을 개선했습니까?",
            ),
            criterion="learning",
            word_limit=400,
        ),
        q(
            "value",
            "long_text",
            t(
                "What outcomes and impact have there been, especially for vulnerable people?",
                "특히 약자에게 어떤 성과와 영향이 있었습니까?",
            ),
            criterion="value",
            word_limit=500,
        ),
        q(
            "beneficiaries",
            "number",
            t("Number of people who benefited", "수혜자 수"),
            criterion="value",
            required=False,
        ),
    ]


PROJECT_QUESTIONS = [
    q("fields", "multiple_choice", t("Fields of the project", "프로젝트 분야"), choices=FIELDS),
    q("target-groups", "multiple_choice", t("Who the project serves", "프로젝트 대상"), choices=TARGET_GROUPS),
    q("website", "url", t("Project website", "프로젝트 웹사이트"), required=False, identifying=True),
    q("population", "number", t("Population of the city or region", "도시 또는 지역의 인구"), applicant_types=["city"]),
    q(
        "government-role",
        "long_text",
        t("What role does the government play in the project?", "프로젝트에서 정부는 어떤 역할을 합니까?"),
        applicant_types=["city"],
        word_limit=300,
    ),
    q(
        "partner-cities",
        "long_text",
        t(
            "In which cities has the project been implemented, with which public partners?",
            "어느 도시에서 어떤 공공 협력 기관과 함께 프로젝트를 실행했습니까?",
        ),
        applicant_types=["corporation", "institution"],
        word_limit=300,
    ),
    *_domain_questions("project", "이 프로젝트가", "이 프로젝트의"),
    q(
        "video",
        "video",
        t("Video (YouTube or Vimeo link)", "영상(YouTube 또는 Vimeo 링크)"),
        required=False,
        identifying=True,
        help_text=t(
            "Up to 5 minutes. Videos are linked, not uploaded.",
            "5분 이내. 영상은 업로드하지 않고 링크로 제출합니다.",
        ),
    ),
    q(
        "supporting-documents",
        "file",
        t("Supporting documents", "증빙 자료"),
        required=False,
        help_text=t(
            "Reports, photos or press coverage (PDF, JPEG, PNG or WebP).",
            "보고서, 사진, 언론 보도 자료(PDF, JPEG, PNG, WebP)",
        ),
    ),
]

LEADERSHIP_QUESTIONS = [
    q("position", "text", t("Position and organisation", "직위 및 소속"), word_limit=30, identifying=True),
    q("term", "text", t("Term of office", "임기"), required=False, word_limit=20),
    *_domain_questions("leadership work", "귀하의 리더십 활동이", "귀하의 리더십 활동의"),
    q("supporting-documents", "file", t("Supporting documents", "증빙 자료"), required=False),
]

QUESTIONS: dict[str, list[dict[str, Any]]] = {
    "project": PROJECT_QUESTIONS,
    "leadership": LEADERSHIP_QUESTIONS,
    "special": PROJECT_QUESTIONS,
}
