"""The signed link a delegate opens to see and correct their own details:
no account, no password. The token names the delegate and a fingerprint of
the e-mail address it was sent to, so it stops working when the team gives
the delegate another address; it also stops 30 days after the event ends."""

from datetime import datetime, timedelta

from django.core import signing
from django.utils import timezone
from django.utils.crypto import salted_hmac

from events.models import Delegate

SALT = "events.delegate-link"
VALID_AFTER_EVENT = timedelta(days=30)


def email_fingerprint(email: str) -> str:
    return salted_hmac(SALT, email.strip().lower()).hexdigest()[:16]


def delegate_token(delegate: Delegate) -> str:
    return signing.dumps([delegate.pk, email_fingerprint(delegate.email)], salt=SALT, compress=True)


def delegate_for_token(token: str, now: datetime | None = None) -> Delegate | None:
    """The delegate a token was made for, while it is valid; None otherwise."""
    try:
        delegate_id, fingerprint = signing.loads(token, salt=SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    delegate = (
        Delegate.objects.select_related("invitation__event", "invitation__entry__organisation")
        .filter(pk=delegate_id)
        .first()
    )
    if delegate is None or fingerprint != email_fingerprint(delegate.email):
        return None
    if (now or timezone.now()) > delegate.invitation.event.ends_at + VALID_AFTER_EVENT:
        return None
    return delegate
