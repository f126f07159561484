# ruff: noqa: RUF001 — full-width punctuation (Japanese, Chinese) and typographic apostrophes (French).
"""The six evaluation domains (criteria) and the rubric judges score them by.

Every category of 2026 is judged on the same six domains, each on a 0 to 5 scale
whose levels mean the same for every domain.
"""

from prize_portal.site.seed_text import T, t

CRITERIA: list[tuple[str, T, T]] = [
    (
        "problem-innovation",
        t(
            en="Problem recognition and innovation",
            ko="문제 인식 및 혁신성",
            ja="課題認識と革新性",
            zh_hans="问题认识与创新性",
            es="Identificación del problema e innovación",
            fr="Identification du problème et innovation",
        ),
        t(
            en="How well the problem is understood and how new the answer is.",
            ko="문제를 얼마나 잘 이해하고 있으며 해결책이 얼마나 새로운가",
            ja="課題をどれだけ的確に理解しているか、解決策がどれだけ新しいか。",
            zh_hans="对问题的理解程度，以及解决方案的新颖程度。",
            es="En qué medida se comprende el problema y cuán novedosa es la respuesta.",
            fr="La justesse de la compréhension du problème et le caractère novateur de la réponse.",
        ),
    ),
    (
        "design",
        t(
            en="Project design",
            ko="프로젝트 설계",
            ja="プロジェクト設計",
            zh_hans="项目设计",
            es="Diseño del proyecto",
            fr="Conception du projet",
        ),
        t(
            en="Clarity of goals, target groups, partners and approach.",
            ko="목표, 대상, 협력 주체, 추진 방식의 명확성",
            ja="目標、対象者、パートナー、推進方法の明確さ。",
            zh_hans="目标、目标群体、合作伙伴和实施方式是否清晰。",
            es="Claridad de los objetivos, los grupos destinatarios, los socios y el enfoque.",
            fr="Clarté des objectifs, des publics cibles, des partenaires et de la démarche.",
        ),
    ),
    (
        "budget-planning",
        t(
            en="Feasible budget and planning",
            ko="실현 가능한 예산 및 계획",
            ja="実現可能な予算と計画",
            zh_hans="可行的预算与规划",
            es="Presupuesto y planificación viables",
            fr="Budget et planification réalisables",
        ),
        t(
            en="A realistic budget, schedule and resources.",
            ko="현실적인 예산, 일정, 자원 계획",
            ja="現実的な予算、スケジュール、資源。",
            zh_hans="预算、进度安排和资源是否切实可行。",
            es="Un presupuesto, un calendario y unos recursos realistas.",
            fr="Un budget, un calendrier et des moyens réalistes.",
        ),
    ),
    (
        "implementation",
        t(en="Implementation", ko="실행", ja="実施", zh_hans="实施", es="Ejecución", fr="Mise en œuvre"),
        t(
            en="What has been carried out and how well.",
            ko="실제로 추진된 내용과 그 수준",
            ja="何がどの程度実施されたか。",
            zh_hans="已实施的内容及其实施质量。",
            es="Qué se ha llevado a cabo y con qué calidad.",
            fr="Ce qui a été réalisé, et avec quelle qualité.",
        ),
    ),
    (
        "learning",
        t(
            en="Learning and improvement",
            ko="학습 및 개선",
            ja="学習と改善",
            zh_hans="学习与改进",
            es="Aprendizaje y mejora",
            fr="Apprentissage et amélioration",
        ),
        t(
            en="Monitoring, evaluation and improvement over time.",
            ko="모니터링, 평가 및 지속적인 개선",
            ja="モニタリング、評価、継続的な改善。",
            zh_hans="监测、评估和持续改进。",
            es="Seguimiento, evaluación y mejora continua.",
            fr="Suivi, évaluation et amélioration dans la durée.",
        ),
    ),
    (
        "value",
        t(
            en="Value generation",
            ko="가치 창출",
            ja="価値創出",
            zh_hans="价值创造",
            es="Generación de valor",
            fr="Création de valeur",
        ),
        t(
            en="Outcomes and impact for citizens, especially the vulnerable.",
            ko="시민, 특히 약자에게 미친 성과와 영향",
            ja="市民、特に社会的弱者にもたらした成果と影響。",
            zh_hans="为市民，尤其是弱势群体带来的成果和影响。",
            es="Resultados e impacto para la ciudadanía, en especial para las personas vulnerables.",
            fr="Résultats et impact pour les citoyens, en particulier les personnes vulnérables.",
        ),
    ),
]

