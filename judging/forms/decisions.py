"""Forms of the decision pages: an award level with a citation per
language, a special mention for any eligible entry, and unlocking on the record."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from categories.models import AwardLevel
from submissions.models import Entry


class DecisionForm(forms.Form):
    level: "forms.ModelChoiceField[AwardLevel]" = forms.ModelChoiceField(
        label=gettext_lazy("Award level"), queryset=AwardLevel.objects.none()
    )

    def __init__(self, *args: Any, levels: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["level"].queryset = levels  # type: ignore[attr-defined]
        for code, name in settings.LANGUAGES:
            self.fields[f"citation_{code}"] = forms.CharField(
                label=_("Citation in %(language)s") % {"language": _(str(name))},
                required=code == "en",
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3, "lang": code}),
            )

    def citation(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"citation_{code}", "") for code, _name in settings.LANGUAGES}


class SpecialMentionForm(DecisionForm):
    """A special mention: any eligible entry of the cycle, any award level."""

    entry = forms.ModelChoiceField(label=gettext_lazy("Entry"), queryset=Entry.objects.none())

    def __init__(self, *args: Any, entries: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["entry"].queryset = entries  # type: ignore[attr-defined]
        self.fields["entry"].label_from_instance = lambda entry: f"{entry.reference} · {entry.title_en}"  # type: ignore[attr-defined]
        self.order_fields(["entry", "level"])


class UnlockForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason for unlocking"), max_length=1000)
