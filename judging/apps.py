from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JudgingConfig(AppConfig):
    name = "judging"
    verbose_name = _("Judging")

    def ready(self) -> None:
        from judging.rendering.certificate import register_certificate_kinds
        from judging.selectors import personal_data
        from judging.selectors.publication import certificates_out_for
        from judging.services.conflicts import assignments_follow_transfer_consent
        from judging.services.erasure import judging_erase
        from judging.services.judges import judge_publish_consent_changed
        from prize_portal.privacy.signals import consent_changed, person_erasing
        from submissions.selectors import entry_extra_register

        # Award and finalist certificates among the kinds of verifiable documents.
        register_certificate_kinds()
        # The applicant's dashboard (submissions) lists each entry's certificates.
        entry_extra_register("certificates", certificates_out_for)

        # A judge's consent to publish their profile acts on the committee page at once.
        consent_changed.connect(judge_publish_consent_changed, dispatch_uid="judging-publish-consent")
        # Entries whose people refuse readers abroad leave judges outside Korea at once.
        consent_changed.connect(assignments_follow_transfer_consent, dispatch_uid="judging-transfer-abroad")
        # What the person's data download holds from judging.
        personal_data.register()
        # Erasing a person: judging's records, then intake's (judging knows which cycles are closed).
        person_erasing.connect(judging_erase, dispatch_uid="judging-erase")
