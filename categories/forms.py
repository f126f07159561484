from django import forms

from .enums import ApplicantType
from .models import Category, Question


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
