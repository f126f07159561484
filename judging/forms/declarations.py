"""The judges' declaration form: the version read, and the judge's acceptance."""

from django import forms
from django.utils.translation import gettext_lazy


class DeclarationForm(forms.Form):
    text = forms.IntegerField(widget=forms.HiddenInput)
    accept = forms.BooleanField(
        label=gettext_lazy("I have read this declaration and I accept it for this cycle."),
        label_suffix="",  # the label follows the box: no colon
        error_messages={"required": gettext_lazy("Please tick the box to accept the declaration.")},
    )
