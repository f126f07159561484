"""Reads about a cycle's retention: which cycles are due, the dry run (what
a run would remove, computed the same way for the run itself), and how far a
confirmed run has gone."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from categories.models import Cycle
from judging.models import Award, Publication, RetentionRun
from prize_portal.accounts.models import User
from prize_portal.accounts.roles import GROUP_NAMES, Role
from prize_portal.site.times import seoul_text
from submissions.models import Attachment, Entry, Organisation, Submission

SERVING = [GROUP_NAMES[Role.JUDGE], GROUP_NAMES[Role.CHAIR], GROUP_NAMES[Role.STAFF]]
ENTRY, ORGANISATION, PERSON = "entry", "organisation", "person"


@dataclass(frozen=True)
class RetentionPlan:
    """What a cycle's retention run removes (ids, sorted)."""

    cycle_id: int
    entries: tuple[int, ...] = ()
    organisations: tuple[int, ...] = ()
    people: tuple[int, ...] = ()
    files: int = 0
    references: tuple[str, ...] = field(default=(), compare=False)

    @property
    def digest(self) -> str:
        content = json.dumps([self.cycle_id, self.entries, self.organisations, self.people, self.files])
        return hashlib.sha256(content.encode()).hexdigest()[:16]

    @property
    def empty(self) -> bool:
        return not (self.entries or self.organisations or self.people)

    @property
    def steps(self) -> list[list[str | int]]:
        """The work in the order a run takes it: entries, organisations, people."""
        kinds = ((ENTRY, self.entries), (ORGANISATION, self.organisations), (PERSON, self.people))
        return [[kind, pk] for kind, ids in kinds for pk in ids]

    @property
    def figures(self) -> dict[str, int | str]:
        return {
            "entries": len(self.entries),
            "organisations": len(self.organisations),
            "people": len(self.people),
            "files": self.files,
            "digest": self.digest,
        }


def cycles_due(now: datetime | None = None) -> list[Cycle]:
    """Cycles whose retention period has passed and whose data is still there."""
    now = now or timezone.now()
    return [
        cycle
        for cycle in Cycle.objects.filter(personal_data_removed_at__isnull=True)
        if cycle.personal_data_until <= now
    ]


def expired_cycles(now: datetime) -> set[int]:
    return {cycle.pk for cycle in Cycle.objects.all() if cycle.personal_data_until <= now}


def people_due(cycle: Cycle, expired: set[int]) -> QuerySet[User]:
    """The cycle's applicants and collaborators who are in no cycle still
    kept and serve on no committee."""
    current = Entry.objects.exclude(cycle_id__in=expired)
    involved = User.objects.filter(Q(owned_entries__cycle=cycle) | Q(shared_entries__cycle=cycle))
    return (
        involved.filter(is_active=True, is_staff=False, is_superuser=False)
        .exclude(groups__name__in=SERVING)
        .exclude(pk__in=current.values("owner_id"))
        .exclude(pk__in=Entry.collaborators.through.objects.filter(entry__in=current).values("user_id"))
    )


def retention_plan(*, cycle_id: int, now: datetime | None = None) -> RetentionPlan:
    """The dry run: what a run confirmed now would remove."""
    now = now or timezone.now()
    cycle = Cycle.objects.get(pk=cycle_id)
    if cycle.personal_data_removed_at is not None or cycle.personal_data_until > now:
        return RetentionPlan(cycle_id=cycle.pk)
    expired = expired_cycles(now)
    live = Publication.objects.published().values("cycle_id")
    published = Award.objects.filter(cycle_id__in=live).values("entry_id")
    entry_ids = sorted(Entry.objects.filter(cycle=cycle).exclude(pk__in=published).values_list("pk", flat=True))
    current = Entry.objects.exclude(cycle_id__in=expired)
    organisations = (
        Organisation.objects.filter(entries__cycle=cycle)
        .exclude(pk__in=current.values("organisation_id"))
        .filter(~Q(contact_name="") | ~Q(contact_phone=""))
    )
    files = Attachment.objects.filter(entry_id__in=entry_ids).count()
    files += Submission.objects.filter(entry_id__in=entry_ids).exclude(pdf="").count()
    references = Entry.objects.filter(pk__in=entry_ids).order_by("pk").values_list("reference", flat=True)
    return RetentionPlan(
        cycle_id=cycle.pk,
        entries=tuple(entry_ids),
        organisations=tuple(sorted(set(organisations.values_list("pk", flat=True)))),
        people=tuple(sorted(set(people_due(cycle, expired).values_list("pk", flat=True)))),
        files=files,
        references=tuple(reference or "" for reference in references),
    )


