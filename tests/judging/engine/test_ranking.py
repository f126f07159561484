"""The ranking engine (the method in judging/engine/ranking/): hand-worked
examples for every method and rule, properties over random designs, and a simulated panel with known truth."""

from __future__ import annotations

import heapq
import itertools
import math
import random
import statistics
from collections.abc import Iterable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from judging import enums
from judging.engine.ranking import (
    DEFAULT_TIE_BREAKS,
    CriterionSpec,
    EntryResult,
    Method,
    Ranking,
    RankingInputError,
    Score,
    calibration,
    check_criteria,
    rank,
    review_totals,
    student_t_95,
)

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TOTAL = [CriterionSpec("total", weight=1, low=0, high=100)]
RUBRIC = [
    CriterionSpec("value", weight=2, low=0, high=5, threshold=3),
    CriterionSpec("implementation", weight=1, low=1, high=10),
]


def totals(rows: Iterable[tuple[str, str, float]]) -> list[Score]:
    """One "total" score (0-100) per (entry, judge, total) row."""
    return [Score(entry, judge, "total", value) for entry, judge, value in rows]


def by_entry(ranking: Ranking) -> dict[str, EntryResult]:
    return {result.entry: result for result in ranking.results}


def order(ranking: Ranking) -> list[str]:
    return [result.entry for result in ranking.results]


# --- totals and input errors --------------------------------------------------


def test_review_totals_weights_and_scales():
    # w = 2/3 (value, 0-5) and 1/3 (implementation, 1-10):
    # E1/J1: 100 · (2/3 · 4/5 + 1/3 · 6/9) = 100 · (8/15 + 2/9) = 100 · 34/45 = 75.556
    # E1/J2: top of both scales = 100; E2/J1: bottom of both = 0
    scores = [
        Score("E1", "J1", "value", 4),
        Score("E1", "J1", "implementation", 7),
        Score("E1", "J2", "implementation", 10),
        Score("E1", "J2", "value", 5),
        Score("E2", "J1", "value", 0),
        Score("E2", "J1", "implementation", 1),
    ]
    assert review_totals(scores, RUBRIC) == {
        ("E1", "J1"): pytest.approx(3400 / 45),
        ("E1", "J2"): pytest.approx(100),
        ("E2", "J1"): pytest.approx(0),
    }


def test_check_criteria_normalises_the_weights():
    assert check_criteria(RUBRIC) == {"implementation": pytest.approx(1 / 3), "value": pytest.approx(2 / 3)}


@pytest.mark.parametrize(
    ("criteria", "message"),
    [
        ([], "no criteria"),
        ([CriterionSpec("a", 0, 0, 5)], 'criterion 1: criterion "a" needs a weight above 0'),
        ([CriterionSpec("a", 1, 0, 5), CriterionSpec("b", 1, 5, 5)], 'criterion 2: criterion "b" needs max above min'),
        ([CriterionSpec("a", 1, 0, 5), CriterionSpec("a", 1, 0, 9)], 'criterion 2: criterion "a" is listed twice'),
        ([CriterionSpec("a", math.nan, 0, 5)], 'criterion 1: criterion "a" has a value that is not a number'),
    ],
)
def test_check_criteria_rejects(criteria, message):
    with pytest.raises(RankingInputError) as caught:
        check_criteria(criteria)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("scores", "index", "problem"),
    [
        (
            [Score("E1", "J1", "value", 3), Score("E1", "J1", "impact", 3)],
            1,
            'criterion "impact" is not in the criteria',
        ),
        (
            [Score("E1", "J1", "value", 3), Score("E1", "J1", "implementation", 0)],
            1,
            'score 0 is outside the scale 1-10 of criterion "implementation"',
        ),
        ([Score("E1", "J1", "value", 5.5)], 0, 'score 5.5 is outside the scale 0-5 of criterion "value"'),
        ([Score("E1", "J1", "value", math.nan)], 0, 'score for criterion "value" is not a number'),
        (
            [Score("E1", "J1", "value", 3), Score("E1", "J1", "value", 4)],
            1,
            'entry "E1" has two scores from judge "J1" on criterion "value"',
        ),
        (
            [
                Score("E1", "J1", "value", 3),
                Score("E1", "J1", "implementation", 3),
                Score("E2", "J1", "implementation", 3),
            ],
            2,
            'the review of entry "E2" by judge "J1" has no score for criterion "value"',
        ),
    ],
)
def test_review_totals_rejects(scores, index, problem):
    with pytest.raises(RankingInputError) as caught:
        review_totals(scores, RUBRIC)
    assert (caught.value.index, caught.value.problem) == (index, problem)
    assert str(caught.value) == f"score {index + 1}: {problem}"


