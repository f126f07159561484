"""Reads of intake that pages share, with the joins and prefetches that keep
their query counts flat in the number of entries, questions and files."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import F, Field, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from categories.conditions import shown_questions
from categories.enums import CycleStatus, QuestionKind
from categories.models import Category, Question, Track
from prize_portal.accounts.models import User
from prize_portal.audit.models import AuditEvent

from .enums import AttachmentStatus
from .models import Attachment, Entry, Invitation, Organisation, Submission
from .validators import SUMMARY_WORD_LIMIT, check_word_limit, clean_answer

# What apps above this one add to each entry on the applicant's dashboard
# (judging: the certificates), by name. They register a reader in their
# AppConfig.ready(), so that submissions imports none of them. A reader takes
# the entries and answers by entry id, in a fixed number of queries.
EntryExtraReader = Callable[[list[Entry]], dict[int, Any]]
_ENTRY_EXTRAS: dict[str, EntryExtraReader] = {}


def entry_extra_register(name: str, reader: EntryExtraReader) -> None:
    _ENTRY_EXTRAS[name] = reader


def entry_extras(entries: list[Entry]) -> dict[int, dict[str, Any]]:
    """Every registered extra for each entry: ``{entry_id: {name: value}}``."""
    extras: dict[int, dict[str, Any]] = {entry.pk: {} for entry in entries}
    for name, reader in _ENTRY_EXTRAS.items():
        for entry_id, value in reader(entries).items():
            extras[entry_id][name] = value
    return extras


def organisations_of(user: User) -> QuerySet[Organisation]:
    """The user's organisations, each with ``my_role`` (owner or member)."""
    return (
        Organisation.objects.filter(memberships__user=user).annotate(my_role=F("memberships__role")).order_by("name_en")
    )


def organisation_get(*, user: User, organisation_id: int, perm: str) -> Organisation:
    """An organisation the user may act on with ``perm``, or 404."""
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None or not user.has_perm(perm, organisation):
        raise Http404
    return organisation


def _entries_loaded() -> QuerySet[Entry]:
    questions = Question.objects.select_related("criterion").prefetch_related("choices")
    return Entry.objects.select_related("cycle", "category", "track", "organisation", "owner").prefetch_related(
        Prefetch("category__questions", queryset=questions),
        "answers",
        Prefetch("attachments", queryset=Attachment.objects.order_by("created_at", "pk")),
        Prefetch("submissions", queryset=Submission.objects.order_by("-number")),
        "collaborators",
    )


def entries_of(user: User) -> QuerySet[Entry]:
    """The entries a user owns, collaborates on or whose organisation they
    belong to, newest first, with everything the dashboard shows."""
    visible = Q(owner=user) | Q(collaborators=user) | Q(organisation__memberships__user=user)
    ids = Entry.objects.filter(visible).values("pk")
    return _entries_loaded().filter(pk__in=ids).order_by("-created_at", "-pk")


def entries_worked_on(user: User) -> QuerySet[Entry]:
    """The entries a person owns or collaborates on (each once), by id: what
    their data download and erasure treat as theirs."""
    ids = Entry.objects.filter(Q(owner=user) | Q(collaborators=user)).values("pk")
    return Entry.objects.filter(pk__in=ids).order_by("pk")


def entry_get(*, user: User, entry_id: int, perm: str) -> Entry:
    """One entry the user may act on with ``perm`` (see rules.py), or 404."""
    entry = _entries_loaded().filter(pk=entry_id).first()
    if entry is None or not user.has_perm(perm, entry):
        raise Http404
    return entry


def open_invitations(entry: Entry) -> QuerySet[Invitation]:
    return entry.invitations.filter(accepted_at__isnull=True)


def categories_open(now: datetime) -> QuerySet[Category]:
    """Categories that take applications now, with their cycle and tracks."""
    return (
        Category.objects.filter(
            cycle__status=CycleStatus.ANNOUNCED,
            cycle__applications_open_at__lte=now,
            cycle__applications_close_at__gt=now,
            accepts_applications=True,
        )
        .select_related("cycle")
        .prefetch_related(Prefetch("tracks", queryset=Track.objects.order_by("order", "code")))
        .order_by("cycle__year", "order", "code")
    )


# What each audit action means to the applicant, for the entry's timeline.
TIMELINE_ACTIONS = {
    "entry.start": _("Entry started"),
    "entry.submit": _("Submitted"),
    "entry.withdraw": _("Withdrawn"),
    "entry.extend_deadline": _("Deadline extended"),
    "entry.invite": _("Collaborator invited"),
    "entry.join": _("Collaborator joined"),
}


@dataclass
class TimelineEvent:
    at: datetime
    label: str
    actor: str
    detail: str = ""


def timelines_for(entries: list[Entry]) -> dict[int, list[TimelineEvent]]:
    """Each entry's history, oldest first, from the audit trail (one query)."""
    by_id: dict[int, list[TimelineEvent]] = {entry.pk: [] for entry in entries}
    events = (
        AuditEvent.objects.filter(
            target_type=Entry._meta.label_lower,
            target_id__in=[str(pk) for pk in by_id],
            action__in=list(TIMELINE_ACTIONS),
        )
        .select_related("actor")
        .order_by("created_at", "pk")
    )
    for event in events:
        detail = ""
        if event.action == "entry.submit":
            detail = str(_("version %(number)s") % {"number": event.after.get("submission", "")})
        elif event.action == "entry.invite":
            detail = event.after.get("email", "")
        actor = (event.actor.name or event.actor.email) if event.actor else ""
        by_id[int(event.target_id)].append(
            TimelineEvent(at=event.created_at, label=str(TIMELINE_ACTIONS[event.action]), actor=actor, detail=detail)
        )
    return by_id


