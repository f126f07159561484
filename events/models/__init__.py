"""What winners are invited to after the decision, one module per part of
the domain; the app's models are re-exported here (the app label stays
``events``)."""

from events.models.courses import Course, Nomination
from events.models.invitations import Delegate, Invitation, InvitationChange
from events.models.letters import PassportDetails, VisaLetter
from events.models.presentations import Presentation
from events.models.programme import Event, ProgrammeItem

__all__ = [
    "Course",
    "Delegate",
    "Event",
    "Invitation",
    "InvitationChange",
    "Nomination",
    "PassportDetails",
    "Presentation",
    "ProgrammeItem",
    "VisaLetter",
]
