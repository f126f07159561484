"""Committee judging's data, one module per part of the domain; the app's
models are re-exported here (the app label stays ``judging``)."""

from judging.models.awards import Award
from judging.models.certificates import Certificate
from judging.models.committee import JudgeInvitation, JudgeProfile
from judging.models.conflicts import Conflict
from judging.models.declarations import JUDGE_DECLARATION, Declaration
from judging.models.publication import Feedback, Publication
from judging.models.retention import RetentionRun
from judging.models.reviews import Assignment, Review, ReviewScore
from judging.models.rounds import Round, RoundEntry

__all__ = [
    "JUDGE_DECLARATION",
    "Assignment",
    "Award",
    "Certificate",
    "Conflict",
    "Declaration",
    "Feedback",
    "JudgeInvitation",
    "JudgeProfile",
    "Publication",
    "RetentionRun",
    "Review",
    "ReviewScore",
    "Round",
    "RoundEntry",
]
