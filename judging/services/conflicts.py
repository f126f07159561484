"""Writes of conflicts of interest: judges declare them (for one entry or
standing), applicants request exclusions that staff decide, and any conflict
in force frees the judge's open assignments on the entries it touches."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from judging.engine.conflicts import conflicts_between
from judging.enums import STANDING_KINDS, AssignmentState, ConflictKind, ConflictStatus
from judging.errors import JudgingError
from judging.models import Assignment, Conflict, JudgeProfile
from judging.selectors import facts
from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record
from submissions.models import Entry

# An applicant may ask that up to this many committee members do not judge an entry.
EXCLUSIONS_PER_ENTRY = 3
# The consent item whose refusal keeps an entry from judges outside Korea.
TRANSFER_CONSENT = "transfer-abroad"


def _clean_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise JudgingError(_("Give a reason."), code="reason_required")
    return reason


def release_conflicted_assignments(*, judge_id: int, actor: User, reason: str) -> int:
    """Recuse the judge from every active assignment now in conflict, so staff
    can re-assign those entries. Submitted reviews stay recorded but no longer
    count (a recused assignment is left out of the results)."""
    active = list(
        Assignment.objects.select_for_update()
        .filter(judge_id=judge_id, state=AssignmentState.ACTIVE)
        .select_related("round")
    )
    if not active:
        return 0
    judge = facts.judge_conflict_facts([judge_id])[judge_id]
    entries = facts.entry_conflict_facts(assignment.entry_id for assignment in active)
    released = 0
    for assignment in active:
        entry = entries.get(assignment.entry_id)
        if entry and conflicts_between(judge, entry, country_rule=assignment.round.country_conflicts):
            _recuse(assignment, actor=actor, reason=reason)
            released += 1
    return released


def release_entries_conflicted_assignments(*, entry_ids: Iterable[int], actor: User | None, reason: str) -> int:
    """Recuse every active assignment on the entries that is now in conflict
    (the entry's people changed what they allow, e.g. readers abroad)."""
    active = list(
        Assignment.objects.select_for_update()
        .filter(entry_id__in=list(entry_ids), state=AssignmentState.ACTIVE)
        .select_related("round")
        .order_by("pk")
    )
    if not active:
        return 0
    judges = facts.judge_conflict_facts({assignment.judge_id for assignment in active})
    entries = facts.entry_conflict_facts({assignment.entry_id for assignment in active})
    released = 0
    for assignment in active:
        entry = entries.get(assignment.entry_id)
        judge = judges[assignment.judge_id]
        if entry and conflicts_between(judge, entry, country_rule=assignment.round.country_conflicts):
            _recuse(assignment, actor=actor, reason=reason)
            released += 1
    return released


def assignments_follow_transfer_consent(*, user: User, code: str, given: bool, **kwargs: Any) -> None:
    """A person refused or withdrew disclosure to committee members outside
    Korea (receiver of ``consent_changed``): judges abroad stop reading their
    entries at once. Entries they own or collaborate on, in every open round."""
    if code != TRANSFER_CONSENT or given:
        return
    entry_ids = set(Entry.objects.filter(owner=user).values_list("pk", flat=True))
    entry_ids |= set(Entry.collaborators.through.objects.filter(user=user).values_list("entry_id", flat=True))
    if entry_ids:
        release_entries_conflicted_assignments(
            entry_ids=entry_ids,
            actor=user,
            reason=_("The applicants withdrew their consent to committee members outside Korea reading the entry."),
        )


def _recuse(assignment: Assignment, *, actor: User | None, reason: str) -> None:
    assignment.state = AssignmentState.RECUSED
    assignment.recused_at = timezone.now()
    assignment.recusal_reason = reason
    assignment.save(update_fields=["state", "recused_at", "recusal_reason"])
    audit_record(actor=actor, action="assignment.recuse", target=assignment, after={"reason": reason})


@transaction.atomic
def conflict_declare_entry(*, judge: User, assignment_id: int, reason: str) -> Conflict:
    """The judge declares a conflict with an assigned entry: recorded, and the
    assignment is freed for someone else."""
    assignment = Assignment.objects.select_for_update().select_related("round").get(pk=assignment_id, judge=judge)
    reason = _clean_reason(reason)
    conflict, created = Conflict.objects.get_or_create(
        judge=judge,
        entry_id=assignment.entry_id,
        kind=ConflictKind.ENTRY,
        defaults={"reason": reason, "created_by": judge, "status": ConflictStatus.APPROVED},
    )
    if created:
        audit_record(actor=judge, action="conflict.declare", target=conflict, after={"reason": reason})
    if assignment.state == AssignmentState.ACTIVE:
        _recuse(assignment, actor=judge, reason=reason)
    # The same entry in other rounds: those reviews must not count either.
    release_conflicted_assignments(judge_id=judge.pk, actor=judge, reason=reason)
    return conflict


@transaction.atomic
def conflict_declare_standing(
    *,
    judge: User,
    kind: str,
    reason: str,
    organisation_id: int | None = None,
    country: str = "",
    email_domain: str = "",
) -> Conflict:
    """A standing conflict (an organisation, a country or an e-mail domain)
    applies to every entry it touches, now and later."""
    if kind not in STANDING_KINDS:
        raise JudgingError(_("Choose what the conflict is with."), code="kind")
    conflict = Conflict(
        judge=judge,
        kind=kind,
        reason=_clean_reason(reason),
        organisation_id=organisation_id if kind == ConflictKind.ORGANISATION else None,
        country=country if kind == ConflictKind.COUNTRY else "",
        email_domain=email_domain.strip().lower().removeprefix("@") if kind == ConflictKind.DOMAIN else "",
        created_by=judge,
        status=ConflictStatus.APPROVED,
    )
    if not (conflict.organisation_id or conflict.country or conflict.email_domain):
        raise JudgingError(_("Say which organisation, country or e-mail domain."), code="target")
    conflict.full_clean()
    conflict.save()
    audit_record(
        actor=judge,
        action="conflict.declare",
        target=conflict,
        after={"kind": kind, "country": str(conflict.country), "domain": conflict.email_domain},
    )
    release_conflicted_assignments(judge_id=judge.pk, actor=judge, reason=conflict.reason)
    return conflict


@transaction.atomic
def conflict_withdraw_standing(*, judge: User, conflict_id: int) -> None:
    """A judge removes one of their standing conflicts (entry conflicts stay:
    the assignment they freed may already be someone else's)."""
    conflict = Conflict.objects.filter(pk=conflict_id, judge=judge, kind__in=STANDING_KINDS).first()
    if conflict is None:
        raise JudgingError(_("This conflict cannot be removed."), code="not_found")
    audit_record(actor=judge, action="conflict.withdraw", target=conflict, before={"reason": conflict.reason})
    conflict.delete()


@transaction.atomic
def conflict_request(*, user: User, entry_id: int, judge_id: int, reason: str) -> Conflict:
    """The applicant asks that one committee member does not judge the entry;
    staff decide. At most EXCLUSIONS_PER_ENTRY per entry."""
    entry = Entry.objects.select_for_update().get(pk=entry_id)
    reason = _clean_reason(reason)
    if not JudgeProfile.objects.filter(user_id=judge_id).exists():
        raise JudgingError(_("Choose a member of the committee."), code="not_judge")
    requests = Conflict.objects.filter(entry=entry, kind=ConflictKind.REQUESTED)
    if requests.filter(judge_id=judge_id).exists():
        raise JudgingError(_("You have already named this committee member."), code="duplicate")
    if requests.exclude(status=ConflictStatus.REJECTED).count() >= EXCLUSIONS_PER_ENTRY:
        raise JudgingError(
            _("You can name at most %(count)d committee members.") % {"count": EXCLUSIONS_PER_ENTRY}, code="too_many"
        )
    conflict = Conflict(
        judge_id=judge_id,
        entry=entry,
        kind=ConflictKind.REQUESTED,
        reason=reason,
        status=ConflictStatus.PENDING,
        created_by=user,
    )
    conflict.full_clean()
    conflict.save()
    audit_record(actor=user, action="conflict.request", target=conflict, after={"reason": reason})
    return conflict


@transaction.atomic
def conflict_decide(*, actor: User, conflict_id: int, approve: bool) -> Conflict:
    """Staff approve or reject an applicant's request. Approving puts it in
    force at once: the judge is recused from the entry wherever assigned."""
    conflict = Conflict.objects.select_for_update().get(pk=conflict_id, kind=ConflictKind.REQUESTED)
    if conflict.status != ConflictStatus.PENDING:
        raise JudgingError(_("This request has already been decided."), code="decided")
    conflict.status = ConflictStatus.APPROVED if approve else ConflictStatus.REJECTED
    conflict.decided_by = actor
    conflict.decided_at = timezone.now()
    conflict.save(update_fields=["status", "decided_by", "decided_at"])
    audit_record(actor=actor, action="conflict.decide", target=conflict, after={"status": conflict.status})
    if approve:
        release_conflicted_assignments(
            judge_id=conflict.judge_id, actor=actor, reason=_("The applicant's request was approved.")
        )
    return conflict