# (score, label, descriptor); the same levels for every criterion.
RUBRIC: list[tuple[int, T, T]] = [
    (
        0,
        t(en="Not addressed", ko="해당 없음", ja="記載なし", zh_hans="未涉及", es="No abordado", fr="Non traité"),
        t(
            en="The entry gives no evidence on this domain.",
            ko="이 영역에 대한 근거가 없습니다.",
            ja="応募案件に、この評価領域に関する根拠が示されていません。",
            zh_hans="参评项目未就该评估领域提供任何依据。",
            es="La candidatura no aporta ninguna evidencia sobre este ámbito.",
            fr="La candidature n’apporte aucun élément sur ce domaine.",
        ),
    ),
    (
        1,
        t(en="Weak", ko="미흡", ja="不十分", zh_hans="薄弱", es="Insuficiente", fr="Insuffisant"),
        t(
            en="Little evidence; major gaps.",
            ko="근거가 부족하고 큰 공백이 있습니다.",
            ja="根拠が乏しく、大きな欠落があります。",
            zh_hans="依据很少，存在重大缺漏。",
            es="Pocas evidencias; carencias graves.",
            fr="Peu d’éléments ; lacunes majeures.",
        ),
    ),
    (
        2,
        t(en="Limited", ko="다소 미흡", ja="やや不十分", zh_hans="有限", es="Limitado", fr="Limité"),
        t(
            en="Some evidence; important gaps remain.",
            ko="일부 근거가 있으나 중요한 공백이 남아 있습니다.",
            ja="一定の根拠はありますが、重要な欠落が残っています。",
            zh_hans="有一定依据，但仍存在重要缺漏。",
            es="Algunas evidencias; persisten carencias importantes.",
            fr="Quelques éléments ; des lacunes importantes subsistent.",
        ),
    ),
    (
        3,
        t(en="Adequate", ko="보통", ja="標準", zh_hans="达标", es="Adecuado", fr="Satisfaisant"),
        t(
            en="Sound evidence that meets expectations.",
            ko="기대 수준을 충족하는 타당한 근거가 있습니다.",
            ja="期待される水準を満たす確かな根拠があります。",
            zh_hans="依据可靠，达到预期水平。",
            es="Evidencias sólidas que cumplen las expectativas.",
            fr="Des éléments probants, conformes aux attentes.",
        ),
    ),
    (
        4,
        t(en="Strong", ko="우수", ja="優良", zh_hans="良好", es="Notable", fr="Très bon"),
        t(
            en="Convincing evidence above expectations.",
            ko="기대 수준을 넘는 설득력 있는 근거가 있습니다.",
            ja="期待を上回る説得力のある根拠があります。",
            zh_hans="依据有说服力，超出预期。",
            es="Evidencias convincentes que superan las expectativas.",
            fr="Des éléments convaincants, au-delà des attentes.",
        ),
    ),
    (
        5,
        t(en="Outstanding", ko="탁월", ja="卓越", zh_hans="卓越", es="Excepcional", fr="Exceptionnel"),
        t(
            en="Exemplary; a model for other cities.",
            ko="모범적이며 다른 도시의 본보기가 됩니다.",
            ja="模範的であり、他の都市の手本となります。",
            zh_hans="堪称典范，可供其他城市借鉴。",
            es="Ejemplar; un modelo para otras ciudades.",
            fr="Exemplaire ; un modèle pour d’autres villes.",
        ),
    ),
]
