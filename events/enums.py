from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammeKind(models.TextChoices):
    CEREMONY = "ceremony", _("Award ceremony")
    PRESENTATIONS = "presentations", _("Winners' presentations")
    FORUM = "forum", _("Forum session")
    BOOTH = "booth", _("Promotional booth")
    OTHER = "other", _("Other")


class InvitationStatus(models.TextChoices):
    INVITED = "invited", _("Not answered yet")
    ATTENDING = "attending", _("Attending")
    DECLINED = "declined", _("Not attending")


class ChangeStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class NominationStatus(models.TextChoices):
    INVITED = "invited", _("Invited: not accepted yet")
    WAITING = "waiting", _("On the waiting list")
    OFFERED = "offered", _("Offered a place")
    CONFIRMED = "confirmed", _("Confirmed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Offer expired")


# The nominations that hold a place on the course.
HOLDING_PLACE = (NominationStatus.OFFERED, NominationStatus.CONFIRMED)
