"""Ranking of a round's entries from the judges' criterion scores (DESIGN.md §5).

A pure module: plain scores in, a :class:`Ranking` out, no Django and no
database, so that the results pages, the exports and ``manage.py rank_scores``
share one engine. Deterministic: the inputs are sorted first (entries and
judges in natural order, "E2" before "E10"), so the order of the input never
matters, and the same input always gives the same output.

Notation: judge j reviews entry k; criterion c has weight w_c (normalised so
that Σ_c w_c = 1) and scale [lo_c, hi_c]; n_k is the entry's number of reviews,
n_j the judge's.

1. Review total on 0-100: x_jk = 100 · Σ_c w_c · (s_jkc - lo_c) / (hi_c - lo_c).
2. ``mean``: the mean of the entry's x_jk; ``median``: their median.
3. ``zscore``: z_jk = (x_jk - μ_j) / sd_j with μ_j and sd_j the mean and the
   population standard deviation of judge j's totals in the round. A judge with
   fewer than 3 reviews or sd_j = 0 uses the round mean and the pooled sd (the
   population standard deviation of every total in the round) instead, with the
   warning ``judge_few_reviews:<judge>`` or ``judge_no_spread:<judge>``. The
   entry's score is 50 + 10 · mean_j z_jk (0 when even the pooled sd is 0).
4. ``calibrated``: the additive model x_jk = q_k + b_j + ε, fitted per connected
   component of the judge-entry graph (see :func:`_calibrate`), with a 90%
   interval on q_k; warning ``disconnected`` when there are several components.
5. Disagreement: spread = max - min of the entry's totals, sd = their population
   standard deviation; flagged when spread ≥ ``disagreement_threshold``.
6. Thresholds: an entry whose mean score on a criterion (on the criterion's own
   scale) is below the criterion's threshold lists it in ``below_threshold``.
   It keeps its place in the ranking; the flag says it does not advance.
7. Ties: scores within ``TIE_TOLERANCE`` points are equal; equal entries are
   ordered by the round's rules in turn, then by entry id, and each records the
   rule that put it below its predecessor (see :func:`_order`).
"""

from __future__ import annotations

import functools
import math
import re
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from operator import mul
from typing import Any

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
    ``item`` says what was wrong: "score", "criterion", "tie_break" or "ridge"."""

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
    CALIBRATED = "calibrated"


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
    method); ``judge_bias`` is b_j (calibrated only); ``warnings`` are codes the
    UI translates: ``disconnected``, ``judge_few_reviews:<judge>``,
    ``judge_no_spread:<judge>``, ``interval_unavailable`` (no residual degrees of
    freedom), ``interval_approximate``, ``tie_break_unknown_criterion:<code>``."""

    method: Method
    results: list[EntryResult]
    judge_bias: dict[str, float] = field(default_factory=dict)
    components: int = 0
    warnings: list[str] = field(default_factory=list)


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


