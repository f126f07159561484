"""Who may do what: the one place that defines the portal's roles.

A role is a Django group. Model permissions given here drive Django admin;
object-level rules (an assigned judge, an entry's owner) live in each app's
``rules.py`` and build on the predicates in ``prize_portal/accounts/rules.py``.

| role            | who                          | may                                                   | MFA      |
|-----------------|------------------------------|-------------------------------------------------------|----------|
| applicant       | anyone who signs up          | manage their organisation's entries                   | optional |
| judge           | advisory-committee member    | score entries assigned to them, declare conflicts     | required |
| committee chair | leads the committee          | what a judge may, plus read rankings, decide awards   | required |
| staff           | WeGO / Seoul secretariat     | Django admin: configure cycles, screen, assign, publish | required |
"""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    JUDGE = "judge", _("Judge")
    CHAIR = "chair", _("Committee chair")
    STAFF = "staff", _("Staff")


# Group name stored in the database for each role (stable, not translated).
GROUP_NAMES: dict[Role, str] = {
    Role.APPLICANT: "Applicants",
    Role.JUDGE: "Judges",
    Role.CHAIR: "Committee chairs",
    Role.STAFF: "Staff",
}

# Roles whose members must have TOTP before any other page opens.
MFA_REQUIRED_ROLES = frozenset({Role.JUDGE, Role.CHAIR, Role.STAFF})

# Roles that open Django admin (is_staff is set for them by the role service).
ADMIN_ROLES = frozenset({Role.STAFF})

# Model permissions per role, as "app_label.codename"; "app_label.*" means all
# permissions of that app's models.
ROLE_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.APPLICANT: (),
    Role.JUDGE: (),
    Role.CHAIR: (
        "categories.view_cycle",
        "categories.view_category",
        "categories.view_track",
        "categories.view_criterion",
        "categories.view_awardlevel",
    ),
    Role.STAFF: (
        "categories.*",
        "outbox.view_outboxmessage",
        "outbox.change_outboxmessage",
        "accounts.view_user",
        "accounts.change_user",
        "mfa.view_authenticator",
        "submissions.view_organisation",
        "submissions.view_entry",
        "submissions.view_submission",
        "submissions.view_attachment",
        "audit.view_auditevent",
        "privacy.view_text",
        "privacy.add_text",
        "privacy.change_text",
        "privacy.delete_text",
        "privacy.view_consent",
        "judging.*",
        "events.*",
    ),
}


def sync_role_groups(**kwargs: Any) -> None:
    """Create the role groups and give them exactly the permissions above."""
    from django.contrib.auth.models import Group, Permission

    for role, group_name in GROUP_NAMES.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        wanted = Permission.objects.none()
        for spec in ROLE_PERMISSIONS[role]:
            app_label, codename = spec.split(".", 1)
            query = Permission.objects.filter(content_type__app_label=app_label)
            if codename != "*":
                query = query.filter(codename=codename)
            wanted = wanted | query
        group.permissions.set(wanted)