def test_rank_rejects_an_unknown_tie_break_rule_and_a_negative_ridge():
    with pytest.raises(RankingInputError, match='"fastest" is not a tie-break rule'):
        rank(totals([("E1", "J1", 50)]), TOTAL, tie_breaks=("fastest",))
    with pytest.raises(RankingInputError, match="ridge"):
        rank(totals([("E1", "J1", 50)]), TOTAL, ridge=-1)


def test_rank_with_no_scores_is_empty():
    assert rank([], TOTAL, tie_breaks=()) == Ranking(Method.CALIBRATED, [], {}, 0, [])


# --- mean, median, disagreement, thresholds -----------------------------------


def test_mean_and_median_with_disagreement():
    # E1: 40, 50, 90 -> mean 60, median 50, spread 50 (≥ 25: flagged),
    #     population sd √((400 + 100 + 900)/3) = √466.67 = 21.602
    # E2: 60, 70 -> mean 65, median 65, spread 10, sd 5
    scores = totals([("E1", "J1", 40), ("E1", "J2", 50), ("E1", "J3", 90), ("E2", "J1", 60), ("E2", "J2", 70)])
    ranking = rank(scores, TOTAL, method=Method.MEAN, tie_breaks=())
    assert order(ranking) == ["E2", "E1"]
    first, second = ranking.results
    assert first == EntryResult(
        entry="E2",
        rank=1,
        score=65,
        ci_low=None,
        ci_high=None,
        n_reviews=2,
        mean=65,
        median=65,
        spread=10,
        sd=5,
        disagreement=False,
        below_threshold=(),
        criterion_means={"total": 65},
        tie_break="",
        component=0,
    )
    assert (second.rank, second.score, second.median, second.spread) == (2, 60, 50, 50)
    assert second.sd == pytest.approx(math.sqrt(1400 / 3))
    assert second.disagreement is True
    assert (ranking.judge_bias, ranking.components, ranking.warnings) == ({}, 1, [])

    median = rank(scores, TOTAL, method=Method.MEDIAN, tie_breaks=())
    assert [(result.entry, result.score) for result in median.results] == [("E2", 65), ("E1", 50)]
    assert not rank(scores, TOTAL, method=Method.MEAN, disagreement_threshold=51).results[1].disagreement


def test_thresholds_flag_entries_below_a_criterion_minimum():
    # value needs a mean of 3 (0-5 scale): E1 has 2 and 3 (2.5, flagged), E2 has 3 and 3 (exactly 3, not flagged)
    scores = [
        Score("E1", "J1", "value", 2),
        Score("E1", "J1", "implementation", 10),
        Score("E1", "J2", "value", 3),
        Score("E1", "J2", "implementation", 10),
        Score("E2", "J1", "value", 3),
        Score("E2", "J1", "implementation", 1),
        Score("E2", "J2", "value", 3),
        Score("E2", "J2", "implementation", 1),
    ]
    results = by_entry(rank(scores, RUBRIC, method=Method.MEAN))
    assert results["E1"].below_threshold == ("value",)
    assert results["E1"].criterion_means == {"implementation": 10, "value": 2.5}
    assert results["E2"].below_threshold == ()
    # E1: 100 · (2/3 · 2.5/5 + 1/3) = 66.67 stays ranked above E2: 100 · 2/3 · 3/5 = 40; the flag does not move it.
    assert [(result.entry, result.rank) for result in results.values()] == [("E1", 1), ("E2", 2)]
    assert results["E1"].score == pytest.approx(200 / 3)


# --- zscore -------------------------------------------------------------------


