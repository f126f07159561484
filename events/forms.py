"""The forms of invitations: the team's answer with its delegates, a
delegate's own details, and staff's booth places and decisions."""

from typing import Any, cast

from django import forms
from django.conf import settings
from django.forms import BaseFormSet, formset_factory
from django.utils.translation import gettext_lazy as _

from events.services.answers import Answer, DelegateAnswer
from events.services.delegates import DelegateDetails
from events.services.letters import Passport
from prize_portal.accounts.forms import LanguageSelect, language_choices
from prize_portal.privacy.forms import ConsentFields

ATTENDING_CHOICES = [("yes", _("Yes, we will attend")), ("no", _("No, we cannot attend"))]


class AnswerForm(forms.Form):
    attending = forms.ChoiceField(
        label=_("Will your team attend?"),
        choices=ATTENDING_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether your team will attend.")},
    )
    reason = forms.CharField(
        label=_("Why the change after the deadline"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The secretariat reads this before approving the change."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, late: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not late:
            del self.fields["reason"]


class DelegateForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    title = forms.CharField(label=_("Position"), max_length=200, help_text=_("For example: Deputy Mayor."))
    organisation = forms.CharField(label=_("Organisation"), max_length=300)
    email = forms.EmailField(
        label=_("E-mail address"), help_text=_("The delegate gets a link to check and correct their own details.")
    )
    language = forms.ChoiceField(label=_("Language of their e-mails"), choices=language_choices, widget=LanguageSelect)
    presents = forms.BooleanField(label=_("Presents the winning work"), label_suffix="", required=False)

    def __init__(self, *args: Any, language: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = language  # an untouched empty row stays unchanged

    def answer(self) -> DelegateAnswer:
        data = self.cleaned_data
        return DelegateAnswer(
            name=data["name"],
            title=data["title"],
            organisation=data["organisation"],
            email=data["email"],
            language=data["language"],
            presents=bool(data.get("presents")),
        )


class BaseDelegateFormSet(BaseFormSet):
    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this delegate")
            form.fields["DELETE"].label_suffix = ""

    def answers(self) -> tuple[DelegateAnswer, ...]:
        """The rows filled in and not removed (an untouched empty row is skipped)."""
        kept = [form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        return tuple(form.answer() for form in kept)


def delegate_formset(
    data: Any = None, *, initial: list[dict[str, Any]] | None = None, add_row: bool = False, language: str = "en"
) -> BaseDelegateFormSet:
    """The delegates' rows: those given so far and an empty one, at most
    EVENT_DELEGATES_MAX; ``add_row`` adds an empty row to the rows sent
    (the "add a delegate" button, which works without JavaScript)."""
    initial = initial or []
    if data is not None and add_row:
        data = data.copy()
        total = int(data.get("delegates-TOTAL_FORMS") or 0)
        data["delegates-TOTAL_FORMS"] = str(min(total + 1, settings.EVENT_DELEGATES_MAX))
    factory = formset_factory(
        DelegateForm,
        formset=BaseDelegateFormSet,
        extra=1 if len(initial) < settings.EVENT_DELEGATES_MAX else 0,
        max_num=settings.EVENT_DELEGATES_MAX,
        absolute_max=settings.EVENT_DELEGATES_MAX,
        validate_max=True,
        can_delete=True,
    )
    formset = factory(data, initial=initial, prefix="delegates", form_kwargs={"language": language})
    return cast(BaseDelegateFormSet, formset)


def answer_of(form: AnswerForm, formset: BaseDelegateFormSet) -> Answer:
    attending = form.cleaned_data["attending"] == "yes"
    return Answer(attending=attending, delegates=formset.answers() if attending else ())


class DelegateDetailsForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    title = forms.CharField(label=_("Position"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), max_length=300)
    language = forms.ChoiceField(label=_("Language of your e-mails"), choices=language_choices, widget=LanguageSelect)
    needs = forms.CharField(
        label=_("Access or dietary needs"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: wheelchair access, sign language, vegetarian or halal meals, allergies."),
    )
    needs_consent = forms.BooleanField(
        label=_("I agree that my needs are kept for the event, as explained above."), label_suffix="", required=False
    )
    name_public = forms.BooleanField(
        label=_("Name me as the presenter in the public programme"),
        label_suffix="",
        required=False,
        help_text=_("Without it, the programme names your city and the winning work only."),
    )

    def __init__(self, *args: Any, presents: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not presents:
            del self.fields["name_public"]

    def details(self) -> DelegateDetails:
        return DelegateDetails(**self.cleaned_data)


class PassportForm(forms.Form):
    full_name = forms.CharField(label=_("Full name, exactly as in your passport"), max_length=200)
    nationality = forms.ChoiceField(label=_("Nationality"))
    passport_number = forms.CharField(label=_("Passport number"), max_length=30)
    date_of_birth = forms.DateField(label=_("Date of birth"), widget=forms.DateInput(attrs={"type": "date"}))
    stay_from = forms.DateField(label=_("Arriving in Korea on"), widget=forms.DateInput(attrs={"type": "date"}))
    stay_to = forms.DateField(label=_("Leaving Korea on"), widget=forms.DateInput(attrs={"type": "date"}))
    purpose = forms.CharField(
        label=_("Purpose of the visit"),
        required=False,
        max_length=500,
        help_text=_("Leave empty for: to attend the event as a delegate of a winner of the prize."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from django_countries import countries

        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["nationality"]).choices = [("", "—"), *countries]

    def passport(self) -> Passport:
        return Passport(**self.cleaned_data)


class BoothForm(forms.Form):
    place = forms.TypedChoiceField(label=_("Booth place"), coerce=int, empty_value=None, required=False)

    def __init__(self, *args: Any, places: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["place"]).choices = [
            ("", _("No place")),
            *((place, str(place)) for place in places),
        ]


class ChangeDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve the change")), ("refuse", _("Refuse the change"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether to approve or refuse the change.")},
    )
    note = forms.CharField(
        label=_("Note to the winner"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


SEOUL_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ScheduleForm(forms.Form):
    item = forms.TypedChoiceField(label=_("Session"), coerce=int)
    starts_at = forms.DateTimeField(label=_("Starts (Seoul time)"), widget=SEOUL_INPUT)
    ends_at = forms.DateTimeField(label=_("Ends (Seoul time)"), widget=SEOUL_INPUT)

    def __init__(self, *args: Any, items: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["item"]).choices = [(item.pk, str(item.title)) for item in items]


class SlidesForm(forms.Form):
    slides = forms.FileField(
        label=_("Slides (PDF)"), required=False, help_text=_("A PDF of at most 20 MB; a new file replaces the old one.")
    )
    video_url = forms.CharField(
        label=_("Link to a video (optional)"), required=False, max_length=500, help_text=_("An https:// address.")
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class NominateForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("Organisation"), coerce=int)
    name = forms.CharField(label=_("The official's name"), max_length=200)
    email = forms.EmailField(label=_("Their e-mail address"), help_text=_("They get an e-mail with a link to accept."))
    language = forms.ChoiceField(label=_("Language of their e-mails"), choices=language_choices, widget=LanguageSelect)

    def __init__(self, *args: Any, organisations: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["organisation"]).choices = [(o.pk, o.name_en) for o in organisations]


class NomineeProfileForm(ConsentFields, forms.Form):
    position = forms.CharField(label=_("Position"), max_length=200)
    department = forms.CharField(label=_("Department"), max_length=200)

    def __init__(self, *args: Any, asked: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_consent_fields(asked)
