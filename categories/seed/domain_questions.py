# ruff: noqa: RUF001 — full-width punctuation (Japanese, Chinese) and typographic apostrophes (French).
"""The questions of the six evaluation domains, asked in Project, Leadership and Special.

Two labels name their subject (the project, or the leader's work); the rest,
and every help text, read the same for both. A project's budget domain also
asks cities how the project is funded (and, when co-funded, by whom).
"""

from typing import Any, Literal

from prize_portal.site.seed_text import T, t

from .choices import FUNDING
from .question import q

Subject = Literal["project", "leadership"]

PROBLEM_LABEL: dict[Subject, T] = {
    "project": t(
        en="What problem does the project address, and what is innovative about it?",
        ko="이 프로젝트가 해결하려는 문제는 무엇이며, 어떤 점이 혁신적입니까?",
        ja="このプロジェクトはどのような課題に対応するもので、どのような点が革新的ですか。",
        zh_hans="本项目要解决什么问题？其创新之处何在？",
        es="¿Qué problema aborda el proyecto y qué tiene de innovador?",
        fr="À quel problème le projet répond-il, et en quoi est-il innovant ?",
    ),
    "leadership": t(
        en="What problem does the leadership work address, and what is innovative about it?",
        ko="귀하의 리더십 활동이 해결하려는 문제는 무엇이며, 어떤 점이 혁신적입니까?",
        ja="ご自身のリーダーシップ活動はどのような課題に対応するもので、どのような点が革新的ですか。",
        zh_hans="您的领导工作要解决什么问题？其创新之处何在？",
        es="¿Qué problema aborda su labor de liderazgo y qué tiene de innovador?",
        fr="À quel problème votre action de dirigeant répond-elle, et en quoi est-elle innovante ?",
    ),
}

DESIGN_LABEL: dict[Subject, T] = {
    "project": t(
        en="How is the project designed: goals, target groups, partners and approach?",
        ko="이 프로젝트의 설계를 설명해 주십시오: 목표, 대상, 협력 주체, 추진 방식",
        ja="このプロジェクトはどのように設計されていますか（目標、対象者、パートナー、推進方法）。",
        zh_hans="项目是如何设计的？请说明目标、目标群体、合作伙伴和实施方式。",
        es="¿Cómo se ha diseñado el proyecto? Objetivos, grupos destinatarios, socios y enfoque.",
        fr="Comment le projet est-il conçu : objectifs, publics cibles, partenaires et démarche ?",
    ),
    "leadership": t(
        en="How is the leadership work designed: goals, target groups, partners and approach?",
        ko="귀하의 리더십 활동의 설계를 설명해 주십시오: 목표, 대상, 협력 주체, 추진 방식",
        ja="ご自身のリーダーシップ活動はどのように設計されていますか（目標、対象者、パートナー、推進方法）。",
        zh_hans="您的领导工作是如何设计的？请说明目标、目标群体、合作伙伴和实施方式。",
        es="¿Cómo se ha diseñado su labor de liderazgo? Objetivos, grupos destinatarios, socios y enfoque.",
        fr="Comment votre action de dirigeant est-elle conçue : objectifs, publics cibles, partenaires et démarche ?",
    ),
}


# Asked of cities about a project, in its budget domain: who pays, and, only
# when partners share the costs, who they are and in what shares.
FUNDING_QUESTIONS = [
    q(
        "funding",
        "choice",
        t(
            en="How is the project funded?",
            ko="프로젝트의 재원은 어떻게 마련됩니까?",
            ja="プロジェクトの資金はどのように賄われていますか。",
            zh_hans="项目资金如何筹措？",
            es="¿Cómo se financia el proyecto?",
            fr="Comment le projet est-il financé ?",
        ),
        criterion="budget-planning",
        required=False,
        applicant_types=["city"],
        choices=FUNDING,
        help_text=t(
            en="Choose one. If partners share the costs, you will then be asked who they are.",
            ko="하나를 선택해 주십시오. 협력 주체와 비용을 분담하는 경우, 이어서 분담 주체를 묻습니다.",
            ja="一つを選択してください。パートナーと費用を分担している場合は、続いてその分担先をお尋ねします。",
            zh_hans="请选择一项。如与合作伙伴分担费用，随后将请您说明分担方。",
            es="Seleccione una opción. Si comparte los gastos con socios, a continuación se le preguntará quiénes son.",
            fr="Choisissez une réponse. Si des partenaires partagent les coûts, il vous sera ensuite demandé lesquels.",
        ),
    ),
    q(
        "budget-source",
        "long_text",
        t(
            en="Budget source",
            ko="예산 출처",
            ja="財源の内訳",
            zh_hans="预算来源",
            es="Origen del presupuesto",
            fr="Origine du budget",
        ),
        criterion="budget-planning",
        applicant_types=["city"],
        word_limit=150,
        shown_if="funding",
        shown_if_values=["co-funded"],
        help_text=t(
            en="Name the partners who co-fund the project and the share of the budget each provides, for example: "
            "the city 60%, the national government 30%, a foundation 10%.",
            ko="프로젝트 예산을 공동으로 부담하는 협력 주체와 각 주체의 분담 비율을 적어 주십시오"
            "(예: 시 60%, 중앙정부 30%, 재단 10%).",
            ja="プロジェクトの予算を共同で負担しているパートナーと、それぞれの負担割合を記入してください"
            "（例：市60%、国30%、財団10%）。",
            zh_hans="请列出共同出资的合作伙伴及各自承担的预算比例（例如：市政府60%、中央政府30%、某基金会10%）。",
            es="Indique los socios que cofinancian el proyecto y la parte del presupuesto que aporta cada uno "
            "(por ejemplo: la ciudad, 60\u00a0%; el gobierno nacional, 30\u00a0%; una fundación, 10\u00a0%).",
            fr="Indiquez les partenaires qui cofinancent le projet et la part du budget apportée par chacun "
            "(par exemple : la ville 60\u00a0%, l’État 30\u00a0%, une fondation 10\u00a0%).",
        ),
    ),
]