def test_zscore_per_judge_and_pooled():
    # J1: 40, 50, 60 -> μ 50, sd = √(200/3); J2: 70, 90, 80 -> μ 80, same sd; 10/sd = √1.5.
    # J3 has one review (30): round mean of all seven totals 420/7 = 60, pooled sd = √(2800/7) = 20, z = -1.5.
    # E1: z = -√1.5 (J1) and -√1.5 (J2) -> 50 - 10√1.5 = 37.753
    # E2: 0 and +√1.5; E3: +√1.5 and 0 -> both 50 + 5√1.5 = 56.124 (a tie); E4: 50 - 15 = 35
    scores = totals(
        [
            ("E1", "J1", 40),
            ("E2", "J1", 50),
            ("E3", "J1", 60),
            ("E1", "J2", 70),
            ("E2", "J2", 90),
            ("E3", "J2", 80),
            ("E4", "J3", 30),
        ]
    )
    ranking = rank(scores, TOTAL, method=Method.ZSCORE, tie_breaks=("earlier_submission",), submitted_at={"E3": 1.0})
    assert [(result.entry, result.score, result.tie_break) for result in ranking.results] == [
        ("E3", pytest.approx(50 + 5 * math.sqrt(1.5)), ""),
        ("E2", pytest.approx(50 + 5 * math.sqrt(1.5)), "earlier_submission"),  # E2 has no time: counts as latest
        ("E1", pytest.approx(50 - 10 * math.sqrt(1.5)), ""),
        ("E4", pytest.approx(35), ""),
    ]
    assert ranking.warnings == ["judge_few_reviews:J3"]


def test_zscore_judge_without_spread_uses_the_pooled_values():
    # J1 gives 70 three times (sd = 0), so it uses the round mean and the pooled sd.
    # Totals: 70, 70, 70 (J1), 40, 50, 60 (J2): round mean 60, pooled sd = √((3·100 + 400 + 100 + 0)/6) = √(800/6)
    # J1 -> z = 10/√(800/6) = √0.75 for E1-E3; J2: μ 50, sd √(200/3) -> E1 -√1.5, E2 0, E3 +√1.5
    scores = totals([("E1", "J1", 70), ("E2", "J1", 70), ("E3", "J1", 70), ("E1", "J2", 40), ("E2", "J2", 50)])
    scores += totals([("E3", "J2", 60)])
    ranking = rank(scores, TOTAL, method=Method.ZSCORE, tie_breaks=())
    expected = {
        "E1": 50 + 5 * (math.sqrt(0.75) - math.sqrt(1.5)),
        "E2": 50 + 5 * math.sqrt(0.75),
        "E3": 50 + 5 * (math.sqrt(0.75) + math.sqrt(1.5)),
    }
    assert {result.entry: result.score for result in ranking.results} == pytest.approx(expected)
    assert order(ranking) == ["E3", "E2", "E1"]
    assert ranking.warnings == ["judge_no_spread:J1"]


# --- calibrated -----------------------------------------------------------------

# A harsh judge: J1 (true bias -15) sees the best entry E1 and E2; J2 (+15) sees E2 and E3.
# Totals: E1/J1 75, E2/J1 55, E2/J2 85, E3/J2 80. Plain means: E3 80 > E1 75 > E2 70.
HARSH = totals([("E1", "J1", 75), ("E2", "J1", 55), ("E2", "J2", 85), ("E3", "J2", 80)])


def test_additive_harsh_judge_without_shrinkage():
    # λ = 0: E2 links the judges, b_J2 - b_J1 = 85 - 55 = 30 and Σ b = 0 -> b = (-15, +15);
    # q = x - b: E1 90, E2 70, E3 65. Four reviews, 3 + 2 - 1 parameters: no residual df, no interval.
    ranking = rank(HARSH, TOTAL, method=Method.CALIBRATED_ADDITIVE, ridge=0, tie_breaks=())
    assert [(result.entry, result.score) for result in ranking.results] == [
        ("E1", pytest.approx(90)),
        ("E2", pytest.approx(70)),
        ("E3", pytest.approx(65)),
    ]
    assert ranking.judge_bias == {"J1": pytest.approx(-15), "J2": pytest.approx(15)}
    assert ranking.warnings == ["interval_unavailable"]
    assert [(result.ci_low, result.ci_high, result.component) for result in ranking.results] == [(None, None, 1)] * 3
    assert [result.mean for result in ranking.results] == [75, 70, 80]


