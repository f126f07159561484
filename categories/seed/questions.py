# ruff: noqa: RUF001 — full-width punctuation (Japanese, Chinese) and typographic apostrophes (French).
"""The application forms of 2026: Project (and Special, which asks the same) and Leadership.

Some questions are asked only of one applicant type: the City Government
version and the Institution/Corporation version of the Project form differ.
"""

from typing import Any

from prize_portal.site.seed_text import t

from .choices import FIELDS, TARGET_GROUPS
from .domain_questions import domain_questions
from .question import q

SUPPORTING_DOCUMENTS_HELP = t(
    en="Reports, photos or press coverage (PDF, JPEG, PNG or WebP).",
    ko="보고서, 사진, 언론 보도 자료(PDF, JPEG, PNG, WebP)",
    ja="報告書、写真、報道記事など（PDF、JPEG、PNG、WebP）",
    zh_hans="报告、照片或媒体报道（PDF、JPEG、PNG或WebP格式）。",
    es="Informes, fotografías o cobertura de prensa (PDF, JPEG, PNG o WebP).",
    fr="Rapports, photos ou articles de presse (PDF, JPEG, PNG ou WebP).",
)

SUPPORTING_DOCUMENTS_LABEL = t(
    en="Supporting documents",
    ko="증빙 자료",
    ja="補足資料",
    zh_hans="佐证材料",
    es="Documentos complementarios",
    fr="Documents complémentaires",
)

PROJECT_QUESTIONS = [
    q(
        "fields",
        "multiple_choice",
        t(
            en="Fields of the project",
            ko="프로젝트 분야",
            ja="プロジェクトの分野",
            zh_hans="项目领域",
            es="Sectores del proyecto",
            fr="Secteurs du projet",
        ),
        choices=FIELDS,
        help_text=t(
            en="Choose every field the project works in.",
            ko="해당하는 분야를 모두 선택해 주십시오.",
            ja="該当する分野をすべて選択してください。",
            zh_hans="请选择项目涉及的所有领域。",
            es="Seleccione todos los sectores en los que trabaja el proyecto.",
            fr="Cochez tous les secteurs dans lesquels le projet intervient.",
        ),
    ),
    q(
        "target-groups",
        "multiple_choice",
        t(
            en="Who the project serves",
            ko="프로젝트 대상",
            ja="プロジェクトの対象者",
            zh_hans="项目服务对象",
            es="Destinatarios del proyecto",
            fr="Publics du projet",
        ),
        choices=TARGET_GROUPS,
        help_text=t(
            en="Choose every group the project mainly serves.",
            ko="프로젝트의 주요 대상을 모두 선택해 주십시오.",
            ja="プロジェクトが主な対象とする人々をすべて選択してください。",
            zh_hans="请选择项目主要服务的所有群体。",
            es="Seleccione todos los colectivos a los que se dirige principalmente el proyecto.",
            fr="Cochez tous les publics auxquels le projet s’adresse principalement.",
        ),
    ),
    q(
        "website",
        "url",
        t(
            en="Project website",
            ko="프로젝트 웹사이트",
            ja="プロジェクトのウェブサイト",
            zh_hans="项目网站",
            es="Sitio web del proyecto",
            fr="Site web du projet",
        ),
        required=False,
        identifying=True,
        help_text=t(
            en="The address of a page about the project, if there is one.",
            ko="프로젝트를 소개하는 웹 페이지가 있으면 주소를 입력해 주십시오.",
            ja="プロジェクトを紹介するウェブページがあれば、そのアドレスを入力してください。",
            zh_hans="如有介绍本项目的网页，请填写其网址。",
            es="La dirección de una página sobre el proyecto, si la hay.",
            fr="L’adresse d’une page consacrée au projet, le cas échéant.",
        ),
    ),
    q(
        "population",
        "number",
        t(
            en="Population of the city or region",
            ko="도시 또는 지역의 인구",
            ja="都市または地域の人口",
            zh_hans="城市或地区人口",
            es="Población de la ciudad o región",
            fr="Population de la ville ou de la région",
        ),
        applicant_types=["city"],
        help_text=t(
            en="The latest official figure.",
            ko="최신 공식 통계 수치를 입력해 주십시오.",
            ja="最新の公式統計の数値を入力してください。",
            zh_hans="请填写最新的官方统计数字。",
            es="La cifra oficial más reciente.",
            fr="Le chiffre officiel le plus récent.",
        ),
    ),
    q(
        "government-role",
        "long_text",
        t(
            en="What role does the government play in the project?",
            ko="프로젝트에서 정부는 어떤 역할을 합니까?",
            ja="このプロジェクトにおいて、行政はどのような役割を担っていますか。",
            zh_hans="政府在项目中发挥什么作用？",
            es="¿Qué papel desempeña el gobierno en el proyecto?",
            fr="Quel rôle les pouvoirs publics jouent-ils dans le projet ?",
        ),
        applicant_types=["city"],
        word_limit=300,
        help_text=t(
            en="For example: initiator, funder, operator, regulator or partner.",
            ko="예: 발의자, 재원 제공자, 운영자, 규제 기관, 협력자",
            ja="例：発案者、資金提供者、運営者、規制当局、パートナー",
            zh_hans="例如：发起者、出资方、运营方、监管方或合作伙伴。",
            es="Por ejemplo: impulsor, financiador, operador, regulador o socio.",
            fr="Par exemple : initiateur, financeur, opérateur, régulateur ou partenaire.",
        ),
    ),
    q(
        "partner-cities",
        "long_text",
        t(
            en="In which cities has the project been implemented, with which public partners?",
            ko="어느 도시에서 어떤 공공 협력 기관과 함께 프로젝트를 실행했습니까?",
            ja="プロジェクトはどの都市で、どの公的パートナーとともに実施されましたか。",
            zh_hans="项目在哪些城市实施，与哪些公共合作伙伴合作？",
            es="¿En qué ciudades se ha ejecutado el proyecto y con qué socios públicos?",
            fr="Dans quelles villes le projet a-t-il été mis en œuvre, et avec quels partenaires publics ?",
        ),
        applicant_types=["corporation", "institution"],
        word_limit=300,
        help_text=t(
            en="Name the cities and public bodies and say what each contributed.",
            ko="도시와 공공 기관의 이름을 적고, 각각이 기여한 바를 설명해 주십시오.",
            ja="都市名と公的機関名を挙げ、それぞれの貢献内容を記入してください。",
            zh_hans="请列出相关城市和公共机构，并说明各自的贡献。",
            es="Indique las ciudades y los organismos públicos, y lo que aportó cada uno.",
            fr="Indiquez les villes et les organismes publics, ainsi que l’apport de chacun.",
        ),
    ),
    *domain_questions("project"),
    q(
        "video",
        "video",
        t(
            en="Video (YouTube or Vimeo link)",
            ko="영상(YouTube 또는 Vimeo 링크)",
            ja="動画（YouTubeまたはVimeoのリンク）",
            zh_hans="视频（YouTube或Vimeo链接）",
            es="Video (enlace de YouTube o Vimeo)",
            fr="Vidéo (lien YouTube ou Vimeo)",
        ),
        required=False,
        identifying=True,
        help_text=t(
            en="Up to 5 minutes. Videos are linked, not uploaded.",
            ko="5분 이내. 영상은 업로드하지 않고 링크로 제출합니다.",
            ja="5分以内。動画はアップロードせず、リンクで提出してください。",
            zh_hans="时长不超过5分钟。视频以链接形式提交，无需上传。",
            es="Hasta 5 minutos. Los videos se comparten mediante un enlace; no se suben al portal.",
            fr="5 minutes au maximum. Les vidéos sont transmises sous forme de lien, sans dépôt de fichier.",
        ),
    ),
    q(
        "supporting-documents",
        "file",
        SUPPORTING_DOCUMENTS_LABEL,
        required=False,
        help_text=SUPPORTING_DOCUMENTS_HELP,
    ),
]

