"""Forms of the judges' account pages and the applicant's exclusion requests.
They parse and present; the services in ``services/`` decide and store."""

from typing import Any

from django import forms
from django.conf.global_settings import LANGUAGES as ALL_LANGUAGES
from django.contrib.auth.password_validation import password_validators_help_text_html, validate_password
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from categories.enums import CycleStatus
from categories.models import Track
from judging.enums import ConflictKind
from judging.models import Conflict, JudgeInvitation, JudgeProfile
from prize_portal.privacy.enums import ConsentRole
from prize_portal.privacy.forms import ConsentFields
from prize_portal.privacy.selectors import consents_asked
from prize_portal.site.names import country_choices, language_choices
from submissions.enums import EntryStatus
from submissions.models import Organisation

# Languages a judge may say they read: the prize's six, then the languages
# entries most often come in. Codes are Django's (global LANGUAGES).
READING_LANGUAGES = (
    "en", "ko", "ja", "zh-hans", "zh-hant", "es", "fr", "pt", "ar", "ru", "id", "vi", "th",
    "de", "it", "nl", "tr", "pl", "hi", "ms", "fa", "uk", "mn", "bn", "km", "uz", "kk",
)  # fmt: skip
PHOTO_TYPES = "image/jpeg,image/png,image/webp"
# An entry that has been submitted, whatever happened to it since (not a draft,
# not withdrawn): its organisation has entered, and it may ask for exclusions.
ENTERED_STATUSES = tuple(sorted(set(EntryStatus) - {EntryStatus.DRAFT, EntryStatus.WITHDRAWN}))


def reading_language_choices(extra: list[str] | tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """The languages on offer, named in the active language and sorted by that
    name; codes already saved on a profile (``extra``) stay on offer. Call it
    per form: Django's language names are translated only when asked for."""
    known = dict(ALL_LANGUAGES)
    codes = [*READING_LANGUAGES, *(code for code in extra if code in known and code not in READING_LANGUAGES)]
    return language_choices(codes)


class JudgeInvitationAcceptForm(ConsentFields, forms.Form):
    """A new committee member's account: the name to show, a password, and
    the answers to the judge's consent items."""

    name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=_("As it should appear to staff and, if you agree, on the committee page."),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html,
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, invitation: JudgeInvitation, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"name": invitation.name})
        super().__init__(*args, **kwargs)
        self.invitation = invitation
        self.add_consent_fields(consents_asked(None, roles=[ConsentRole.JUDGE]))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif password1:
            from prize_portal.accounts.models import User

            # The validators compare the password with the person's address and name.
            person = User(email=self.invitation.email, name=cleaned.get("name", ""))
            try:
                validate_password(password1, user=person)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


def expertise_tracks(profile: JudgeProfile | None) -> QuerySet[Track]:
    """Tracks of the announced cycles, plus those already on the profile (so
    saving the form never drops them silently)."""
    wanted = Q(category__cycle__status=CycleStatus.ANNOUNCED)
    if profile is not None and profile.pk:
        wanted |= Q(expert_judges=profile)
    return (
        Track.objects.filter(pk__in=Track.objects.filter(wanted).values("pk"))
        .select_related("category__cycle")
        .order_by("-category__cycle__year", "category__order", "order", "code")
    )


class TrackChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.category.name} · {obj.name} ({obj.category.cycle.year})"


