"""Writes of judging, one module per sub-domain. One function per state
transition: it checks the guard, saves, records the audit trail and queues
mail after commit."""

from judging.services.assignments import (
    assignment_add,
    assignment_apply,
    assignment_recuse,
    assignment_remove,
    round_add_eligible_entries,
)
from judging.services.awards import award_decide, award_remove, award_unlock, awards_lock
from judging.services.certificates import (
    certificate_regenerate,
    certificate_render,
    certificate_request,
    certificate_revoke,
    certificates_request,
)
from judging.services.conflicts import (
    EXCLUSIONS_PER_ENTRY,
    conflict_decide,
    conflict_declare_entry,
    conflict_declare_standing,
    conflict_request,
    conflict_withdraw_standing,
)
from judging.services.judges import PROFILE_CONSENT, judge_invitation_accept, judge_invite, judge_profile_update
from judging.services.publication import publication_publish, publication_take_effect, publication_withdraw
from judging.services.reminders import pending_reviews, reminder_send, reminders_send_due
from judging.services.reviews import review_save_draft, review_submit, review_unlock

__all__ = [
    "EXCLUSIONS_PER_ENTRY",
    "PROFILE_CONSENT",
    "assignment_add",
    "assignment_apply",
    "assignment_recuse",
    "assignment_remove",
    "award_decide",
    "award_remove",
    "award_unlock",
    "awards_lock",
    "certificate_regenerate",
    "certificate_render",
    "certificate_request",
    "certificate_revoke",
    "certificates_request",
    "conflict_decide",
    "conflict_declare_entry",
    "conflict_declare_standing",
    "conflict_request",
    "conflict_withdraw_standing",
    "judge_invitation_accept",
    "judge_invite",
    "judge_profile_update",
    "pending_reviews",
    "publication_publish",
    "publication_take_effect",
    "publication_withdraw",
    "reminder_send",
    "reminders_send_due",
    "review_save_draft",
    "review_submit",
    "review_unlock",
    "round_add_eligible_entries",
]

from judging.services.advancement import round_advance

__all__ += ["round_advance"]
