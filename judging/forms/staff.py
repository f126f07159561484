"""Forms of the staff judging pages and of the round in Django admin. They
parse and present; the services decide and store."""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from judging.enums import CRITERION_TIE_BREAK_PREFIX, TieBreak
from judging.models import Round
from prize_portal.accounts.models import User

SEED_MAX = 2_147_483_647  # the largest value a PositiveIntegerField holds everywhere


class JudgeInviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"})
    )
    name = forms.CharField(label=_("Full name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "off"}))
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=settings.LANGUAGES,
        help_text=_("The invitation e-mail is written in this language."),
    )
    chair = forms.BooleanField(label=_("Committee chair"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        codes = {code for code, _name in settings.LANGUAGES}
        current = (get_language() or settings.LANGUAGE_CODE).lower()
        self.fields["language"].initial = current if current in codes else settings.LANGUAGE_CODE


class PlanSeedForm(forms.Form):
    seed = forms.IntegerField(
        label=_("Seed"),
        required=False,
        min_value=0,
        max_value=SEED_MAX,
        help_text=_(
            "The same seed always gives the same plan; another seed breaks ties differently. "
            "Leave empty for the round's seed."
        ),
    )


class AssignmentAddForm(forms.Form):
    """Assign one judge by hand: the service checks conflicts and languages."""

    entry = forms.TypedChoiceField(label=_("Entry"), coerce=int)
    judge = forms.TypedChoiceField(label=_("Judge"), coerce=int)

    def __init__(self, *args: Any, entries: Iterable[Any] = (), judges: Iterable[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        entry_field: Any = self.fields["entry"]
        judge_field: Any = self.fields["judge"]
        entry_field.choices = [("", _("Choose an entry")), *((entry.pk, entry_label(entry)) for entry in entries)]
        judge_field.choices = [("", _("Choose a judge")), *((judge.pk, judge_label(judge)) for judge in judges)]


class ReviewUnlockForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for unlocking"),
        max_length=1000,
        help_text=_("Recorded in the audit log."),
    )


def entry_label(entry: Any) -> str:
    return f"{entry.reference} · {entry.title_en}" if entry.title_en else str(entry.reference or entry.pk)


def judge_label(judge: User) -> str:
    return f"{judge.name} ({judge.email})" if judge.name else judge.email


# --- Django admin -----------------------------------------------------------------------


def _check_tie_breaks(value: Any) -> list[str]:
    if value in (None, ""):
        return []
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise ValidationError(_('Give a list of rule codes, for example ["criterion:value", "more_reviews"].'))
    for code in value:
        if code.startswith(CRITERION_TIE_BREAK_PREFIX):
            if not code.removeprefix(CRITERION_TIE_BREAK_PREFIX):
                raise ValidationError(_("Name the criterion after “criterion:”."))
        elif code not in TieBreak.values:
            raise ValidationError(_("“%(code)s” is not a tie-break rule.") % {"code": code})
    if len(set(value)) != len(value):
        raise ValidationError(_("Each rule may be listed once."))
    return value


def _check_reminder_days(value: Any) -> list[int]:
    if value in (None, ""):
        return []
    if not isinstance(value, list) or not all(isinstance(day, int) and 0 <= day <= 90 for day in value):
        raise ValidationError(_("Give a list of whole days from 0 to 90, for example [7, 3, 1]."))
    return sorted(set(value), reverse=True)


class RoundAdminForm(forms.ModelForm):
    """The round in admin, with its rule lists checked before they are saved."""

    class Meta:
        model = Round
        fields = [
            "cycle",
            "name",
            "kind",
            "advances_from",
            "categories",
            "tracks",
            "panel",
            "judges_per_entry",
            "opens_at",
            "closes_at",
            "reminder_days",
            "blind",
            "peer_visibility",
            "country_conflicts",
            "tie_breaks",
            "assignment_seed",
        ]

    def clean_tie_breaks(self) -> list[str]:
        return _check_tie_breaks(self.cleaned_data.get("tie_breaks"))

    def clean_reminder_days(self) -> list[int]:
        return _check_reminder_days(self.cleaned_data.get("reminder_days"))
