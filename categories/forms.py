import re
from typing import Any

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils.translation import gettext_lazy as _

from prize_portal.files.checks import check_upload

from .enums import CHOICE_KINDS, ApplicantType
from .models import Category, Question, Signatory


class ApplicantTypesField(forms.TypedMultipleChoiceField):
    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("choices", ApplicantType.choices)
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(**kwargs)  # type: ignore[arg-type]


class CategoryAdminForm(forms.ModelForm):
    applicant_types = ApplicantTypesField(required=False)

    class Meta:
        model = Category
        fields = "__all__"  # noqa: DJ007 (the ModelAdmin chooses the fields shown)


class ChoiceCodesField(forms.CharField):
    """Choice codes typed on one line, separated by commas or spaces; stored as a list."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.pop("encoder", None)  # what a model JSONField hands its form field
        kwargs.pop("decoder", None)
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return ", ".join(str(code) for code in value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        return [code for code in re.split(r"[\s,]+", text) if code]


class TriggerChoiceField(forms.ModelChoiceField):
    """A question others may depend on, named with its category and code."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.category} · {obj.code} — {obj.label}"


class QuestionAdminForm(forms.ModelForm):
    applicant_types = ApplicantTypesField(required=False)

    class Meta:
        model = Question
        fields = "__all__"  # noqa: DJ007 (the ModelAdmin chooses the fields shown)
        field_classes = {"shown_if": TriggerChoiceField, "shown_if_values": ChoiceCodesField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The choice questions of the same category (of any category while adding one).
        triggers = Question.objects.filter(kind__in=CHOICE_KINDS).select_related("category__cycle")
        if self.instance.category_id is not None:
            triggers = triggers.filter(category_id=self.instance.category_id)
        if self.instance.pk is not None:
            triggers = triggers.exclude(pk=self.instance.pk)
        trigger_field = self.fields["shown_if"]
        if isinstance(trigger_field, forms.ModelChoiceField):
            trigger_field.queryset = triggers.order_by("-category__cycle__year", "category__order", "order", "code")
        trigger = self.instance.shown_if if self.instance.shown_if_id else None
        if trigger is not None:
            values_field = self.fields["shown_if_values"]
            choices = _("Its choices: %(codes)s.") % {"codes": ", ".join(c.code for c in trigger.choices.all())}
            values_field.help_text = f"{values_field.help_text} {choices}"


class QuestionChoiceFormSet(forms.BaseInlineFormSet):
    """A choice that shows other questions (their ``shown_if_values``) is
    neither deleted nor given another code while they depend on it."""

    def clean(self) -> None:
        super().clean()
        question = self.instance
        if question.pk is None:
            return
        conditions = question.dependents.values_list("shown_if_values", flat=True)
        used = {code for values in conditions if isinstance(values, list) for code in values}
        kept = {
            form.cleaned_data.get("code")
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form)  # type: ignore[attr-defined]
        }
        lost = sorted(used - kept)
        if lost:
            raise forms.ValidationError(
                _("Other questions are shown by these choices: %(codes)s. Change their condition first."),
                code="choice_in_condition",
                params={"codes": ", ".join(lost)},
            )


class SignatoryAdminForm(forms.ModelForm):
    """A signature image is checked by its content and re-encoded, like every upload."""

    class Meta:
        model = Signatory
        fields = ["name", "title", "signature", "order"]

    def clean_signature(self) -> Any:
        upload = self.cleaned_data.get("signature")
        if not isinstance(upload, UploadedFile):
            return upload  # unchanged
        checked = check_upload(upload)
        if checked.content is None:
            raise forms.ValidationError(_("Upload a PNG, JPEG or WebP image."), code="file_type")
        return SimpleUploadedFile("signature" + checked.extension, checked.content, content_type=checked.content_type)
