"""What judging does when a person is erased (receiver of ``person_erasing``,
inside the erasure's transaction), then intake's part:

- as a judge: their profile and photo, invitations and conflicts go; their
  declarations, assignments and reviews go too, except, with ``keep_closed``,
  those of cycles whose results are decided, which stay (pointing at the anonymised
  person) so that those rankings are unchanged; free text that names them
  (review comments, feedback, citations) is redacted;
- as an applicant: the exclusions they asked for go; an award that is
  published stays as published (a public record).
"""

from typing import Any

from django.db import transaction
from django.db.models import Q

from categories.enums import CycleStatus
from categories.models import Cycle
from judging.models import (
    Assignment,
    Award,
    Certificate,
    Conflict,
    Declaration,
    Feedback,
    JudgeInvitation,
    JudgeProfile,
    Publication,
    Review,
    ReviewScore,
)
from judging.services.judges import committee_pages_forget
from prize_portal.accounts.models import User
from prize_portal.audit.redaction import Redactor
from prize_portal.files.cleanup import delete_files_on_commit
from submissions.models import Entry
from submissions.services.erasure import intake_erase


def _closed_cycles() -> set[int]:
    """Cycles whose results are decided: published (not withdrawn), or archived."""
    published = Publication.objects.published().values("cycle_id")
    return set(Cycle.objects.filter(Q(pk__in=published) | Q(status=CycleStatus.ARCHIVED)).values_list("pk", flat=True))


def _redact_texts(queryset: Any, fields: list[str], redactor: Redactor) -> None:
    for item in queryset.only("pk", *fields):
        changed = {name: redactor.text(getattr(item, name)) for name in fields}
        if any(changed[name] != getattr(item, name) for name in fields):
            type(item).objects.filter(pk=item.pk).update(**changed)


def _as_judge(user: User, mode: str, closed: set[int], redactor: Redactor) -> None:
    profile = JudgeProfile.objects.filter(user=user).first()
    if profile is not None:
        delete_files_on_commit([profile.photo.name or ""])
        profile.delete()
        transaction.on_commit(committee_pages_forget)
    JudgeInvitation.objects.filter(Q(email__iexact=user.email) | Q(accepted_by=user)).delete()
    Conflict.objects.filter(Q(judge=user) | Q(created_by=user)).delete()
    assignments = Assignment.objects.filter(judge=user)
    declarations = Declaration.objects.filter(judge=user)
    if mode == "keep_closed":
        assignments = assignments.exclude(round__cycle_id__in=closed)
        declarations = declarations.exclude(cycle_id__in=closed)  # the terms the kept reviews were made under
    assignments.delete()
    declarations.delete()
    kept = Review.objects.filter(assignment__judge=user)
    _redact_texts(kept, ["overall_comment"], redactor)
    _redact_texts(ReviewScore.objects.filter(review__in=kept), ["comment"], redactor)


def judging_erase(*, user: User, mode: str, redactor: Redactor, **kwargs: Any) -> None:
    closed = _closed_cycles()
    _as_judge(user, mode, closed, redactor)
    theirs = Entry.objects.filter(Q(owner=user) | Q(organisation__memberships__user=user)).distinct()
    live = Publication.objects.published().values("cycle_id")
    published = set(Award.objects.filter(entry__in=theirs, cycle_id__in=live).values_list("entry_id", flat=True))
    if mode == "full":  # an individual's decisions that are not published go with their entries
        individual = theirs.filter(organisation__type="individual").exclude(pk__in=published)
        Certificate.objects.filter(entry__in=individual).delete()
        Award.objects.filter(entry__in=individual).delete()
    _redact_texts(Feedback.objects.filter(entry__in=theirs), ["text"], redactor)
    _redact_texts(Award.objects.filter(entry__in=theirs).exclude(entry_id__in=published), ["citation"], redactor)
    intake_erase(user=user, mode=mode, redactor=redactor, closed_cycles=closed, published=published)
