from typing import Any

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils.translation import gettext_lazy as _

from prize_portal.files.checks import check_upload

from .enums import ApplicantType
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


class QuestionAdminForm(forms.ModelForm):
    applicant_types = ApplicantTypesField(required=False)

    class Meta:
        model = Question
        fields = "__all__"  # noqa: DJ007 (the ModelAdmin chooses the fields shown)


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