def test_additive_harsh_judge_with_shrinkage():
    # λ = 1. Judge means μ = (65, 82.5), μ̄ = 73.75, prior centres m = μ - μ̄ = (-8.75, +8.75).
    # Centred y = x - μ: E1/J1 10, E2/J1 -10, E2/J2 2.5, E3/J2 -2.5; d = b - m, u = d_J1 - d_J2.
    # E1 and E3 fit exactly; E2's residuals are ∓(6.25 + u/2), so minimise 2(6.25 + u/2)² + λu²/2 (d_J1 = -d_J2):
    # 12.5 + u + λu = 0 -> u = -6.25, d = (-3.125, 3.125), b = (-11.875, 11.875);
    # q_E1 = 75 + 11.875 = 86.875, q_E2 = (55 + 11.875 + 85 - 11.875)/2 = 70, q_E3 = 80 - 11.875 = 68.125.
    ranking = rank(HARSH, TOTAL, method=Method.CALIBRATED_ADDITIVE, tie_breaks=())
    assert [(result.entry, result.score) for result in ranking.results] == [
        ("E1", pytest.approx(86.875)),
        ("E2", pytest.approx(70)),
        ("E3", pytest.approx(68.125)),
    ]
    assert ranking.judge_bias == {"J1": pytest.approx(-11.875), "J2": pytest.approx(11.875)}


def test_additive_complete_design_gives_entry_means_and_an_interval():
    # Every judge sees every entry: q_k is the entry mean whatever λ, b = μ_j - μ̄ = (-12.5, +12.5).
    # Residuals ±2.5 -> RSS 25, df = 4 - 2 - 2 + 1 = 1, s² = 25; se² = s² (1/2 + 0) = 12.5 (the judges'
    # indicator is the all-ones vector, outside the Σ d = 0 space); t(0.95, 1) = tan(0.45π) = 6.3138.
    scores = totals([("E1", "J1", 60), ("E2", "J1", 40), ("E1", "J2", 80), ("E2", "J2", 70)])
    for ridge in (0, 1, 10):
        ranking = rank(scores, TOTAL, method=Method.CALIBRATED_ADDITIVE, ridge=ridge, tie_breaks=())
        half = 6.313751514675 * math.sqrt(12.5)
        assert [(result.entry, result.score, result.ci_low, result.ci_high) for result in ranking.results] == [
            ("E1", pytest.approx(70), pytest.approx(70 - half), pytest.approx(70 + half)),
            ("E2", pytest.approx(55), pytest.approx(55 - half), pytest.approx(55 + half)),
        ]
        assert ranking.judge_bias == {"J1": pytest.approx(-12.5), "J2": pytest.approx(12.5)}
        assert ranking.warnings == []


def test_additive_disconnected_design_is_calibrated_per_component():
    # Component 1 is HARSH (λ = 1 values above); component 2 is J3 alone on E4 (50) and E5 (70): b_J3 = 0.
    # E2 and E5 tie at 70; E2 has more reviews.
    scores = [*HARSH, *totals([("E4", "J3", 50), ("E5", "J3", 70)])]
    ranking = rank(scores, TOTAL, method=Method.CALIBRATED_ADDITIVE, tie_breaks=("more_reviews",))
    assert [(r.entry, r.score, r.component, r.tie_break) for r in ranking.results] == [
        ("E1", pytest.approx(86.875), 1, ""),
        ("E2", pytest.approx(70), 1, ""),
        ("E5", pytest.approx(70), 2, "more_reviews"),
        ("E3", pytest.approx(68.125), 1, ""),
        ("E4", pytest.approx(50), 2, ""),
    ]
    assert ranking.judge_bias == {"J1": pytest.approx(-11.875), "J2": pytest.approx(11.875), "J3": 0}
    assert ranking.components == 2
    assert ranking.warnings == ["disconnected", "interval_unavailable"]


def test_additive_large_components_get_the_approximate_interval(monkeypatch):
    # The diagonal approximation (used above DENSE_JUDGE_LIMIT judges) is slightly wider than the exact interval.
    _, _, scores = simulated_panel(3)
    exact = rank(scores, TOTAL, method=Method.CALIBRATED_ADDITIVE, tie_breaks=())
    monkeypatch.setattr(calibration, "DENSE_JUDGE_LIMIT", 10)
    approximate = rank(scores, TOTAL, method=Method.CALIBRATED_ADDITIVE, tie_breaks=())
    assert approximate.warnings == ["interval_approximate"]
    assert [result.score for result in approximate.results] == [result.score for result in exact.results]
    for wide, narrow in zip(approximate.results, exact.results, strict=True):
        assert 1 <= (wide.ci_high - wide.score) / (narrow.ci_high - narrow.score) <= 1.05  # type: ignore[operator]