def rank(
    scores: Iterable[Score],
    criteria: Sequence[CriterionSpec],
    *,
    method: Method = Method.CALIBRATED,
    tie_breaks: Sequence[str] = DEFAULT_TIE_BREAKS,
    submitted_at: Mapping[str, float] | None = None,
    disagreement_threshold: float = 25.0,
    ridge: float = 1.0,
    seed: int = 0,
) -> Ranking:
    """Rank the entries by ``method`` (see the module docstring for the formulas).

    ``tie_breaks`` is the round's ordered rule list: "criterion:<code>" (higher
    mean on that criterion; skipped with a warning when the code is not among
    the criteria), "more_reviews", "earlier_submission" (earlier
    ``submitted_at`` timestamp; entries without one count as latest, and the
    rule is skipped without ``submitted_at``), "higher_median" (of the totals)
    and "entry" (entry id, natural order), which always ends the list. ``ridge``
    is λ of the calibrated method (≥ 0). ``seed`` is accepted for a resampled
    interval; the analytic interval used now needs no randomness."""
    if ridge < 0 or not math.isfinite(ridge):
        raise RankingInputError("the ridge λ must be a number ≥ 0", item="ridge")
    method = Method(method)
    data = _read_scores(scores, criteria)
    by_entry: dict[str, list[float]] = defaultdict(list)
    for (entry, _judge), total in data.totals.items():
        by_entry[entry].append(total)
    entries = sorted(by_entry, key=natural_key)
    warnings: list[str] = []
    components = _components(data.totals)
    intervals: dict[str, tuple[float, float]] = {}
    judge_bias: dict[str, float] = {}
    entry_component: dict[str, int] = {}
    if method is Method.MEAN:
        score = {entry: math.fsum(by_entry[entry]) / len(by_entry[entry]) for entry in entries}
    elif method is Method.MEDIAN:
        score = {entry: statistics.median(by_entry[entry]) for entry in entries}
    elif method is Method.ZSCORE:
        score = _zscores(data.totals, warnings)
    else:
        if len(components) > 1:
            warnings.append("disconnected")
        score, judge_bias, intervals = _calibrate(data.totals, components, ridge, warnings)
        entry_component = {entry: number for number, (members, _) in enumerate(components, 1) for entry in members}

    specs = {spec.code: spec for spec in criteria}
    rows = {
        entry: _describe(entry, by_entry[entry], data.criterion_scores[entry], specs, disagreement_threshold)
        | {
            "score": score[entry],
            "ci_low": intervals[entry][0] if entry in intervals else None,
            "ci_high": intervals[entry][1] if entry in intervals else None,
            "component": entry_component.get(entry, 0),
        }
        for entry in entries
    }
    rules = _tie_break_rules(tie_breaks, specs, submitted_at is not None, warnings)
    keys: dict[str, Callable[[dict[str, Any]], Any]] = {
        "more_reviews": lambda row: -row["n_reviews"],
        "earlier_submission": lambda row: (submitted_at or {}).get(row["entry"], math.inf),
        "higher_median": lambda row: -row["median"],
        ENTRY_RULE: lambda row: natural_key(row["entry"]),
    }
    for rule in rules:
        if rule.startswith(CRITERION_RULE):
            keys[rule] = _criterion_key(rule.removeprefix(CRITERION_RULE))
    ordered = _order(rows, [(rule, keys[rule]) for rule in rules])
    results = [
        EntryResult(rank=place, tie_break=tie_break, **rows[entry])
        for place, (entry, tie_break) in enumerate(ordered, 1)
    ]
    return Ranking(method, results, judge_bias, len(components), warnings)


def _describe(
    entry: str,
    totals: list[float],
    criterion_scores: Mapping[str, list[float]],
    specs: Mapping[str, CriterionSpec],
    disagreement_threshold: float,
) -> dict[str, Any]:
    """The method-independent part of an entry's result."""
    n = len(totals)
    mean = math.fsum(totals) / n
    means = {code: math.fsum(values) / n for code, values in criterion_scores.items()}
    spread = max(totals) - min(totals)
    below = []
    for code, value in means.items():
        threshold = specs[code].threshold
        if threshold is not None and value < threshold:
            below.append(code)
    return {
        "entry": entry,
        "n_reviews": n,
        "mean": mean,
        "median": statistics.median(totals),
        "spread": spread,
        "sd": math.sqrt(math.fsum((total - mean) ** 2 for total in totals) / n),
        "disagreement": spread >= disagreement_threshold,
        "below_threshold": tuple(below),
        "criterion_means": means,
    }


def _criterion_key(code: str) -> Callable[[dict[str, Any]], Any]:
    return lambda row: -row["criterion_means"][code]