LEADERSHIP_QUESTIONS = [
    q(
        "position",
        "text",
        t(
            en="Position and organisation",
            ko="직위 및 소속",
            ja="役職・所属",
            zh_hans="职务及所属单位",
            es="Cargo y organización",
            fr="Fonction et organisation",
        ),
        word_limit=30,
        identifying=True,
        help_text=t(
            en="Your current position and the organisation you serve.",
            ko="현재 직위와 소속 기관을 적어 주십시오.",
            ja="現在の役職と所属組織を記入してください。",
            zh_hans="请填写您目前的职务和所属单位。",
            es="Su cargo actual y la organización en la que lo ejerce.",
            fr="Votre fonction actuelle et l’organisation au sein de laquelle vous l’exercez.",
        ),
    ),
    q(
        "term",
        "text",
        t(en="Term of office", ko="임기", ja="任期", zh_hans="任期", es="Mandato", fr="Mandat"),
        required=False,
        word_limit=20,
        help_text=t(
            en="For example: July 2022 – June 2026.",
            ko="예: 2022년 7월 – 2026년 6월",
            ja="例：2022年7月～2026年6月",
            zh_hans="例如：2022年7月至2026年6月。",
            es="Por ejemplo: julio de 2022 – junio de 2026.",
            fr="Par exemple : juillet 2022 – juin 2026.",
        ),
    ),
    *domain_questions("leadership"),
    q(
        "supporting-documents",
        "file",
        SUPPORTING_DOCUMENTS_LABEL,
        required=False,
        help_text=SUPPORTING_DOCUMENTS_HELP,
    ),
]

QUESTIONS: dict[str, list[dict[str, Any]]] = {
    "project": PROJECT_QUESTIONS,
    "leadership": LEADERSHIP_QUESTIONS,
    "special": PROJECT_QUESTIONS,
}
