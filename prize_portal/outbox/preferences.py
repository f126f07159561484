"""Which e-mails a recipient may turn off, and whether one is still wanted.

Essential mail (sign-in links and codes, receipts, invitations, results) is
always sent. Non-essential mail is a nudge: its template prefix is listed in
NON_ESSENTIAL_TEMPLATES, it carries an unsubscribe link and List-Unsubscribe
headers, and it is not sent to a user whose ``reminder_emails`` is off. Add a
prefix here only for reminders, never for mail carrying a secret or a decision.
"""

from prize_portal.accounts.models import User

NON_ESSENTIAL_TEMPLATES = frozenset(
    {
        "judging/email/reminder",  # judges with reviews still to submit
        "submissions/email/draft_reminder",  # applicants with a draft before the deadline
    }
)


def is_non_essential(template: str) -> bool:
    return template in NON_ESSENTIAL_TEMPLATES


def is_wanted(*, template: str, user: User | None) -> bool:
    """False for a non-essential message to a user who turned reminders off."""
    return not (is_non_essential(template) and user is not None and not getattr(user, "reminder_emails", True))
