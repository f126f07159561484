"""Forms of the staff publication page (times are Seoul time: TIME_ZONE)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class PublishForm(forms.Form):
    visible_from = forms.DateTimeField(
        label=_("Public from (Seoul time)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_(
            "Leave empty to publish now. Until this time the winners pages, photos, certificates and "
            "verification stay hidden, and no results e-mail is sent."
        ),
    )


class CertificateForEntryForm(forms.Form):
    reference = forms.CharField(
        label=_("Entry reference number"),
        max_length=30,
        help_text=_("For example SSCP-2026-P-0042."),
    )
