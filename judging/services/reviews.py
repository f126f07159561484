"""Writes of reviews: a judge saves a draft (autosave), submits it (which
locks it) and staff may unlock it. Every write checks the same guards as the
pages: the judge's own active assignment, no conflict, the round open, the
review not locked, and the version the form was opened at."""

import re
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from categories.models import Criterion
from judging.enums import AssignmentState, ReviewState
from judging.errors import JudgingError, ReviewConflictError, ReviewIncompleteError
from judging.models import Assignment, Review, ReviewScore
from judging.selectors import facts
from judging.selectors.reviewer import COMMENT_LIMIT, OVERALL_LIMIT, criteria_for, recommendations_for
from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record
from prize_portal.writes import save_fields

WHOLE_NUMBER = re.compile(r"[+-]?\d{1,4}(\.0*)?")


def _guarded(*, judge: User, assignment_id: int, now: datetime) -> Assignment:
    """Lock the judge's assignment and check every guard a write needs."""
    assignment = (
        Assignment.objects.select_for_update(of=("self",))
        .select_related("round", "entry")
        .filter(pk=assignment_id, judge_id=judge.pk)
        .first()
    )
    if assignment is None or assignment.state != AssignmentState.ACTIVE:
        raise JudgingError(_("This entry is not assigned to you."), code="not_assigned")
    if facts.conflicts_of(judge.pk, assignment.entry_id, country_rule=assignment.round.country_conflicts):
        raise JudgingError(_("You have a conflict of interest with this entry."), code="conflicted")
    if not assignment.round.is_open(now):
        raise JudgingError(_("The round is closed; reviews can no longer be changed."), code="closed")
    return assignment


def _clean_scores(
    criteria: list[Criterion], scores: dict[Any, Any], comments: dict[Any, Any]
) -> tuple[dict[int, int | None], dict[int, str]]:
    """Scores as integers on each criterion's scale (None when not given yet).
    Bad values raise ReviewIncompleteError naming the field; nothing is saved."""
    by_id = {criterion.pk: criterion for criterion in criteria}
    errors: dict[str, list[str]] = {}
    unknown = {str(key) for key in [*scores, *comments]} - {str(pk) for pk in by_id}
    if unknown:
        raise JudgingError(_("The form does not match this entry's criteria. Reload the page."), code="criteria")
    clean_scores: dict[int, int | None] = {}
    clean_comments: dict[int, str] = {}
    for criterion in criteria:
        raw = scores.get(criterion.pk, scores.get(str(criterion.pk)))
        value: int | None = None
        if raw not in (None, ""):
            text = str(raw).strip()
            # Digits only ("7", "-1", "7.0"): float() would also take "nan", "inf" or "1e400".
            if not WHOLE_NUMBER.fullmatch(text):
                errors[f"score_{criterion.pk}"] = [_("Enter a whole number.")]
                continue
            value = int(float(text))
            if not criterion.scale_min <= value <= criterion.scale_max:
                errors[f"score_{criterion.pk}"] = [
                    _("Enter a score from %(low)d to %(high)d.")
                    % {"low": criterion.scale_min, "high": criterion.scale_max}
                ]
                continue
        clean_scores[criterion.pk] = value
        comment = str(comments.get(criterion.pk, comments.get(str(criterion.pk), "")) or "").strip()
        if len(comment) > COMMENT_LIMIT:
            errors[f"comment_{criterion.pk}"] = [
                _("A comment may be at most %(limit)d characters.") % {"limit": COMMENT_LIMIT}
            ]
        clean_comments[criterion.pk] = comment
    if errors:
        raise ReviewIncompleteError(errors)
    return clean_scores, clean_comments