def _tie_break_rules(
    tie_breaks: Sequence[str], specs: Mapping[str, CriterionSpec], have_times: bool, warnings: list[str]
) -> list[str]:
    rules: list[str] = []
    for rule in tie_breaks:
        if rule.startswith(CRITERION_RULE):
            if rule.removeprefix(CRITERION_RULE) not in specs:
                warnings.append(f"tie_break_unknown_criterion:{rule.removeprefix(CRITERION_RULE)}")
                continue
        elif rule not in OTHER_RULES:
            raise RankingInputError(f'"{rule}" is not a tie-break rule', item="tie_break")
        if rule == "earlier_submission" and not have_times:
            continue
        if rule not in rules:
            rules.append(rule)
    if ENTRY_RULE not in rules:
        rules.append(ENTRY_RULE)
    return rules


def _order(rows: Mapping[str, dict], rules: list[tuple[str, Callable[[dict[str, Any]], Any]]]) -> list[tuple[str, str]]:
    """(entry, tie_break) best first. Entries are sorted by score; a run of
    entries whose neighbouring scores differ by at most TIE_TOLERANCE is a tie,
    ordered by the rule keys in turn; each tied entry after the first records
    the first rule on which it differs from its predecessor."""
    by_score = sorted(rows, key=lambda entry: (-rows[entry]["score"], natural_key(entry)))
    ordered: list[tuple[str, str]] = []
    start = 0
    while start < len(by_score):
        end = start + 1
        while end < len(by_score) and rows[by_score[end - 1]]["score"] - rows[by_score[end]]["score"] <= TIE_TOLERANCE:
            end += 1
        keyed = sorted(
            ((tuple(key(rows[entry]) for _, key in rules), entry) for entry in by_score[start:end]),
            key=lambda pair: pair[0],
        )
        for n, (values, entry) in enumerate(keyed):
            rule = ""
            if n:
                previous = keyed[n - 1][0]
                rule = next(rules[i][0] for i in range(len(rules)) if values[i] != previous[i])
            ordered.append((entry, rule))
        start = end
    return ordered


