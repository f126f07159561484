"""What judging holds about a person, for their data download. A judge gets
their profile (and photo), invitations, conflicts, declarations accepted,
assignments and their own reviews; an applicant gets the exclusions they asked for and, once the
results are public, the awards and certificates of their entries (nothing
of the judging before then, and never another person's reviews)."""

from pathlib import PurePath

from django.db.models import Q

from judging.models import (
    Assignment,
    Award,
    Conflict,
    Declaration,
    JudgeInvitation,
    JudgeProfile,
    Publication,
    Review,
)
from judging.selectors.publication import certificates_out_for
from prize_portal.accounts.models import User
from prize_portal.privacy.personal_data import Section, personal_data_register, personal_records_register, row
from submissions.selectors import entries_worked_on


def _judge_profile(user: User) -> Section:
    profile = JudgeProfile.objects.filter(user=user).prefetch_related("expertise_tracks").first()
    if profile is None:
        return Section()
    fields = ["themes", "languages", "country", "organisation", "email_domain", "bio", "publish_consent", "updated_at"]
    record = row(profile, fields) | {"expertise_tracks": [track.code for track in profile.expertise_tracks.all()]}
    section = Section(records=[record])
    if profile.photo:
        section.files.append((f"photo{PurePath(profile.photo.name or '').suffix}", profile.photo))
    return section


def _judge_invitations(user: User) -> Section:
    invitations = JudgeInvitation.objects.filter(Q(accepted_by=user) | Q(email__iexact=user.email)).order_by("pk")
    return Section(records=[row(item, ["email", "name", "chair", "created_at", "accepted_at"]) for item in invitations])


def _conflicts(user: User) -> Section:
    """Conflicts the judge declared or that concern them as a judge, and the exclusions the person asked for."""
    conflicts = (
        Conflict.objects.filter(Q(judge=user) | Q(created_by=user))
        .select_related("entry", "organisation", "judge")
        .order_by("created_at", "pk")
    )
    fields = ["kind", "entry__reference", "organisation__name_en", "country", "email_domain", "reason", "status"]
    return Section(
        records=[
            row(conflict, [*fields, "created_at", "decided_at"])
            | {"judge": conflict.judge.name if conflict.judge_id != user.pk else "you"}
            for conflict in conflicts
        ]
    )


def _declarations(user: User) -> Section:
    """The versions of the judges' declaration the person accepted, per cycle, in which language and when."""
    accepted = Declaration.objects.filter(judge=user).select_related("cycle", "text").order_by("accepted_at", "pk")
    return Section(
        records=[
            row(item, ["cycle__name_en", "text__code", "text__version", "text__title_en", "language", "accepted_at"])
            for item in accepted
        ]
    )


def _reviews(user: User) -> Section:
    assignments = (
        Assignment.objects.filter(judge=user)
        .select_related("round", "entry", "review")
        .prefetch_related("review__scores__criterion")
        .order_by("created_at", "pk")
    )
    records = []
    for assignment in assignments:
        record = row(assignment, ["round__name_en", "entry__reference", "state", "created_at", "recused_at"])
        record["recusal_reason"] = assignment.recusal_reason
        review = getattr(assignment, "review", None)
        if review is not None:
            record["review"] = row(review, ["state", "overall_comment", "recommendation", "submitted_at", "updated_at"])
            record["review"]["scores"] = [
                row(score, ["criterion__code", "score", "comment"]) for score in review.scores.all()
            ]
        records.append(record)
    return Section(records=records)


def _awards(user: User) -> Section:
    """Awards and certificates of the person's entries, once the results are public."""
    entries = list(entries_worked_on(user))
    live = Publication.objects.live().filter(cycle_id__in={entry.cycle_id for entry in entries}).values("cycle_id")
    awards = Award.objects.filter(entry__in=entries, cycle_id__in=live).select_related("entry", "level").order_by("pk")
    section = Section(
        records=[
            row(award, ["entry__reference", "level__code", "special_mention", "citation", "decided_at"])
            for award in awards
        ]
    )
    for certificates in certificates_out_for(entries).values():
        for certificate in certificates:
            certificate_row = row(certificate, ["entry__reference", "kind", "code", "language", "issued_at"])
            section.records.append({"certificate": certificate_row})
            section.files.append((f"certificate-{certificate.code}.pdf", certificate.file))
    return section


def _records(user: User) -> dict[str, list[int]]:
    assignments = list(Assignment.objects.filter(judge=user).values_list("pk", flat=True))
    return {
        "judging.judgeprofile": list(JudgeProfile.objects.filter(user=user).values_list("pk", flat=True)),
        "judging.conflict": list(
            Conflict.objects.filter(Q(judge=user) | Q(created_by=user)).values_list("pk", flat=True)
        ),
        "judging.assignment": assignments,
        "judging.declaration": list(Declaration.objects.filter(judge=user).values_list("pk", flat=True)),
        "judging.review": list(Review.objects.filter(assignment_id__in=assignments).values_list("pk", flat=True)),
    }


def register() -> None:
    personal_records_register(_records)
    personal_data_register("judge_profile", _judge_profile)
    personal_data_register("judge_invitations", _judge_invitations)
    personal_data_register("conflicts_of_interest", _conflicts)
    personal_data_register("judge_declarations", _declarations)
    personal_data_register("reviews", _reviews)
    personal_data_register("awards", _awards)
