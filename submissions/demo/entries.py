"""The demo entries: who applies, in which category, with what text, and
what happened to each (a draft, submitted, submitted again, withdrawn)."""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from submissions.demo.people import DOMAIN


class Story(StrEnum):
    INCOMPLETE = "incomplete draft"
    DRAFT = "draft ready to submit"
    SUBMITTED = "submitted"
    RESUBMITTED = "submitted again (version 2)"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class DemoEntry:
    applicant: str  # e-mail of a DemoApplicant
    category: str
    track: str | None
    language: str
    fields: dict[str, str]
    answers: dict[str, Any]
    story: Story
    # Where in the application window (0 = opening, 1 = deadline or today) it
    # was started, and submitted; ``changed`` is the re-submit or withdrawal.
    started: float
    submitted: float | None = None
    changed: float | None = None
    revision: dict[str, Any] | None = None
    files: bool = False


def _entry_text(language: str, title_en: str, summary_en: str, title: str = "", summary: str = "") -> dict[str, str]:
    fields = {"language": language, "title_en": title_en, "summary_en": summary_en}
    if title:
        fields.update(title_original=title, summary_original=summary)
    return fields


def _domain(
    problem: str, design: str, plan: str, start: str, done: str, learning: str, value: str, **numbers: int
) -> dict[str, Any]:
    """Answers to the six evaluation-domain questions shared by every form."""
    answers: dict[str, Any] = {
        "problem-innovation": problem,
        "design": design,
        "budget-plan": plan,
        "start-date": start,
        "implementation": done,
        "learning": learning,
        "value": value,
    }
    answers.update({name.replace("_", "-"): number for name, number in numbers.items()})
    return answers


