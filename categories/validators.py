from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .enums import ApplicantType


def validate_applicant_types(value: Any) -> None:
    """A list of distinct ApplicantType values."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError(_("Give a list of applicant types."), code="applicant_types_not_list")
    unknown = sorted(set(value) - set(ApplicantType.values))
    if unknown:
        raise ValidationError(
            _("Unknown applicant type: %(types)s."), code="unknown_applicant_type", params={"types": ", ".join(unknown)}
        )
    if len(set(value)) != len(value):
        raise ValidationError(_("Each applicant type may be listed once."), code="duplicate_applicant_type")
