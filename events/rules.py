"""Who may see and answer which invitation. Views check these on every
object and answer 404 when the answer is no: a winner sees only their own
organisation's invitations and delegates."""

import rules

from events.models import Invitation, Nomination, VisaLetter
from prize_portal.accounts.requests import AnyUser
from prize_portal.accounts.rules import is_staff_member
from submissions.models import Organisation
from submissions.rules import is_entry_collaborator, is_entry_owner, is_organisation_member


@rules.predicate
def is_entry_team(user: AnyUser, invitation: Invitation) -> bool:
    """The winning entry's owner or one of its collaborators."""
    return bool(is_entry_owner(user, invitation.entry) or is_entry_collaborator(user, invitation.entry))


@rules.predicate
def is_winner_organisation_member(user: AnyUser, invitation: Invitation) -> bool:
    return bool(is_organisation_member(user, invitation.entry))


@rules.predicate
def is_letter_team(user: AnyUser, letter: VisaLetter) -> bool:
    """A member of the team (or organisation) of the letter's invitation."""
    invitation = letter.invitation
    return bool(is_entry_team(user, invitation) or is_winner_organisation_member(user, invitation))


@rules.predicate
def is_organisation_team(user: AnyUser, organisation: Organisation) -> bool:
    """A member of the organisation, or on the team of one of its entries."""
    if not user.is_authenticated:
        return False
    if is_organisation_member(user, organisation):
        return True
    from django.db.models import Q

    mine = Q(owner=user) | Q(collaborators=user)
    return organisation.entries.filter(mine).exists()


@rules.predicate
def is_nominee(user: AnyUser, nomination: Nomination) -> bool:
    return bool(user.is_authenticated) and nomination.nominee_id == user.pk


# The team answers; the organisation's other members read the answer.
rules.add_perm("events.see_invitation", is_entry_team | is_winner_organisation_member | is_staff_member)
rules.add_perm("events.answer_invitation", is_entry_team)
# A visa letter (it prints passport details): its team and staff; the delegate through their link.
rules.add_perm("events.download_letter", is_letter_team | is_staff_member)
# A winning organisation's team nominates its officials to a course (eligibility is the service's).
rules.add_perm("events.nominate", is_organisation_team)
# The nominee follows their own nomination (offers, withdrawal, certificate); staff every one.
rules.add_perm("events.follow_nomination", is_nominee | is_staff_member)
# The secretariat runs the event: invitations, reminders, booth, changes, the attendance list.
rules.add_perm("events.manage_event", is_staff_member)
