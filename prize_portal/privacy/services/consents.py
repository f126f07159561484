"""Recording a person's answers to the notice and the consent items."""

from collections.abc import Mapping

from django.db import transaction
from django.utils.translation import gettext as _

from prize_portal.accounts.models import User

from ..enums import ConsentRole, ConsentSource
from ..errors import PrivacyError
from ..models import Consent, Text
from ..selectors import consent_roles, consents_asked, current_notice, current_texts, latest_answers
from ..signals import consent_changed

# Consent items whose answer the account keeps as a flag, for the code that
# acts on it without reading the log: reminders sent (outbox preferences),
# entries read abroad (conflict rules), names shared with the training course.
USER_FLAGS: dict[str, str] = {
    "reminder-emails": "reminder_emails",
    "transfer-abroad": "transfer_abroad",
    "training-provider": "share_with_training",
}


def _role_for(text: Text, role: ConsentRole | None, roles: set[str]) -> str:
    if role is not None:
        return role
    fallback = text.roles[0] if text.roles else next(iter(sorted(roles)), ConsentRole.APPLICANT)
    return next((name for name in text.roles if name in roles), fallback)


@transaction.atomic
def consents_record(
    *,
    user: User,
    answers: Mapping[str, bool],
    source: ConsentSource,
    role: ConsentRole | None = None,
) -> list[Consent]:
    """Record the person's answers ({code: given}) to the current texts.

    Only what changes is written: an answer equal to the current one, for the
    same version and under the same notice, is not recorded again (a double
    click, a re-sent form). A required item cannot be refused. An optional
    item's change takes effect in the same transaction (the account's flag,
    then ``consent_changed`` for other apps). Returns the rows written."""
    # The person's row, locked: two tabs answering at once write one answer each, in turn.
    User.objects.select_for_update().only("pk").get(pk=user.pk)
    texts = current_texts()
    notice = current_notice(texts)
    previous = latest_answers(user)
    roles = consent_roles(user) if role is None else set()
    written: list[Consent] = []
    for code, given in answers.items():
        text = texts.get(code)
        if text is None:
            raise PrivacyError(_("This text is no longer in force: reload the page."), code="unknown_text")
        if text.required and not given:
            raise PrivacyError(
                _("“%(title)s” is needed to take part: it cannot be refused.") % {"title": text.title},
                code="required",
            )
        before = previous.get(code)
        same_notice = notice is None or (before is not None and before.notice_id == notice.pk)
        if before is not None and before.text_id == text.pk and before.given == given and same_notice:
            continue
        written.append(
            Consent(
                user=user,
                text=text,
                code=code,
                given=given,
                notice=notice,
                role=_role_for(text, role, roles),
                source=source,
            )
        )
        if before is None or before.given != given:
            _take_effect(user, code, given)
    Consent.objects.bulk_create(written)
    return written


def _take_effect(user: User, code: str, given: bool) -> None:
    field = USER_FLAGS.get(code)
    if field is not None and getattr(user, field) != given:
        setattr(user, field, given)
        User.objects.filter(pk=user.pk).update(**{field: given})
    consent_changed.send(sender=Consent, user=user, code=code, given=given)


def consents_seed(*, user: User, optional: bool = True) -> list[Consent]:
    """Answer every current text of the person's roles at once (demo data and
    tests): required ones given, optional ones ``optional``. Nothing is
    recorded while no text is published."""
    answers = {item.text.code: item.text.required or optional for item in consents_asked(user)}
    if not answers:
        return []
    return consents_record(user=user, answers=answers, source=ConsentSource.SEED)
