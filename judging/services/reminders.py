"""Reminders to judges with reviews still to submit: sent by a periodic task
on the round's reminder days, or by staff at once. At most one per judge per
Seoul day, whoever asks: the outbox's de-duplication key holds that."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation

from judging.enums import AssignmentState, ReviewState
from judging.models import Assignment, Round
from prize_portal.accounts.models import User
from prize_portal.outbox.services import outbox_enqueue
from prize_portal.site.times import in_seoul, seoul_text


def seoul_date(moment: datetime) -> date:
    return in_seoul(moment).date()


def days_before_close(round_: Round, now: datetime) -> int:
    """Whole Seoul calendar days from today to the closing day."""
    return (seoul_date(round_.closes_at) - seoul_date(now)).days


@dataclass
class Pending:
    """A judge's reviews still to submit, per open round."""

    judge: User
    rounds: dict[int, list[Assignment]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(len(assignments) for assignments in self.rounds.values())


def pending_reviews(now: datetime, *, round_ids: list[int] | None = None, judge_id: int | None = None) -> list[Pending]:
    """Judges with active assignments in open rounds whose review is not submitted."""
    from prize_portal.accounts.roles import GROUP_NAMES, Role

    committee = Q(judge__groups__name__in=[GROUP_NAMES[Role.JUDGE], GROUP_NAMES[Role.CHAIR]])
    members = Assignment.objects.filter(committee, judge__is_active=True).values("pk")
    query = (
        Assignment.objects.filter(
            pk__in=members, state=AssignmentState.ACTIVE, round__opens_at__lte=now, round__closes_at__gt=now
        )
        .exclude(review__state=ReviewState.SUBMITTED)
        .select_related("judge", "round", "entry")
        .order_by("judge_id", "round__closes_at", "round_id", "entry_id")
    )
    if round_ids is not None:
        query = query.filter(round_id__in=round_ids)
    if judge_id is not None:
        query = query.filter(judge_id=judge_id)
    assignments = list(query)
    # An assignment a conflict has come to block is not the judge's to do (staff re-assign it).
    from judging.engine.conflicts import conflicts_between
    from judging.selectors import facts

    judges = facts.judge_conflict_facts(assignment.judge_id for assignment in assignments)
    entries = facts.entry_conflict_facts(assignment.entry_id for assignment in assignments)
    pending: dict[int, Pending] = {}
    for assignment in assignments:
        entry = entries.get(assignment.entry_id)
        if entry and conflicts_between(
            judges[assignment.judge_id], entry, country_rule=assignment.round.country_conflicts
        ):
            continue
        item = pending.setdefault(assignment.judge_id, Pending(judge=assignment.judge))
        item.rounds.setdefault(assignment.round_id, []).append(assignment)
    return list(pending.values())


def reminder_key(judge_id: int, now: datetime) -> str:
    return f"judge-reminder:{judge_id}:{seoul_date(now).isoformat()}"


@transaction.atomic
def reminder_send(*, pending: Pending, now: datetime) -> bool:
    """Queue one reminder listing the judge's pending reviews, in their
    language. False when they have already been reminded today (Seoul)."""
    from prize_portal.outbox.models import OutboxMessage

    judge = pending.judge
    key = reminder_key(judge.pk, now)
    if OutboxMessage.objects.filter(dedupe_key=key).exists():
        return False
    rounds = []
    with translation.override(judge.language):  # names, dates and links as the judge reads them
        for assignments in pending.rounds.values():
            round_ = assignments[0].round
            rounds.append(
                {
                    "name": str(round_.name),
                    "pending": len(assignments),
                    "closes": seoul_text(round_.closes_at),
                    "link": settings.SITE_URL + reverse("judging:round", args=[round_.pk]),
                }
            )
    outbox_enqueue(
        to=judge.email,
        template="judging/email/reminder",
        language=judge.language,
        user=judge,
        context={"name": judge.name or judge.email, "rounds": rounds, "pending": pending.count},
        dedupe_key=key,
    )
    return True


def reminders_send_due(now: datetime | None = None) -> int:
    """The periodic task's work: remind every judge with pending reviews in a
    round that is today on one of its reminder days. Returns how many
    reminders were queued now (judges already reminded today are skipped)."""
    now = now or timezone.now()
    due_rounds = [
        round_.pk
        for round_ in Round.objects.filter(opens_at__lte=now, closes_at__gt=now)
        if days_before_close(round_, now) in {int(day) for day in round_.reminder_days or []}
    ]
    if not due_rounds:
        return 0
    sent = 0
    for item in pending_reviews(now, round_ids=due_rounds):
        if reminder_send(pending=item, now=now):
            sent += 1
    return sent
