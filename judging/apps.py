from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JudgingConfig(AppConfig):
    name = "judging"
    verbose_name = _("Judging")

    def ready(self) -> None:
        from judging.selectors.publication import certificates_out_for
        from submissions.selectors import entry_extra_register

        # The applicant's dashboard (submissions) lists each entry's certificates.
        entry_extra_register("certificates", certificates_out_for)
