"""What submissions holds about a person, for their data download: the
organisations they belong to, the entries they own or work on (answers,
versions submitted, files), and the invitations they sent or accepted."""

from django.db.models import Q

from prize_portal.accounts.models import User
from prize_portal.privacy.personal_data import Section, personal_data_register, personal_records_register, row

from .models import Attachment, Entry, Invitation, Membership, Submission
from .selectors import entries_worked_on


def _their_entries(user: User) -> list[int]:
    return list(entries_worked_on(user).values_list("pk", flat=True))


def _organisations(user: User) -> Section:
    memberships = Membership.objects.filter(user=user).select_related("organisation").order_by("created_at", "pk")
    fields = ["name_en", "name_native", "type", "country", "city", "website", "contact_name", "contact_phone"]
    return Section(
        records=[
            row(membership.organisation, fields) | row(membership, ["role", "created_at"]) for membership in memberships
        ]
    )


def _entries(user: User) -> Section:
    ids = _their_entries(user)
    entries = (
        Entry.objects.filter(pk__in=ids)
        .select_related("cycle", "category", "track", "organisation")
        .prefetch_related("answers__question")
        .order_by("pk")
    )
    fields = [
        "reference",
        "cycle__year",
        "category__code",
        "track__code",
        "organisation__name_en",
        "language",
        "title_en",
        "summary_en",
        "title_original",
        "summary_original",
        "status",
        "version",
        "submitted_at",
        "created_at",
        "updated_at",
    ]
    records = []
    for entry in entries:
        record = row(entry, fields) | {"you_are": "owner" if entry.owner_id == user.pk else "collaborator"}
        record["answers"] = {answer.question.code: answer.value for answer in entry.answers.all()}
        records.append(record)
    return Section(records=records)


def _submitted_versions(user: User) -> Section:
    submissions = (
        Submission.objects.filter(entry_id__in=_their_entries(user)).select_related("entry").order_by("entry", "number")
    )
    section = Section()
    for submission in submissions:
        section.records.append(row(submission, ["entry__reference", "number", "submitted_at", "content"]))
        if submission.pdf:
            reference = submission.entry.reference or f"entry-{submission.entry_id}"
            section.files.append((f"{reference}-v{submission.number}.pdf", submission.pdf))
    return section


def _files(user: User) -> Section:
    attachments = Attachment.objects.filter(entry_id__in=_their_entries(user)).select_related("entry").order_by("pk")
    section = Section()
    for attachment in attachments:
        section.records.append(
            row(attachment, ["entry__reference", "original_name", "content_type", "size", "status", "created_at"])
        )
        folder = attachment.entry.reference or f"entry-{attachment.entry_id}"
        section.files.append((f"{folder}/{attachment.pk}-{attachment.original_name}", attachment.file))
    return section


def _invitations(user: User) -> Section:
    invitations = (
        Invitation.objects.filter(Q(invited_by=user) | Q(accepted_by=user) | Q(email__iexact=user.email))
        .select_related("entry")
        .order_by("created_at", "pk")
    )
    return Section(
        records=[
            row(invitation, ["entry__reference", "entry__title_en", "email", "created_at", "accepted_at"])
            | {"sent_by_you": invitation.invited_by_id == user.pk}
            for invitation in invitations
        ]
    )


def _records(user: User) -> dict[str, list[int]]:
    entries = _their_entries(user)
    organisations = list(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))
    return {
        "submissions.entry": entries,
        "submissions.organisation": organisations,
        "submissions.attachment": list(Attachment.objects.filter(entry_id__in=entries).values_list("pk", flat=True)),
        "submissions.submission": list(Submission.objects.filter(entry_id__in=entries).values_list("pk", flat=True)),
    }


def register() -> None:
    personal_records_register(_records)
    personal_data_register("organisations", _organisations)
    personal_data_register("entries", _entries)
    personal_data_register("entries_submitted", _submitted_versions)
    personal_data_register("entry_files", _files)
    personal_data_register("collaborator_invitations", _invitations)
