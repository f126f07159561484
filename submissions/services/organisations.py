"""Writes of organisations and their members."""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record

from ..enums import MembershipRole
from ..errors import IntakeError
from ..models import Membership, Organisation


@transaction.atomic
def organisation_create(*, user: User, **fields: Any) -> Organisation:
    """A new organisation with ``user`` as its owner."""
    organisation = Organisation(**fields)
    organisation.full_clean()
    organisation.save()
    Membership.objects.create(organisation=organisation, user=user, role=MembershipRole.OWNER)
    return organisation


ORGANISATION_FIELDS = ("type", "name_native", "name_en", "country", "city", "website", "contact_name", "contact_phone")


@transaction.atomic
def organisation_update(*, organisation_id: int, user: User, **fields: Any) -> Organisation:
    """Change an organisation's profile. Its type cannot change once it has
    entries: eligibility was checked against it."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation_id)
    unknown = set(fields) - set(ORGANISATION_FIELDS)
    if unknown:
        raise ValueError(f"Unknown organisation fields: {sorted(unknown)}")
    if "type" in fields and fields["type"] != organisation.type and organisation.entries.exists():
        raise IntakeError(_("The applicant type cannot change once the organisation has entries."), code="type_locked")
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.full_clean()
    organisation.save(update_fields=list(fields))
    audit_record(actor=user, action="organisation.update", target=organisation, after={"fields": sorted(fields)})
    return organisation
