"""Reads of judging that pages share, with the joins and annotations that keep
query counts flat in the number of assignments and criteria."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Case, CharField, Count, F, Prefetch, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from categories.models import Criterion, RubricLevel
from judging.enums import SCORING_RECOMMENDATIONS, SCREENING_RECOMMENDATIONS, AssignmentState, Progress, ReviewState
from judging.models import Assignment, Review, ReviewScore, Round
from judging.selectors import facts
from judging.selectors.declarations import with_declaration
from prize_portal.accounts.models import User
from prize_portal.accounts.roles import GROUP_NAMES, Role
from submissions.enums import AttachmentStatus
from submissions.models import Attachment, Submission
from submissions.presentation import hidden_files


def committee() -> QuerySet[Any]:
    """Active committee members (judges and chairs with a profile), by name."""
    names = [GROUP_NAMES[Role.JUDGE], GROUP_NAMES[Role.CHAIR]]
    members = User.objects.filter(is_active=True, judge_profile__isnull=False, groups__name__in=names).values("pk")
    return User.objects.filter(pk__in=members).select_related("judge_profile").order_by("name", "email")


def panel_of(round_: Round) -> QuerySet[Any]:
    """Who may be assigned in the round: the active users on its panel, or the
    whole committee when it has no panel (one query); never a person who asked
    to restrict the processing of their data."""
    from django.db.models import Exists

    panel = User.objects.filter(panel_rounds=round_, is_active=True)
    everyone = User.objects.filter(Q(pk__in=panel.values("pk")) | (~Exists(panel) & Q(pk__in=committee().values("pk"))))
    return everyone.filter(processing_restricted=False)


PROGRESS = Case(
    When(state=AssignmentState.RECUSED, then=Value(Progress.RECUSED)),
    When(review__state=ReviewState.SUBMITTED, then=Value(Progress.DONE)),
    When(review__isnull=False, then=Value(Progress.IN_PROGRESS)),
    default=Value(Progress.NOT_STARTED),
    output_field=CharField(),
)


def rounds_of(user: User) -> list[Round]:
    """The rounds a judge has assignments in, soonest closing first, with
    their counts per progress state (``assigned``, ``done``, ``in_progress``)."""
    mine = Q(assignments__judge=user)
    active = mine & Q(assignments__state=AssignmentState.ACTIVE)
    return list(
        Round.objects.filter(assignments__judge=user)
        .distinct()
        .select_related("cycle")
        .annotate(
            assigned=Count("assignments", filter=active, distinct=True),
            done=Count(
                "assignments", filter=active & Q(assignments__review__state=ReviewState.SUBMITTED), distinct=True
            ),
            in_progress=Count(
                "assignments", filter=active & Q(assignments__review__state=ReviewState.DRAFT), distinct=True
            ),
            recused=Count("assignments", filter=mine & Q(assignments__state=AssignmentState.RECUSED), distinct=True),
        )
        .order_by("closes_at", "pk")
    )


def rounds_with_results() -> list[Round]:
    """Every round that has started, newest first, for the chair's and staff's results links."""

    return list(Round.objects.filter(opens_at__lte=timezone.now()).select_related("cycle").order_by("-opens_at", "-pk"))


def round_for_judge(user: User, round_id: int) -> Round:
    """A round the judge has assignments in, or 404."""
    round_ = Round.objects.filter(pk=round_id, assignments__judge=user).select_related("cycle").first()
    if round_ is None or not user.has_perm("judging.use_reviewer_pages"):
        raise Http404
    return round_


@dataclass
class AssignmentRow:
    assignment: Assignment
    progress: str
    conflicted: bool

    @property
    def progress_label(self) -> str:
        return str(Progress(self.progress).label)

    @property
    def entry(self) -> Any:
        return self.assignment.entry


SORTS = {
    "reference": ("entry__reference", "pk"),
    "title": ("entry__title_en", "pk"),
    "progress": ("progress_order", "entry__reference", "pk"),
    "category": ("entry__category__order", "entry__track__order", "entry__reference", "pk"),
}
PROGRESS_ORDER = Case(
    When(state=AssignmentState.RECUSED, then=Value(3)),
    When(review__state=ReviewState.SUBMITTED, then=Value(2)),
    When(review__isnull=False, then=Value(0)),
    default=Value(1),
)


def assignments_of(user: User, round_: Round, *, sort: str = "progress") -> list[AssignmentRow]:
    """The judge's assignments in a round, sorted, each with its progress and
    whether a conflict now stands in the way (fixed query count)."""
    query = (
        Assignment.objects.filter(judge=user, round=round_)
        .select_related("entry__category", "entry__track", "round")
        .annotate(progress=PROGRESS, progress_order=PROGRESS_ORDER)
        .order_by(*SORTS.get(sort, SORTS["progress"]))
    )
    assignments = list(query)
    conflicted = facts.conflicted_entries(
        user.pk, (assignment.entry_id for assignment in assignments), country_rule=round_.country_conflicts
    )
    return [
        AssignmentRow(
            assignment=assignment,
            progress=assignment.progress,
            conflicted=assignment.entry_id in conflicted,
        )
        for assignment in assignments
    ]


def filter_rows(
    rows: list[AssignmentRow], *, category: str = "", track: str = "", progress: str = ""
) -> list[AssignmentRow]:
    """The rows of one category, track and progress state ('' means any); in
    memory, since the page needs every row for its counts anyway."""
    return [
        row
        for row in rows
        if (not category or row.entry.category.code == category)
        and (not track or (row.entry.track is not None and row.entry.track.code == track))
        and (not progress or row.progress == progress)
    ]


def next_to_review(rows: list[AssignmentRow]) -> AssignmentRow | None:
    """The entry to open next: one in progress first, then one not started."""
    for wanted in (Progress.IN_PROGRESS, Progress.NOT_STARTED):
        for row in rows:
            if row.progress == wanted and not row.conflicted:
                return row
    return None


def assignment_get(*, user: User, assignment_id: int, perm: str) -> Assignment:
    """One assignment the user may act on with ``perm`` (see rules.py), or 404; annotated with whether the
    user's declaration for its cycle is due (selectors.declarations.declaration_due), in the same query."""
    query = Assignment.objects.select_related(
        "round__cycle", "entry__category", "entry__track", "entry__organisation", "entry__owner", "review"
    )
    assignment = with_declaration(query, user).filter(pk=assignment_id).first()
    if assignment is None or not user.has_perm(perm, assignment):
        raise Http404
    return assignment


