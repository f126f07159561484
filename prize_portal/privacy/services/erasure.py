"""Erasing a person. Accounts are never deleted as rows (entries, reviews and
consents point at them): the person is anonymised. Each app deletes or
anonymises what it keeps (``person_erasing``); then the base layer removes
their e-mails, downloads, sign-in means and sessions, redacts free text in
the audit trail that still names them (a recorded operation: the trail stays
append-only otherwise), and empties the account itself."""

from collections.abc import Collection

from django.contrib.auth.hashers import make_password
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from prize_portal.accounts.models import User
from prize_portal.audit.models import AuditEvent
from prize_portal.audit.redaction import Redactor, redact_events, trail_writable
from prize_portal.audit.services import audit_record
from prize_portal.files.cleanup import delete_files_on_commit
from prize_portal.outbox.models import OutboxMessage

from ..enums import ErasureMode
from ..models import DataExport, PrivacyRequest
from ..signals import person_erasing


def erased_email(user: User) -> str:
    """The address an erased account keeps (unique, undeliverable, says nothing)."""
    return f"{user.pseudonym.lower()}@erased.invalid"


def sessions_end(user_ids: Collection[int]) -> int:
    """Sign these people out everywhere, in one pass over the live sessions
    (the database's sessions hold their id, signed: each is decoded once).
    Returns how many sessions ended."""
    wanted = {str(pk) for pk in user_ids}
    if not wanted:
        return 0
    ended = [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if str(session.get_decoded().get("_auth_user_id")) in wanted
    ]
    Session.objects.filter(session_key__in=ended).delete()
    return len(ended)


def _outbox(user: User, redactor: Redactor) -> None:
    """Mail to the person goes; mail to others that names them is redacted."""
    OutboxMessage.objects.filter(Q(user=user) | Q(to_email__iexact=user.email)).delete()
    needles = [text for text in (user.email, user.name) if text]
    mentioning = Q()
    for needle in needles:
        mentioning |= Q(context__icontains=needle)
    for message in OutboxMessage.objects.filter(mentioning) if needles else []:
        OutboxMessage.objects.filter(pk=message.pk).update(context=redactor.value(message.context))


def _admin_log(user: User, redactor: Redactor) -> None:
    """Django admin's history names objects by their text: redact the person there too."""
    from django.contrib.admin.models import LogEntry

    mentioning = Q()
    for needle in [text for text in (user.email, user.name) if text]:
        mentioning |= Q(object_repr__icontains=needle) | Q(change_message__icontains=needle)
    for entry in LogEntry.objects.filter(mentioning):
        LogEntry.objects.filter(pk=entry.pk).update(
            object_repr=redactor.text(entry.object_repr), change_message=redactor.text(entry.change_message)
        )


def _audit(user: User, redactor: Redactor, actor: User | None, mode: str) -> int:
    """Redact what free text in the trail still names the person, and record that it was done."""
    needles = [text for text in (user.email, user.name) if text]
    mentioning = Q()
    for needle in needles:
        mentioning |= Q(target_repr__icontains=needle) | Q(before__icontains=needle) | Q(after__icontains=needle)
    changed = 0
    events = AuditEvent.objects.filter(mentioning).order_by("pk")
    # The trigger is lifted (a lock on the whole trail) only when there is something to redact.
    if needles and events.exists():
        with trail_writable(transaction.get_connection()):
            changed = redact_events(events, redactor, user_targets={})
    audit_record(actor=actor, action="person.erase", target=user, after={"mode": mode, "trail_redacted": changed})
    return changed


@transaction.atomic
def person_erase(*, user_id: int, mode: ErasureMode, actor: User | None, sessions_ended: bool = False) -> User:
    """Erase a person (see the module). Erasing an erased person changes
    nothing. ``sessions_ended``: the caller signed them out already
    (:func:`sessions_end` for many people at once)."""
    user = User.objects.select_for_update().get(pk=user_id)
    if user.email == erased_email(user):
        return user
    redactor = Redactor(emails={user.email: user.pseudonym}, names={user.name: user.pseudonym} if user.name else {})
    person_erasing.send(sender=User, user=user, mode=mode, redactor=redactor)

    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    _outbox(user, redactor)
    exports = DataExport.objects.filter(user=user).exclude(file="")
    delete_files_on_commit([export.file.name or "" for export in exports])
    exports.update(file="", size=0)
    PrivacyRequest.objects.filter(user=user).update(message="", answer="")
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    if not sessions_ended:
        sessions_end([user.pk])
    _admin_log(user, redactor)
    _audit(user, redactor, actor, mode)

    user.email = erased_email(user)
    user.name = ""
    user.password = make_password(None)  # unusable: nobody signs in as them
    user.is_active = user.is_staff = user.is_superuser = False
    user.reminder_emails = user.transfer_abroad = user.share_with_training = False
    user.processing_restricted = True
    user.last_login = None
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    return user
