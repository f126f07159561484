from django.db import models
from django.utils.translation import gettext_lazy as _


class EntryStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ELIGIBLE = "eligible", _("Eligible")
    INELIGIBLE = "ineligible", _("Not eligible")
    IN_REVIEW = "in_review", _("Under review")
    FINALIST = "finalist", _("Finalist")
    WINNER = "winner", _("Winner")
    NOT_SELECTED = "not_selected", _("Not selected")


# States in which the applicant may still change the entry (before the deadline).
EDITABLE_STATUSES = frozenset({EntryStatus.DRAFT, EntryStatus.SUBMITTED})
# States that count towards an organisation's entry limit.
COUNTED_STATUSES = frozenset(set(EntryStatus) - {EntryStatus.WITHDRAWN})


class AttachmentStatus(models.TextChoices):
    """An uploaded file on its way to the judges: an image is checked while
    it uploads; a PDF is checked (and cleaned) by a task just after."""

    CHECKING = "checking", _("Being checked")
    CLEAN = "clean", _("Checked")
    REFUSED = "refused", _("Refused")


class MembershipRole(models.TextChoices):
    OWNER = "owner", _("Owner")
    MEMBER = "member", _("Member")