def test_student_t_95():
    # Exact at 1 and 2 degrees of freedom; table values (4 decimals) elsewhere.
    assert student_t_95(1) == pytest.approx(6.3138, abs=1e-4)
    assert student_t_95(2) == pytest.approx(2.9200, abs=1e-4)
    assert student_t_95(3) == pytest.approx(2.3534, abs=2e-3)
    assert student_t_95(10) == pytest.approx(1.8125, abs=1e-4)
    assert student_t_95(30) == pytest.approx(1.6973, abs=1e-4)
    assert student_t_95(100_000) == pytest.approx(1.6449, abs=1e-4)


# --- tie-breaks ------------------------------------------------------------------


def rubric_scores(rows: Iterable[tuple[str, str, float, float]]) -> list[Score]:
    """(entry, judge, value, implementation) rows on two 0-10 criteria of equal weight."""
    scores = []
    for entry, judge, value, implementation in rows:
        scores += [Score(entry, judge, "value", value), Score(entry, judge, "implementation", implementation)]
    return scores


EQUAL = [CriterionSpec("value", 1, 0, 10), CriterionSpec("implementation", 1, 0, 10)]


@pytest.mark.parametrize(
    ("rows", "tie_breaks", "submitted_at", "expected"),
    [
        # Both total 70; E2 has the higher value mean.
        ([("E1", "J1", 6, 8), ("E2", "J1", 8, 6)], None, None, ["E2", "criterion:value"]),
        # Same, ordered by implementation instead.
        (
            [("E1", "J1", 6, 8), ("E2", "J1", 8, 6)],
            ("criterion:implementation",),
            None,
            ["E1", "criterion:implementation"],
        ),
        # Equal criterion means (7 and 7); E2 has two reviews.
        ([("E1", "J1", 7, 7), ("E2", "J1", 6, 6), ("E2", "J2", 8, 8)], None, None, ["E2", "more_reviews"]),
        # Identical reviews; E2 was submitted first.
        ([("E1", "J1", 7, 7), ("E2", "J1", 7, 7)], None, {"E1": 200.0, "E2": 100.0}, ["E2", "earlier_submission"]),
        # Totals 50, 60, 100 (median 60) against 60, 70, 80 (median 70), criterion means equal.
        (
            [
                ("E1", "J1", 5, 5),
                ("E1", "J2", 6, 6),
                ("E1", "J3", 10, 10),
                ("E2", "J1", 6, 6),
                ("E2", "J2", 7, 7),
                ("E2", "J3", 8, 8),
            ],
            ("more_reviews", "higher_median"),
            None,
            ["E2", "higher_median"],
        ),
        # Nothing separates them: entry id, natural order.
        ([("E10", "J1", 7, 7), ("E2", "J1", 7, 7)], None, None, ["E2", "entry"]),
    ],
)
def test_tie_break_rules_decide_and_are_reported(rows, tie_breaks, submitted_at, expected):
    ranking = rank(
        rubric_scores(rows),
        EQUAL,
        method=Method.MEAN,
        tie_breaks=DEFAULT_TIE_BREAKS if tie_breaks is None else tie_breaks,
        submitted_at=submitted_at,
    )
    winner, tie_break = expected
    assert ranking.results[0].entry == winner
    assert ranking.results[0].score == pytest.approx(ranking.results[1].score)
    assert [result.tie_break for result in ranking.results] == ["", tie_break]
    assert [result.rank for result in ranking.results] == [1, 2]


def test_default_tie_breaks_are_the_rounds_default():
    assert list(DEFAULT_TIE_BREAKS) == enums.DEFAULT_TIE_BREAKS


def test_tie_break_on_a_criterion_the_round_does_not_have_is_skipped_with_a_warning():
    ranking = rank(totals([("E1", "J1", 70), ("E2", "J2", 70)]), TOTAL, method=Method.MEAN)
    assert [(result.entry, result.tie_break) for result in ranking.results] == [("E1", ""), ("E2", "entry")]
    assert ranking.warnings == ["tie_break_unknown_criterion:value", "tie_break_unknown_criterion:implementation"]


# --- properties ------------------------------------------------------------------


