"""The engine's inputs and outputs: scores, criteria, results, and review totals."""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

# Scores closer than this (points on the 0-100 scale) are a tie: far below any
# difference a judge can make, far above the solver's rounding.
TIE_TOLERANCE = 1e-9
# Components with more judges than this get the approximate interval (warning
# "interval_approximate"); the exact one costs O(J³) pure-Python operations.
DENSE_JUDGE_LIMIT = 400
CG_RELATIVE_TOLERANCE = 1e-13
CRITERION_RULE = "criterion:"
ENTRY_RULE = "entry"
OTHER_RULES = frozenset({"more_reviews", "earlier_submission", "higher_median", ENTRY_RULE})
# The same list as judging.enums.DEFAULT_TIE_BREAKS, which this module cannot import (it needs Django).
DEFAULT_TIE_BREAKS = ("criterion:value", "criterion:implementation", "more_reviews", "earlier_submission")


class RankingInputError(ValueError):
    """Input the engine cannot rank. ``problem`` says what is wrong; ``index``
    is the position (0-based, in the order given) of the score or criterion
    concerned, when there is one, so that a caller can name the file row;
    ``item`` says what was wrong: "score", "criterion", "tie_break", "ridge" or "cutoff"."""

    def __init__(self, problem: str, *, index: int | None = None, item: str = "score") -> None:
        self.problem = problem
        self.index = index
        self.item = item
        super().__init__(problem if index is None else f"{item} {index + 1}: {problem}")


@dataclass(frozen=True)
class CriterionSpec:
    """A criterion of the round's rubric."""

    code: str
    weight: float  # relative; normalised so that Σ w = 1
    low: float  # scale minimum
    high: float  # scale maximum
    threshold: float | None = None  # minimum mean on this criterion to advance (DESIGN §5.6)


@dataclass(frozen=True)
class Score:
    """One judge's score of one entry on one criterion (a review is the judge's scores of the entry)."""

    entry: str
    judge: str
    criterion: str
    score: float


class Method(StrEnum):
    MEAN = "mean"
    MEDIAN = "median"
    ZSCORE = "zscore"
    CALIBRATED = "calibrated"  # judge bias and gain (scaled.py)
    CALIBRATED_ADDITIVE = "calibrated_additive"  # judge bias only (calibration.py)


@dataclass(frozen=True)
class EntryResult:
    """One entry's place. ``score`` is on 0-100 for mean, median and calibrated
    (q_k) and 50 + 10·z for zscore; ``sd`` is the population standard deviation
    of the totals (0 for one review); ``tie_break`` is the rule that put the
    entry below the one ranked just above when their scores were equal ('' when
    they were not); ``component`` numbers the judge-entry graph's components
    from 1 (calibrated only, 0 otherwise)."""

    entry: str
    rank: int
    score: float
    ci_low: float | None
    ci_high: float | None
    n_reviews: int
    mean: float
    median: float
    spread: float
    sd: float
    disagreement: bool
    below_threshold: tuple[str, ...]
    criterion_means: dict[str, float]
    tie_break: str
    component: int


@dataclass
class Ranking:
    """``components`` counts the judge-entry graph's connected components (every
    method); ``judge_bias`` is each judge's bias in points (both calibrated
    methods) and ``judge_gain`` their gain (calibrated: points the judge moves
    per point of the typical judge; 1 for a judge who keeps the common scale);
    ``warnings`` are codes the UI translates: ``disconnected``,
    ``judge_few_reviews:<judge>``, ``judge_no_spread:<judge>`` (z-score),
    ``gain_few_reviews:<judge>``, ``gain_no_spread:<judge>`` (calibrated),
    ``interval_unavailable`` (no residual degrees of freedom),
    ``interval_approximate``, ``tie_break_unknown_criterion:<code>``."""

    method: Method
    results: list[EntryResult]
    judge_bias: dict[str, float] = field(default_factory=dict)
    components: int = 0
    warnings: list[str] = field(default_factory=list)
    judge_gain: dict[str, float] = field(default_factory=dict)


@functools.lru_cache(maxsize=1 << 16)
def natural_key(name: str) -> tuple[tuple[int, str], ...]:
    """Sort key putting "E2" before "E10" (digit runs compare as numbers)."""
    parts = re.split(r"(\d+)", str(name))
    return (*((int(part), "") if n % 2 else (-1, part) for n, part in enumerate(parts)), (0, str(name)))


