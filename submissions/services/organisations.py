"""Writes of organisations and their members."""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record

from ..enums import MembershipRole
from ..errors import IntakeError
from ..models import Entry, Membership, Organisation


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


@transaction.atomic
def organisations_merge(*, actor: User, keep_id: int, merge_ids: list[int]) -> Organisation:
    """Staff merge duplicates of one organisation (the same city applying in
    two editions under two records) into ``keep_id``: the others' entries and
    members move to it, and they are deleted. A member of both stays once,
    with the higher role; the kept organisation keeps its owner. Audited."""
    merge_ids = sorted(set(merge_ids) - {keep_id})
    if not merge_ids:
        raise IntakeError(_("Choose at least two organisations to merge."), code="nothing_to_merge")
    organisations = {
        organisation.pk: organisation
        for organisation in Organisation.objects.select_for_update().filter(pk__in=[keep_id, *merge_ids]).order_by("pk")
    }
    keep = organisations.get(keep_id)
    if keep is None or len(organisations) != len(merge_ids) + 1:
        raise IntakeError(_("An organisation to merge no longer exists: reload the list."), code="missing")
    if {organisation.type for organisation in organisations.values()} != {keep.type}:
        raise IntakeError(
            _("Only organisations of the same applicant type can be merged: eligibility was checked against it."),
            code="type_differs",
        )
    entries = Entry.objects.filter(organisation_id__in=merge_ids).update(organisation=keep)
    members = {membership.user_id: membership for membership in Membership.objects.filter(organisation=keep)}
    has_owner = any(membership.role == MembershipRole.OWNER for membership in members.values())
    moved = 0
    for membership in Membership.objects.filter(organisation_id__in=merge_ids).order_by("pk"):
        if membership.user_id in members:
            continue  # already a member of the kept one
        role = MembershipRole.MEMBER if has_owner else membership.role
        members[membership.user_id] = Membership.objects.create(
            organisation=keep, user_id=membership.user_id, role=role
        )
        moved += 1
    Organisation.objects.filter(pk__in=merge_ids).delete()  # their memberships go with them
    audit_record(
        actor=actor,
        action="organisation.merge",
        target=keep,
        after={"merged": merge_ids, "entries": entries, "members": moved},
    )
    return keep