@st.composite
def designs(draw: st.DrawFn, connected: bool = True) -> list[tuple[str, str, float]]:
    """A random design: 2-7 entries, 1-5 judges, each entry reviewed by a non-empty
    subset, totals in [20, 80]; made connected by linking each further component's
    first entry to a judge of the first component."""
    n_entries = draw(st.integers(2, 7))
    n_judges = draw(st.integers(1, 5))
    judges = [f"J{j}" for j in range(n_judges)]
    value = st.one_of(st.integers(20, 80).map(float), st.floats(20, 80, allow_nan=False))
    rows = []
    for k in range(n_entries):
        panel = draw(st.lists(st.sampled_from(judges), min_size=1, max_size=n_judges, unique=True))
        rows += [(f"E{k}", judge, draw(value)) for judge in panel]
    if connected:
        groups = components_of(rows)
        anchor = sorted(groups[0][1])[0]
        for entries, _ in groups[1:]:
            rows.append((sorted(entries)[0], anchor, draw(value)))
    return rows


def components_of(rows: list[tuple[str, str, float]]) -> list[tuple[set[str], set[str]]]:
    """Connected components (entries, judges), by graph search (independent of the engine)."""
    judges_of: dict[str, set[str]] = {}
    entries_of: dict[str, set[str]] = {}
    for entry, judge, _ in rows:
        judges_of.setdefault(entry, set()).add(judge)
        entries_of.setdefault(judge, set()).add(entry)
    found: list[tuple[set[str], set[str]]] = []
    seen: set[str] = set()
    for start in sorted(judges_of):
        if start in seen:
            continue
        entries, judges, todo = {start}, set(), [start]
        while todo:
            for judge in judges_of[todo.pop()] - judges:
                judges.add(judge)
                todo += entries_of[judge] - entries
                entries |= entries_of[judge]
        seen |= entries
        found.append((entries, judges))
    return found


def reference_fit(
    rows: list[tuple[str, str, float]], ridge: float, *, anchored: bool = True
) -> tuple[dict[str, float], dict[str, float]]:
    """Alternating least squares on the documented objective, written from the
    formula (connected designs): Σ (x - q_k - b_j)² + λ Σ (b_j - m_j)², m_j the
    judge's mean minus the mean of the judge means (m = 0 when not anchored)."""
    entries = sorted({entry for entry, _, _ in rows})
    judges = sorted({judge for _, judge, _ in rows})
    judge_mean = {j: statistics.fmean(x for _, jj, x in rows if jj == j) for j in judges}
    centre = statistics.fmean(judge_mean.values())
    prior = {j: (judge_mean[j] - centre) if anchored else 0.0 for j in judges}
    bias = dict(prior)
    quality = dict.fromkeys(entries, 0.0)
    for _ in range(20_000):
        quality = {k: statistics.fmean(x - bias[j] for kk, j, x in rows if kk == k) for k in entries}
        new = {
            j: (sum(x - quality[k] for k, jj, x in rows if jj == j) + ridge * prior[j])
            / (sum(1 for _, jj, _ in rows if jj == j) + ridge)
            for j in judges
        }
        shift = statistics.fmean(new.values())  # Σ b = 0 (only moves anything when λ = 0)
        new = {j: b - shift for j, b in new.items()}
        change = max(abs(new[j] - bias[j]) for j in judges)
        bias = new
        if change < 1e-12:
            break
    quality = {k: statistics.fmean(x - bias[j] for kk, j, x in rows if kk == k) for k in entries}
    return quality, bias


RIDGES = st.sampled_from([0.0, 0.5, 1.0, 4.0])


@PROPERTY
@given(rows=designs(), ridge=RIDGES)
def test_additive_matches_alternating_least_squares(rows, ridge):
    quality, bias = reference_fit(rows, ridge)
    ranking = rank(totals(rows), TOTAL, method=Method.CALIBRATED_ADDITIVE, ridge=ridge)
    assert {result.entry: result.score for result in ranking.results} == pytest.approx(quality, abs=1e-6)
    assert ranking.judge_bias == pytest.approx(bias, abs=1e-6)
    assert math.fsum(ranking.judge_bias.values()) == pytest.approx(0, abs=1e-9)


