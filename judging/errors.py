"""Domain errors of judging; each carries a translated message for the judge or staff."""

from django.core.exceptions import ValidationError


class JudgingError(ValidationError):
    """The request is understood but not allowed now (round closed, locked, conflicted, …)."""


class ReviewConflictError(JudgingError):
    """The review was saved elsewhere (another tab) since this form was opened."""


class ReviewIncompleteError(JudgingError):
    """Required parts of the review are missing; ``message_dict`` maps fields to messages."""
