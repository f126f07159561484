"""Who may do what in judging. Views, downloads and exports check these on
every object and answer 404 when the answer is no.

The object of the assignment predicates is an ``Assignment`` (with its round
loaded); a judge never reaches an entry except through their own assignment.
"""

import rules
from django.utils import timezone

from judging.enums import AssignmentState, PeerVisibility, ReviewState
from judging.models import Assignment, Certificate, Publication, Review
from prize_portal.accounts.requests import AnyUser
from prize_portal.accounts.rules import is_chair, is_judge, is_staff_member

is_committee_member = is_judge | is_chair


@rules.predicate
def is_assignment_judge(user: AnyUser, assignment: Assignment) -> bool:
    return bool(user.is_authenticated) and assignment.judge_id == user.pk


@rules.predicate
def is_assignment_active(user: AnyUser, assignment: Assignment) -> bool:
    return assignment.state == AssignmentState.ACTIVE


@rules.predicate
def is_conflicted(user: AnyUser, assignment: Assignment) -> bool:
    """Any conflict in force between the assignment's judge and entry: stored
    (declared, standing, approved request) or detected. Cached on the object,
    so one request computes it once."""
    cached = getattr(assignment, "_conflicts", None)
    if cached is None:
        from judging.selectors.facts import conflicts_of

        cached = conflicts_of(assignment.judge_id, assignment.entry_id, country_rule=assignment.round.country_conflicts)
        assignment._conflicts = cached  # type: ignore[attr-defined]
    return bool(cached)


@rules.predicate
def is_round_open(user: AnyUser, assignment: Assignment) -> bool:
    return assignment.round.is_open(timezone.now())


def _review_of(assignment: Assignment) -> Review | None:
    try:
        return assignment.review
    except Review.DoesNotExist:
        return None


@rules.predicate
def is_review_submitted(user: AnyUser, assignment: Assignment) -> bool:
    review = _review_of(assignment)
    return review is not None and review.state == ReviewState.SUBMITTED


@rules.predicate
def round_shows_peers(user: AnyUser, assignment: Assignment) -> bool:
    """The round lets judges see each other's reviews, now: always, or once
    this judge has submitted their own."""
    visibility = assignment.round.peer_visibility
    if visibility == PeerVisibility.ALWAYS:
        return True
    return visibility == PeerVisibility.AFTER_OWN and is_review_submitted(user, assignment)


can_open = is_committee_member & is_assignment_judge & is_assignment_active & ~is_conflicted

# Read the entry, its files and PDF, and one's own review (also after submitting or closing).
rules.add_perm("judging.open_assignment", can_open)
# Save and submit the review: the round open and the review not locked.
rules.add_perm("judging.score_assignment", can_open & is_round_open & ~is_review_submitted)
# Step back (recuse) or declare a conflict: the same window as scoring.
rules.add_perm("judging.recuse_assignment", can_open & is_round_open & ~is_review_submitted)
# See the other judges' scores and comments on the entry.
rules.add_perm("judging.see_peer_reviews", can_open & round_shows_peers)
# The reviewer dashboard, one's profile and standing conflicts.
rules.add_perm("judging.use_reviewer_pages", is_committee_member)
# Rounds, assignment, progress, conflicts, reminders, unlocking reviews.
rules.add_perm("judging.manage_rounds", is_staff_member)
# Results of a round and award decisions: the chair and staff (never on an
# entry they are in conflict with; the services check that per entry).
rules.add_perm("judging.decide_awards", is_chair | is_staff_member)


# --- Publication and certificates (the object is a Certificate) -----------------------


@rules.predicate
def is_certificate_recipient(user: AnyUser, certificate: Certificate) -> bool:
    """The certificate's entry is the user's own (owner, collaborator or member
    of its organisation)."""
    from submissions.rules import is_entry_collaborator, is_entry_owner, is_organisation_member

    entry = certificate.entry
    if entry is None:  # a document of another app: downloaded through that app's pages
        return False
    return bool(
        is_entry_owner(user, entry) or is_entry_collaborator(user, entry) or is_organisation_member(user, entry)
    )


@rules.predicate
def is_certificate_out(user: AnyUser, certificate: Certificate) -> bool:
    """Rendered, not revoked, and the cycle's results are public."""
    if not certificate.is_ready or certificate.entry is None:
        return False
    return Publication.objects.live().filter(cycle_id=certificate.entry.cycle_id).exists()


@rules.predicate
def is_certificate_rendered(user: AnyUser, certificate: Certificate) -> bool:
    return certificate.is_ready


rules.add_perm("judging.publish_results", is_staff_member)
# The secretariat removes an edition's personal data once its retention period has passed.
rules.add_perm("judging.apply_retention", is_staff_member)
# Staff may download any rendered certificate, also before publication (to check it).
rules.add_perm(
    "judging.download_certificate",
    (is_certificate_recipient & is_certificate_out) | (is_staff_member & is_certificate_rendered),
)
