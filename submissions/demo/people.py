"""The demo applicants: a user each, and the organisation (or, in Leadership, the person) they apply for."""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoApplicant:
    """A demo user and the organisation (or, in Leadership, the person) they apply for."""

    email: str
    name: str
    language: str
    organisation: dict[str, str]


DOMAIN = "demo.sscp.test"


APPLICANTS = [
    DemoApplicant(
        f"garam@{DOMAIN}",
        "Kim Seo-yeon",
        "ko",
        {
            "type": "city",
            "name_native": "가람시",
            "name_en": "Garam City",
            "country": "KR",
            "city": "Garam",
            "website": "https://www.garam.example",
            "contact_name": "김서연 (Kim Seo-yeon)",
        },
    ),
    DemoApplicant(
        f"shinonome@{DOMAIN}",
        "Sato Haruka",
        "ja",
        {
            "type": "institution",
            "name_native": "東雲市立大学 都市データ研究所",
            "name_en": "Shinonome City University, Urban Data Lab",
            "country": "JP",
            "city": "Shinonome",
            "website": "https://urbandata.shinonome-u.example",
            "contact_name": "佐藤 遥 (Sato Haruka)",
        },
    ),
    DemoApplicant(
        f"serena@{DOMAIN}",
        "Lucía Martín",
        "es",
        {
            "type": "corporation",
            "name_native": "Movilidad Serena S.L.",
            "name_en": "Serena Mobility Ltd",
            "country": "ES",
            "city": "Valencia",
            "website": "https://www.movilidadserena.example",
            "contact_name": "Lucía Martín",
        },
    ),
    DemoApplicant(
        f"jumuiya@{DOMAIN}",
        "Achieng Otieno",
        "en",
        {
            "type": "institution",
            "name_native": "Jumuiya ya Miji Jumuishi",
            "name_en": "Inclusive Towns Association",
            "country": "KE",
            "city": "Kisumu",
            "contact_name": "Achieng Otieno",
        },
    ),
    DemoApplicant(
        f"villaesperanza@{DOMAIN}",
        "Andrés Gómez",
        "es",
        {
            "type": "city",
            "name_native": "Alcaldía de Villa Esperanza",
            "name_en": "Municipality of Villa Esperanza",
            "country": "CO",
            "city": "Villa Esperanza",
            "website": "https://www.villaesperanza.example",
            "contact_name": "Andrés Gómez",
        },
    ),
    DemoApplicant(
        f"leader@{DOMAIN}",
        "María Fernanda Ríos",
        "es",
        {
            "type": "individual",
            "name_native": "María Fernanda Ríos",
            "name_en": "María Fernanda Ríos",
            "country": "CO",
            "city": "Villa Esperanza",
            "contact_name": "María Fernanda Ríos",
        },
    ),
]