ENTRIES = [
    DemoEntry(
        applicant=f"garam@{DOMAIN}",
        category="project",
        track="human-centricity",
        language="ko",
        fields=_entry_text(
            "ko",
            "Digital Companions for Older Residents",
            "Garam City placed young 'digital companions' in 12 neighbourhood centres. They coach residents over "
            "70, one to one, in kiosks, mobile banking and telemedicine apps.",
            "어르신 디지털 동행 도우미",
            "가람시는 12개 주민센터에 청년 '디지털 동행 도우미'를 배치해 70세 이상 어르신이 키오스크, 모바일 뱅킹, "
            "원격 진료 앱을 일대일로 익히도록 돕고 있습니다.",
        ),
        answers={
            "fields": ["welfare", "governance"],
            "target-groups": ["older-people", "people-with-disabilities"],
            "website": "https://www.garam.example/digital-companions",
            "population": 412000,
            "government-role": "시가 사업을 기획하고 예산을 지원하며, 주민센터와 복지관이 현장 운영을 맡습니다.",
            "funding": "co-funded",
            "budget-source": "가람시 70%, 중앙정부 공모 사업비 30%. 통신사와 은행은 실습용 기기와 강사를 "
            "현물로 지원합니다.",
            **_domain(
                "무인 키오스크와 앱 전용 서비스가 늘면서 어르신들이 병원 예약, 교통, 금융에서 소외되고 있습니다. "
                "교육장에 모으는 대신 도우미가 어르신이 매일 찾는 곳으로 찾아가는 점이 새롭습니다.",
                "3년 안에 어르신 1만 명의 디지털 자립이 목표입니다. 청년 도우미 60명을 채용하고 통신사, 은행, "
                "보건소와 협력해 실제 기기로 연습합니다.",
                "시 예산 70%, 중앙정부 공모 사업비 30%로 충당하며, 2024년 시범 운영 후 2026년까지 전 동으로 "
                "확대합니다.",
                "2024-03-04",
                "2024년 3곳에서 시범 운영을 시작해 지금은 12개 주민센터에서 주 5일 상담을 하고, 찾아가는 교육 "
                "차량 2대를 운행합니다.",
                "상담 일지와 분기별 만족도 조사로 성과를 측정합니다. 조사 결과에 따라 큰 글씨 교재와 방문 상담을 "
                "추가했습니다.",
                "어르신 6,200명이 참여했고 82%가 혼자서 병원 예약을 할 수 있게 되었습니다.",
                budget_total=1850000,
                beneficiaries=6200,
            ),
        },
        story=Story.RESUBMITTED,
        started=0.05,
        submitted=0.4,
        changed=0.75,
        revision={
            "value": "어르신 6,850명이 참여했고 84%가 혼자서 병원 예약을 할 수 있게 되었습니다.",
            "beneficiaries": 6850,
        },
        files=True,
    ),
    DemoEntry(
        applicant=f"shinonome@{DOMAIN}",
        category="project",
        track="tech-innovacity",
        language="ja",
        fields=_entry_text(
            "ja",
            "AI flood forecasts that reroute city buses",
            "Together with the city, we built a system that forecasts street flooding three hours before heavy "
            "rain arrives and adjusts municipal bus routes and frequencies automatically.",
            "AIによる冠水予測とバス運行の自動調整",
            "豪雨による道路の冠水を3時間前に予測し、市営バスの経路と運行本数を自動で調整するシステムを市と共同で"
            "開発しました。",
        ),
        answers={
            "fields": ["mobility", "safety", "environment"],
            "target-groups": ["all-citizens", "older-people"],
            "website": "https://urbandata.shinonome-u.example/flood-bus",
            "partner-cities": "東雲市(交通局・危機管理課)と隣接する2町で運用しています。",
            **_domain(
                "豪雨による冠水でバスが立ち往生し、通院する高齢者が取り残される事例が増えています。雨量レーダーと"
                "道路センサーの予測をバス運行に直結させた点が新しい取り組みです。",
                "大学が予測モデル、市交通局が運行ルール、住民が冠水情報の報告を担います。冠水による運休の半減が"
                "目標です。",
                "国の研究助成と市の防災予算で賄い、2025年度に実証、2026年度から本格運用します。",
                "2025-04-01",
                "道路センサーを140か所に設置し、2025年の梅雨期に12路線で自動調整を実証しました。",
                "予測と実際の冠水を毎回照合し、誤報率を毎月公開しています。住民の報告を学習データに加えて精度を"
                "改善しました。",
                "実証期間中、冠水による運休は58%減り、バスの待ち時間も短くなりました。",
                budget_total=920000,
                beneficiaries=180000,
            ),
        },
        story=Story.SUBMITTED,
        started=0.15,
        submitted=0.6,
    ),
    DemoEntry(
        applicant=f"serena@{DOMAIN}",
        category="project",
        track="tech-innovacity",
        language="es",
        fields=_entry_text(
            "es",
            "Crossings that wait: traffic lights that give more time to those who need it",
            "Anonymous sensors at pedestrian crossings detect people who cross slowly and extend the green light "
            "by a few seconds. They already run at 40 crossings in three municipalities.",
            "Cruces que esperan: semáforos que dan más tiempo a quien lo necesita",
            "Sensores anónimos en los pasos de peatones detectan a quien cruza despacio y alargan el verde unos "
            "segundos. Ya funcionan en 40 cruces de tres municipios.",
        ),
        answers={
            "fields": ["mobility", "safety"],
            "target-groups": ["older-people", "people-with-disabilities"],
            "website": "https://www.movilidadserena.example/cruces",
            "partner-cities": "Tres municipios del área metropolitana de Valencia, con sus servicios de tráfico.",
            **_domain(
                "Los semáforos se programan para un peatón que camina a 1,2 m/s y muchas personas mayores no llegan "
                "a cruzar. Nuestros sensores no graban imágenes: solo miden la velocidad y ajustan el ciclo.",
                "Objetivo: ningún peatón en la calzada con el semáforo en rojo. Fijamos los umbrales con "
                "asociaciones de personas mayores y de personas con discapacidad visual.",
                "Capital propio y un préstamo público para innovación; cada municipio paga una cuota anual por cruce.",
                "2023-09-15",
                "Piloto en 8 cruces en 2023 y ampliación a 40 cruces en 2025, conectados a los centros de control "
                "de tráfico.",
                "Medimos cada mes los cruces incompletos y las quejas vecinales; tras el piloto redujimos las falsas "
                "detecciones con lluvia.",
                "Los cruces incompletos bajaron un 71 % sin aumentar la espera de los vehículos.",
                budget_total=640000,
                beneficiaries=95000,
            ),
        },
        story=Story.DRAFT,
        started=0.3,
    ),
    DemoEntry(
        applicant=f"jumuiya@{DOMAIN}",
        category="project",
        track="human-centricity",
        language="en",
        fields=_entry_text(
            "en",
            "Sign-language video desks at county offices",
            "Deaf residents talk to county staff through a sign-language interpreter on a video desk, instead of "
            "bringing a relative to every visit.",
        ),
        answers={
            "fields": ["governance", "welfare"],
            "target-groups": ["people-with-disabilities"],
            "problem-innovation": "Deaf residents must bring a relative to every county office visit, and "
            "confidential matters are discussed through family members.",
        },
        story=Story.INCOMPLETE,
        started=0.5,
    ),
    DemoEntry(
        applicant=f"leader@{DOMAIN}",
        category="leadership",
        track=None,
        language="es",
        fields=_entry_text(
            "es",
            "A town hall that reaches every village",
            "As mayor of Villa Esperanza I brought municipal services to remote rural villages through digital "
            "points staffed by young people from the town, guided by a council of older residents.",
            "Una alcaldía que llega a cada vereda",
            "Como alcaldesa de Villa Esperanza llevé los servicios municipales a las veredas más alejadas con "
            "puntos digitales atendidos por jóvenes del municipio y guiados por un consejo de personas mayores.",
        ),
        answers={
            "position": "Alcaldesa de Villa Esperanza (Antioquia, Colombia)",
            "term": "2024-2027",
            **_domain(
                "Uno de cada cinco habitantes tiene más de 60 años y muchos viven en veredas sin conexión. Propuse "
                "llevar la alcaldía a las veredas en lugar de obligar a viajar al casco urbano.",
                "El plan «Alcaldía en tu vereda» fija tres metas: conectividad en todas las veredas, trámites en "
                "línea acompañados y un consejo de personas mayores que revisa cada servicio digital.",
                "Regalías departamentales, presupuesto municipal y un convenio con una universidad pública, con "
                "hitos semestrales hasta 2027.",
                "2024-02-01",
                "Hoy funcionan 18 puntos digitales y el 60 % de los trámites municipales se puede hacer en línea "
                "con acompañamiento.",
                "Cada trimestre el consejo de personas mayores evalúa los servicios; por sus recomendaciones "
                "simplificamos los formularios y añadimos atención telefónica.",
                "Más de 9.000 personas usaron los puntos digitales y un trámite pasó de tres días a una hora.",
                budget_total=750000,
                beneficiaries=9000,
            ),
        },
        story=Story.SUBMITTED,
        started=0.2,
        submitted=0.85,
    ),
    DemoEntry(
        applicant=f"villaesperanza@{DOMAIN}",
        category="special",
        track=None,
        language="es",
        fields=_entry_text(
            "es",
            "Online farmers' markets",
            "A municipal platform connects 300 farming families with buyers in the city and pays them at once "
            "through digital wallets.",
            "Mercados campesinos en línea",
            "Una plataforma municipal conecta a 300 familias campesinas con compradores de la ciudad y les paga "
            "al instante mediante billeteras digitales.",
        ),
        answers={
            "fields": ["welfare", "governance"],
            "target-groups": ["low-income"],
            "population": 48000,
            "government-role": "La alcaldía financia la plataforma, capacita a las familias y garantiza los pagos.",
            "funding": "self-funded",
            **_domain(
                "Los intermediarios se quedaban con la mitad del precio de la cosecha. La plataforma vende directo "
                "y paga el mismo día.",
                "Familias campesinas, tenderos y la alcaldía acordaron precios de referencia y rutas de recogida "
                "compartidas.",
                "Presupuesto municipal para la plataforma y un fondo rotatorio para la logística.",
                "2025-01-20",
                "300 familias venden cada semana y dos rutas de recogida llegan a 14 veredas.",
                "Un comité mensual revisa precios, entregas y reclamos de compradores.",
                "Los ingresos de las familias participantes subieron un 35 % en el primer año.",
            ),
        },
        story=Story.WITHDRAWN,
        started=0.1,
        submitted=0.35,
        changed=0.55,
    ),
    DemoEntry(
        applicant=f"jumuiya@{DOMAIN}",
        category="special",
        track=None,
        language="en",
        fields=_entry_text(
            "en",
            "Solar kiosks that keep community health records",
            "Solar-powered kiosks run by community health volunteers keep health records offline in informal "
            "settlements and send them to county clinics whenever a connection is available.",
        ),
        answers={
            "fields": ["energy", "welfare"],
            "target-groups": ["low-income", "young-people"],
            "partner-cities": "Two county governments in western Kenya, through their health departments.",
            **_domain(
                "Families in informal settlements lose paper health cards, so children's vaccinations are repeated "
                "or missed. Our kiosks work without mains power or a steady connection.",
                "Each kiosk serves about 2,000 households and is run by two trained volunteers; county clinics "
                "receive the records and send reminders by SMS.",
                "Grants from two foundations cover the kiosks; the counties pay the volunteers' stipends from 2026.",
                "2024-07-01",
                "24 kiosks are running and 31,000 health records have been synchronised with county clinics.",
                "We compare vaccination coverage with the county registers every quarter and moved four kiosks to "
                "busier markets after the first review.",
                "Missed vaccinations fell by 40 % in the areas served.",
                beneficiaries=48000,
            ),
        },
        story=Story.SUBMITTED,
        started=0.25,
        submitted=0.7,
    ),
]
