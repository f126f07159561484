"""Writes of rounds and assignments: entries join a round, the engine proposes
judges, staff apply the plan or adjust it by hand, judges recuse."""

from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from judging.engine import assignment as engine
from judging.enums import AssignmentState, RoundEntryVia, RoundKind
from judging.errors import JudgingError
from judging.models import Assignment, Review, Round, RoundEntry
from judging.selectors import facts
from judging.selectors.assignments import assignment_plan, base_language, round_panel_ids
from judging.services.conflicts import _clean_reason, _recuse
from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record
from submissions.enums import EntryStatus
from submissions.models import Entry
from submissions.services.status import entries_change_status

# Which entries a round takes by eligibility, by its kind.
ELIGIBLE_STATUSES = {
    RoundKind.SCREENING: (EntryStatus.SUBMITTED,),
    RoundKind.SCORED: (EntryStatus.ELIGIBLE, EntryStatus.IN_REVIEW),
    RoundKind.FINAL: (EntryStatus.FINALIST,),
}


def lock_round(round_id: int) -> Round:
    return Round.objects.select_for_update().get(pk=round_id)


def _covered_entries(round_: Round) -> Any:
    query = Entry.objects.filter(cycle_id=round_.cycle_id, category__in=round_.categories.all())
    track_ids = list(round_.tracks.values_list("pk", flat=True))
    if track_ids:
        query = query.filter(Q(track_id__in=track_ids) | Q(track__isnull=True))
    return query


@transaction.atomic
def round_add_eligible_entries(*, actor: User, round_id: int) -> int:
    """Add every entry of the round's categories and tracks whose status makes
    it eligible for this kind of round; returns how many were added. Entries
    joining a scored round are marked "under review". An entry whose owner
    asked to restrict the processing of their data joins no new round."""
    round_ = lock_round(round_id)
    statuses = ELIGIBLE_STATUSES[RoundKind(round_.kind)]
    present = RoundEntry.objects.filter(round=round_).values("entry_id")
    entries = list(
        _covered_entries(round_)
        .select_for_update(of=("self",))
        .filter(status__in=statuses, owner__processing_restricted=False)
        .exclude(pk__in=present)
        .order_by("pk")
    )
    RoundEntry.objects.bulk_create(
        [RoundEntry(round=round_, entry=entry, via=RoundEntryVia.ELIGIBILITY) for entry in entries]
    )
    if round_.kind == RoundKind.SCORED:
        eligible = [entry for entry in entries if entry.status == EntryStatus.ELIGIBLE]
        entries_change_status(entries=eligible, actor=actor, status=EntryStatus.IN_REVIEW, note={"round": round_.pk})
    audit_record(actor=actor, action="round.add_entries", target=round_, after={"added": len(entries)})
    return len(entries)


@transaction.atomic
def assignment_apply(*, actor: User, round_id: int, seed: int | None = None) -> engine.Plan:
    """Compute the plan again under the round's lock (the preview may be stale)
    and create its new assignments. Applying twice adds nothing the second time."""
    round_ = lock_round(round_id)
    plan = assignment_plan(round_id=round_.pk, seed=seed)
    Assignment.objects.bulk_create(
        [
            Assignment(round=round_, entry_id=entry_id, judge_id=judge_id, created_by=actor)
            for entry_id, judge_id in plan.new_pairs
        ],
        ignore_conflicts=True,
    )
    audit_record(
        actor=actor,
        action="round.assign",
        target=round_,
        after={"created": len(plan.new_pairs), "problems": [problem.kind.value for problem in plan.problems]},
    )
    return plan


@transaction.atomic
def assignment_add(*, actor: User, round_id: int, entry_id: int, judge_id: int) -> Assignment:
    """Staff assign one judge by hand; conflicts and languages are still checked."""
    round_ = lock_round(round_id)
    if not RoundEntry.objects.filter(round=round_, entry_id=entry_id).exists():
        raise JudgingError(_("This entry is not in the round."), code="not_in_round")
    if judge_id not in round_panel_ids(round_):
        raise JudgingError(_("This person is not on the round's panel."), code="not_on_panel")
    entry = Entry.objects.get(pk=entry_id)
    found = facts.conflicts_of(judge_id, entry_id, country_rule=round_.country_conflicts)
    if found or (entry_id, judge_id) in facts.recused_pairs(round_.pk):
        raise JudgingError(_("This judge has a conflict of interest with the entry."), code="conflict")
    language = base_language(entry.language)
    judge_facts = facts.judge_assignment_facts([judge_id])[0]
    if language != "en" and language not in judge_facts.languages:
        raise JudgingError(_("This judge does not read the entry's language."), code="language")
    assignment, created = Assignment.objects.get_or_create(
        round=round_, entry_id=entry_id, judge_id=judge_id, defaults={"created_by": actor}
    )
    if not created:
        raise JudgingError(_("This judge is already assigned to the entry."), code="duplicate")
    audit_record(actor=actor, action="assignment.add", target=assignment)
    return assignment


@transaction.atomic
def assignment_remove(*, actor: User, assignment_id: int) -> None:
    """Staff take an assignment back, as long as its review has not been submitted."""
    assignment = Assignment.objects.select_for_update().get(pk=assignment_id)
    review = Review.objects.filter(assignment=assignment).first()
    if review is not None and review.is_submitted:
        raise JudgingError(
            _("The judge has submitted this review. Unlock it first if it must be removed."), code="submitted"
        )
    audit_record(actor=actor, action="assignment.remove", target=assignment)
    assignment.delete()


@transaction.atomic
def assignment_recuse(*, judge: User, assignment_id: int, reason: str) -> Assignment:
    """The judge steps back from an entry mid-round, giving a reason; the entry
    can then be re-assigned (the engine never gives it to this judge again)."""
    assignment = Assignment.objects.select_for_update().select_related("round").get(pk=assignment_id, judge=judge)
    reason = _clean_reason(reason)
    if assignment.state != AssignmentState.ACTIVE:
        raise JudgingError(_("You have already recused yourself from this entry."), code="recused")
    if not assignment.round.is_open(timezone.now()):
        raise JudgingError(_("The round is closed."), code="closed")
    review = Review.objects.filter(assignment=assignment).first()
    if review is not None and review.is_submitted:
        raise JudgingError(_("You have submitted your review of this entry."), code="submitted")
    _recuse(assignment, actor=judge, reason=reason)
    return assignment
