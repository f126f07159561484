"""Everything the portal holds about a person, by kind of record: each app
registers the kinds it keeps (``personal_data_register`` in its
``AppConfig.ready``), and the data download writes one JSON file per kind
plus the person's own files. The privacy app registers the records of the
base layer here: the account, the consents, the e-mails sent and the audit
trail of what the person did and what was done to their account."""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import Model, Q
from django.db.models.fields.files import FieldFile

from prize_portal.accounts.models import User


@dataclass
class Section:
    """One kind of record: JSON-ready rows, and files (name in the ZIP, stored file)."""

    records: list[dict[str, Any]] = field(default_factory=list)
    files: list[tuple[str, FieldFile]] = field(default_factory=list)


Provider = Callable[[User], Section]
_PROVIDERS: dict[str, Provider] = {}
# The records of each app that hold a person's data, as (model label, ids):
# staff opening or exporting one of them is listed in the person's download.
RecordsOf = Callable[[User], Mapping[str, Iterable[int]]]
_RECORDS: list[RecordsOf] = []


def personal_records_register(records_of: RecordsOf) -> None:
    """Add an app's records of a person ({"submissions.entry": ids, …})."""
    if records_of not in _RECORDS:
        _RECORDS.append(records_of)


def personal_data_register(kind: str, provider: Provider) -> None:
    """Add a kind of record (``kind`` names its JSON file: ``<kind>.json``)."""
    if kind in _PROVIDERS and _PROVIDERS[kind] is not provider:
        raise ValueError(f"A provider for {kind!r} is already registered.")
    _PROVIDERS[kind] = provider


def personal_data_kinds() -> list[str]:
    return sorted(_PROVIDERS)


def personal_data_of(user: User) -> dict[str, Section]:
    """Every registered kind of record about ``user``, in name order."""
    return {kind: _PROVIDERS[kind](user) for kind in personal_data_kinds()}


def plain(value: Any) -> Any:
    """A value as JSON writes it (dates as ISO 8601, files by name, the rest as text)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    return str(value)


def row(instance: Model, fields: Iterable[str]) -> dict[str, Any]:
    """The named fields of a model instance (``a__b`` follows a relation)."""
    result = {}
    for name in fields:
        value: Any = instance
        for part in name.split("__"):
            value = getattr(value, part, None) if value is not None else None
        result[name] = plain(value)
    return result


# --- The base layer's records ---------------------------------------------------


def _account(user: User) -> Section:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    account = row(
        user,
        [
            "email",
            "name",
            "language",
            "date_joined",
            "last_login",
            "is_active",
            "reminder_emails",
            "transfer_abroad",
            "share_with_training",
        ],
    )
    account["roles"] = sorted(user.groups.values_list("name", flat=True))
    account["email_addresses"] = [
        row(address, ["email", "verified", "primary"]) for address in EmailAddress.objects.filter(user=user)
    ]
    # Which kinds of second factor are set up, never their secrets.
    account["authenticators"] = [
        row(item, ["type", "created_at", "last_used_at"]) for item in Authenticator.objects.filter(user=user)
    ]
    return Section(records=[account])


def _consents(user: User) -> Section:
    from .models import Consent

    answers = Consent.objects.filter(user=user).select_related("text", "notice").order_by("created_at", "pk")
    return Section(
        records=[
            row(answer, ["created_at", "code", "text__title", "text__version", "given", "role", "source"])
            | {"notice_version": answer.notice.version if answer.notice else None}
            for answer in answers
        ]
    )


def _data_exports(user: User) -> Section:
    from .models import DataExport

    exports = DataExport.objects.filter(user=user).order_by("requested_at", "pk")
    return Section(
        records=[row(export, ["requested_at", "status", "ready_at", "expires_at", "downloads"]) for export in exports]
    )


# Parts of an e-mail's context that open something (sign-in and reset links,
# invitation tokens, codes): left out, so a copied download opens nothing.
_SECRET_WORDS = ("url", "link", "key", "token", "code", "password", "uid")


def _emails(user: User) -> Section:
    from prize_portal.outbox.models import OutboxMessage

    messages = OutboxMessage.objects.filter(Q(user=user) | Q(to_email__iexact=user.email)).order_by("created_at", "pk")
    records = []
    for message in messages:
        record = row(message, ["created_at", "to_email", "template", "language", "status", "sent_at"])
        record["context"] = {
            name: plain(value)
            for name, value in (message.context or {}).items()
            if not any(word in name.lower() for word in _SECRET_WORDS)
        }
        records.append(record)
    return Section(records=records)


def _audit(user: User) -> Section:
    from prize_portal.audit.models import AuditEvent

    events = AuditEvent.objects.filter(Q(actor=user) | Q(target_type="accounts.user", target_id=str(user.pk))).order_by(
        "created_at", "pk"
    )
    return Section(
        records=[
            row(event, ["created_at", "action", "target_type", "target_id", "target_repr", "before", "after"])
            | {"by_you": event.actor_id == user.pk}
            for event in events
        ]
    )


def _staff_access(user: User) -> Section:
    """Who at the secretariat opened or exported the person's records, and when."""
    from prize_portal.audit.models import AuditEvent
    from prize_portal.audit.services import STAFF_EXPORT, STAFF_VIEW

    records: dict[str, set[str]] = {"accounts.user": {str(user.pk)}}
    for records_of in _RECORDS:
        for label, ids in records_of(user).items():
            records.setdefault(label, set()).update(str(pk) for pk in ids)
    about = Q()
    for label, keys in records.items():
        about |= Q(target_type=label, target_id__in=sorted(keys))
    events = (
        AuditEvent.objects.filter(about, action__in=[STAFF_VIEW, STAFF_EXPORT])
        .exclude(actor=user)
        .select_related("actor")
        .order_by("created_at", "pk")
    )
    return Section(
        records=[
            row(event, ["created_at", "action", "target_type", "target_repr"])
            | {
                "by": (event.actor.name or event.actor.email) if event.actor else None,
                "export": event.after.get("export"),
            }
            for event in events
        ]
    )


def register_base_sections() -> None:
    personal_data_register("account", _account)
    personal_data_register("consents", _consents)
    personal_data_register("data_downloads", _data_exports)
    personal_data_register("emails", _emails)
    personal_data_register("audit_trail", _audit)
    personal_data_register("secretariat_access", _staff_access)
