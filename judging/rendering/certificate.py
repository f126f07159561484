"""Certificates as documents: what one says (its snapshot) and its PDF.

Rendering only; storing, versions and revocation are the services' business.
The snapshot is plain JSON, so that the PDF and the public verification page
say the same thing however the entry or the prize configuration change
later. The PDF is A4 landscape, one page, in English, Korean and the
recipient's language (when it is a third), rendered with WeasyPrint, which may
fetch nothing but our static files (see ``prize_portal.documents``): signatures are
embedded as ``data:`` URIs, the QR code as inline SVG.
"""

from __future__ import annotations

import base64
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Model
from django.db.models.fields.files import FieldFile
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from categories.models import Signatory
from judging.enums import CertificateKind
from judging.models import Certificate
from prize_portal.documents import bcp47_lang, html_to_pdf
from submissions.models import Entry

TEMPLATE = "judging/certificate/certificate.html"
SNAPSHOT_VERSION = 1
LEADERSHIP = "leadership"  # the category whose recipients are people: the certificate names them
# The language a native organisation name is most likely written in, where the
# script alone does not pick the right glyphs (Han characters differ by region).
_NATIVE_LANGUAGE_OF_COUNTRY = {
    "KR": "ko",
    "KP": "ko",
    "JP": "ja",
    "CN": "zh-hans",
    "SG": "zh-hans",
    "TW": "zh-hant",
    "HK": "zh-hant",
    "MO": "zh-hant",
}
_SIGNATURE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}
_RELATED = (
    "entry__organisation",
    "entry__owner",
    "entry__category",
    "entry__track",
    "entry__cycle__publication",
    "award__level",
)


def certificate_languages(language: str) -> list[str]:
    """English, Korean and the recipient's language when it is another one."""
    return list(dict.fromkeys(["en", "ko", language or settings.LANGUAGE_CODE]))


def verification_url(code: str) -> str:
    """The public, language-neutral address of a certificate's verification page."""
    return f"{settings.SITE_URL}/verify/{code}/"


def _in_languages(obj: Model, field: str, languages: list[str]) -> dict[str, str]:
    """A translated field in each language, English where one is missing."""
    english = getattr(obj, build_localized_fieldname(field, "en"), "") or getattr(obj, field, "")
    return {
        language: str(getattr(obj, build_localized_fieldname(field, language), "") or english) for language in languages
    }


def _certified_entry(certificate: Certificate) -> Entry:
    """The entry an award or finalist certificate certifies (it always has one)."""
    if certificate.entry is None:
        raise ValueError(f"Certificate {certificate.code} of kind {certificate.kind} certifies no entry.")
    return certificate.entry


def _seoul_date(certificate: Certificate) -> date:
    seoul = ZoneInfo(settings.PRIZE_TIME_ZONE)
    publication = getattr(
        _certified_entry(certificate).cycle, "publication", None
    )  # none yet: a reverse one-to-one raises
    moment = publication.visible_from if publication is not None else timezone.now()
    return timezone.localtime(moment, seoul).date()