def latest_submission(assignment: Assignment) -> Submission | None:
    """The version judges read: the last one submitted."""
    submission = Submission.objects.filter(entry_id=assignment.entry_id).order_by("-number").first()
    if submission is not None:
        submission.entry = assignment.entry  # loaded with its organisation already
    return submission


def attachments_for(assignment: Assignment, submission: Submission | None) -> list[Attachment]:
    """The files of the submitted version a judge may open: checked ones
    (a PDF uploaded before the check existed waits for it), not those of a
    question its answers hide; in a blind round, not those marked as
    identifying the applicant either."""
    if submission is None:
        return []
    ids = [item.get("id") for item in submission.content.get("attachments", [])]
    query = (
        Attachment.objects.filter(entry_id=assignment.entry_id, pk__in=ids, status=AttachmentStatus.CLEAN)
        .annotate(question_condition=F("question__shown_if"))
        .order_by("created_at", "pk")
    )
    if assignment.round.blind:
        query = query.filter(identifying=False)
    files = list(query)
    conditional = {
        file.pk: file.question_id
        for file in files
        if file.question_id is not None and getattr(file, "question_condition", None) is not None
    }
    hidden = hidden_files(submission, conditional)
    return [file for file in files if file.pk not in hidden]


@dataclass
class CriterionRow:
    criterion: Criterion
    score: int | None
    comment: str

    @property
    def levels(self) -> list[RubricLevel]:
        return list(self.criterion.rubric_levels.all())


def scoring_rows(assignment: Assignment, review: Review | None) -> list[CriterionRow]:
    """Each criterion with its rubric and the judge's saved score and comment."""
    if assignment.round.is_screening:
        return []
    # The same criteria as services.reviews.criteria_for, with their rubrics.
    criteria = Criterion.objects.filter(category_id=assignment.entry.category_id).prefetch_related(
        Prefetch("rubric_levels", queryset=RubricLevel.objects.order_by("score"))
    )
    saved = {row.criterion_id: row for row in ReviewScore.objects.filter(review=review)} if review else {}
    rows = []
    for criterion in criteria.order_by("order", "code"):
        row = saved.get(criterion.pk)
        rows.append(CriterionRow(criterion, row.score if row else None, row.comment if row else ""))
    return rows


def peer_reviews(assignment: Assignment) -> list[Review]:
    """The other judges' submitted reviews of the entry in the round, with scores."""
    return list(
        Review.objects.filter(
            assignment__round_id=assignment.round_id,
            assignment__entry_id=assignment.entry_id,
            assignment__state=AssignmentState.ACTIVE,
            state=ReviewState.SUBMITTED,
        )
        .exclude(assignment_id=assignment.pk)
        .select_related("assignment__judge")
        .prefetch_related(Prefetch("scores", queryset=ReviewScore.objects.select_related("criterion")))
        .order_by("submitted_at", "pk")
    )


def review_of(assignment: Assignment) -> Review | None:
    try:
        return assignment.review
    except Review.DoesNotExist:
        return None


COMMENT_LIMIT = 2000


OVERALL_LIMIT = 5000


def criteria_for(assignment: Assignment) -> list[Criterion]:
    """The rubric the judge scores: the entry's category's criteria (none in
    an eligibility screening, which is pass or fail with a reason)."""
    if assignment.round.is_screening:
        return []
    return list(Criterion.objects.filter(category_id=assignment.entry.category_id).order_by("order", "code"))


def recommendations_for(assignment: Assignment) -> tuple[str, ...]:
    return SCREENING_RECOMMENDATIONS if assignment.round.is_screening else SCORING_RECOMMENDATIONS
