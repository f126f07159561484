"""Writes of decisions: the chair and staff give award levels with a
citation, honouring the published number of awards; decisions lock, and
unlocking is recorded."""

from typing import Any

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from categories.models import AwardLevel
from judging.enums import ELIGIBLE_STATUSES, RoundKind
from judging.errors import JudgingError
from judging.models import Award, Round, RoundEntry
from judging.selectors import facts
from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record
from prize_portal.writes import save_fields
from submissions.models import Entry


def _citation_fields(citation: dict[str, str]) -> dict[str, str]:
    """modeltranslation's fields from {language: text}; English is required."""
    from django.conf import settings

    codes = {code for code, _name in settings.LANGUAGES}
    if not (citation.get("en") or "").strip():
        raise JudgingError(_("Write the citation in English."), code="citation_required")
    return {f"citation_{code.replace('-', '_')}": text.strip() for code, text in citation.items() if code in codes}


def _check_not_published(cycle_id: int) -> None:
    """Published decisions stand: changing one means withdrawing the results first."""
    from judging.models import Publication

    if Publication.objects.published().filter(cycle_id=cycle_id).exists():
        raise JudgingError(_("The results are published: withdraw them first to change a decision."), code="published")


def _check_not_conflicted(actor: User, entry: Entry) -> None:
    if facts.conflicts_of(actor.pk, entry.pk, country_rule=False):
        raise JudgingError(_("You have a conflict of interest with this entry."), code="conflicted")


def _check_count(*, level: AwardLevel, entry: Entry, special_mention: bool, exclude: int | None) -> None:
    """The published number of awards is never exceeded."""
    awards = Award.objects.filter(cycle_id=entry.cycle_id)
    if exclude is not None:
        awards = awards.exclude(pk=exclude)
    if special_mention:
        published = level.categories.aggregate(total=Sum("award_count"))["total"] or 0
        given = awards.filter(special_mention=True, level=level).count()
        if given >= published:
            raise JudgingError(
                _("All %(count)d special mentions of this level have been given.") % {"count": published},
                code="too_many",
            )
        return
    given = awards.filter(special_mention=False, entry__category_id=entry.category_id).count()
    if given >= entry.category.award_count:
        raise JudgingError(
            _("This category gives %(count)d awards, and all have been given.") % {"count": entry.category.award_count},
            code="too_many",
        )
    track = entry.track
    if track is not None and track.award_count:
        in_track = awards.filter(special_mention=False, entry__track_id=track.pk).count()
        if in_track >= track.award_count:
            raise JudgingError(
                _("This track gives %(count)d awards, and all have been given.") % {"count": track.award_count},
                code="too_many",
            )


@transaction.atomic
def award_decide(
    *,
    actor: User,
    entry_id: int,
    level_id: int,
    citation: dict[str, str],
    round_id: int | None = None,
    special_mention: bool = False,
) -> Award:
    """Give (or change, while not locked) an entry's award.

    An award needs the final round the entry is in and a level of the entry's
    category; a special mention any level, for any eligible entry of the
    cycle. Nobody decides on an entry they are in conflict with."""
    entry = Entry.objects.select_for_update(of=("self",)).select_related("category", "track").get(pk=entry_id)
    level = AwardLevel.objects.filter(pk=level_id, cycle_id=entry.cycle_id).first()
    if level is None:
        raise JudgingError(_("Choose an award level of this edition."), code="level")
    _check_not_conflicted(actor, entry)
    _check_not_published(entry.cycle_id)
    round_ = None
    if special_mention:
        if entry.status not in ELIGIBLE_STATUSES:
            raise JudgingError(_("A special mention can only go to an eligible entry."), code="not_eligible")
    else:
        round_ = Round.objects.filter(pk=round_id or 0, kind=RoundKind.FINAL).first()
        if round_ is None or not RoundEntry.objects.filter(round=round_, entry=entry).exists():
            raise JudgingError(_("Awards are decided in the final round the entry is in."), code="not_final")
        if not level.categories.filter(pk=entry.category_id).exists():
            raise JudgingError(_("This award level is not given in the entry's category."), code="level_category")
    award = Award.objects.select_for_update().filter(cycle_id=entry.cycle_id, entry=entry).first()
    if award is not None and award.is_locked:
        raise JudgingError(_("This decision is locked. Unlock it first, giving a reason."), code="locked")
    _check_count(level=level, entry=entry, special_mention=special_mention, exclude=award.pk if award else None)
    before = _describe(award) if award else {}
    award = award or Award(cycle_id=entry.cycle_id, entry=entry)
    award.round = round_
    award.level = level
    award.special_mention = special_mention
    for name, text in _citation_fields(citation).items():
        setattr(award, name, text)
    award.decided_by = actor
    award.decided_at = timezone.now()
    award.full_clean()
    save_fields(award, ["round", "level", "special_mention", *_citation_fields(citation), "decided_by", "decided_at"])
    audit_record(actor=actor, action="award.decide", target=award, before=before, after=_describe(award))
    return award


@transaction.atomic
def award_remove(*, actor: User, award_id: int) -> None:
    """Take back a decision that is not locked."""
    award = Award.objects.select_for_update().get(pk=award_id)
    if award.is_locked:
        raise JudgingError(_("This decision is locked. Unlock it first, giving a reason."), code="locked")
    _check_not_published(award.cycle_id)
    audit_record(actor=actor, action="award.remove", target=award, before=_describe(award))
    award.delete()


@transaction.atomic
def awards_lock(*, actor: User, cycle_id: int, category_id: int | None = None) -> int:
    """Lock the decisions of a cycle (or of one category); returns how many were locked."""
    awards = Award.objects.select_for_update().filter(cycle_id=cycle_id, locked_at__isnull=True)
    if category_id is not None:
        awards = awards.filter(Q(entry__category_id=category_id))
    now = timezone.now()
    locked = 0
    for award in awards:
        award.locked_at = now
        award.save(update_fields=["locked_at"])
        audit_record(actor=actor, action="award.lock", target=award, after=_describe(award))
        locked += 1
    return locked


@transaction.atomic
def award_unlock(*, actor: User, award_id: int, reason: str) -> Award:
    """Reopen a locked decision; the reason is recorded."""
    award = Award.objects.select_for_update().get(pk=award_id)
    reason = reason.strip()
    if not reason:
        raise JudgingError(_("Give a reason."), code="reason_required")
    if not award.is_locked:
        raise JudgingError(_("This decision is not locked."), code="not_locked")
    _check_not_published(award.cycle_id)
    award.locked_at = None
    award.save(update_fields=["locked_at"])
    audit_record(actor=actor, action="award.unlock", target=award, after={"reason": reason})
    return award


def _describe(award: Award) -> dict[str, Any]:
    return {
        "entry": award.entry.reference,
        "level": award.level.code,
        "special_mention": award.special_mention,
        "citation_en": award.citation_en,  # type: ignore[attr-defined]
        "locked": award.is_locked,
    }
