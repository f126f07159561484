"""A winner's answer to an invitation: attending or not, the delegates and
who presents. Before the deadline the answer applies at once; after it, it
is a change that staff approve or refuse (:func:`change_decide`), and once
the event has started nothing changes any more.

The team's form carries the invitation's version: an answer sent from a
form opened before a teammate's (or another tab's) is refused with
:class:`AnswerConflictError` and the form shows what was typed, to send
again. Delegates are matched by e-mail address, so correcting a name keeps
the delegate's own confirmation and needs only when nothing they confirmed
changed; a new address gets its own link."""

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.enums import ChangeStatus, InvitationStatus
from events.errors import AnswerConflictError, EventError
from events.models import Delegate, Invitation, InvitationChange
from events.services.mails import delegate_message, team_messages
from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record
from prize_portal.outbox.services import outbox_enqueue_many

# What the team gives for a delegate; what the delegate confirmed.
CONFIRMED_FIELDS = ("name", "title", "organisation")


@dataclass(frozen=True)
class DelegateAnswer:
    name: str
    title: str
    organisation: str
    email: str
    language: str
    presents: bool = False


@dataclass(frozen=True)
class Answer:
    attending: bool
    delegates: tuple[DelegateAnswer, ...] = ()

    def as_proposal(self) -> dict[str, Any]:
        return {"attending": self.attending, "delegates": [asdict(delegate) for delegate in self.delegates]}

    @classmethod
    def from_proposal(cls, proposal: dict[str, Any]) -> "Answer":
        return cls(
            attending=bool(proposal["attending"]),
            delegates=tuple(DelegateAnswer(**delegate) for delegate in proposal.get("delegates", [])),
        )


def _check(answer: Answer) -> Answer:
    """The answer as it will be kept, or a refusal saying what to correct."""
    if not answer.attending:
        return Answer(attending=False)
    delegates = tuple(
        DelegateAnswer(
            name=delegate.name.strip(),
            title=delegate.title.strip(),
            organisation=delegate.organisation.strip(),
            email=delegate.email.strip().lower(),
            language=delegate.language if delegate.language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE,
            presents=delegate.presents,
        )
        for delegate in answer.delegates
    )
    problems = []
    if not delegates:
        problems.append(_("Name at least one delegate who will attend."))
    if len(delegates) > settings.EVENT_DELEGATES_MAX:
        problems.append(
            _("At most %(count)d delegates can attend for one winning entry.") % {"count": settings.EVENT_DELEGATES_MAX}
        )
    if any(
        not (delegate.name and delegate.title and delegate.organisation and delegate.email) for delegate in delegates
    ):
        problems.append(_("Give each delegate's name, position, organisation and e-mail address."))
    if len({delegate.email for delegate in delegates}) != len(delegates):
        problems.append(_("Each delegate needs their own e-mail address."))
    if delegates and sum(delegate.presents for delegate in delegates) != 1:
        problems.append(_("Choose the one delegate who presents the winning work."))
    if problems:
        raise EventError(problems, code="answer")
    return Answer(attending=True, delegates=delegates)


def _lock(invitation_id: int) -> Invitation:
    return (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("event", "entry__owner", "entry__organisation")
        .get(pk=invitation_id)
    )


def _describe(invitation: Invitation) -> dict[str, Any]:
    """What the audit trail keeps of an answer: no delegate's name or address."""
    delegates = list(invitation.delegates.all())
    return {
        "status": invitation.status,
        "delegates": [delegate.pk for delegate in delegates],
        "presenter": next((delegate.pk for delegate in delegates if delegate.presents), None),
    }


def _apply(invitation: Invitation, answer: Answer, *, actor: User | None, now: datetime) -> list[Delegate]:
    """Make the invitation say ``answer``; returns the delegates whose address is new."""
    current = {delegate.email.lower(): delegate for delegate in invitation.delegates.all()}
    wanted = {delegate.email: delegate for delegate in answer.delegates}
    Delegate.objects.filter(pk__in=[d.pk for email, d in current.items() if email not in wanted]).delete()
    # One presenter at a time: clear the flag before setting it on another row.
    Delegate.objects.filter(invitation=invitation, presents=True).update(presents=False)
    new: list[Delegate] = []
    for position, given in enumerate(answer.delegates):
        delegate = current.get(given.email) or Delegate(invitation=invitation, email=given.email)
        changed = any(getattr(delegate, field) != getattr(given, field) for field in CONFIRMED_FIELDS)
        for field in (*CONFIRMED_FIELDS, "language", "presents"):
            setattr(delegate, field, getattr(given, field))
        delegate.position = position
        if changed and delegate.pk:
            delegate.confirmed_at = None  # the delegate confirms what the team changed
        delegate.full_clean(
            exclude=["invitation", "needs_consent_text"], validate_unique=False, validate_constraints=False
        )
        if delegate.pk is None:
            delegate.link_sent_at = now
            new.append(delegate)
        delegate.save()
    invitation.status = InvitationStatus.ATTENDING if answer.attending else InvitationStatus.DECLINED
    invitation.answered_at = now
    invitation.answered_by = actor
    if not answer.attending:
        invitation.booth_place = None
    invitation.version += 1
    invitation.save(update_fields=["status", "answered_at", "answered_by", "booth_place", "version"])
    return new