@PROPERTY
@given(rows=designs(), ridge=RIDGES, data=st.data())
def test_additive_ranking_ignores_a_constant_added_to_one_judge(rows, ridge, data):
    """Shifting judge j's totals by c moves every q_k by c/J and b_j by c - c/J: the ranking is unchanged.

    Tie-break rules that read raw criterion means could still reorder exact ties (the shift changes those
    means), so this uses rules that do not: more reviews, then the entry id."""
    judges = sorted({judge for _, judge, _ in rows})
    judge = data.draw(st.sampled_from(judges))
    shift = data.draw(st.one_of(st.integers(-20, 20).map(float), st.floats(-20, 20, allow_nan=False)))
    moved = [(entry, j, x + shift if j == judge else x) for entry, j, x in rows]
    before = rank(totals(rows), TOTAL, method=Method.CALIBRATED_ADDITIVE, ridge=ridge, tie_breaks=("more_reviews",))
    after = rank(totals(moved), TOTAL, method=Method.CALIBRATED_ADDITIVE, ridge=ridge, tie_breaks=("more_reviews",))
    assert order(after) == order(before)
    assert [result.tie_break for result in after.results] == [result.tie_break for result in before.results]
    step = shift / len(judges)
    assert [result.score for result in after.results] == pytest.approx(
        [result.score + step for result in before.results], abs=1e-7
    )
    assert after.judge_bias == pytest.approx(
        {j: b + (shift if j == judge else 0) - step for j, b in before.judge_bias.items()}, abs=1e-7
    )


def test_shrinking_biases_towards_zero_would_not_be_shift_invariant():
    """Why the engine shrinks b_j towards the judge's mean offset: with λ Σ b_j² instead (λ = 1), J1 lowering
    every total by 30 moves E1 from 82.5 to 60, below E3 (72.5 -> 65): J1's b absorbs only part of the shift.
    The engine moves every q by -30/2 = -15 and keeps the order."""
    lowered = [("E1", "J1", 45), ("E2", "J1", 25), ("E2", "J2", 85), ("E3", "J2", 80)]
    quality, _ = reference_fit([(score.entry, score.judge, score.score) for score in HARSH], 1.0, anchored=False)
    moved, _ = reference_fit(lowered, 1.0, anchored=False)
    assert (quality["E1"], quality["E3"]) == (pytest.approx(82.5), pytest.approx(72.5))
    assert (moved["E1"], moved["E3"]) == (pytest.approx(60), pytest.approx(65))
    after = rank(totals(lowered), TOTAL, method=Method.CALIBRATED_ADDITIVE, tie_breaks=())
    assert [(result.entry, result.score) for result in after.results] == [
        ("E1", pytest.approx(86.875 - 15)),
        ("E2", pytest.approx(70 - 15)),
        ("E3", pytest.approx(68.125 - 15)),
    ]


METHODS = st.sampled_from(list(Method))


@PROPERTY
@given(rows=designs(connected=False), method=METHODS, seed=st.integers(0, 1000))
def test_input_order_does_not_matter(rows, method, seed):
    shuffled = list(rows)
    random.Random(seed).shuffle(shuffled)
    assert rank(totals(shuffled), TOTAL, method=method) == rank(totals(rows), TOTAL, method=method)
    assert rank(totals(rows), TOTAL, method=method) == rank(totals(rows), TOTAL, method=method)


@PROPERTY
@given(rows=designs(connected=False), method=METHODS, seed=st.integers(0, 1000))
def test_renaming_judges_permutes_the_output(rows, method, seed):
    judges = sorted({judge for _, judge, _ in rows})
    names = [f"judge-{n}" for n in range(len(judges))]
    random.Random(seed).shuffle(names)
    rename = dict(zip(judges, names, strict=True))
    before = rank(totals(rows), TOTAL, method=method, tie_breaks=("more_reviews",))
    after = rank(totals([(e, rename[j], x) for e, j, x in rows]), TOTAL, method=method, tie_breaks=("more_reviews",))
    assert order(after) == order(before)
    assert [result.score for result in after.results] == pytest.approx([result.score for result in before.results])
    assert after.judge_bias == pytest.approx({rename[j]: b for j, b in before.judge_bias.items()})
    renamed = [
        f"{code}:{rename[judge]}" if code.startswith(("judge_", "gain_")) else warning
        for warning in before.warnings
        for code, _, judge in [warning.partition(":")]
    ]
    assert sorted(after.warnings) == sorted(renamed)


