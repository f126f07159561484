"""The form of the public verification page: a certificate's code, however it was typed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from judging.selectors.certificates import normalise_code

INVALID_CODE = _("This is not a valid verification code. A code has 12 letters and digits, like 7KQ2-M9XD-4TBE.")


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        help_text=_("Printed on the certificate, next to its QR code, for example 7KQ2-M9XD-4TBE."),
        error_messages={"required": _("Enter the verification code printed on the certificate.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(INVALID_CODE, code="invalid")
        return code
