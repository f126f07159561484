"""Domain errors of the events app; each carries a translated message."""

from django.core.exceptions import ValidationError


class EventError(ValidationError):
    """The request is understood but not allowed now (deadline passed, place taken, …)."""


class AnswerConflictError(EventError):
    """The answer was changed elsewhere (another tab, a teammate) since the form was opened."""
