"""Saving a draft: any part of an entry, as often as the form autosaves.

Nothing typed is lost. A value that does not pass its checks is kept as typed
(``Entry.draft_invalid``) and never holds the others back. Two people saving
different fields both keep their work; the same field changed by both is a
conflict: it is not stored, and the form shows both texts (see
``submissions.drafts`` for the three-way comparison)."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from categories.enums import QuestionKind
from categories.models import Question
from prize_portal.accounts.models import User

from ..drafts import BUILT_IN_FIELDS, draft_values, value_digest
from ..errors import EditConflictError, IntakeError
from ..models import Answer, Entry
from ..selectors import questions_for
from ..validators import SUMMARY_WORD_LIMIT, check_word_limit, clean_answer
from .entries import check_open, lock_entry


@dataclass
class DraftSaved:
    """What a save did. ``conflicts``: the fields not stored because someone
    else changed them meanwhile, with the value stored now (theirs).
    ``digests``: the digest of what each field received holds now, the form's
    new base for it (for a field in conflict, theirs: saving it again keeps
    what was sent)."""

    entry: Entry
    conflicts: dict[str, Any] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)


def _set_fields(entry: Entry, fields: dict[str, Any]) -> dict[str, list[str]]:
    """Put the built-in fields on ``entry`` (unsaved); their errors by field.
    A field in error keeps its stored value (what was typed goes to
    ``draft_invalid``)."""
    errors: dict[str, list[str]] = {}
    if not fields:
        return errors
    stored = {name: getattr(entry, name) for name in fields if name in BUILT_IN_FIELDS}
    for name, value in fields.items():
        if name not in BUILT_IN_FIELDS:
            raise IntakeError(_("Unknown field."), code="unknown_field")
        setattr(entry, name, (value or "").strip() if isinstance(value, str) else value)
    for name in ("summary_en", "summary_original"):
        try:
            check_word_limit(getattr(entry, name), SUMMARY_WORD_LIMIT)
        except ValidationError as error:
            errors[name] = error.messages
    try:
        entry.full_clean(exclude=["cycle", "category", "track", "organisation", "owner", "draft_invalid"])
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    for name in errors:
        if name in stored:
            setattr(entry, name, stored[name])
    return errors


def _clean_answers(
    questions: dict[str, Question], answers: dict[str, Any], errors: dict[str, list[str]]
) -> dict[str, tuple[Question, Any]]:
    """The answers checked against the entry's form, by form field name; bad
    ones go to ``errors`` under ``answer-<code>``."""
    cleaned: dict[str, tuple[Question, Any]] = {}
    for code, value in answers.items():
        question = questions.get(code)
        if question is None or question.kind == QuestionKind.FILE:
            raise IntakeError(_("This question is not part of your form."), code="unknown_question")
        try:
            codes = {choice.code for choice in question.choices.all()}
            cleaned[f"answer-{code}"] = (question, clean_answer(question, value, codes))
        except ValidationError as error:
            errors[f"answer-{code}"] = error.messages
    return cleaned


def _accepted(
    received: dict[str, Any],
    arriving: dict[str, Any],
    stored: dict[str, Any],
    bases: dict[str, str],
    same_version: bool,
) -> tuple[set[str], dict[str, Any]]:
    """The fields to store, and those in conflict (with the value stored now)."""
    accepted: set[str] = set()
    conflicts: dict[str, Any] = {}
    for name in received:
        now_digest, new_digest = value_digest(stored[name]), value_digest(arriving[name])
        # A field sent without its base counts as based on the version the form was opened at.
        base = bases.get(name, now_digest if same_version else None)
        if base == now_digest or new_digest == now_digest:
            accepted.add(name)
        elif new_digest != base:  # both changed it, differently
            conflicts[name] = stored[name]
        # else: this person did not change it, someone else did: theirs stays
    return accepted, conflicts


@transaction.atomic
def entry_save_changes(
    *,
    entry_id: int,
    user: User,
    version: int,
    fields: dict[str, Any] | None = None,
    answers: dict[str, Any] | None = None,
    bases: dict[str, str] | None = None,
    now: datetime | None = None,
) -> DraftSaved:
    """Save the fields received. With ``bases`` (field name → digest of the
    value the form was opened with or last saved), each field is merged on its
    own. Without, ``version`` is the one the form was opened with and any save
    since is an EditConflictError for the whole entry, nothing stored.

    A value that passes its checks is stored; one that does not is kept as
    typed in ``draft_invalid`` (``selectors.entry_to_correct`` says what to
    correct, in the reader's language). Submitting refuses while anything is
    left to correct."""
    now = now or timezone.now()
    entry = lock_entry(entry_id)
    check_open(entry, now)
    if bases is None and entry.version != version:
        raise EditConflictError(
            _("Someone else saved this entry since you opened it. Reload to see their changes; yours are kept here."),
            code="conflict",
        )
    fields, answers = fields or {}, answers or {}
    questions = questions_for(entry)
    prefetch_related_objects([entry], "answers")
    stored = draft_values(entry, {question.pk: code for code, question in questions.items()})
    original = {name: getattr(entry, name) for name in BUILT_IN_FIELDS}
    errors = _set_fields(entry, fields)
    cleaned = _clean_answers(questions, answers, errors)
    received = {**fields, **{f"answer-{code}": value for code, value in answers.items()}}
    arriving = {
        name: received[name] if name in errors else (cleaned[name][1] if name in cleaned else getattr(entry, name))
        for name in received
    }
    accepted: set[str] = set(received)
    conflicts: dict[str, Any] = {}
    if bases is not None:
        accepted, conflicts = _accepted(received, arriving, stored, bases, entry.version == version)
    for name in set(fields) - accepted:
        setattr(entry, name, original[name])
    digests = {name: value_digest(arriving[name] if name in accepted else stored[name]) for name in received}
    if not accepted:
        return DraftSaved(entry=entry, conflicts=conflicts, digests=digests)
    invalid = {name: value for name, value in entry.draft_invalid.items() if name not in accepted}
    invalid.update({name: received[name] for name in errors if name in accepted})
    entry.draft_invalid = invalid
    entry.version += 1
    entry.save(update_fields=[*BUILT_IN_FIELDS, "draft_invalid", "version", "updated_at"])
    existing = {answer.question_id: answer for answer in entry.answers.all()}
    for name, (question, value) in cleaned.items():
        if name not in accepted:
            continue
        if (answer := existing.get(question.pk)) is None:
            Answer.objects.create(entry=entry, question=question, value=value)
        elif answer.value != value:
            answer.value = value
            answer.save(update_fields=["value"])
    getattr(entry, "_prefetched_objects_cache", {}).pop("answers", None)  # read again: what is shown depends on them
    return DraftSaved(entry=entry, conflicts=conflicts, digests=digests)


def entry_save_draft(
    *,
    entry_id: int,
    user: User,
    version: int,
    fields: dict[str, Any] | None = None,
    answers: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> Entry:
    """Save any part of an entry opened at ``version`` (a whole-entry check:
    see ``entry_save_changes``); the entry as saved."""
    return entry_save_changes(
        entry_id=entry_id, user=user, version=version, fields=fields, answers=answers, now=now
    ).entry
