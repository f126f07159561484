"""Domain errors of intake; each carries a translated message for the applicant."""

from django.core.exceptions import ValidationError


class IntakeError(ValidationError):
    """The request is understood but not allowed now (closed, not eligible, …)."""


class EditConflictError(IntakeError):
    """Someone saved the entry since this form was opened."""


class EntryIncompleteError(IntakeError):
    """Required parts are missing; ``message_dict`` maps field names to messages."""