@dataclass(frozen=True)
class RetentionRow:
    """One cycle on the staff overview."""

    cycle: Cycle
    until: datetime
    state: str  # kept | due | running | removed
    run: RetentionRun | None


def retention_overview(now: datetime | None = None) -> list[RetentionRow]:
    """Every cycle, newest first, with where its personal data stands (two queries)."""
    now = now or timezone.now()
    runs = {run.cycle_id: run for run in RetentionRun.objects.all()}
    rows = []
    for cycle in Cycle.objects.order_by("-year"):
        run = runs.get(cycle.pk)
        if cycle.personal_data_removed_at is not None:
            state = "removed"
        elif run is not None:
            state = "running"
        else:
            state = "due" if cycle.personal_data_until <= now else "kept"
        rows.append(RetentionRow(cycle=cycle, until=cycle.personal_data_until, state=state, run=run))
    return rows


@dataclass(frozen=True)
class DryRun:
    """The dry run as staff read it before confirming."""

    plan: RetentionPlan
    entries: list[Entry]
    organisations: list[Organisation]
    people: list[User]


def retention_dry_run(cycle: Cycle, *, run: RetentionRun | None = None, now: datetime | None = None) -> DryRun | None:
    """What staff check before confirming; None once a run was confirmed
    (``run``), once the data is removed, or while it is not yet due."""
    now = now or timezone.now()
    if run is not None or cycle.personal_data_removed_at is not None or cycle.personal_data_until > now:
        return None
    plan = retention_plan(cycle_id=cycle.pk, now=now)
    entries = Entry.objects.filter(pk__in=plan.entries).select_related("organisation", "category", "track")
    return DryRun(
        plan=plan,
        entries=list(entries.order_by("reference", "pk")),
        organisations=list(Organisation.objects.filter(pk__in=plan.organisations).order_by("name_en", "pk")),
        people=list(User.objects.filter(pk__in=plan.people).order_by("email")),
    )


def retention_run(cycle: Cycle) -> RetentionRun | None:
    return RetentionRun.objects.filter(cycle=cycle).select_related("confirmed_by").first()


def _run_state(run: RetentionRun) -> str:
    if run.finished_at is None:
        return _("In progress. You may leave this page: the removal goes on.")
    when = _("%(datetime)s (Seoul time)") % {"datetime": seoul_text(run.finished_at)}
    state = _("Finished on %(when)s. The audit trail records the run.") % {"when": when}
    if run.kept:
        kept = ngettext(
            "%(count)d organisation or person was kept: they entered an edition still kept before their turn.",
            "%(count)d organisations or people were kept: they entered an edition still kept before their turn.",
            len(run.kept),
        )
        state = f"{state} {kept % {'count': len(run.kept)}}"
    return state


def retention_progress(run: RetentionRun | None) -> dict[str, Any]:
    """The progress bar's figures, polled by the page while the run works."""
    if run is None:
        return {"active": False, "retention": {"done": 0, "total": 0, "percent": 0, "state": ""}}
    return {
        "active": run.finished_at is None,
        "retention": {"done": run.done, "total": run.total, "percent": run.percent, "state": _run_state(run)},
    }
