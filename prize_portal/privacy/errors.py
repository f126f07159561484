from django.core.exceptions import ValidationError


class PrivacyError(ValidationError):
    """A consent or privacy request that cannot be recorded as asked (a
    required item refused, a text no longer current, …), with a translated message."""
