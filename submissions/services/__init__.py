"""Writes of intake, one module per sub-domain. One function per state
transition: it checks the guard, saves, records the audit trail and queues
mail after commit."""

from ..validators import ATTACHMENTS_PER_ENTRY
from .attachments import attachment_add, attachment_delete, attachment_set_identifying
from .drafts import DraftSaved, entry_save_changes, entry_save_draft
from .entries import (
    entry_decide_eligibility,
    entry_grant_extension,
    entry_start,
    entry_submit,
    entry_withdraw,
)
from .invitations import invitation_accept, invitation_create
from .organisations import organisation_create, organisation_update, organisations_merge

__all__ = [
    "ATTACHMENTS_PER_ENTRY",
    "DraftSaved",
    "attachment_add",
    "attachment_delete",
    "attachment_set_identifying",
    "entry_decide_eligibility",
    "entry_grant_extension",
    "entry_save_changes",
    "entry_save_draft",
    "entry_start",
    "entry_submit",
    "entry_withdraw",
    "invitation_accept",
    "invitation_create",
    "organisation_create",
    "organisation_update",
    "organisations_merge",
]
