"""What intake does when a person is erased (receiver of ``person_erasing``,
inside the erasure's transaction):

- drafts never submitted go, with their files;
- they leave the entries they worked on with others, and their memberships;
- submitted entries of an organisation stay with the organisation; what
  names the person in their answers and in the versions submitted is
  redacted, and those versions' PDFs are rendered again from the redacted
  copy (by the PDF sweep);
- an individual applicant is their organisation: what was published as an
  award stays as published (a public record); everything else about them
  goes, or, with ``keep_closed``, the entries of closed cycles stay as
  empty shells so that those cycles' reviews and rankings are unchanged;
- invitations sent to their address go."""

from typing import Any

from django.db.models import Q

from categories.enums import ApplicantType
from prize_portal.accounts.models import User
from prize_portal.audit.redaction import Redactor
from prize_portal.files.cleanup import delete_files_on_commit

from ..models import Answer, Attachment, Entry, Invitation, Membership, Organisation, Submission
from .files import entry_file_names

ERASED = "—"


def _delete_entries(entries: list[Entry]) -> None:
    for entry in entries:
        delete_files_on_commit(entry_file_names(entry.pk))
        entry.delete()


def entry_empty(entry: Entry) -> None:
    """Keep the row (reviews, rounds and rankings point at it), drop what it says."""
    delete_files_on_commit(entry_file_names(entry.pk))
    Attachment.objects.filter(entry=entry).delete()
    Answer.objects.filter(entry=entry).delete()
    Submission.objects.filter(entry=entry).update(content={}, pdf="")
    Entry.objects.filter(pk=entry.pk).update(title_en=ERASED, summary_en="", title_original="", summary_original="")


def _redact_entries(entry_ids: list[int], redactor: Redactor) -> None:
    for answer in Answer.objects.filter(entry_id__in=entry_ids):
        value = redactor.value(answer.value)
        if value != answer.value:
            Answer.objects.filter(pk=answer.pk).update(value=value)
    for submission in Submission.objects.filter(entry_id__in=entry_ids):
        content = redactor.value(submission.content)
        if content != submission.content:
            delete_files_on_commit([submission.pdf.name or ""])
            Submission.objects.filter(pk=submission.pk).update(content=content, pdf="")  # the sweep renders it again


def _individual(organisation: Organisation, mode: str, closed_cycles: set[int], published: set[int]) -> None:
    entries = list(Entry.objects.filter(organisation=organisation))
    kept = [entry for entry in entries if entry.pk in published]
    shells = [entry for entry in entries if entry.pk not in published and entry.cycle_id in closed_cycles]
    gone = [entry for entry in entries if entry not in kept and entry not in shells]
    if mode == "full":
        gone, shells = gone + shells, []
    for entry in shells:
        entry_empty(entry)
    _delete_entries(gone)
    if kept:  # the award stays as published; the rest of the contact goes
        Organisation.objects.filter(pk=organisation.pk).update(contact_name="", contact_phone="")
    elif shells:
        Organisation.objects.filter(pk=organisation.pk).update(
            name_en=ERASED, name_native=ERASED, city="", website="", contact_name="", contact_phone=""
        )
    else:
        Membership.objects.filter(organisation=organisation).delete()
        organisation.delete()


def intake_erase(
    *, user: User, mode: str, redactor: Redactor, closed_cycles: set[int], published: set[int], **kwargs: Any
) -> None:
    """``closed_cycles``: cycles whose results are decided; ``published``:
    entries with a published award (both given by judging, which knows them)."""
    _delete_entries(list(Entry.objects.filter(owner=user, reference__isnull=True)))
    Entry.collaborators.through.objects.filter(user=user).delete()
    individual = Organisation.objects.filter(type=ApplicantType.INDIVIDUAL, memberships__user=user).distinct()
    for organisation in individual:
        _individual(organisation, mode, closed_cycles, published)
    theirs = list(Entry.objects.filter(owner=user).values_list("pk", flat=True))
    _redact_entries(theirs, redactor)
    if user.name:
        Organisation.objects.filter(memberships__user=user, contact_name=user.name).update(contact_name="")
    Membership.objects.filter(user=user).delete()
    Invitation.objects.filter(Q(email__iexact=user.email) | Q(accepted_by=user)).delete()
