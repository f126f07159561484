"""rank(): every method, disagreement, thresholds and ties."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from judging.engine.ranking.calibration import _calibrate, _components
from judging.engine.ranking.inputs import (
    CRITERION_RULE,
    DEFAULT_TIE_BREAKS,
    ENTRY_RULE,
    OTHER_RULES,
    TIE_TOLERANCE,
    CriterionSpec,
    EntryResult,
    Method,
    Ranking,
    RankingInputError,
    Score,
    _read_scores,
    natural_key,
)
from judging.engine.ranking.scaled import calibrate_scaled


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
    is λ of both calibrated methods (> 0 for calibrated, ≥ 0 for
    calibrated_additive). ``seed`` is accepted for a resampled
    interval; the analytic interval used now needs no randomness."""
    if ridge < 0 or not math.isfinite(ridge):
        raise RankingInputError("the ridge λ must be a number ≥ 0", item="ridge")
    method = Method(method)
    if method is Method.CALIBRATED and ridge == 0:
        raise RankingInputError(
            "the calibrated method needs a ridge λ above 0 (calibrated_additive accepts 0)", item="ridge"
        )
    data = _read_scores(scores, criteria)
    by_entry: dict[str, list[float]] = defaultdict(list)
    for (entry, _judge), total in data.totals.items():
        by_entry[entry].append(total)
    entries = sorted(by_entry, key=natural_key)
    warnings: list[str] = []
    components = _components(data.totals)
    intervals: dict[str, tuple[float, float]] = {}
    judge_bias: dict[str, float] = {}
    judge_gain: dict[str, float] = {}
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
        if method is Method.CALIBRATED:
            fit = calibrate_scaled(data.totals, components, ridge, warnings)
            score, judge_bias, judge_gain, intervals = fit.scores, fit.bias, fit.gain, fit.intervals
        else:
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
    return Ranking(method, results, judge_bias, len(components), warnings, judge_gain)


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
