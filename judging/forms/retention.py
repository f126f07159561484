"""The confirmation of a cycle's retention run (its dry run's digest)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class RetentionConfirmForm(forms.Form):
    digest = forms.CharField(max_length=16, widget=forms.HiddenInput)
    understood = forms.BooleanField(
        label=_("I have checked the list above: what it names is removed for good."),
        error_messages={"required": _("Tick the box to confirm that you have checked the list.")},
    )
