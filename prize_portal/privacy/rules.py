"""Who may do what with privacy records: a data download is its owner's
alone (views answer 404 to anyone else, staff included)."""

import rules

from prize_portal.accounts.requests import AnyUser
from prize_portal.accounts.rules import is_staff_member

from .models import DataExport


@rules.predicate
def is_export_owner(user: AnyUser, export: DataExport) -> bool:
    return bool(user.is_authenticated) and export.user_id == user.pk


rules.add_perm("privacy.download_export", is_export_owner)
# The secretariat answers people's requests about their data.
rules.add_perm("privacy.decide_request", is_staff_member)