def questions_for(entry: Entry) -> dict[str, Question]:
    """The questions of the entry's form, in order (uses the category's
    prefetched questions when a selector loaded them)."""
    cache = getattr(entry.category, "_prefetched_objects_cache", {})
    questions = cache.get("questions")
    if questions is None:
        questions = (
            Question.objects.filter(category_id=entry.category_id)
            .select_related("criterion")
            .prefetch_related("choices")
        )
    return {q.code: q for q in questions if q.is_asked_of(entry.organisation.type)}


def _stored_answers(entry: Entry) -> dict[int, Any]:
    """The entry's stored answer values by question id (prefetched when a selector loaded the entry)."""
    return {answer.question_id: answer.value for answer in entry.answers.all()}


def _given(entry: Entry, questions: dict[str, Question], stored: dict[int, Any]) -> dict[str, Any]:
    """The answers given, by question code: a value kept as typed because it
    did not pass its checks (``draft_invalid``) is not given yet, so what its
    answer would show stays hidden."""
    invalid = entry.draft_invalid or {}
    return {
        code: stored[question.pk]
        for code, question in questions.items()
        if question.pk in stored and f"answer-{code}" not in invalid
    }


def questions_shown(entry: Entry) -> dict[str, Question]:
    """The questions of the entry's form (``questions_for``) that its answers
    show, in order: a question with a condition is asked only while the
    answer to its trigger is one of the condition's choices
    (categories/conditions.py). Hidden ones are not required; their answers
    stay stored."""
    questions = questions_for(entry)
    return shown_questions(questions, _given(entry, questions, _stored_answers(entry)))


def entry_missing(entry: Entry) -> dict[str, list[str]]:
    """What still prevents submitting, by field name (empty when complete).
    Only the questions shown count (``questions_shown``)."""
    required = gettext("This is required.")
    missing: dict[str, list[str]] = {}
    built_in = ["title_en", "summary_en"] + ([] if entry.language == "en" else ["title_original", "summary_original"])
    for name in built_in:
        if not getattr(entry, name).strip():
            missing[name] = [required]
    answers = _stored_answers(entry)
    questions = questions_for(entry)
    shown = shown_questions(questions, _given(entry, questions, answers))
    attachments = list(entry.attachments.all())
    with_files = {attachment.question_id for attachment in attachments if attachment.status != AttachmentStatus.REFUSED}
    for code, question in shown.items():
        if not question.required:
            continue
        present = question.pk in with_files if question.kind == QuestionKind.FILE else answers.get(question.pk)
        if present in (None, "", [], False):
            missing[f"answer-{code}"] = [required]
    missing.update(_to_correct(entry, shown))
    missing.update(_files_unchecked(attachments, shown))
    return missing


def _files_unchecked(attachments: list[Attachment], shown: dict[str, Question]) -> dict[str, list[str]]:
    """A file still being checked, or refused, holds the submit back (only
    a checked file reaches the judges), under its question's field or, for
    the other files, ``file-``."""
    codes = {question.pk: code for code, question in shown.items()}
    problems: dict[str, list[str]] = {}
    for attachment in attachments:
        if attachment.is_clean:
            continue
        if attachment.question_id is not None and attachment.question_id not in codes:
            continue  # its question is hidden: the file is not submitted
        name = f"answer-{codes[attachment.question_id]}" if attachment.question_id is not None else "file-"
        if attachment.status == AttachmentStatus.CHECKING:
            message = gettext("“%(name)s” is still being checked. Wait a moment, then reload this page.")
        else:
            message = gettext("“%(name)s” was refused: remove it and upload another file.")
        problems.setdefault(name, []).append(message % {"name": attachment.original_name})
    return problems


def entry_to_correct(entry: Entry) -> dict[str, list[str]]:
    """The fields kept as typed because they did not pass their checks
    (``Entry.draft_invalid``), with their messages in the reader's language.
    An answer to a question now hidden has nothing to correct (it is kept)."""
    if not entry.draft_invalid:
        return {}
    return _to_correct(entry, questions_shown(entry))


def _to_correct(entry: Entry, questions: dict[str, Question]) -> dict[str, list[str]]:
    if not entry.draft_invalid:
        return {}
    to_correct: dict[str, list[str]] = {}
    for name, value in entry.draft_invalid.items():
        try:
            if name.startswith("answer-"):
                question = questions.get(name.removeprefix("answer-"))
                if question is None:  # no longer asked, or hidden: nothing to correct
                    continue
                clean_answer(question, value, {choice.code for choice in question.choices.all()})
            elif name in ("summary_en", "summary_original"):
                check_word_limit(str(value or ""), SUMMARY_WORD_LIMIT)
            else:
                model_field = Entry._meta.get_field(name)
                if isinstance(model_field, Field):
                    model_field.clean(value, entry)
        except ValidationError as error:
            to_correct[name] = error.messages
        else:  # it passes now (the question changed): saving it again stores it
            to_correct[name] = [gettext("Save this field again.")]
    return to_correct
