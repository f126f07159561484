"""Publishing versioned texts (staff, in admin) and seeding the first ones."""

from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record

from ..enums import TextKind
from ..errors import PrivacyError
from ..models import Text
from ..selectors import GENERATION_KEY
from ..translation import TextTranslation

TRANSLATED = TextTranslation.fields


def _languages() -> list[str]:
    return [code.replace("-", "_") for code, _name in settings.LANGUAGES]


def _translated_columns() -> list[str]:
    return [f"{field}_{language}" for field in TRANSLATED for language in _languages()]


def _forget_generation() -> None:
    transaction.on_commit(lambda: cache.delete(GENERATION_KEY))


@transaction.atomic
def text_publish(*, text_id: int, actor: User | None) -> Text:
    """Publish a draft: it becomes the current version of its code, and
    everybody asked it is asked again. Publishing twice changes nothing."""
    text = Text.objects.select_for_update().get(pk=text_id)
    if text.is_published:
        return text
    newer = Text.objects.filter(code=text.code, version__gt=text.version, published_at__isnull=False).exists()
    if newer:
        raise PrivacyError(_("A newer version of this text is already published."), code="superseded")
    if not text.title_en.strip():  # type: ignore[attr-defined]
        raise PrivacyError(_("Give the text a title in English."), code="title_required")
    text.published_at = timezone.now()
    text.save(update_fields=["published_at"])
    audit_record(
        actor=actor, action="privacy.text_publish", target=text, after={"code": text.code, "version": text.version}
    )
    _forget_generation()
    return text


@transaction.atomic
def text_new_version(*, text_id: int, actor: User | None) -> Text:
    """A draft copy of a published text, one version up, for staff to edit.
    Asking twice gives the same draft."""
    source = Text.objects.select_for_update().get(pk=text_id)
    latest = Text.objects.filter(code=source.code).order_by("-version").first()
    assert latest is not None
    if not latest.is_published:
        return latest
    copy = {column: getattr(latest, column) for column in _translated_columns()}
    draft = Text.objects.create(
        kind=latest.kind,
        code=latest.code,
        version=latest.version + 1,
        required=latest.required,
        roles=list(latest.roles),
        contact_email=latest.contact_email,
        **copy,
    )
    audit_record(actor=actor, action="privacy.text_draft", target=draft, after={"from_version": latest.version})
    return draft


def _columns(seed: dict[str, Any]) -> dict[str, str]:
    columns = {}
    for field in TRANSLATED:
        for language, text in (seed.get(field) or {}).items():
            columns[f"{field}_{language.replace('-', '_')}"] = text
    return columns


@transaction.atomic
def texts_seed() -> int:
    """Publish the notice and the consent items of ``privacy.seed`` whose code
    has no version yet (never touches a text staff created or edited).
    Returns how many were created."""
    from ..seed import DECLARATIONS, ITEMS, NOTICE

    created = 0
    now = timezone.now()
    seeds = [
        (TextKind.NOTICE, {**NOTICE, "required": True, "roles": []}),
        *((TextKind.CONSENT, item) for item in ITEMS),
        *((TextKind.DECLARATION, item) for item in DECLARATIONS),
    ]
    for kind, seed in seeds:
        if Text.objects.filter(code=seed["code"]).exists():
            continue
        Text.objects.create(
            kind=kind,
            code=seed["code"],
            required=seed["required"],
            roles=list(seed["roles"]),
            contact_email=settings.PRIVACY_OFFICER_EMAIL if kind == TextKind.NOTICE else "",
            published_at=now,
            **_columns(seed),
        )
        created += 1
    if created:
        _forget_generation()
    return created
