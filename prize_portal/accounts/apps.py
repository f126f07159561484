from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "prize_portal.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from .roles import sync_role_groups

        # Like Django's own permissions, role groups are kept in step with the
        # code after every migrate, so a fresh database always has them.
        post_migrate.connect(sync_role_groups, dispatch_uid="accounts.sync_role_groups")