def check_criteria(criteria: Sequence[CriterionSpec]) -> dict[str, float]:
    """The normalised weights by criterion code; RankingInputError (with the
    criterion's index) for a duplicate code, a weight ≤ 0 or an empty scale."""
    if not criteria:
        raise RankingInputError("no criteria", item="criterion")
    seen: set[str] = set()
    for index, spec in enumerate(criteria):
        if spec.code in seen:
            raise RankingInputError(f'criterion "{spec.code}" is listed twice', index=index, item="criterion")
        seen.add(spec.code)
        numbers = [spec.weight, spec.low, spec.high] + ([] if spec.threshold is None else [spec.threshold])
        if not all(math.isfinite(number) for number in numbers):
            raise RankingInputError(
                f'criterion "{spec.code}" has a value that is not a number', index=index, item="criterion"
            )
        if spec.weight <= 0:
            raise RankingInputError(f'criterion "{spec.code}" needs a weight above 0', index=index, item="criterion")
        if spec.high <= spec.low:
            raise RankingInputError(f'criterion "{spec.code}" needs max above min', index=index, item="criterion")
    total = math.fsum(spec.weight for spec in criteria)
    return {spec.code: spec.weight / total for spec in sorted(criteria, key=lambda spec: spec.code)}


@dataclass
class _Reviews:
    totals: dict[tuple[str, str], float]  # (entry, judge) -> x_jk
    criterion_scores: dict[str, dict[str, list[float]]]  # entry -> criterion -> raw scores


def _read_scores(scores: Iterable[Score], criteria: Sequence[CriterionSpec]) -> _Reviews:
    weights = check_criteria(criteria)
    specs = {spec.code: spec for spec in criteria}
    reviews: dict[tuple[str, str], dict[str, float]] = {}
    first_index: dict[tuple[str, str], int] = {}
    for index, row in enumerate(scores):
        spec = specs.get(row.criterion)
        if spec is None:
            raise RankingInputError(f'criterion "{row.criterion}" is not in the criteria', index=index)
        if not math.isfinite(row.score):
            raise RankingInputError(f'score for criterion "{row.criterion}" is not a number', index=index)
        if not spec.low <= row.score <= spec.high:
            raise RankingInputError(
                f'score {row.score:g} is outside the scale {spec.low:g}-{spec.high:g} of criterion "{row.criterion}"',
                index=index,
            )
        key = (row.entry, row.judge)
        review = reviews.setdefault(key, {})
        first_index.setdefault(key, index)
        if row.criterion in review:
            raise RankingInputError(
                f'entry "{row.entry}" has two scores from judge "{row.judge}" on criterion "{row.criterion}"',
                index=index,
            )
        review[row.criterion] = row.score
    totals: dict[tuple[str, str], float] = {}
    criterion_scores: dict[str, dict[str, list[float]]] = defaultdict(lambda: {code: [] for code in weights})
    for key in sorted(reviews, key=first_index.__getitem__):
        review = reviews[key]
        if len(review) != len(weights):
            missing = next(code for code in weights if code not in review)
            raise RankingInputError(
                f'the review of entry "{key[0]}" by judge "{key[1]}" has no score for criterion "{missing}"',
                index=first_index[key],
            )
    for key in sorted(reviews, key=lambda key: (natural_key(key[0]), natural_key(key[1]))):
        review = reviews[key]
        parts = []
        for code, weight in weights.items():
            spec = specs[code]
            parts.append(weight * (review[code] - spec.low) / (spec.high - spec.low))
            criterion_scores[key[0]][code].append(review[code])
        totals[key] = 100 * math.fsum(parts)
    return _Reviews(totals, dict(criterion_scores))


def review_totals(scores: Iterable[Score], criteria: Sequence[CriterionSpec]) -> dict[tuple[str, str], float]:
    """(entry, judge) -> x_jk on 0-100 (DESIGN §5.1), in natural order.

    RankingInputError for a criterion not in ``criteria``, a score off its scale
    or not a number, two scores of one review on one criterion, or a review
    without a score on some criterion (the error's index is then the review's
    first score)."""
    return _read_scores(scores, criteria).totals
