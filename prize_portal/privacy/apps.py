from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "prize_portal.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        # Checks at sign-in whether consents are due (and remembers when none are).
        from . import middleware  # noqa: F401
        from .personal_data import register_base_sections

        register_base_sections()
