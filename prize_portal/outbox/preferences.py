"""Which e-mails a recipient may turn off, and whether one is still wanted.

Essential mail (sign-in links and codes, receipts, invitations, results) is
always sent. Non-essential mail is a nudge: its template prefix is listed in
NON_ESSENTIAL_TEMPLATES, it carries an unsubscribe link and List-Unsubscribe
headers, and it is not sent to a user whose ``reminder_emails`` is off. Add a
prefix here only for reminders, never for mail carrying a secret or a decision.

A person who asked to restrict the processing of their data gets only the
mail of their own account and of their privacy requests (RESTRICTED_ALLOWED).
"""

from prize_portal.accounts.models import User

NON_ESSENTIAL_TEMPLATES = frozenset(
    {
        "judging/email/reminder",  # judges with reviews still to submit
        "submissions/email/draft_reminder",  # applicants with a draft before the deadline
        "events/email/invitation_reminder",  # winners who have not answered their invitation
    }
)


# What a person whose processing is restricted still receives: signing in,
# their account's addresses and passwords, and answers about their data.
RESTRICTED_ALLOWED = ("account/", "mfa/", "privacy/")


def is_non_essential(template: str) -> bool:
    return template in NON_ESSENTIAL_TEMPLATES


def is_wanted(*, template: str, user: User | None) -> bool:
    """False for a non-essential message to a user who turned reminders off,
    and for anything but their account's mail to a user whose processing is restricted."""
    if user is None:
        return True
    if getattr(user, "processing_restricted", False) and not template.startswith(RESTRICTED_ALLOWED):
        return False
    return not (is_non_essential(template) and not getattr(user, "reminder_emails", True))
