from typing import Any

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.http import HttpRequest
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from prize_portal.privacy.enums import ConsentRole
from prize_portal.privacy.forms import ConsentFields
from prize_portal.privacy.selectors import consents_asked
from prize_portal.site.zones import zone_choices


class LanguageSelect(forms.Select):
    """Each language named in itself, marked with its own lang attribute."""

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(*args, **kwargs)
        option["attrs"]["lang"] = option["value"]
        return option


def language_choices() -> list[tuple[str, str]]:
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


class ProfileForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=200, required=False)
    language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=language_choices,
        widget=LanguageSelect,
        help_text=_("Pages open in this language after you sign in, and e-mails to you are written in it."),
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=lambda: [("", _("My country's time zone")), *zone_choices()],
        required=False,
        help_text=_("E-mails about events in Seoul give their times in Seoul and in this time zone."),
    )
    reminder_emails = forms.BooleanField(
        label=_("Send me reminder e-mails"),
        label_suffix="",  # the label follows the box: no colon
        required=False,
        help_text=_("Reminders before deadlines. E-mails about your account, receipts and results are always sent."),
    )

    def __init__(self, *args: Any, asks_reminders: bool = True, **kwargs: Any) -> None:
        """``asks_reminders``: whether the "reminder-emails" consent item is in
        force (the answer is recorded as a consent, so without it the box is not shown)."""
        super().__init__(*args, **kwargs)
        if not asks_reminders:
            del self.fields["reminder_emails"]


class SignupForm(ConsentFields, AllauthSignupForm):
    """allauth's sign-up, with the applicant's consent items (recorded by
    ``user_complete_sign_up`` through the adapter), costing the same for a
    taken address: allauth then creates nobody (it mails the owner instead),
    so the password given is hashed all the same, as storing it would have
    (no timing tells whether the address has an account)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_consent_fields(consents_asked(None, roles=[ConsentRole.APPLICANT]))

    def try_save(self, request: HttpRequest) -> tuple[Any, Any]:
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1") or None)
        return super().try_save(request)
