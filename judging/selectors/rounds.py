"""Reads of the staff judging pages: rounds with their counts, progress per
judge, the assignment plan as staff read it, the assignment matrix and the
round's assignments. Each read is a fixed number of queries, whatever the
number of judges, entries and assignments. The conflicts list is in
conflict_selectors.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, IntegerField, Max, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from categories.models import Criterion
from judging.engine import assignment as engine
from judging.engine import conflicts
from judging.enums import CRITERION_TIE_BREAK_PREFIX, TARGET_KINDS, AssignmentState, ReviewState, TieBreak
from judging.models import Assignment, JudgeInvitation, Round, RoundEntry
from judging.selectors import facts
from judging.selectors.reviewer import PROGRESS, panel_of
from prize_portal.accounts.models import User
from submissions.models import Entry

# A judge is late when reviews are pending and the round closes within this time (or has closed).
LATE_WITHIN = timedelta(days=3)
MATRIX_PAGE_SIZE = 50

ACTIVE = Q(state=AssignmentState.ACTIVE)


def _count_of(queryset: QuerySet[Any], key: str) -> Coalesce:
    """A correlated COUNT(*) of ``queryset`` grouped by ``key`` (0 when none):
    counts of two relations without joining them into a cross product."""
    counted = queryset.order_by().values(key).annotate(total=Count("pk")).values("total")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


# --- The list of rounds ------------------------------------------------------------------


def rounds_overview() -> list[Round]:
    """Rounds of every cycle, newest cycle first, each with ``entry_count``,
    ``assignment_count`` (active) and ``done_count`` (submitted reviews)."""
    mine = Assignment.objects.filter(round=OuterRef("pk"))
    return list(
        Round.objects.select_related("cycle")
        .annotate(
            entry_count=_count_of(RoundEntry.objects.filter(round=OuterRef("pk")), "round"),
            assignment_count=_count_of(mine.filter(ACTIVE), "round"),
            done_count=_count_of(mine.filter(ACTIVE, review__state=ReviewState.SUBMITTED), "round"),
        )
        .order_by("-cycle__year", "opens_at", "pk")
    )


def judge_invitations() -> list[JudgeInvitation]:
    """Every invitation to the committee, open ones first, newest first."""
    return list(
        JudgeInvitation.objects.select_related("accepted_by").order_by(
            F("accepted_at").asc(nulls_first=True), "-created_at", "-pk"
        )
    )


# --- One round ----------------------------------------------------------------------------


def round_get(round_id: int) -> Round:
    """The round with its cycle and entry count, or 404."""
    round_ = (
        Round.objects.select_related("cycle")
        .annotate(entry_count=_count_of(RoundEntry.objects.filter(round=OuterRef("pk")), "round"))
        .filter(pk=round_id)
        .first()
    )
    if round_ is None:
        raise Http404
    return round_


def tie_break_labels(round_: Round) -> list[str]:
    """The round's tie-break rules in order, in words (one query for the criteria's names)."""
    codes = [str(code) for code in round_.tie_breaks or []]
    criterion_codes = [
        code.removeprefix(CRITERION_TIE_BREAK_PREFIX) for code in codes if code.startswith(CRITERION_TIE_BREAK_PREFIX)
    ]
    names: dict[str, str] = {}
    if criterion_codes:
        for criterion in Criterion.objects.filter(
            category__in=round_.categories.values("pk"), code__in=criterion_codes
        ).order_by("category__order", "pk"):
            names.setdefault(criterion.code, str(criterion.name))
    labels = []
    for code in codes:
        if code.startswith(CRITERION_TIE_BREAK_PREFIX):
            criterion_code = code.removeprefix(CRITERION_TIE_BREAK_PREFIX)
            name = names.get(criterion_code, criterion_code)
            labels.append(_("Higher mean on “%(criterion)s”") % {"criterion": name})
        elif code in TieBreak.values:
            labels.append(str(TieBreak(code).label))
        else:
            labels.append(code)
    return labels


@dataclass(frozen=True)
class JudgeProgress:
    """One judge's work in a round; ``assigned`` counts active assignments."""

    judge: User
    assigned: int
    done: int
    in_progress: int
    not_started: int
    recused: int
    last_activity: datetime | None
    late: bool
    can_remind: bool

    @property
    def pending(self) -> int:
        return self.in_progress + self.not_started


