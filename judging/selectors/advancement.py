"""Who may advance from a round: the candidates of a category, best calibrated
score first, and whom the chosen rule selects, with the reason for each.
Advancing them is a service (services/advancement.py)."""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from judging.engine import ranking
from judging.enums import AdvancementRule
from judging.models import Round, RoundEntry
from judging.selectors.ranking import round_inputs, round_results
from submissions.enums import EntryStatus
from submissions.models import Entry

# Only entries still being judged move on (or are closed); later states are decided elsewhere.
ADVANCEABLE_STATUSES = frozenset({EntryStatus.IN_REVIEW, EntryStatus.ELIGIBLE})


# A score this close to the threshold counts as reaching it (the solver's rounding).
SCORE_TOLERANCE = 1e-9


class Reason(StrEnum):
    """Why an entry advances or not, as the preview explains it."""

    SELECTED = "selected"
    ALREADY = "already"  # advanced to the target round by an earlier confirmation
    BELOW_THRESHOLD = "below_threshold"  # a criterion's mean is below its minimum
    NOT_IN_TOP = "not_in_top"
    BELOW_SCORE = "below_score"
    NO_REVIEWS = "no_reviews"
    STATUS = "status"  # not under review or eligible (withdrawn, closed, …)


@dataclass(frozen=True)
class Candidate:
    """An entry of the round in the chosen category (and track). ``rank`` is
    its place by calibrated score among them (None without a submitted review)."""

    entry_id: int
    reference: str
    title: str
    status: str
    rank: int | None
    score: float | None
    below_threshold: tuple[str, ...]
    in_target: bool

    @property
    def already_advanced(self) -> bool:
        return self.in_target and self.status == EntryStatus.FINALIST


@dataclass(frozen=True)
class Decision:
    candidate: Candidate
    advances: bool
    reason: Reason


def advancement_scope(round_: Round, category_id: int | None, track_id: int | None) -> Any:
    query = Entry.objects.filter(round_entries__round=round_)
    if category_id is not None:
        query = query.filter(category_id=category_id)
    if track_id is not None:
        query = query.filter(track_id=track_id)
    return query


def advancement_candidates(
    *, round_: Round, category_id: int, track_id: int | None = None, target_round_id: int | None = None
) -> list[Candidate]:
    """The round's entries of the category (and track), best calibrated score
    first, then the entries without a submitted review (by reference)."""
    entries = list(
        advancement_scope(round_, category_id, track_id)
        .order_by("pk")
        .values_list("pk", "reference", "title_en", "status", named=True)
    )
    category = round_results(round_).get(category_id)
    results = {row.entry: row for row in category.rankings[ranking.Method.CALIBRATED].results} if category else {}
    in_target = set(
        RoundEntry.objects.filter(round_id=target_round_id, entry_id__in=[entry.pk for entry in entries]).values_list(
            "entry_id", flat=True
        )
        if target_round_id
        else ()
    )
    ranked = sorted(
        (entry for entry in entries if str(entry.pk) in results), key=lambda entry: results[str(entry.pk)].rank
    )
    unranked = sorted((entry for entry in entries if str(entry.pk) not in results), key=lambda e: e.reference or "")
    candidates = []
    for place, entry in enumerate(ranked, 1):
        result = results[str(entry.pk)]
        candidates.append(
            Candidate(
                entry.pk,
                entry.reference or "",
                entry.title_en,
                entry.status,
                place,
                result.score,
                result.below_threshold,
                entry.pk in in_target,
            )
        )
    candidates += [
        Candidate(entry.pk, entry.reference or "", entry.title_en, entry.status, None, None, (), entry.pk in in_target)
        for entry in unranked
    ]
    return candidates


def advancement_select(
    candidates: list[Candidate], *, rule: AdvancementRule, top: int | None = None, threshold: float | None = None
) -> list[Decision]:
    """Who advances: the ``top`` best-ranked entries that may advance, or those
    with a calibrated score ≥ ``threshold``. An entry below a criterion's
    minimum, without reviews, or not under review/eligible never advances
    (and takes no place in the top N); one advanced already stays advanced."""
    decisions = []
    taken = 0
    for candidate in candidates:
        if candidate.already_advanced:
            decisions.append(Decision(candidate, True, Reason.ALREADY))
            taken += 1
            continue
        if candidate.status not in ADVANCEABLE_STATUSES:
            reason = Reason.STATUS
        elif candidate.score is None:
            reason = Reason.NO_REVIEWS
        elif candidate.below_threshold:
            reason = Reason.BELOW_THRESHOLD
        elif rule == AdvancementRule.TOP:
            reason = Reason.SELECTED if taken < (top or 0) else Reason.NOT_IN_TOP
        else:
            reason = Reason.SELECTED if candidate.score >= (threshold or 0) - SCORE_TOLERANCE else Reason.BELOW_SCORE
        advances = reason == Reason.SELECTED
        taken += advances
        decisions.append(Decision(candidate, advances, reason))
    return decisions


def below_threshold(round_: Round) -> set[int]:
    """Entries whose mean on some criterion is below its minimum (any method says the same)."""
    flagged = set()
    for category in round_inputs(round_).values():
        for result in ranking.rank(category.scores, category.criteria, method=ranking.Method.MEAN).results:
            if result.below_threshold:
                flagged.add(int(result.entry))
    return flagged
