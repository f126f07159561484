"""Who may see and change which entry. Views check these on every object and
answer 404 when the answer is no (an entry's existence is not disclosed)."""

import rules

from prize_portal.accounts.requests import AnyUser
from prize_portal.accounts.rules import is_staff_member

from .models import Entry, Organisation


@rules.predicate
def is_entry_owner(user: AnyUser, entry: Entry) -> bool:
    return bool(user.is_authenticated) and entry.owner_id == user.pk


@rules.predicate
def is_entry_collaborator(user: AnyUser, entry: Entry) -> bool:
    if not user.is_authenticated:
        return False
    cached = getattr(entry, "_prefetched_objects_cache", {}).get("collaborators")
    if cached is not None:
        return any(member.pk == user.pk for member in cached)
    return entry.collaborators.filter(pk=user.pk).exists()


@rules.predicate
def is_organisation_member(user: AnyUser, target: Entry | Organisation) -> bool:
    if not user.is_authenticated:
        return False
    organisation_id = target.organisation_id if isinstance(target, Entry) else target.pk
    return user.memberships.filter(organisation_id=organisation_id).exists()


@rules.predicate
def is_organisation_owner(user: AnyUser, organisation: Organisation) -> bool:
    from .enums import MembershipRole

    if not user.is_authenticated:
        return False
    return user.memberships.filter(organisation=organisation, role=MembershipRole.OWNER).exists()


can_edit_entry = is_entry_owner | is_entry_collaborator

# Members of the organisation read its entries; staff read every entry.
rules.add_perm("submissions.see_entry", can_edit_entry | is_organisation_member | is_staff_member)
# Owner and invited collaborators write the text, upload files and submit.
rules.add_perm("submissions.edit_entry", can_edit_entry)
# Only the owner withdraws the entry and invites collaborators.
rules.add_perm("submissions.manage_entry", is_entry_owner)
rules.add_perm("submissions.see_organisation", is_organisation_member | is_staff_member)
rules.add_perm("submissions.edit_organisation", is_organisation_owner)
# The secretariat merges duplicate records of one organisation (audited).
rules.add_perm("submissions.merge_organisations", is_staff_member)