class JudgeProfileForm(forms.ModelForm):
    """The judge's own profile. The photo is handed to the service, which
    checks it by content and re-encodes it."""

    expertise_tracks = TrackChoiceField(
        label=_("Tracks of expertise"),
        queryset=Track.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Entries in these tracks are assigned to you first."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you read"),
        choices=(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Entries written in these languages can be assigned to you. Every entry has an English summary."),
    )
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        widget=forms.FileInput(attrs={"accept": PHOTO_TYPES}),
        help_text=_("Optional. A JPEG, PNG or WebP image of at most 10 MB, shown only if you agree below."),
    )
    # The answer to the "judge-profile" consent item (recorded as a consent);
    # asked only while that item is in force.
    publish_consent = forms.BooleanField(
        label=JudgeProfile._meta.get_field("publish_consent").verbose_name,
        label_suffix="",
        required=False,
        help_text=_("You can withdraw this consent at any time by unticking the box."),
    )

    class Meta:
        model = JudgeProfile
        fields = [
            "expertise_tracks",
            "themes",
            "languages",
            "country",
            "organisation",
            "email_domain",
            "bio",
        ]
        widgets = {
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email_domain": forms.TextInput(attrs={"placeholder": "example.org", "autocapitalize": "none"}),
            "bio": forms.Textarea(attrs={"rows": 6}),
        }

    field_order = [*Meta.fields, "photo", "publish_consent"]

    def __init__(self, *args: Any, asks_publication: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        profile = self.instance
        if asks_publication:
            self.fields["publish_consent"].initial = profile.publish_consent
        else:
            del self.fields["publish_consent"]
        self.fields["expertise_tracks"].queryset = expertise_tracks(profile)  # type: ignore[attr-defined]
        self.fields["languages"].choices = reading_language_choices(profile.languages or [])  # type: ignore[attr-defined]

    def service_arguments(self) -> dict[str, Any]:
        """What ``judge_profile_update`` takes, from the cleaned data."""
        data = dict(self.cleaned_data)
        data["photo"] = data.get("photo") or None
        data["publish_consent"] = data.get("publish_consent") if "publish_consent" in self.fields else None
        return data


class StandingConflictForm(forms.Form):
    """A standing conflict of interest: an organisation that has entered, a
    country or an e-mail domain."""

    kind = forms.ChoiceField(
        label=_("The conflict is with"),
        choices=[
            (ConflictKind.ORGANISATION, _("An organisation that has entered")),
            (ConflictKind.COUNTRY, _("A country")),
            (ConflictKind.DOMAIN, _("An e-mail domain")),
        ],
        widget=forms.RadioSelect,
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Choose an organisation"),
        help_text=_("Only organisations with a submitted entry are listed."),
    )
    country = Conflict._meta.get_field("country").formfield(required=False)
    email_domain = forms.CharField(
        label=_("E-mail domain"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "example.org", "autocapitalize": "none"}),
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen by staff only."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        entered = Organisation.objects.filter(entries__status__in=ENTERED_STATUSES).values("pk")
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=entered).order_by("name_en")  # type: ignore[attr-defined]
        self.fields["country"].choices = country_choices(str(_("Choose a country")))  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        target = {
            ConflictKind.ORGANISATION: ("organisation", _("Choose the organisation.")),
            ConflictKind.COUNTRY: ("country", _("Choose the country.")),
            ConflictKind.DOMAIN: ("email_domain", _("Give the e-mail domain, e.g. example.org.")),
        }.get(cleaned.get("kind", ""))
        if target and not cleaned.get(target[0]):
            self.add_error(target[0], target[1])
        return cleaned

    def service_arguments(self) -> dict[str, Any]:
        """What ``conflict_declare_standing`` takes, from the cleaned data."""
        data = self.cleaned_data
        organisation = data.get("organisation")
        return {
            "kind": data["kind"],
            "reason": data["reason"],
            "organisation_id": organisation.pk if organisation else None,
            "country": data.get("country") or "",
            "email_domain": data.get("email_domain") or "",
        }


class CommitteeMemberField(forms.ModelChoiceField):
    """A committee member by name, organisation and country: never the address."""

    def label_from_instance(self, obj: Any) -> str:
        profile = obj.judge_profile
        parts = [obj.name or str(_("Committee member"))]
        parts += [part for part in (profile.organisation, str(profile.country.name or "")) if part]
        return " · ".join(parts)


class ExclusionRequestForm(forms.Form):
    """The applicant names a committee member who should not judge the entry."""

    judge = CommitteeMemberField(label=_("Committee member"), queryset=None, empty_label=_("Choose a committee member"))
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why this person should not judge your entry, e.g. a business relationship. Seen by staff only."),
    )

    def __init__(self, *args: Any, members: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["judge"].queryset = members  # type: ignore[attr-defined]
