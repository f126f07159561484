from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events after the award")

    def ready(self) -> None:
        from judging.signals import results_took_effect

        from . import receivers
        from .rendering import register_completion_kind, register_letter_kind

        # The visa invitation letter and the course certificate among the kinds of verifiable documents.
        register_letter_kind()
        register_completion_kind()
        results_took_effect.connect(receivers.invite_winners, dispatch_uid="events.invite_winners")
