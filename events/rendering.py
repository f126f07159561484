"""The visa invitation letter as a document: what its verification page may
say (the least: the date and the holder's initials) and its PDF, rendered
from the sealed passport details at the time of rendering (they are never
copied into the snapshot), in the same sandbox and with the same
signatories as the certificates. Registered with judging as the document
kind ``visa_letter`` (events.apps)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy
from django_countries import countries

from categories.models import Signatory
from events.models import VisaLetter
from events.sealing import unseal
from judging.models import Certificate
from judging.rendering.certificate import cycle_signatories, qr_svg, verification_url
from judging.rendering.documents import DocumentKind, document_kind_register
from prize_portal.documents import bcp47_lang, html_to_pdf

TEMPLATE = "events/letter/letter.html"


def _letter(certificate: Certificate) -> VisaLetter:
    return VisaLetter.objects.select_related(
        "delegate__passport", "invitation__event__cycle", "invitation__entry__organisation"
    ).get(certificate=certificate)


def letter_snapshot(certificate: Certificate) -> dict[str, Any]:
    """What the verification page says of a letter: its date (of first
    issue, in Seoul) and the holder's initials; nothing else."""
    issued = certificate.issued_at or timezone.now()
    letter = _letter(certificate)
    initials = certificate.snapshot.get("initials", "")
    if letter.delegate is not None and hasattr(letter.delegate, "passport"):
        initials = initials_of(unseal(letter.delegate.passport.sealed)["full_name"])
    return {
        "version": 1,
        "code": certificate.code,
        "kind": str(certificate.kind),
        "date": timezone.localtime(issued).date().isoformat(),
        "initials": initials,
    }


def initials_of(name: str) -> str:
    """ "Ana María Torres" → "A. M. T.": all the verification page says of the holder."""
    return " ".join(f"{part[0]}." for part in name.split() if part)


def _languages(language: str) -> list[str]:
    """English, which prevails, then the delegate's language when it is another."""
    return list(dict.fromkeys(["en", language]))


def letter_context(certificate: Certificate, snapshot: dict[str, Any]) -> dict[str, Any]:
    letter = _letter(certificate)
    if letter.delegate is None or not hasattr(letter.delegate, "passport"):
        raise ValueError(f"Visa letter {certificate.code} has no passport details to print.")
    passport = unseal(letter.delegate.passport.sealed)
    event = letter.invitation.event
    url = verification_url(certificate.code)
    pages = []
    for language in _languages(certificate.language):
        with translation.override(language):
            pages.append(
                {
                    "language": language,
                    "lang": bcp47_lang(language),
                    "event": str(event.name),
                    "place": ", ".join(part for part in (str(event.place), str(event.address or "")) if part),
                    "nationality": str(dict(countries).get(passport["nationality"], passport["nationality"])),
                }
            )
    return {
        "code": certificate.code,
        "date": snapshot["date"],
        "passport": passport,
        "delegate": letter.delegate,
        "organisation": letter.invitation.entry.organisation,
        "year": event.cycle.year,
        "starts": timezone.localtime(event.starts_at).date().isoformat(),
        "ends": timezone.localtime(event.ends_at).date().isoformat(),
        "pages": pages,
        "signatories": cycle_signatories(Signatory.objects.filter(cycle_id=event.cycle_id)),
        "verify_url": url,
        "qr_svg": qr_svg(url),
        "site": settings.SITE_URL,
    }


def render_letter_pdf(certificate: Certificate, snapshot: dict[str, Any]) -> bytes:
    with translation.override("en"):
        return html_to_pdf(render_to_string(TEMPLATE, letter_context(certificate, snapshot)))


def letter_verify_context(snapshot: dict[str, Any], language: str) -> dict[str, Any]:
    return {"initials": snapshot.get("initials", ""), "date": snapshot.get("date", "")}


def register_letter_kind() -> None:
    from judging.enums import CertificateKind

    document_kind_register(
        CertificateKind.VISA_LETTER,
        DocumentKind(
            snapshot=letter_snapshot,
            pdf=render_letter_pdf,
            verify_template="events/verify/_visa_letter.html",
            verify_context=letter_verify_context,
            valid_title=gettext_lazy("Valid invitation letter"),
            revoked_title=gettext_lazy("Invitation letter revoked"),
        ),
    )


# --- The course completion certificate ---

COMPLETION_TEMPLATE = "events/completion/certificate.html"


def _nomination(certificate: Certificate) -> Any:
    from events.models import Nomination

    return Nomination.objects.select_related("course", "organisation").get(certificate=certificate)


def completion_snapshot(certificate: Certificate) -> dict[str, Any]:
    """What a completion certificate says, on paper and on its verification
    page: who completed which course, given by whom, when."""
    nomination = _nomination(certificate)
    course = nomination.course
    languages = list(dict.fromkeys(["en", certificate.language]))
    titles, providers = {}, {}
    for language in languages:
        with translation.override(language):
            titles[language], providers[language] = str(course.title), str(course.provider)
    issued = certificate.issued_at or timezone.now()
    return {
        "version": 1,
        "code": certificate.code,
        "kind": str(certificate.kind),
        "languages": languages,
        "name": nomination.name,
        "organisation": nomination.organisation.name_en,
        "course": titles,
        "provider": providers,
        "starts_on": course.starts_on.isoformat(),
        "ends_on": course.ends_on.isoformat(),
        "date": timezone.localtime(issued).date().isoformat(),
    }


def render_completion_pdf(certificate: Certificate, snapshot: dict[str, Any]) -> bytes:
    url = verification_url(certificate.code)
    pages = []
    for language in snapshot["languages"]:
        pages.append(
            {
                "language": language,
                "lang": bcp47_lang(language),
                "course": snapshot["course"].get(language, snapshot["course"]["en"]),
                "provider": snapshot["provider"].get(language, snapshot["provider"]["en"]),
            }
        )
    context = {**snapshot, "pages": pages, "verify_url": url, "qr_svg": qr_svg(url)}
    with translation.override("en"):
        return html_to_pdf(render_to_string(COMPLETION_TEMPLATE, context))


def completion_verify_context(snapshot: dict[str, Any], language: str) -> dict[str, Any]:
    shown = language if language in snapshot.get("languages", []) else "en"
    return {
        "name": snapshot["name"],
        "organisation": snapshot["organisation"],
        "course": snapshot["course"].get(shown, snapshot["course"]["en"]),
        "provider": snapshot["provider"].get(shown, snapshot["provider"]["en"]),
        "course_lang": bcp47_lang(shown),
        "starts_on": snapshot["starts_on"],
        "ends_on": snapshot["ends_on"],
        "date": snapshot["date"],
    }


def register_completion_kind() -> None:
    from judging.enums import CertificateKind

    document_kind_register(
        CertificateKind.COMPLETION,
        DocumentKind(
            snapshot=completion_snapshot,
            pdf=render_completion_pdf,
            verify_template="events/verify/_completion.html",
            verify_context=completion_verify_context,
            valid_title=gettext_lazy("Valid course certificate"),
            revoked_title=gettext_lazy("Course certificate revoked"),
        ),
    )
