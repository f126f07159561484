"""Settled and unsettled places at a cut-off: where the intervals say the order is clear, and where it is not.

For a cut-off at k (the finalists, or the awards of a category), with the
entries in ranking order and each with its 90% interval: an entry inside the
cut-off (place ≤ k) is settled when its interval lies wholly above the
interval of every entry outside (above the highest upper end among them,
usually the (k+1)-th's); an entry outside is settled when its interval lies
wholly below that of every entry inside (below the lowest lower end, usually
the k-th's). Comparing with every entry on the other side, not only with the
neighbour at the line, keeps the answer consistent when intervals differ in
width: an entry settled inside can never overlap an entry outside. Every
other entry is too close to call: the committee should discuss it before the
cut-off is drawn. With nobody outside (k ≥ the number of
entries) every entry inside is settled. Without intervals (another method, or
too few reviews) nothing is settled or unsettled, and the map is empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from judging.engine.ranking.inputs import EntryResult, RankingInputError


class Place(StrEnum):
    SETTLED_IN = "settled_in"
    SETTLED_OUT = "settled_out"
    TOO_CLOSE = "too_close"


def places(results: Sequence[EntryResult], cutoff: int) -> dict[str, Place]:
    """Each entry's :class:`Place` for a cut-off after ``cutoff`` entries
    (``results`` in ranking order, best first)."""
    if cutoff < 1:
        raise RankingInputError("the cut-off must be 1 or more", item="cutoff")
    if any(result.ci_low is None or result.ci_high is None for result in results):
        return {}
    inside, outside = results[:cutoff], results[cutoff:]
    if not outside:
        return {result.entry: Place.SETTLED_IN for result in inside}
    highest_outside = max(result.ci_high for result in outside)  # type: ignore[type-var]
    lowest_inside = min(result.ci_low for result in inside)  # type: ignore[type-var]
    found: dict[str, Place] = {}
    for result in inside:
        found[result.entry] = Place.SETTLED_IN if result.ci_low > highest_outside else Place.TOO_CLOSE  # type: ignore[operator]
    for result in outside:
        found[result.entry] = Place.SETTLED_OUT if result.ci_high < lowest_inside else Place.TOO_CLOSE  # type: ignore[operator]
    return found
