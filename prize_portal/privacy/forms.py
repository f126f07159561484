"""The consent items as form fields: one checkbox per text, required ones
required. Any form that starts a role (sign-up, an invitation accepted, the
privacy page) adds them with :class:`ConsentFields` and hands
``consent_answers()`` to ``consents_record``."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import ErasureMode, RequestKind, TextKind
from .models import Text
from .selectors import Asked

FIELD_PREFIX = "consent__"


def _field(text: Text, initial: bool | None, *, locked: bool) -> forms.BooleanField:
    label: str = str(_("I have read the privacy notice")) if text.kind == TextKind.NOTICE else text.title
    help_text = text.summary
    field = forms.BooleanField(
        label=label,
        label_suffix="",  # the label follows the box: no colon
        required=text.required,
        initial=initial,
        disabled=locked,
        help_text=help_text,
        error_messages={"required": _("Tick this box to go on: it is needed to take part.")},
    )
    field.text = text  # type: ignore[attr-defined]
    return field


class ConsentFields:
    """Mixin for a ``forms.Form``: ``add_consent_fields(asked)`` adds a
    checkbox per item; a required item already given is shown ticked and
    locked (it is withdrawn only by asking for erasure)."""

    fields: dict[str, forms.Field]
    cleaned_data: dict[str, Any]

    def add_consent_fields(self, asked: list[Asked]) -> None:
        self.consent_texts: dict[str, Text] = {}
        for item in asked:
            locked = item.text.required and item.given is True and not item.due
            initial = item.given if item.answer is not None and item.answer.text_id == item.text.pk else None
            if item.text.required and item.given:
                initial = True
            self.fields[FIELD_PREFIX + item.text.code] = _field(item.text, initial, locked=locked)
            self.consent_texts[item.text.code] = item.text

    def consent_answers(self) -> dict[str, bool]:
        """{code: given} for every consent field, from the cleaned data."""
        return {code: bool(self.cleaned_data.get(FIELD_PREFIX + code)) for code in self.consent_texts}

    def _consent_group(self, required: bool) -> list[forms.BoundField]:
        form: Any = self
        return [form[FIELD_PREFIX + code] for code, text in self.consent_texts.items() if text.required == required]

    @property
    def consents_required(self) -> list[forms.BoundField]:
        return self._consent_group(True)

    @property
    def consents_optional(self) -> list[forms.BoundField]:
        return self._consent_group(False)

    def other_fields(self) -> list[forms.BoundField]:
        """The form's own visible fields, without the consent checkboxes."""
        form: Any = self
        return [field for field in form.visible_fields() if not field.name.startswith(FIELD_PREFIX)]


class ConsentsForm(ConsentFields, forms.Form):
    """The privacy page: every item of the person's roles."""

    def __init__(self, *args: Any, asked: list[Asked], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_consent_fields(asked)


class PrivacyRequestForm(forms.Form):
    """A person's request about their data."""

    kind = forms.ChoiceField(label=_("What would you like?"), choices=RequestKind.choices, widget=forms.RadioSelect)
    message = forms.CharField(
        label=_("Details"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For a correction, say what is wrong and what it should be."),
    )
    confirm_erasure = forms.BooleanField(
        label=_("I understand that my account will be deleted and I will no longer be able to sign in"),
        label_suffix="",
        required=False,
        help_text=_("Only for a request to delete your account."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("kind") == RequestKind.ERASURE and not cleaned.get("confirm_erasure"):
            self.add_error("confirm_erasure", _("Tick this box to ask for your account to be deleted."))
        return cleaned


class RequestDecisionForm(forms.Form):
    """Staff's answer to a request."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("done", _("Done")), ("refused", _("Refused"))],
        widget=forms.RadioSelect,
    )
    erasure_mode = forms.ChoiceField(
        label=_("How to erase"),
        choices=ErasureMode.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "Keeping closed cycles intact leaves their reviews and rankings as they were, "
            "pointing at an anonymised person; the law allows it for a completed prize cycle."
        ),
    )
    answer = forms.CharField(
        label=_("Answer to the person"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, erasure: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not erasure:
            del self.fields["erasure_mode"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "erasure_mode" in self.fields and cleaned.get("decision") == "done" and not cleaned.get("erasure_mode"):
            self.add_error("erasure_mode", _("Choose how to erase the person."))
        return cleaned
