"""Simulated panels with a known truth: how well a method finds the best entries, and how honest its intervals are.

Used by ``make bench-calibration`` (the full simulation) and by the tests (a
smaller one). A panel: entries of true quality q ~ N(0, 1); judges with a bias
b_j ~ N(0, 0.8), a gain g_j = exp(N(0, 0.35)) (so one judge in six spreads
their scores 40% wider or narrower than the typical judge) and a noise level
σ_j uniform in [0.2, 0.4]; each entry reviewed by the least-loaded judges
(ties at random: an incomplete, balanced, connected design). A review's latent
opinion is b_j + g_j·(q + N(0, σ_j)); each criterion adds N(0, 0.4) and is
scored as an integer on 1-10 (5.5 + 1.5·opinion, rounded and clipped): a
well-calibrated panel whose reviews' noise is about a third of the spread of
the entries' true quality.
"""

from __future__ import annotations

import heapq
import itertools
import math
import random
from dataclasses import dataclass

from judging.engine.ranking.inputs import CriterionSpec, Ranking, Score

CRITERIA = ("value", "implementation", "impact", "scalability", "inclusion", "sustainability")


@dataclass
class Panel:
    truth: dict[str, float]
    scores: list[Score]
    criteria: list[CriterionSpec]


def panel(seed: int, *, entries: int = 240, judges: int = 16, per_entry: int = 3, criteria: int = 6) -> Panel:
    rng = random.Random(seed)  # noqa: S311  (a reproducible simulation, not a secret)
    codes = [*CRITERIA, *(f"c{n}" for n in range(len(CRITERIA), criteria))][:criteria]
    specs = [CriterionSpec(code, weight=1, low=1, high=10) for code in codes]
    truth = {f"E{k + 1}": rng.gauss(0, 1) for k in range(entries)}
    bias = [rng.gauss(0, 0.8) for _ in range(judges)]
    gain = [math.exp(rng.gauss(0, 0.35)) for _ in range(judges)]
    noise = [rng.uniform(0.2, 0.4) for _ in range(judges)]
    loads = [(0, rng.random(), judge) for judge in range(judges)]
    heapq.heapify(loads)
    scores: list[Score] = []
    for entry, quality in truth.items():
        chosen = [heapq.heappop(loads) for _ in range(per_entry)]
        for load, _, judge in chosen:
            heapq.heappush(loads, (load + 1, rng.random(), judge))
            opinion = bias[judge] + gain[judge] * (quality + rng.gauss(0, noise[judge]))
            for code in codes:
                value = round(5.5 + 1.5 * (opinion + rng.gauss(0, 0.4)))
                scores.append(Score(entry, f"J{judge + 1}", code, float(min(10, max(1, value)))))
    return Panel(truth, scores, specs)


def top_precision(truth: dict[str, float], ranking: Ranking, size: int) -> float:
    """The share of the truly best ``size`` entries among the ranking's first ``size``."""
    best = set(sorted(truth, key=truth.__getitem__, reverse=True)[:size])
    return len(best & {result.entry for result in ranking.results[:size]}) / size


@dataclass
class PairCheck:
    pairs: int
    resolved: int  # pairs whose 90% intervals do not overlap
    correct: int  # of those, ordered as the truth orders them

    @property
    def resolved_share(self) -> float:
        return self.resolved / self.pairs if self.pairs else 0.0

    @property
    def correct_share(self) -> float:
        return self.correct / self.resolved if self.resolved else 1.0


def pair_check(truth: dict[str, float], ranking: Ranking) -> PairCheck:
    """Every pair of entries: are their intervals apart, and if so, in the true order?"""
    rows = sorted(
        ((result.ci_low, result.ci_high, result.score, truth[result.entry]) for result in ranking.results),
        key=lambda row: row[0] if row[0] is not None else -math.inf,
    )
    found = PairCheck(0, 0, 0)
    for (low_a, high_a, score_a, true_a), (low_b, high_b, score_b, true_b) in itertools.combinations(rows, 2):
        found.pairs += 1
        if low_a is None or low_b is None or high_a is None or high_b is None:
            continue
        if low_a > high_b or low_b > high_a:
            found.resolved += 1
            found.correct += (score_a > score_b) == (true_a > true_b)
    return found