def certificate_snapshot(certificate: Certificate) -> dict[str, Any]:
    """What ``certificate`` says, as JSON-serialisable data (one query).

    The recipient (the organisation's English and native names; in the
    Leadership category also the person, the entry's owner), the entry's
    titles, the award level (or "Finalist"), category and track in English,
    Korean and the recipient's language, the edition, the date (the results'
    publication day in Seoul, else today there) and the code. The
    certificate's own fields (code, kind, language) are taken as given."""
    loaded = Certificate.objects.select_related(*_RELATED).get(pk=certificate.pk)
    entry = _certified_entry(loaded)
    organisation = entry.organisation
    languages = certificate_languages(certificate.language)
    if certificate.kind == CertificateKind.FINALIST:
        award: dict[str, str] = {}
        for language in languages:
            with translation.override(language):
                award[language] = _("Finalist")
        special_mention = False
    elif loaded.award is not None:
        award = _in_languages(loaded.award.level, "name", languages)
        special_mention = loaded.award.special_mention
    else:
        raise ValueError(f"Award certificate {certificate.code} has no award to name.")
    person = entry.owner.name if entry.category.code == LEADERSHIP else ""
    return {
        "version": SNAPSHOT_VERSION,
        "code": certificate.code,
        "kind": str(certificate.kind),
        "language": certificate.language,
        "languages": languages,
        "recipient": {
            "person": person,
            "organisation_en": organisation.name_en,
            "organisation_native": organisation.name_native,
            "native_language": _NATIVE_LANGUAGE_OF_COUNTRY.get(str(organisation.country), entry.language),
        },
        "entry": {
            "reference": entry.reference or "",
            "title_en": entry.title_en,
            "title_original": entry.title_original,
            "language": entry.language,
        },
        "award": award,
        "special_mention": special_mention,
        "category": _in_languages(entry.category, "name", languages),
        "track": _in_languages(entry.track, "name", languages) if entry.track else {},
        "cycle": {"year": entry.cycle.year, "name": _in_languages(entry.cycle, "name", languages)},
        "date": _seoul_date(loaded).isoformat(),
    }


@dataclass(frozen=True)
class CertificateTexts:
    """What a certificate says in one language (English where the snapshot
    has not got that language)."""

    language: str  # Django's code
    lang: str  # the HTML lang attribute (BCP 47)
    award: str
    category: str
    track: str
    cycle_name: str
    date: date


def certificate_texts(snapshot: dict[str, Any], language: str) -> CertificateTexts:
    """The snapshot's words in ``language``, or in English when it has not got them."""
    if language not in snapshot["languages"]:
        language = "en"
    return CertificateTexts(
        language=language,
        lang=bcp47_lang(language),
        award=snapshot["award"].get(language, ""),
        category=snapshot["category"].get(language, ""),
        track=snapshot["track"].get(language, ""),
        cycle_name=snapshot["cycle"]["name"].get(language, ""),
        date=date.fromisoformat(snapshot["date"]),
    )


def recipient_name(snapshot: dict[str, Any]) -> str:
    """Who the certificate is for, in one line: the person, else the organisation."""
    recipient = snapshot["recipient"]
    return str(recipient["person"] or recipient["organisation_en"] or recipient["organisation_native"])


def qr_svg(url: str) -> SafeString:
    """An inline SVG QR code of ``url``, with its quiet zone."""
    import segno

    code = segno.make(url, error="m", micro=False)
    # segno writes the SVG itself; ``url`` is ours (SITE_URL and a code of the code alphabet).
    return mark_safe(code.svg_inline(omitsize=True, border=4, dark="#1b1f24", light="#ffffff"))  # noqa: S308


def _image_data_uri(image: FieldFile) -> str:
    """An image from our storage, embedded: WeasyPrint fetches nothing from media."""
    import filetype

    with image.open("rb") as handle:
        data = handle.read()
    content_type = filetype.guess_mime(data)
    if content_type not in _SIGNATURE_TYPES:
        raise ValueError(f"The signature {image.name} is not a PNG, JPEG, GIF or WebP image.")
    return f"data:{content_type};base64,{base64.b64encode(data).decode('ascii')}"


def _signatories(certificate: Certificate) -> list[dict[str, str]]:
    return cycle_signatories(Signatory.objects.filter(cycle__entries=_certified_entry(certificate)))


def cycle_signatories(signatories: Any) -> list[dict[str, str]]:
    """The signatories (a queryset of one cycle's), as a document shows them:
    English and Korean names and titles, the signature embedded."""
    signatories = signatories.order_by("order", "pk")
    return [
        {
            "name": signatory.name_en or signatory.name,
            "dir": text_direction(signatory.name_en or signatory.name),
            "title": signatory.title_en or signatory.title,
            "name_ko": signatory.name_ko or "",
            "title_ko": signatory.title_ko or "",
            "signature": _image_data_uri(signatory.signature),
        }
        for signatory in signatories
    ]