def domain_questions(subject: Subject) -> list[dict[str, Any]]:
    """The questions of the six domains, worded for a project or a leader's
    work (a project's with the funding questions asked of cities)."""
    return [
        q(
            "problem-innovation",
            "long_text",
            PROBLEM_LABEL[subject],
            criterion="problem-innovation",
            word_limit=500,
            help_text=t(
                en="Describe the problem, who it affects and what is new in the answer compared with what "
                "existed before.",
                ko="문제의 내용과 영향을 받는 사람을 설명하고, 기존 방식과 비교해 무엇이 새로운지 적어 주십시오.",
                ja="課題の内容と影響を受ける人々を説明し、従来の取り組みと比べて何が新しいかを記入してください。",
                zh_hans="请说明问题本身及受影响的人群，以及与以往做法相比有何新意。",
                es="Describa el problema, a quién afecta y qué aporta de nuevo la respuesta frente a lo que "
                "existía antes.",
                fr="Décrivez le problème, les personnes concernées et ce que la réponse apporte de nouveau par "
                "rapport à l’existant.",
            ),
        ),
        q(
            "design",
            "long_text",
            DESIGN_LABEL[subject],
            criterion="design",
            word_limit=500,
            help_text=t(
                en="Explain the goals, the groups served, the partners and their roles, and the approach chosen.",
                ko="목표, 대상 집단, 협력 주체와 그 역할, 선택한 추진 방식을 설명해 주십시오.",
                ja="目標、対象となる人々、パートナーとその役割、採用した推進方法を説明してください。",
                zh_hans="请说明目标、服务群体、合作伙伴及其职责，以及所采用的实施方式。",
                es="Explique los objetivos, los grupos destinatarios, los socios y su función, y el enfoque elegido.",
                fr="Présentez les objectifs, les publics visés, les partenaires et leur rôle, ainsi que la "
                "démarche retenue.",
            ),
        ),
        q(
            "budget-total",
            "number",
            t(
                en="Total budget (US dollars)",
                ko="총 예산(미국 달러)",
                ja="総予算（米ドル）",
                zh_hans="总预算（美元）",
                es="Presupuesto total (dólares estadounidenses)",
                fr="Budget total (dollars des États-Unis)",
            ),
            criterion="budget-planning",
            required=False,
            help_text=t(
                en="A number only, converted into US dollars.",
                ko="미국 달러로 환산한 금액을 숫자로만 입력해 주십시오.",
                ja="米ドルに換算した金額を数字のみで入力してください。",
                zh_hans="请仅填写折合成美元的金额数字。",
                es="Solo la cifra, convertida a dólares estadounidenses.",
                fr="Le montant en chiffres uniquement, converti en dollars des États-Unis.",
            ),
        ),
        *(FUNDING_QUESTIONS if subject == "project" else []),
        q(
            "budget-plan",
            "long_text",
            t(
                en="How is it funded and planned over time?",
                ko="재원 조달 방법과 추진 일정을 설명해 주십시오.",
                ja="資金はどのように調達され、どのような計画で進められていますか。",
                zh_hans="资金如何筹措？进度如何安排？",
                es="¿Cómo se financia y qué calendario sigue?",
                fr="Quels sont les financements et le calendrier prévus ?",
            ),
            criterion="budget-planning",
            word_limit=300,
            help_text=t(
                en="Sources of funding, schedule and milestones, and the staff and resources involved.",
                ko="재원, 일정과 주요 단계, 투입 인력과 자원을 적어 주십시오.",
                ja="資金源、スケジュールと主な節目、投入する人員と資源を記入してください。",
                zh_hans="请说明资金来源、进度安排与关键节点，以及投入的人员和资源。",
                es="Fuentes de financiación, calendario e hitos, y personal y recursos asignados.",
                fr="Sources de financement, calendrier et grandes étapes, personnel et moyens mobilisés.",
            ),
        ),
        q(
            "start-date",
            "date",
            t(en="Start date", ko="시작일", ja="開始日", zh_hans="开始日期", es="Fecha de inicio", fr="Date de début"),
            criterion="implementation",
            help_text=t(
                en="The date on which implementation began.",
                ko="실행을 시작한 날짜입니다.",
                ja="実施を開始した日付です。",
                zh_hans="开始实施的日期。",
                es="La fecha en que comenzó la ejecución.",
                fr="La date à laquelle la mise en œuvre a commencé.",
            ),
        ),
        q(
            "implementation",
            "long_text",
            t(
                en="What has been implemented so far, and how?",
                ko="지금까지 무엇을 어떻게 실행했습니까?",
                ja="これまでに何をどのように実施しましたか。",
                zh_hans="迄今已实施了哪些内容？是如何实施的？",
                es="¿Qué se ha ejecutado hasta ahora y cómo?",
                fr="Qu’est-ce qui a été réalisé jusqu’à présent, et comment ?",
            ),
            criterion="implementation",
            word_limit=500,
            help_text=t(
                en="The main steps carried out, the difficulties met and how they were overcome.",
                ko="추진한 주요 단계, 겪은 어려움과 그 극복 방법을 적어 주십시오.",
                ja="実施した主な段階、直面した困難とその克服方法を記入してください。",
                zh_hans="请说明已完成的主要步骤、遇到的困难及克服方法。",
                es="Las principales etapas realizadas, las dificultades encontradas y cómo se superaron.",
                fr="Les principales étapes réalisées, les difficultés rencontrées et la façon dont elles ont été "
                "surmontées.",
            ),
        ),
        q(
            "learning",
            "long_text",
            t(
                en="How are results monitored and evaluated, and what has been improved?",
                ko="성과를 어떻게 모니터링하고 평가하며, 무엇을 개선했습니까?",
                ja="成果をどのようにモニタリング・評価し、何を改善しましたか。",
                zh_hans="如何监测和评估成果？已作出哪些改进？",
                es="¿Cómo se hace el seguimiento y la evaluación de los resultados, y qué se ha mejorado?",
                fr="Comment les résultats sont-ils suivis et évalués, et qu’est-ce qui a été amélioré ?",
            ),
            criterion="learning",
            word_limit=400,
            help_text=t(
                en="The indicators used, what the evaluation showed and what was changed as a result.",
                ko="사용한 지표, 평가 결과, 그에 따라 바꾼 점을 적어 주십시오.",
                ja="用いた指標、評価で明らかになったこと、その結果として変更した点を記入してください。",
                zh_hans="请说明所用指标、评估结论以及据此作出的调整。",
                es="Los indicadores utilizados, lo que mostró la evaluación y lo que se cambió en consecuencia.",
                fr="Les indicateurs utilisés, les enseignements de l’évaluation et les changements qui en ont découlé.",
            ),
        ),
        q(
            "value",
            "long_text",
            t(
                en="What outcomes and impact have there been, especially for vulnerable people?",
                ko="특히 약자에게 어떤 성과와 영향이 있었습니까?",
                ja="特に社会的弱者にとって、どのような成果と影響がありましたか。",
                zh_hans="取得了哪些成果和影响，尤其是对弱势群体？",
                es="¿Qué resultados e impacto se han logrado, en especial para las personas vulnerables?",
                fr="Quels résultats et quel impact ont été obtenus, en particulier pour les personnes vulnérables ?",
            ),
            criterion="value",
            word_limit=500,
            help_text=t(
                en="Give evidence, with figures where possible.",
                ko="가능하면 수치를 들어 근거를 제시해 주십시오.",
                ja="可能な限り数値を用いて根拠を示してください。",
                zh_hans="请提供依据，并尽可能附上数据。",
                es="Aporte evidencias, con cifras siempre que sea posible.",
                fr="Apportez des éléments probants, chiffrés dans la mesure du possible.",
            ),
        ),
        q(
            "beneficiaries",
            "number",
            t(
                en="Number of people who benefited",
                ko="수혜자 수",
                ja="受益者数",
                zh_hans="受益人数",
                es="Número de personas beneficiarias",
                fr="Nombre de bénéficiaires",
            ),
            criterion="value",
            required=False,
            help_text=t(
                en="An estimate is acceptable.",
                ko="추정치도 가능합니다.",
                ja="概数でも構いません。",
                zh_hans="可填写估计数。",
                es="Se admite una estimación.",
                fr="Une estimation est acceptée.",
            ),
        ),
    ]
