"""Forms of intake. They parse and present; the services decide what is
valid and store it (their ValidationErrors come back keyed by field name)."""

import json
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.conf import settings
from django.conf.global_settings import LANGUAGES as ALL_LANGUAGES
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from categories.enums import QuestionKind
from categories.models import Category, Criterion, Question, Track
from prize_portal.files.checks import EXTENSIONS
from prize_portal.site.names import language_choices
from prize_portal.site.translations import shown_text

from .drafts import BUILT_IN_FIELDS, draft_digests, draft_values
from .models import Attachment, Entry, Organisation
from .services.organisations import ORGANISATION_FIELDS
from .validators import SUMMARY_WORD_LIMIT, TEXT_CHARACTER_LIMIT, date_as_typed, date_example

ACCEPTED_FILES = ",".join([*EXTENSIONS, *EXTENSIONS.values(), ".jpeg"])


def _entry_languages() -> list[tuple[str, str]]:
    """Every language Django knows, named in the page's language (a callable: built per form):
    the site's six first, the way most entries are written, then the others."""
    site = [code for code, _name in settings.LANGUAGES]
    return [
        *language_choices(site),
        *language_choices(code for code, _name in ALL_LANGUAGES if code not in site),
    ]


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ORGANISATION_FIELDS
        widgets = {
            "name_native": forms.TextInput(attrs={"autocomplete": "organization"}),
            "name_en": forms.TextInput(attrs={"autocomplete": "organization", "lang": "en"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "website": forms.URLInput(attrs={"autocomplete": "url", "placeholder": "https://"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }
        help_texts = {
            "type": _("Individuals may apply only in the Leadership category."),
            "name_native": _("As written in your own language and script."),
            "contact_phone": _("With the country code, e.g. +82 2 120."),
        }


class EntryStartForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())
    category: "forms.ModelChoiceField[Category]" = forms.ModelChoiceField(
        label=_("Category"), queryset=Category.objects.none(), widget=forms.RadioSelect, empty_label=None
    )
    track: "forms.ModelChoiceField[Track]" = forms.ModelChoiceField(
        label=_("Track"),
        queryset=Track.objects.none(),
        required=False,
        widget=forms.RadioSelect,
        empty_label=None,
        help_text=_("Only the Project category has tracks."),
    )
    language = forms.ChoiceField(
        label=_("Language of the entry"),
        choices=_entry_languages,
        initial="en",
        help_text=_(
            "The language you write the entry in. If it is not English, you also give the title and summary in English."
        ),
    )

    def __init__(self, *args: Any, organisations: Any, categories: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["category"].queryset = categories  # type: ignore[attr-defined]
        self.fields["track"].queryset = Track.objects.filter(category__in=categories)  # type: ignore[attr-defined]
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0]


@dataclass
class UploadSlot:
    """A file input of the form: one file question, or "other files"."""

    code: str
    label: str
    help_text: str = ""
    required: bool = False
    # Each file with what its check tells the applicant ("" when nothing).
    files: list[tuple[Attachment, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class FormSection:
    """A group of the entry form: the built-in part, or one evaluation domain."""

    key: str
    title: str
    description: str = ""
    fields: list[forms.BoundField] = field(default_factory=list)
    file_questions: list[Question] = field(default_factory=list)
    uploads: list[UploadSlot] = field(default_factory=list)


def chosen_labels(field_: forms.ChoiceField, value: Any) -> list[str]:
    """The labels of the choices ``value`` (a code or a list of codes) names,
    as the field offers them in the page's language; an unknown code as is."""
    labels = {str(code): str(label) for code, label in field_.choices}  # type: ignore[misc, union-attr]
    codes = value if isinstance(value, list) else [value]
    return [labels.get(str(code), str(code)) for code in codes if code not in (None, "")]


def _word_limit_attrs(limit: int | None) -> dict[str, Any]:
    return {"data-word-limit": limit} if limit else {}


def _question_field(question: Question) -> forms.Field:
    common: dict[str, Any] = {
        "label": shown_text(question, "label"),
        "help_text": shown_text(question, "help_text"),
        "required": False,
    }
    kind = question.kind
    if kind == QuestionKind.TEXT:
        attrs = _word_limit_attrs(question.word_limit)
        return forms.CharField(max_length=TEXT_CHARACTER_LIMIT, widget=forms.TextInput(attrs=attrs), **common)
    if kind == QuestionKind.LONG_TEXT:
        attrs = {"rows": 8, **_word_limit_attrs(question.word_limit)}
        return forms.CharField(max_length=TEXT_CHARACTER_LIMIT, widget=forms.Textarea(attrs=attrs), **common)
    if kind == QuestionKind.NUMBER:
        return forms.CharField(widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}), **common)
    if kind in (QuestionKind.URL, QuestionKind.VIDEO):
        return forms.CharField(max_length=500, widget=forms.URLInput(attrs={"placeholder": "https://"}), **common)
    if kind == QuestionKind.DATE:
        # A text input, not type=date: what was typed reaches the server as
        # typed (a browser's date input sends nothing for a date it cannot
        # read, and guesses at digits typed without separators).
        hint = _("Format: %(example)s") % {"example": date_example()}
        help_text = format_html("{} {}", common["help_text"], hint) if common["help_text"] else hint
        attrs = {"inputmode": "numeric", "autocomplete": "off", "placeholder": date_example()}
        return forms.CharField(max_length=40, widget=forms.TextInput(attrs=attrs), **{**common, "help_text": help_text})
    choices = [(choice.code, shown_text(choice, "label")) for choice in question.choices.all()]
    if kind == QuestionKind.CHOICE:
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    return forms.MultipleChoiceField(choices=choices, widget=forms.CheckboxSelectMultiple, **common)


class EntryForm(forms.Form):
    """The whole entry: built-in fields, then the category's questions for the
    organisation's applicant type. Every field is optional here: a draft may be
    partial; completeness is checked on submit by the service."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    # The digest of each value as the form was opened (or last saved): each
    # field is merged on its own (see submissions.drafts).
    bases = forms.CharField(widget=forms.HiddenInput, required=False)
    language = forms.ChoiceField(label=_("Language of the entry"), choices=_entry_languages)
    title_en = forms.CharField(
        label=_("Title in English"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"lang": "en"}),
    )
    summary_en = forms.CharField(
        label=_("Summary in English"),
        required=False,
        max_length=TEXT_CHARACTER_LIMIT,
        widget=forms.Textarea(attrs={"rows": 8, "lang": "en", **_word_limit_attrs(SUMMARY_WORD_LIMIT)}),
        help_text=_("At most 300 words. The committee works in English."),
    )
    title_original = forms.CharField(label=_("Title in the entry's language"), max_length=200, required=False)
    summary_original = forms.CharField(
        label=_("Summary in the entry's language"),
        required=False,
        max_length=TEXT_CHARACTER_LIMIT,
        widget=forms.Textarea(attrs={"rows": 8, **_word_limit_attrs(SUMMARY_WORD_LIMIT)}),
        help_text=_("At most 300 words. Leave empty if the entry is written in English."),
    )

    BUILT_IN = BUILT_IN_FIELDS

    def __init__(self, *args: Any, entry: Entry, questions: dict[str, Question], **kwargs: Any) -> None:
        # Labels are questions, often ending in a question mark: no colon after them, in any language.
        kwargs.setdefault("label_suffix", "")
        if not args and "data" not in kwargs:
            kwargs.setdefault("initial", self.initial_for(entry, questions))
        super().__init__(*args, **kwargs)
        self.entry = entry
        self.questions = questions
        for name in ("title_original", "summary_original"):
            self.fields[name].widget.attrs["lang"] = entry.language
        for code, question in questions.items():
            if question.kind != QuestionKind.FILE:
                self.fields[f"answer-{code}"] = _question_field(question)

    @staticmethod
    def initial_for(entry: Entry, questions: dict[str, Question]) -> dict[str, Any]:
        initial: dict[str, Any] = {name: getattr(entry, name) for name in EntryForm.BUILT_IN}
        initial["version"] = entry.version
        by_pk = {question.pk: question for question in questions.values()}
        codes = {pk: question.code for pk, question in by_pk.items()}
        initial["bases"] = json.dumps(draft_digests(draft_values(entry, codes)), separators=(",", ":"))
        for answer in entry.answers.all():
            question = by_pk.get(answer.question_id)
            if question is not None:
                value = date_as_typed(answer.value) if question.kind == QuestionKind.DATE else answer.value
                initial[f"answer-{question.code}"] = value
        # What was typed and did not pass its checks is shown as typed.
        initial.update(
            {
                name: value
                for name, value in entry.draft_invalid.items()
                if name in initial or name.startswith("answer-")
            }
        )
        return initial

    def fields_and_answers(self, only: set[str] | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
        """The built-in values and the answers by question code, as the
        service takes them: every field of the form (or those named in
        ``only``, what an autosave changed), one that did not pass the form's
        own checks as it was typed (the service keeps it so and says what to
        correct)."""
        values: dict[str, Any] = {}
        cleaned = getattr(self, "cleaned_data", {})
        for name, field_ in self.fields.items():
            if name in ("version", "bases") or (only is not None and name not in only):
                continue
            if name in self.errors:
                widget = field_.widget
                values[name] = widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            elif name in cleaned:
                values[name] = cleaned[name]
        fields = {name: value for name, value in values.items() if name in self.BUILT_IN}
        answers = {name.removeprefix("answer-"): value for name, value in values.items() if name.startswith("answer-")}
        return fields, answers

    def sections(self) -> list[FormSection]:
        """The form as the official one is laid out: about the entry, then one
        section per evaluation domain, in the criteria's order."""
        about = FormSection(key="about", title=str(_("About the entry")))
        about.fields = [self[name] for name in self.BUILT_IN]
        files = FormSection(key="files", title=str(_("Supporting files")))
        by_domain = {
            criterion.pk: FormSection(
                key=domain_key(criterion),
                title=shown_text(criterion, "name"),
                description=shown_text(criterion, "description"),
            )
            for criterion in domains_of(self.questions)
        }
        for code, question in self.questions.items():
            if question.criterion is None:
                section = files if question.kind == QuestionKind.FILE else about
            else:
                section = by_domain[question.criterion.pk]
            if question.kind == QuestionKind.FILE:
                section.file_questions.append(question)
            else:
                section.fields.append(self[f"answer-{code}"])
        return [about, *by_domain.values(), files]


def domain_key(criterion: Criterion) -> str:
    return f"domain-{criterion.code}"


def domains_of(questions: dict[str, Question]) -> list[Criterion]:
    """The evaluation domains the questions belong to, in the criteria's order."""
    criteria = {question.criterion.pk: question.criterion for question in questions.values() if question.criterion}
    return sorted(criteria.values(), key=lambda criterion: (criterion.order, criterion.code))


def section_keys(questions: dict[str, Question]) -> list[str]:
    """The keys of the form's sections (``EntryForm.sections``), its steps."""
    return ["about", *(domain_key(criterion) for criterion in domains_of(questions)), "files"]