def text_direction(text: str) -> str:
    """``rtl`` when the first strongly directional character is right-to-left
    (Arabic, Hebrew, …), else ``ltr``: what ``dir="auto"`` computes, which
    WeasyPrint does not. Each name is a block of its own, so it is a bidi
    paragraph of its own too: a right-to-left name never reorders its neighbours."""
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def _text_width(text: str) -> int:
    """Roughly how wide ``text`` sets, in half-em units: East Asian characters take a full em."""
    return sum(2 if unicodedata.east_asian_width(character) in ("W", "F") else 1 for character in text)


def _recipient_size(main_name: str, texts: list[str]) -> str:
    """A smaller type size for long names and titles, so the certificate stays
    one page even when every one of them is as long as the fields allow."""
    total = sum(_text_width(text) for text in texts)
    main = _text_width(main_name)
    if total > 500 or main > 160:
        return "very-long"
    return "long" if total > 180 or main > 48 else ""


def certificate_context(certificate: Certificate, snapshot: dict[str, Any]) -> dict[str, Any]:
    """What the certificate template shows."""
    recipient = snapshot["recipient"]
    entry = snapshot["entry"]
    url = verification_url(snapshot["code"])
    main_name = recipient_name(snapshot)
    return {
        "snapshot": snapshot,
        "kind": snapshot["kind"],
        "special_mention": snapshot["special_mention"],
        "recipient": recipient,
        "native_lang": bcp47_lang(recipient["native_language"]),
        "show_native": bool(recipient["organisation_native"])
        and recipient["organisation_native"] != recipient["organisation_en"],
        "recipient_size": _recipient_size(
            main_name,
            [
                recipient["person"],
                recipient["organisation_en"],
                recipient["organisation_native"],
                entry["title_en"],
                entry["title_original"],
            ],
        ),
        "entry": entry,
        "dirs": {
            name: text_direction(value)
            for name, value in (
                ("person", recipient["person"]),
                ("organisation_en", recipient["organisation_en"]),
                ("organisation_native", recipient["organisation_native"]),
                ("title_en", entry["title_en"]),
                ("title_original", entry["title_original"]),
            )
        },
        "entry_lang": bcp47_lang(entry["language"]),
        "show_original_title": bool(entry["title_original"]) and entry["title_original"] != entry["title_en"],
        "blocks": [certificate_texts(snapshot, language) for language in snapshot["languages"]],
        "year": snapshot["cycle"]["year"],
        "signatories": _signatories(certificate),
        "code": snapshot["code"],
        "verify_url": url,
        "qr_svg": qr_svg(url),
    }


def render_certificate_html(certificate: Certificate, snapshot: dict[str, Any]) -> str:
    """The HTML the PDF is made from (English first; each language block sets its own)."""
    with translation.override("en"):
        return render_to_string(TEMPLATE, certificate_context(certificate, snapshot))


def render_certificate_pdf(certificate: Certificate, snapshot: dict[str, Any]) -> bytes:
    """The certificate as a one-page A4 landscape PDF saying what ``snapshot`` says."""
    return html_to_pdf(render_certificate_html(certificate, snapshot))


def certificate_verify_context(snapshot: dict[str, Any], language: str) -> dict[str, Any]:
    """What a certificate's verification page shows besides its code and state."""
    return {
        "recipient": snapshot["recipient"],
        "recipient_name": recipient_name(snapshot),
        "entry": snapshot["entry"],
        "texts": certificate_texts(snapshot, language),
    }


def register_certificate_kinds() -> None:
    from django.utils.translation import gettext_lazy

    from judging.rendering.documents import DocumentKind, document_kind_register

    certificate = DocumentKind(
        snapshot=certificate_snapshot,
        pdf=render_certificate_pdf,
        verify_template="judging/verify/_certificate.html",
        verify_context=certificate_verify_context,
        valid_title=gettext_lazy("Valid certificate"),
        revoked_title=gettext_lazy("Certificate revoked"),
    )
    for kind in (CertificateKind.AWARD, CertificateKind.FINALIST):
        document_kind_register(kind, certificate)
