"""The reason a judge or staff give for a decision on the record (a
declared conflict, a recusal, a withdrawal, a revocation)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, help_text: str = "", rows: int = 2, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["reason"]
        field.help_text = help_text
        field.widget.attrs["rows"] = rows