@dataclass(frozen=True)
class RoundProgress:
    judges: list[JudgeProgress]

    @property
    def assigned(self) -> int:
        return sum(row.assigned for row in self.judges)

    @property
    def done(self) -> int:
        return sum(row.done for row in self.judges)

    @property
    def pending(self) -> int:
        return sum(row.pending for row in self.judges)


def round_progress(round_: Round, *, now: datetime) -> RoundProgress:
    """Progress per judge with assignments in the round, by name (two queries:
    the counts aggregated in the database, then the judges)."""
    counts = list(
        Assignment.objects.filter(round=round_)
        .values("judge_id")
        .annotate(
            assigned=Count("pk", filter=ACTIVE),
            done=Count("pk", filter=ACTIVE & Q(review__state=ReviewState.SUBMITTED)),
            in_progress=Count("pk", filter=ACTIVE & Q(review__state=ReviewState.DRAFT)),
            not_started=Count("pk", filter=ACTIVE & Q(review__isnull=True)),
            recused=Count("pk", filter=Q(state=AssignmentState.RECUSED)),
            last_review=Max("review__updated_at"),
            last_recusal=Max("recused_at"),
        )
        .order_by()
    )
    by_judge = {row["judge_id"]: row for row in counts}
    closing = now >= round_.closes_at - LATE_WITHIN
    is_open = round_.is_open(now)
    rows = []
    for judge in User.objects.filter(pk__in=list(by_judge)).order_by("name", "email"):
        row = by_judge[judge.pk]
        moments = [moment for moment in (row["last_review"], row["last_recusal"]) if moment is not None]
        pending = row["in_progress"] + row["not_started"]
        rows.append(
            JudgeProgress(
                judge=judge,
                assigned=row["assigned"],
                done=row["done"],
                in_progress=row["in_progress"],
                not_started=row["not_started"],
                recused=row["recused"],
                last_activity=max(moments) if moments else None,
                late=pending > 0 and closing,
                can_remind=pending > 0 and is_open,
            )
        )
    return RoundProgress(judges=rows)


def round_judges(round_: Round) -> list[Any]:
    """The judges of the round, by name, in one query: its panel (see
    selectors.panel_of) and anyone assigned in it by hand."""
    return list(
        User.objects.filter(
            Q(pk__in=panel_of(round_).values("pk"))
            | Q(pk__in=Assignment.objects.filter(round=round_).values("judge_id"))
        ).order_by("name", "email", "pk")
    )


# --- The assignment plan, as staff read it ---------------------------------------------------


@dataclass(frozen=True)
class JudgeLoad:
    judge: User
    load: int


@dataclass(frozen=True)
class PlanView:
    plan: engine.Plan
    loads: list[JudgeLoad]
    problems: list[str]

    @property
    def new_count(self) -> int:
        return len(self.plan.new_pairs)

    @property
    def kept_count(self) -> int:
        return len(self.plan.kept_pairs)

    @property
    def lowest(self) -> int:
        return min(self.plan.loads.values()) if self.plan.loads else 0

    @property
    def highest(self) -> int:
        return max(self.plan.loads.values()) if self.plan.loads else 0


def problem_sentence(problem: engine.Problem, *, per_entry: int, references: dict[int, str | None]) -> str:
    """One problem of the plan as a sentence for staff."""
    if problem.kind == engine.ProblemKind.SHORT_OF_JUDGES:
        entry = references.get(problem.entry_id or 0) or str(problem.entry_id)
        if problem.found == 0:
            return ngettext(
                "Entry %(entry)s needs %(needed)d judge; no eligible judge is free.",
                "Entry %(entry)s needs %(needed)d judges; no eligible judge is free.",
                per_entry,
            ) % {"entry": entry, "needed": per_entry}
        return ngettext(
            "Entry %(entry)s needs %(needed)d judges; only %(found)d eligible judge is free.",
            "Entry %(entry)s needs %(needed)d judges; only %(found)d eligible judges are free.",
            problem.found,
        ) % {"entry": entry, "needed": per_entry, "found": problem.found}
    if problem.kind == engine.ProblemKind.UNBALANCED:
        return _(
            "Loads differ by more than one (from %(lowest)d to %(highest)d): "
            "the conflicts and languages allow no better balance."
        ) % {"lowest": problem.found, "highest": problem.needed}
    return ngettext(
        "The judges and entries form %(count)d separate group; the calibrated ranking will be computed per group.",
        "The judges and entries form %(count)d separate groups; the calibrated ranking will be computed per group.",
        problem.found,
    ) % {"count": problem.found}