def _components(totals: Mapping[tuple[str, str], float]) -> list[tuple[list[str], list[str]]]:
    """Connected components of the judge-entry graph as (entries, judges), each
    in natural order, numbered by their first entry."""
    parent: dict[tuple[int, str], tuple[int, str]] = {}

    def find(node: tuple[int, str]) -> tuple[int, str]:
        root = node
        while parent[root] != root:
            root = parent[root]
        while parent[node] != root:
            parent[node], node = root, parent[node]
        return root

    for entry, judge in totals:
        a, b = (0, entry), (1, judge)
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
    groups: dict[tuple[int, str], tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for node in parent:
        groups[find(node)][node[0]].append(node[1])
    found = [(sorted(entries, key=natural_key), sorted(judges, key=natural_key)) for entries, judges in groups.values()]
    return sorted(found, key=lambda group: natural_key(group[0][0]))


def _zscores(totals: Mapping[tuple[str, str], float], warnings: list[str]) -> dict[str, float]:
    """50 + 10 · mean z per entry (DESIGN §5.3)."""
    by_judge: dict[str, list[float]] = defaultdict(list)
    for (_entry, judge), total in totals.items():
        by_judge[judge].append(total)
    everything = list(totals.values())
    round_mean = math.fsum(everything) / len(everything)
    pooled_sd = math.sqrt(math.fsum((total - round_mean) ** 2 for total in everything) / len(everything))
    centre: dict[str, tuple[float, float]] = {}
    for judge in sorted(by_judge, key=natural_key):
        values = by_judge[judge]
        mean = math.fsum(values) / len(values)
        sd = math.sqrt(math.fsum((value - mean) ** 2 for value in values) / len(values))
        if len(values) < 3:
            warnings.append(f"judge_few_reviews:{judge}")
            centre[judge] = (round_mean, pooled_sd)
        elif sd == 0:
            warnings.append(f"judge_no_spread:{judge}")
            centre[judge] = (round_mean, pooled_sd)
        else:
            centre[judge] = (mean, sd)
    zs: dict[str, list[float]] = defaultdict(list)
    for (entry, judge), total in totals.items():
        mean, sd = centre[judge]
        zs[entry].append((total - mean) / sd if sd > 0 else 0.0)
    return {entry: 50 + 10 * math.fsum(values) / len(values) for entry, values in zs.items()}


def _calibrate(
    totals: Mapping[tuple[str, str], float],
    components: list[tuple[list[str], list[str]]],
    ridge: float,
    warnings: list[str],
) -> tuple[dict[str, float], dict[str, float], dict[str, tuple[float, float]]]:
    """The calibrated scores q_k, the judge biases b_j and the 90% intervals.

    Model, per connected component: x_jk = q_k + b_j + ε_jk with Σ_j b_j = 0,
    fitted by minimising

        Σ_(j,k) (x_jk - q_k - b_j)²  +  λ · Σ_j (b_j - m_j)²,   m_j = μ_j - μ̄,

    where μ_j is the mean of judge j's totals and μ̄ the mean of the μ_j. λ is
    in units of the residual variance s²: the penalty is a prior b_j ~ N(m_j,
    s²/λ), worth λ reviews; λ = 0 is the plain least-squares (fixed effects)
    fit, λ → ∞ just centres each judge's totals on μ̄.

    Why the shrinkage pulls b_j towards m_j and not towards 0: adding a constant
    c to all of judge j's totals must not change the ranking. It moves m_j by
    exactly c - c/J (μ̄ moves by c/J), so (q_k + c/J, b_j + c - c/J, b_i - c/J)
    has the same residuals and the same penalty as the old solution: the fit is
    exactly equivariant and every q_k of the judge's component moves by the
    same c/J (entries in other components, which nothing links, do not move:
    across components the order can change, hence the warning). With a penalty
    λ·Σ b_j² the judge's b_j absorbs only part of c (about n_j/(n_j + λ) of it)
    and the rest leaks into the q_k of that judge's entries, which can reorder
    them. m_j is also the natural prior: with a random assignment every judge
    sees entries of the same expected quality, so μ_j - μ̄ estimates b_j; the
    fit corrects it with the comparisons on shared entries.

    Solve: with y_jk = x_jk - μ_j, p_k = q_k - μ̄ and d_j = b_j - m_j the
    objective is Σ (y_jk - p_k - d_j)² + λ Σ d_j². For given d the best p_k is
    the mean of y_jk - d_j over the entry's reviews; eliminating p leaves the
    judges' normal equations S·d = g with S = L + λI, L_jj = n_j - Σ_(k∈j) 1/n_k,
    L_ji = -Σ_(k∈i∩j) 1/n_k and g_j = -Σ_(k∈j) ȳ_k. S is solved by conjugate
    gradients (sparse; exact after at most J steps, where alternating least
    squares — block Gauss-Seidel on the same equations — crawls on weakly linked
    designs); the solution is the fixed point of the alternating updates. S·1 =
    λ·1 and Σ_j g_j = 0, so the solution has Σ_j d_j = 0, i.e. Σ_j b_j = 0 (for
    λ = 0 the mean is subtracted).

    Interval: q_k ± t(0.95, df) · se_k with se_k² = s² · (1/n_k + a_kᵀ C a_k / n_k²),
    a_k the indicator of the entry's judges and C the covariance of d (in units
    of s²) restricted to Σ d = 0: C = (S + 11ᵀ)⁻¹ - 11ᵀ / (J (λ + J)), the
    posterior covariance under the prior above and a flat prior on q.
    s² = RSS / df pooled over the components, df = Σ (N - K - J + 1) (the
    unpenalised degrees of freedom, so s errs on the wide side). No interval
    when df ≤ 0 (warning ``interval_unavailable``). A component with more than
    DENSE_JUDGE_LIMIT judges uses the diagonal approximation C_jj ≈ 1/S_jj,
    C_ji ≈ 0 (warning ``interval_approximate``).
    """
    scores: dict[str, float] = {}
    bias: dict[str, float] = {}
    fits = []
    rss_total = 0.0
    df_total = 0
    component_of = {entry: n for n, (entries, _) in enumerate(components) for entry in entries}
    grouped: list[list[tuple[str, str, float]]] = [[] for _ in components]
    for (entry, judge), total in totals.items():  # natural order (see _read_scores)
        grouped[component_of[entry]].append((entry, judge, total))
    for (entries, judges), reviews in zip(components, grouped, strict=True):
        fit = _Fit(entries, judges, reviews, ridge)
        scores.update(zip(entries, fit.q, strict=True))
        bias.update(zip(judges, fit.b, strict=True))
        rss_total += fit.rss
        df_total += len(fit.y) - len(entries) - len(judges) + 1
        fits.append(fit)
    intervals: dict[str, tuple[float, float]] = {}
    if not components:
        return scores, bias, intervals
    if df_total <= 0:
        warnings.append("interval_unavailable")
        return scores, bias, intervals
    variance = rss_total / df_total
    t = student_t_95(df_total)
    approximate = False
    for fit in fits:
        approximate |= len(fit.judges) > DENSE_JUDGE_LIMIT
        for entry, q, spread in zip(fit.entries, fit.q, fit.standard_errors(variance), strict=True):
            intervals[entry] = (q - t * spread, q + t * spread)
    if approximate:
        warnings.append("interval_approximate")
    return scores, bias, intervals


class _Fit:
    """The calibrated fit of one connected component (see :func:`_calibrate`)."""

    def __init__(self, entries: list[str], judges: list[str], reviews: list[tuple[str, str, float]], ridge: float):
        self.entries, self.judges, self.ridge = entries, judges, ridge
        entry_index = {entry: k for k, entry in enumerate(entries)}
        judge_index = {judge: j for j, judge in enumerate(judges)}
        self.entry_judges: list[list[int]] = [[] for _ in entries]
        self.judge_entries: list[list[int]] = [[] for _ in judges]
        judge_totals: list[list[float]] = [[] for _ in judges]
        review_entry, review_judge, x = [], [], []
        for entry, judge, total in reviews:
            k, j = entry_index[entry], judge_index[judge]
            self.entry_judges[k].append(j)
            self.judge_entries[j].append(k)
            judge_totals[j].append(total)
            review_entry.append(k)
            review_judge.append(j)
            x.append(total)
        self.n_entry = [len(js) for js in self.entry_judges]
        judge_mean = [math.fsum(values) / len(values) for values in judge_totals]
        overall = math.fsum(judge_mean) / len(judges)
        self.y = [total - judge_mean[j] for total, j in zip(x, review_judge, strict=True)]
        entry_sums: list[list[float]] = [[] for _ in entries]
        for k, value in zip(review_entry, self.y, strict=True):
            entry_sums[k].append(value)
        y_bar = [math.fsum(values) / len(values) for values in entry_sums]
        g = [-sum(map(y_bar.__getitem__, ks)) for ks in self.judge_entries]
        d = self._solve(g)
        p = [y_bar[k] - sum(map(d.__getitem__, js)) / len(js) for k, js in enumerate(self.entry_judges)]
        self.q = [value + overall for value in p]
        self.b = [d[j] + judge_mean[j] - overall for j in range(len(judges))]
        self.rss = math.fsum(
            (value - p[k] - d[j]) ** 2 for value, k, j in zip(self.y, review_entry, review_judge, strict=True)
        )

    def _apply(self, v: list[float]) -> list[float]:
        """S·v without forming S."""
        per_entry = [sum(map(v.__getitem__, js)) / len(js) for js in self.entry_judges]
        return [
            (len(ks) + self.ridge) * v[j] - sum(map(per_entry.__getitem__, ks))
            for j, ks in enumerate(self.judge_entries)
        ]

    def _solve(self, g: list[float]) -> list[float]:
        """S·d = g by conjugate gradients; for λ = 0 (S singular along 1,
        g ⊥ 1) the iterates are kept orthogonal to 1."""
        size = len(g)
        d = [0.0] * size
        r = self._centred(g) if self.ridge == 0 else list(g)
        direction = list(r)
        rr = math.fsum(value * value for value in r)
        stop = (CG_RELATIVE_TOLERANCE**2) * rr
        for _ in range(2 * size + 20):
            if rr <= stop:
                break
            image = self._apply(direction)
            curvature = math.fsum(map(mul, direction, image))
            if curvature <= 0:  # only rounding noise left in the null space (λ = 0)
                break
            step = rr / curvature
            d = [a + step * b for a, b in zip(d, direction, strict=True)]
            r = [a - step * b for a, b in zip(r, image, strict=True)]
            if self.ridge == 0:
                r = self._centred(r)
            new_rr = math.fsum(value * value for value in r)
            direction = [a + (new_rr / rr) * b for a, b in zip(r, direction, strict=True)]
            rr = new_rr
        return self._centred(d)

    @staticmethod
    def _centred(values: list[float]) -> list[float]:
        shift = math.fsum(values) / len(values)
        return [value - shift for value in values]

    def standard_errors(self, variance: float) -> list[float]:
        """se_k of q_k for the residual variance s² (see :func:`_calibrate`)."""
        size, ridge = len(self.judges), self.ridge
        if size <= DENSE_JUDGE_LIMIT:
            covariance = self._covariance_within_entries()
            correction = 1 / (size * (ridge + size))
            quads = [
                math.fsum(covariance[a, b] for a in js for b in js) - len(js) ** 2 * correction
                for js in self.entry_judges
            ]
        else:
            diagonal = [len(ks) + ridge - math.fsum(1 / self.n_entry[k] for k in ks) for ks in self.judge_entries]
            quads = [math.fsum(1 / diagonal[j] for j in js if diagonal[j] > 0) for js in self.entry_judges]
        return [
            math.sqrt(variance * max(0.0, 1 / len(js) + quad / len(js) ** 2))
            for js, quad in zip(self.entry_judges, quads, strict=True)
        ]

    def _covariance_within_entries(self) -> dict[tuple[int, int], float]:
        """(S + 11ᵀ)⁻¹ at the judge pairs sharing an entry: a Cholesky factor
        L of S + 11ᵀ, the columns of L⁻¹, and (S + 11ᵀ)⁻¹_ab = column a · column b."""
        size = len(self.judges)
        matrix = [[1.0] * size for _ in range(size)]
        for j, ks in enumerate(self.judge_entries):
            matrix[j][j] += len(ks) + self.ridge
        for js in self.entry_judges:
            weight = 1 / len(js)
            for a in js:
                row = matrix[a]
                for b in js:
                    row[b] -= weight
        factor: list[list[float]] = []  # row i holds L[i][0..i]
        for i, row in enumerate(matrix):
            current: list[float] = []
            for j in range(i):
                other = factor[j]
                current.append((row[j] - sum(map(mul, current, other))) / other[j])
            current.append(math.sqrt(row[i] - sum(map(mul, current, current))))
            factor.append(current)
        columns: list[list[float]] = []  # column c of L⁻¹, from row c down
        for c in range(size):
            column = [1 / factor[c][c]]
            for i in range(c + 1, size):
                row = factor[i]
                column.append(-sum(map(mul, row[c:i], column)) / row[i])
            columns.append(column)
        covariance: dict[tuple[int, int], float] = {}
        for js in self.entry_judges:
            for a in js:
                for b in js:
                    if (a, b) not in covariance:
                        low, high = min(a, b), max(a, b)
                        covariance[a, b] = covariance[b, a] = sum(map(mul, columns[low][high - low :], columns[high]))
        return covariance


def student_t_95(df: int) -> float:
    """The 95th percentile of Student's t with ``df`` degrees of freedom (the
    half-width factor of a 90% interval): exact for 1 and 2, otherwise the
    Cornish-Fisher expansion (Abramowitz & Stegun 26.7.5; error below 0.001 at
    3, 2·10⁻⁵ at 10)."""
    if df == 1:
        return math.tan(math.pi * 0.45)
    if df == 2:
        return 0.9 / math.sqrt(2 * 0.95 * 0.05)
    z = statistics.NormalDist().inv_cdf(0.95)
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4
