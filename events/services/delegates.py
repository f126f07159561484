"""What a delegate does through their signed link: correct their own name,
position and organisation, choose the language of their e-mails, confirm
their details, and give (or take back) their consent to keeping their
access or dietary needs. Taking the consent back deletes the needs; needs
typed without the consent are refused (not silently dropped)."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.errors import EventError
from events.models import Delegate
from prize_portal.audit.services import audit_record, audit_record_many
from prize_portal.privacy.models import Text

NEEDS_CONSENT = "delegate-needs"


@dataclass(frozen=True)
class DelegateDetails:
    name: str
    title: str
    organisation: str
    language: str
    needs: str = ""
    needs_consent: bool = False
    name_public: bool = False


def needs_text() -> Text | None:
    """The published consent text for keeping needs, latest version."""
    return Text.objects.filter(code=NEEDS_CONSENT, published_at__isnull=False).order_by("-version").first()


@transaction.atomic
def delegate_update_own(*, delegate_id: int, details: DelegateDetails, now: datetime | None = None) -> Delegate:
    """The delegate's own corrections, which also confirm their details."""
    now = now or timezone.now()
    delegate = Delegate.objects.select_for_update(of=("self",)).select_related("invitation__event").get(pk=delegate_id)
    if now >= delegate.invitation.event.ends_at:
        raise EventError(_("The event is over: these details can no longer be changed."), code="over")
    needs = details.needs.strip()
    text = needs_text()
    withdrawing = delegate.needs_consent_at is not None and not details.needs_consent
    if needs and not details.needs_consent and not withdrawing:
        raise EventError(_("To keep your needs, tick the box that agrees to their being kept."), code="consent")
    if details.needs_consent and text is None:
        raise EventError(_("Needs cannot be recorded at the moment. Please tell the secretariat by e-mail."))
    before = {"confirmed": delegate.confirmed_at is not None, "needs_kept": bool(delegate.needs)}
    delegate.name = details.name.strip()
    delegate.title = details.title.strip()
    delegate.organisation = details.organisation.strip()
    delegate.language = details.language if details.language in dict(settings.LANGUAGES) else delegate.language
    if details.needs_consent:
        if delegate.needs_consent_at is None or delegate.needs_consent_text_id != getattr(text, "pk", None):
            delegate.needs_consent_text = text
            delegate.needs_consent_at = now
        delegate.needs = needs
    else:
        delegate.needs, delegate.needs_consent_text, delegate.needs_consent_at = "", None, None
    delegate.name_public = details.name_public and delegate.presents
    delegate.confirmed_at = now
    delegate.full_clean(exclude=["invitation", "needs_consent_text"], validate_unique=False, validate_constraints=False)
    delegate.save()
    after = {
        "confirmed": True,
        "needs_kept": bool(delegate.needs),
        "consent_text": getattr(text, "version", None) if details.needs_consent else None,
    }
    audit_record(actor=None, action="delegate.update_own", target=delegate, before=before, after=after)
    return delegate


@transaction.atomic
def delegate_needs_purge(*, now: datetime | None = None) -> int:
    """Delete the needs of delegates to events that have ended (what the
    consent text promises), recording each deletion; returns how many."""
    now = now or timezone.now()
    due = list(
        Delegate.objects.select_for_update()
        .filter(invitation__event__ends_at__lte=now)
        .exclude(needs="", needs_consent_at__isnull=True)
    )
    if not due:
        return 0
    Delegate.objects.filter(pk__in=[delegate.pk for delegate in due]).update(
        needs="", needs_consent_text=None, needs_consent_at=None
    )
    audit_record_many(
        actor=None,
        action="delegate.needs_deleted",
        events=[(delegate, {"needs_kept": bool(delegate.needs)}, {"needs_kept": False}) for delegate in due],
    )
    return len(due)
