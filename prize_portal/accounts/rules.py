"""Role predicates shared by every app's object rules."""

import rules

from prize_portal.accounts.requests import AnyUser

from .models import User
from .roles import GROUP_NAMES, MFA_REQUIRED_ROLES, Role


def user_roles(user: AnyUser) -> set[Role]:
    """The roles of a user, read once per request object and cached on it."""
    if not isinstance(user, User):  # anonymous
        return set()
    cached: set[Role] | None = getattr(user, "_portal_roles", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = {role for role, name in GROUP_NAMES.items() if name in names}
        if user.is_superuser or user.is_staff:  # admin access always needs staff's protections
            cached.add(Role.STAFF)
        user._portal_roles = cached  # type: ignore[attr-defined]
    return cached


def _has_role(role: Role) -> rules.Predicate:
    @rules.predicate(name=f"is_{role.value}")
    def predicate(user: AnyUser) -> bool:
        return role in user_roles(user)

    return predicate


is_applicant = _has_role(Role.APPLICANT)
is_judge = _has_role(Role.JUDGE)
is_chair = _has_role(Role.CHAIR)
is_staff_member = _has_role(Role.STAFF)


@rules.predicate
def requires_mfa(user: AnyUser) -> bool:
    return bool(user_roles(user) & MFA_REQUIRED_ROLES)


rules.add_perm("accounts.use_staff_pages", is_staff_member)
rules.add_perm("accounts.use_judge_pages", is_judge | is_chair)
rules.add_perm("accounts.read_rankings", is_chair | is_staff_member)
