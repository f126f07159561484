from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _

from judging.engine import conflicts as engine
from submissions.enums import EntryStatus


class RoundKind(models.TextChoices):
    SCREENING = "screening", _("Eligibility screening (pass or fail)")
    SCORED = "scored", _("Scored round (rubric)")
    FINAL = "final", _("Final round")


class PeerVisibility(models.TextChoices):
    NEVER = "never", _("Never")
    AFTER_OWN = "after_own", _("After the judge submitted their own review")
    ALWAYS = "always", _("Always")


class RoundEntryVia(models.TextChoices):
    ELIGIBILITY = "eligibility", _("Eligible for the round")
    ADVANCEMENT = "advancement", _("Advanced from an earlier round")


class AssignmentState(models.TextChoices):
    ACTIVE = "active", _("Assigned")
    RECUSED = "recused", _("Recused")


class ReviewState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class Progress(models.TextChoices):
    """Where one assignment stands, as the dashboard and the staff pages show it."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Submitted")
    RECUSED = "recused", _("Recused")


class Recommendation(models.TextChoices):
    # Scored and final rounds.
    STRONG_YES = "strong_yes", _("Strongly recommend")
    YES = "yes", _("Recommend")
    UNDECIDED = "undecided", _("Undecided")
    NO = "no", _("Do not recommend")
    # Eligibility screening.
    PASS = "pass", _("Eligible (pass)")
    FAIL = "fail", _("Not eligible (fail)")


SCREENING_RECOMMENDATIONS = (Recommendation.PASS, Recommendation.FAIL)
SCORING_RECOMMENDATIONS = (Recommendation.STRONG_YES, Recommendation.YES, Recommendation.UNDECIDED, Recommendation.NO)


class ConflictKind(models.TextChoices):
    """Why a judge may not judge an entry. Stored conflicts are declared by the
    judge or requested by the applicant; detected ones are computed by the
    conflicts engine, whose values these are, with their labels."""

    ENTRY = engine.ConflictKind.ENTRY.value, _("Declared for one entry")
    ORGANISATION = engine.ConflictKind.ORGANISATION.value, _("Standing: an organisation")
    COUNTRY = engine.ConflictKind.COUNTRY.value, _("Standing: a country")
    DOMAIN = engine.ConflictKind.DOMAIN.value, _("Standing: an e-mail domain")
    REQUESTED = engine.ConflictKind.REQUESTED.value, _("Requested by the applicant")
    # Detected (never stored).
    SAME_ORGANISATION = engine.ConflictKind.SAME_ORGANISATION.value, _("Detected: same organisation")
    SAME_DOMAIN = engine.ConflictKind.SAME_DOMAIN.value, _("Detected: same e-mail domain")
    SAME_COUNTRY = engine.ConflictKind.SAME_COUNTRY.value, _("Detected: same country (government entry)")
    COLLABORATOR = engine.ConflictKind.COLLABORATOR.value, _("Detected: the judge works on the entry")
    ABROAD_REFUSED = (
        engine.ConflictKind.ABROAD_REFUSED.value,
        _("Detected: the applicants did not agree to committee members outside Korea reading the entry"),
    )
    RECUSED = "recused", _("Recused from the assignment")


STANDING_KINDS = (ConflictKind.ORGANISATION, ConflictKind.COUNTRY, ConflictKind.DOMAIN)


class ConflictStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for staff")
    APPROVED = "approved", _("In force")
    REJECTED = "rejected", _("Rejected by staff")


# Tie-break rules a round may list, in order (the method's step 7, judging/engine/ranking/). Criterion rules
# name the criterion by code: "criterion:value".
class TieBreak(models.TextChoices):
    MORE_REVIEWS = "more_reviews", _("More reviews")
    EARLIER_SUBMISSION = "earlier_submission", _("Earlier submission")
    HIGHER_MEDIAN = "higher_median", _("Higher median")


CRITERION_TIE_BREAK_PREFIX = "criterion:"
DEFAULT_TIE_BREAKS = [
    "criterion:value",
    "criterion:implementation",
    TieBreak.MORE_REVIEWS.value,
    TieBreak.EARLIER_SUBMISSION.value,
]


class CertificateKind(models.TextChoices):
    """The kinds of verifiable documents: one code space and one /verify/
    page. Award and finalist certificates belong to an entry; the others to
    the app that issues them (events: a visa invitation letter)."""

    AWARD = "award", _("Award")
    FINALIST = "finalist", _("Finalist")
    VISA_LETTER = "visa_letter", _("Visa invitation letter")
    COMPLETION = "completion", _("Course completion certificate")


# The kinds that certify an entry (and so have one).
ENTRY_DOCUMENT_KINDS = (CertificateKind.AWARD, CertificateKind.FINALIST)


class ResultKind(models.TextChoices):
    """What an applicant's results e-mail says about their entries."""

    WINNER = "winner", _("Winner")
    FINALIST = "finalist", _("Finalist")
    NOT_SELECTED = "not_selected", _("Not selected")


class AdvancementRule(StrEnum):
    """How an advancement picks the finalists."""

    TOP = "top"  # the N best-ranked entries that may advance
    THRESHOLD = "threshold"  # every entry that may advance with a calibrated score ≥ the threshold


# Entries that passed screening: a special mention may go to any of them.
ELIGIBLE_STATUSES = (
    EntryStatus.ELIGIBLE,
    EntryStatus.IN_REVIEW,
    EntryStatus.FINALIST,
    EntryStatus.WINNER,
    EntryStatus.NOT_SELECTED,
)


# Rounds that entries may advance to.
TARGET_KINDS = frozenset({RoundKind.SCORED, RoundKind.FINAL})