def plan_view(round_: Round, plan: engine.Plan) -> PlanView:
    """The plan with judges' names and its problems in words (two queries)."""
    judges = User.objects.filter(pk__in=list(plan.loads)).order_by("name", "email", "pk")
    loads = [JudgeLoad(judge=judge, load=plan.loads[judge.pk]) for judge in judges]
    short = [problem.entry_id for problem in plan.problems if problem.entry_id is not None]
    references = dict(Entry.objects.filter(pk__in=short).values_list("pk", "reference")) if short else {}
    problems = [
        problem_sentence(problem, per_entry=round_.judges_per_entry, references=references) for problem in plan.problems
    ]
    return PlanView(plan=plan, loads=loads, problems=problems)


# --- The assignment matrix --------------------------------------------------------------------


@dataclass(frozen=True)
class MatrixCell:
    judge: User
    assignment: Assignment | None
    progress: str  # a Progress value, or "" when the judge is not assigned
    conflict: bool


@dataclass(frozen=True)
class MatrixRow:
    entry: Entry
    cells: list[MatrixCell]


@dataclass(frozen=True)
class Matrix:
    judges: list[Any]
    rows: list[MatrixRow]
    page: Page[Entry]
    assignments: list[Any]  # of the page's entries (with ``progress``), for removing and unlocking


def round_entries(round_: Round) -> QuerySet[Entry]:
    return Entry.objects.filter(round_entries__round=round_).order_by("reference", "pk")


def assignment_matrix(round_: Round, *, page_number: Any = 1) -> Matrix:
    """Entries of the round (a page of them) by the round's judges: what each
    judge does with each entry, and which pairs are in conflict."""
    paginator = Paginator(round_entries(round_).only("pk", "reference", "title_en"), MATRIX_PAGE_SIZE)
    page = paginator.get_page(page_number)
    entries = list(page.object_list)
    judges = round_judges(round_)
    assignments = list(
        Assignment.objects.filter(round=round_, entry__in=entries)
        .select_related("review", "judge", "entry")
        .annotate(progress=PROGRESS)
        .order_by("entry__reference", "judge__name", "judge__email", "pk")
    )
    by_pair = {(item.entry_id, item.judge_id): item for item in assignments}
    forbidden = conflicts.forbidden_pairs(
        facts.judge_conflict_facts(judge.pk for judge in judges).values(),
        facts.entry_conflict_facts(entry.pk for entry in entries).values(),
        country_rule=round_.country_conflicts,
    )
    rows = []
    for entry in entries:
        cells = []
        for judge in judges:
            found = by_pair.get((entry.pk, judge.pk))
            cells.append(
                MatrixCell(
                    judge=judge,
                    assignment=found,
                    progress=found.progress if found else "",
                    conflict=(entry.pk, judge.pk) in forbidden,
                )
            )
        rows.append(MatrixRow(entry=entry, cells=cells))
    return Matrix(judges=judges, rows=rows, page=page, assignments=assignments)


def round_assignment(round_: Round, assignment_id: int) -> Assignment:
    assignment = Assignment.objects.filter(pk=assignment_id, round=round_).first()
    if assignment is None:
        raise Http404
    return assignment


def round_review_id(round_: Round, review_id: int) -> int:
    from judging.models import Review

    if not Review.objects.filter(pk=review_id, assignment__round=round_).exists():
        raise Http404
    return review_id


def target_rounds(round_: Round) -> list[Round]:
    """Rounds the entries may advance to: the cycle's scored and final rounds other than this one."""
    return list(
        Round.objects.filter(cycle_id=round_.cycle_id, kind__in=TARGET_KINDS).exclude(pk=round_.pk).order_by("opens_at")
    )


def round_people_records(round_: Round) -> list[Any]:
    """The records of people a round's exports show: its entries (applicants)
    and its judges, loaded narrowly (two queries), for the audit trail."""
    entries = list(Entry.objects.filter(round_entries__round=round_).only("pk", "reference", "title_en"))
    judges = list(User.objects.filter(assignments__round=round_).distinct().only("pk", "pseudonym"))
    return [*entries, *judges]