def _write(
    assignment: Assignment,
    *,
    version: int,
    scores: dict[Any, Any],
    comments: dict[Any, Any],
    overall_comment: str,
    recommendation: str,
) -> tuple[Review, dict[int, int | None], list[Criterion]]:
    review = Review.objects.select_for_update().filter(assignment=assignment).first()
    current = review.version if review else 0
    if review is not None and review.is_submitted:
        raise JudgingError(_("You have submitted this review; it is locked."), code="locked")
    if version != current:
        raise ReviewConflictError(
            _(
                "This review was saved in another window since you opened it. "
                "Reload the page to see the latest version; your changes here were not saved."
            ),
            code="stale",
        )
    criteria = criteria_for(assignment)
    clean_scores, clean_comments = _clean_scores(criteria, scores, comments)
    overall_comment = overall_comment.strip()
    if len(overall_comment) > OVERALL_LIMIT:
        raise ReviewIncompleteError(
            {"overall_comment": [_("The comment may be at most %(limit)d characters.") % {"limit": OVERALL_LIMIT}]}
        )
    if recommendation and recommendation not in recommendations_for(assignment):
        raise ReviewIncompleteError({"recommendation": [_("Choose one of the recommendations listed.")]})
    if review is None:
        review = Review(assignment=assignment, version=1)
    else:
        review.version += 1
    review.overall_comment = overall_comment
    review.recommendation = recommendation
    save_fields(review, ["version", "overall_comment", "recommendation"])
    rows = {row.criterion_id: row for row in ReviewScore.objects.filter(review=review)}
    for criterion in criteria:
        row = rows.get(criterion.pk) or ReviewScore(review=review, criterion=criterion)
        row.score = clean_scores[criterion.pk]
        row.comment = clean_comments[criterion.pk]
        save_fields(row, ["score", "comment"])
    return review, clean_scores, criteria


@transaction.atomic
def review_save_draft(
    *,
    judge: User,
    assignment_id: int,
    version: int,
    scores: dict[Any, Any],
    comments: dict[Any, Any] | None = None,
    overall_comment: str = "",
    recommendation: str = "",
    now: datetime | None = None,
) -> Review:
    """Save the judge's draft (autosave or the "Save draft" button); returns
    the review with its new version."""
    assignment = _guarded(judge=judge, assignment_id=assignment_id, now=now or timezone.now())
    review, _scores, _criteria = _write(
        assignment,
        version=version,
        scores=scores,
        comments=comments or {},
        overall_comment=overall_comment,
        recommendation=recommendation,
    )
    return review


@transaction.atomic
def review_submit(
    *,
    judge: User,
    assignment_id: int,
    version: int,
    scores: dict[Any, Any],
    comments: dict[Any, Any] | None = None,
    overall_comment: str = "",
    recommendation: str = "",
    now: datetime | None = None,
) -> Review:
    """Save and submit the review, which locks it. Every criterion needs a
    score, the comment to the committee and the recommendation are required;
    otherwise ReviewIncompleteError lists what is missing and nothing is saved."""
    now = now or timezone.now()
    assignment = _guarded(judge=judge, assignment_id=assignment_id, now=now)
    review, clean_scores, criteria = _write(
        assignment,
        version=version,
        scores=scores,
        comments=comments or {},
        overall_comment=overall_comment,
        recommendation=recommendation,
    )
    missing: dict[str, list[str]] = {}
    for criterion in criteria:
        if clean_scores[criterion.pk] is None:
            missing[f"score_{criterion.pk}"] = [_("Score %(criterion)s.") % {"criterion": criterion.name}]
    if not review.overall_comment:
        missing["overall_comment"] = [_("Write your comment to the committee.")]
    if not review.recommendation:
        missing["recommendation"] = [_("Choose your recommendation.")]
    if missing:
        raise ReviewIncompleteError(missing)  # rolls the draft save back too: nothing half-saved
    review.state = ReviewState.SUBMITTED
    review.submitted_at = now
    review.save(update_fields=["state", "submitted_at", "updated_at"])
    audit_record(
        actor=judge,
        action="review.submit",
        target=review,
        after={
            "scores": {criterion.code: clean_scores[criterion.pk] for criterion in criteria},
            "recommendation": review.recommendation,
        },
    )
    return review


@transaction.atomic
def review_unlock(*, actor: User, review_id: int, reason: str) -> Review:
    """Staff reopen a submitted review for the judge to change (recorded with
    the reason). Only while the round is open and the judge still assigned:
    otherwise the judge could not submit it again and the review would
    silently stop counting."""
    review = Review.objects.select_for_update().select_related("assignment__round").get(pk=review_id)
    reason = reason.strip()
    if not reason:
        raise JudgingError(_("Give a reason."), code="reason_required")
    if not review.is_submitted:
        raise JudgingError(_("This review is not submitted, so it is not locked."), code="not_locked")
    if not review.assignment.is_active or not review.assignment.round.is_open(timezone.now()):
        raise JudgingError(
            _("The round is closed or the judge has stepped back, so the review cannot be changed any more."),
            code="closed",
        )
    review.state = ReviewState.DRAFT
    review.submitted_at = None
    review.version += 1
    review.save(update_fields=["state", "submitted_at", "version", "updated_at"])
    audit_record(actor=actor, action="review.unlock", target=review, after={"reason": reason})
    return review