@PROPERTY
@given(rows=designs(connected=False), method=METHODS, seed=st.integers(0, 1000))
def test_renaming_entries_permutes_the_output(rows, method, seed):
    entries = sorted({entry for entry, _, _ in rows})
    names = [f"entry-{n}" for n in range(len(entries))]
    random.Random(seed).shuffle(names)
    rename = dict(zip(entries, names, strict=True))
    before = by_entry(rank(totals(rows), TOTAL, method=method))
    after = by_entry(rank(totals([(rename[e], j, x) for e, j, x in rows]), TOTAL, method=method))
    assert set(after) == {rename[entry] for entry in before}
    for entry, result in before.items():
        assert after[rename[entry]].score == pytest.approx(result.score)
        assert after[rename[entry]].n_reviews == result.n_reviews
    # Only ties decided by the entry id (the last resort) may come out in another order.
    ranked = sorted(after.values(), key=lambda result: result.rank)
    for higher, lower in itertools.pairwise(ranked):
        assert higher.score >= lower.score - 1e-9


# --- a simulated panel -----------------------------------------------------------


def simulated_panel(seed: int) -> tuple[dict[str, float], dict[str, float], list[Score]]:
    """60 entries (true quality ~ N(60, 10)), 15 judges with a bias uniform in ±15 points and noise sd
    uniform in 5-8; each entry reviewed by 3 judges, each time the least loaded (ties at random), so each
    judge has 12 reviews and the design is incomplete but connected."""
    rng = random.Random(seed)
    quality = {f"E{k}": rng.gauss(60, 10) for k in range(60)}
    bias = {f"J{j}": rng.uniform(-15, 15) for j in range(15)}
    noise = {f"J{j}": rng.uniform(5, 8) for j in range(15)}
    loads = [(0, rng.random(), f"J{j}") for j in range(15)]
    heapq.heapify(loads)
    scores = []
    for entry, true_quality in quality.items():
        panel = [heapq.heappop(loads) for _ in range(3)]
        for load, _, judge in panel:
            heapq.heappush(loads, (load + 1, rng.random(), judge))
            total = true_quality + bias[judge] + rng.gauss(0, noise[judge])
            scores.append(Score(entry, judge, "total", min(100.0, max(0.0, total))))
    return quality, bias, scores


def spearman(truth: dict[str, float], ranking: Ranking) -> float:
    true_place = {entry: n for n, entry in enumerate(sorted(truth, key=truth.__getitem__, reverse=True), 1)}
    n = len(truth)
    squares = sum((true_place[result.entry] - result.rank) ** 2 for result in ranking.results)
    return 1 - 6 * squares / (n * (n * n - 1))


def top_overlap(truth: dict[str, float], ranking: Ranking, size: int = 10) -> float:
    best = set(sorted(truth, key=truth.__getitem__, reverse=True)[:size])
    return len(best & {result.entry for result in ranking.results[:size]}) / size


def test_simulated_panel_additive_recovers_the_truth_better_than_the_mean(record_property):
    """Over 50 seeded panels (seeds 0-49), observed when written: Spearman 0.835 (mean) against 0.910
    (calibrated, λ = 1); top-10 overlap 0.666 against 0.738; the 90% intervals covered the true quality
    (shifted by the mean true bias, which Σ b = 0 cannot see) for 88.9% of the entries."""
    found: dict[str, list[float]] = {"mean": [], "calibrated": [], "mean_top": [], "calibrated_top": [], "cover": []}
    for seed in range(50):
        truth, bias, scores = simulated_panel(seed)
        plain = rank(scores, TOTAL, method=Method.MEAN, tie_breaks=())
        calibrated = rank(scores, TOTAL, method=Method.CALIBRATED_ADDITIVE, tie_breaks=())
        assert calibrated.components == 1
        level = statistics.fmean(bias.values())
        found["mean"].append(spearman(truth, plain))
        found["calibrated"].append(spearman(truth, calibrated))
        found["mean_top"].append(top_overlap(truth, plain))
        found["calibrated_top"].append(top_overlap(truth, calibrated))
        found["cover"].append(
            statistics.fmean(
                result.ci_low <= truth[result.entry] + level <= result.ci_high  # type: ignore[operator]
                for result in calibrated.results
            )
        )
    averages = {name: round(statistics.fmean(values), 3) for name, values in found.items()}
    record_property("simulation", averages)
    assert averages["calibrated"] >= averages["mean"] + 0.05
    assert averages["calibrated_top"] >= averages["mean_top"] + 0.05
    assert sum(c > m for c, m in zip(found["calibrated"], found["mean"], strict=True)) >= 45
    assert 0.85 <= averages["cover"] <= 0.95
