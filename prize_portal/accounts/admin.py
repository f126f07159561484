from typing import Any

from allauth.mfa.models import Authenticator
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from prize_portal.site.admin import AccessAudited

from .models import User
from .roles import Role
from .services import user_grant_role


def _grant_action(role: Role) -> Any:
    def action(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[User]) -> None:
        users = list(queryset)
        for user in users:
            user_grant_role(user=user, role=role)
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d user now has the role %(role)s.", "%(count)d users now have the role %(role)s.", len(users)
            )
            % {"count": len(users), "role": role.label},
            messages.SUCCESS,
        )

    action.__name__ = f"grant_{role.value}"
    return admin.action(description=_("Give the role: %(role)s") % {"role": role.label}, permissions=["change"])(action)


@admin.register(User)
class UserAdmin(AccessAudited, admin.ModelAdmin):
    """Staff find people and give roles through the role service (which also
    opens Django admin to staff). No password or e-mail editing here: people
    change those themselves, with verification."""

    ordering = ["email"]
    list_display = ["email", "name", "language", "is_active", "is_staff", "last_login"]
    list_filter = ["groups", "is_active", "is_staff", "language", "reminder_emails"]
    search_fields = ["email", "name"]
    fields = [
        "email",
        "name",
        "language",
        "reminder_emails",
        "is_active",
        "groups",
        "is_staff",
        "last_login",
        "date_joined",
    ]
    # Reminders are the person's own choice (and audited when they make it).
    readonly_fields = ["email", "reminder_emails", "groups", "is_staff", "last_login", "date_joined"]
    actions = [_grant_action(role) for role in Role]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        return False


# allauth's own admin shows an authenticator's data (the TOTP secret): replace it
# with one that shows only who has which factor, and changes nothing.
admin.site.unregister(Authenticator)


@admin.register(Authenticator)
class AuthenticatorAdmin(admin.ModelAdmin):
    list_display = ["user", "type", "created_at", "last_used_at"]
    list_filter = ["type"]
    list_select_related = ["user"]
    search_fields = ["user__email"]
    exclude = ["data"]
    readonly_fields = ["user", "type", "created_at", "last_used_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Authenticator | None = None) -> bool:
        return False