def _send_links(invitation: Invitation, delegates: list[Delegate]) -> None:
    outbox_enqueue_many(messages=[delegate_message(delegate, invitation) for delegate in delegates])


@transaction.atomic
def invitation_answer(
    *, invitation_id: int, actor: User, answer: Answer, version: int, reason: str = "", now: datetime | None = None
) -> Invitation | InvitationChange:
    """The team's answer: applied before the deadline (returns the
    invitation), a change for staff to approve after it (returns the change)."""
    now = now or timezone.now()
    invitation = _lock(invitation_id)
    if now >= invitation.event.starts_at:
        raise EventError(_("The event has started: the answer can no longer be changed."), code="started")
    if version != invitation.version:
        raise AnswerConflictError(
            _(
                "A teammate (or another tab) changed this answer since you opened it. What you typed is kept below: "
                "check it against the answer above and send it again."
            ),
            code="conflict",
        )
    answer = _check(answer)
    if now >= invitation.event.answer_by:
        return _ask_change(invitation, answer, actor=actor, reason=reason)
    before = _describe(invitation)
    new = _apply(invitation, answer, actor=actor, now=now)
    audit_record(actor=actor, action="invitation.answer", target=invitation, before=before, after=_describe(invitation))
    _send_links(invitation, new)
    return invitation


def _ask_change(invitation: Invitation, answer: Answer, *, actor: User, reason: str) -> InvitationChange:
    """Record (or replace) the change waiting for staff."""
    change = InvitationChange.objects.filter(invitation=invitation, status=ChangeStatus.PENDING).first()
    change = change or InvitationChange(invitation=invitation)
    change.proposal = answer.as_proposal()
    change.reason = reason.strip()
    change.requested_by = actor
    change.save()
    invitation.version += 1  # the form that sent it is now out of date
    invitation.save(update_fields=["version"])
    audit_record(
        actor=actor,
        action="invitation.change_ask",
        target=change,
        after={"attending": answer.attending, "delegates": len(answer.delegates)},
    )
    return change


@transaction.atomic
def change_decide(
    *, change_id: int, actor: User, approve: bool, note: str = "", now: datetime | None = None
) -> InvitationChange:
    """Staff approve (the answer applies) or refuse a change asked after the
    deadline; the one who asked hears of it in their language."""
    now = now or timezone.now()
    change = InvitationChange.objects.select_for_update().get(pk=change_id)
    if change.status != ChangeStatus.PENDING:
        raise EventError(_("This change has already been decided."), code="decided")
    invitation = _lock(change.invitation_id)
    if approve and now >= invitation.event.starts_at:
        raise EventError(_("The event has started: the answer can no longer be changed."), code="started")
    new: list[Delegate] = []
    if approve:
        before = _describe(invitation)
        new = _apply(invitation, _check(Answer.from_proposal(change.proposal)), actor=change.requested_by, now=now)
        audit_record(
            actor=actor, action="invitation.answer", target=invitation, before=before, after=_describe(invitation)
        )
    change.status = ChangeStatus.APPROVED if approve else ChangeStatus.REFUSED
    change.decided_by = actor
    change.decided_at = now
    change.decision_note = note.strip()
    change.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    audit_record(actor=actor, action="invitation.change_decide", target=change, after={"status": change.status})
    _send_links(invitation, new)
    if change.requested_by is not None:
        outbox_enqueue_many(
            messages=team_messages(
                invitation,
                template="events/email/change_decided",
                key=f"events/change/{change.pk}",
                team=[change.requested_by],
                extra={"approved": approve, "note": change.decision_note},
            )
        )
    return change
