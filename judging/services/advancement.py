"""Advancement: the best entries of a round (by calibrated score) move on to a
later round as finalists, the others are closed for the cycle. Staff preview
who advances (:func:`advancement_candidates` + :func:`advancement_select`),
then confirm (:func:`round_advance`), which is idempotent."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from judging.enums import TARGET_KINDS, RoundEntryVia
from judging.errors import JudgingError
from judging.models import Round, RoundEntry
from judging.selectors.advancement import ADVANCEABLE_STATUSES, advancement_scope, below_threshold
from prize_portal.accounts.models import User
from prize_portal.audit.services import audit_record
from prize_portal.outbox.services import outbox_enqueue
from submissions.enums import EntryStatus
from submissions.models import Entry
from submissions.services.status import entry_change_status


@dataclass
class Advancement:
    """What one confirmation changed (lists of entry references)."""

    advanced: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)
    notified: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.advanced or self.closed)


def _check_target(round_: Round, target: Round, entries: list[Entry]) -> None:
    if target.pk == round_.pk or target.cycle_id != round_.cycle_id or target.kind not in TARGET_KINDS:
        raise JudgingError(
            _("Entries can only advance to another scored or final round of the same cycle."), code="bad_target"
        )
    covered = set(target.categories.values_list("pk", flat=True))
    if any(entry.category_id not in covered for entry in entries):
        raise JudgingError(_("The target round does not judge the category of these entries."), code="bad_target")


def _set_status(*, actor: User, entry: Entry, status: EntryStatus, round_: Round, target: Round) -> None:
    entry_change_status(entry=entry, actor=actor, status=status, note={"round": round_.pk, "target_round": target.pk})


def _notify(entry: Entry, *, advanced: bool, round_: Round, target: Round) -> None:
    """Queue the result e-mail to the entry's owner in their language (once per entry and round)."""
    owner = entry.owner
    with translation.override(owner.language):
        context = {
            "name": owner.name or owner.email,
            "reference": entry.reference or "",
            "title": entry.title_en,
            "advanced": advanced,
            "round": str(target.name),
            "cycle": str(round_.cycle.name),
            "link": settings.SITE_URL + reverse("submissions:entry_detail", args=[entry.pk]),
        }
    outbox_enqueue(
        to=owner.email,
        template="judging/email/advancement",
        language=owner.language,
        user=owner,
        context=context,
        dedupe_key=f"advancement:{round_.pk}:{entry.pk}",
    )


def _check_in_round(chosen: list[int], by_id: dict[int, Entry]) -> None:
    if any(entry_id not in by_id for entry_id in chosen):
        raise JudgingError(_("Only entries of this round can advance."), code="not_in_round")


def _check_not_below_threshold(round_: Round, chosen: list[int], by_id: dict[int, Entry]) -> None:
    flagged = sorted(by_id[entry_id].reference or str(entry_id) for entry_id in set(chosen) & below_threshold(round_))
    if flagged:
        raise JudgingError(
            _("These entries are below a criterion's minimum and cannot advance: %(entries)s.")
            % {"entries": ", ".join(flagged)},
            code="below_threshold",
        )


def _entries_to_advance(target: Round, chosen: list[int], by_id: dict[int, Entry], outcome: Advancement) -> list[Entry]:
    """The chosen entries that move on now; those advanced by an earlier
    confirmation go to ``outcome.already``, and any other state refuses all."""
    in_target = set(RoundEntry.objects.filter(round=target, entry_id__in=chosen).values_list("entry_id", flat=True))
    to_advance = []
    refused = []
    for entry_id in chosen:
        entry = by_id[entry_id]
        if entry_id in in_target and entry.status == EntryStatus.FINALIST:
            outcome.already.append(entry.reference or str(entry.pk))
        elif entry.status in ADVANCEABLE_STATUSES:
            to_advance.append(entry)
        else:
            refused.append(
                _("%(reference)s is %(status)s")
                % {"reference": entry.reference or entry.pk, "status": entry.get_status_display().lower()}
            )
    if refused:
        raise JudgingError(
            _("Only entries under review or eligible can advance: %(entries)s.") % {"entries": "; ".join(refused)},
            code="not_advanceable",
        )
    return to_advance


def _notify_all(to_advance: list[Entry], to_close: list[Entry], *, round_: Round, target: Round) -> int:
    """Queue the result e-mails, advanced entries first; the number queued."""
    for entry in to_advance:
        _notify(entry, advanced=True, round_=round_, target=target)
    for entry in to_close:
        _notify(entry, advanced=False, round_=round_, target=target)
    return len(to_advance) + len(to_close)


@transaction.atomic
def round_advance(
    *,
    actor: User,
    round_id: int,
    target_round_id: int,
    entry_ids: list[int],
    notify: bool = False,
    category_id: int | None = None,
    track_id: int | None = None,
) -> Advancement:
    """Advance ``entry_ids`` to the target round as finalists and close the
    round's other entries (of ``category_id`` / ``track_id`` when given, else
    all) for the cycle: each status change is audited, and with ``notify``
    each owner gets an e-mail in their language. Confirming again changes
    nothing. JudgingError, with nothing saved, for an entry not in the round,
    below a criterion's minimum, or not under review or eligible."""
    if not actor.has_perm("judging.manage_rounds"):
        raise JudgingError(_("Only staff can advance entries."), code="forbidden")
    round_ = (
        Round.objects.select_for_update(of=("self",)).select_related("cycle").get(pk=round_id)
    )  # one confirmation at a time
    target = Round.objects.filter(pk=target_round_id).first()
    if target is None:
        raise JudgingError(_("Choose the round the entries advance to."), code="bad_target")
    scope_ids = list(advancement_scope(round_, category_id, track_id).values_list("pk", flat=True))
    entries = list(
        Entry.objects.select_for_update(of=("self",)).filter(pk__in=scope_ids).select_related("owner").order_by("pk")
    )
    by_id = {entry.pk: entry for entry in entries}
    chosen = sorted(set(entry_ids))
    _check_in_round(chosen, by_id)
    _check_target(round_, target, [by_id[entry_id] for entry_id in chosen])
    _check_not_below_threshold(round_, chosen, by_id)
    outcome = Advancement()
    to_advance = _entries_to_advance(target, chosen, by_id, outcome)
    RoundEntry.objects.bulk_create(
        [RoundEntry(round=target, entry=entry, via=RoundEntryVia.ADVANCEMENT) for entry in to_advance],
        ignore_conflicts=True,  # an entry already in the target round (by eligibility) simply stays
    )
    to_close = [entry for entry in entries if entry.pk not in set(chosen) and entry.status in ADVANCEABLE_STATUSES]
    for entry in to_advance:
        _set_status(actor=actor, entry=entry, status=EntryStatus.FINALIST, round_=round_, target=target)
        outcome.advanced.append(entry.reference or str(entry.pk))
    for entry in to_close:
        _set_status(actor=actor, entry=entry, status=EntryStatus.NOT_SELECTED, round_=round_, target=target)
        outcome.closed.append(entry.reference or str(entry.pk))
    if not outcome.changed:
        return outcome
    audit_record(
        actor=actor,
        action="round.advance",
        target=round_,
        after={
            "target_round": target.pk,
            "advanced": outcome.advanced,
            "closed": outcome.closed,
            "category": category_id,
            "track": track_id,
            "notify": notify,
        },
    )
    if notify:
        outcome.notified = _notify_all(to_advance, to_close, round_=round_, target=target)
    return outcome
