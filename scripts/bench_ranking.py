"""Benchmark of the ranking engine (judging/ranking.py).

    .venv/bin/python scripts/bench_ranking.py [--entries 10000] [--judges 300] [--per-entry 3]
        [--criteria 6] [--seed 1] [--target 3]

Builds a random round from the seed: every entry reviewed by ``per-entry``
distinct judges (each time the least-loaded ones, ties at random, so loads are
balanced and the design is connected), judges harsh or lenient (bias uniform in
±15 points) and noisy (sd 5-8 points), true entry qualities around 60, and
``criteria`` criteria on a 0-10 scale with unequal weights (the first two are
"value" and "implementation", which the default tie-break rules read). Times ``rank`` for
every method with ``time.perf_counter`` (reading and checking the scores
included) and prints seconds per method.

Exit status 1 when the calibrated method (with its 90% intervals) takes longer
than the target (seconds). No Django settings are needed: the engine is pure
Python.
"""

from __future__ import annotations

import argparse
import heapq
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchlib import say

from judging.engine.ranking import CriterionSpec, Method, Score, rank

# The default tie-break rules read the first two.
CRITERION_CODES = ["value", "implementation", "impact", "scalability", "inclusion", "sustainability"]


def build_round(
    entries: int, judges: int, per_entry: int, criteria: int, seed: int
) -> tuple[list[Score], list[CriterionSpec]]:
    rng = random.Random(seed)  # noqa: S311  (a reproducible test instance, not a secret)
    codes = [*CRITERION_CODES, *(f"c{n}" for n in range(len(CRITERION_CODES), criteria))][:criteria]
    specs = [CriterionSpec(code, weight=1 + n % 3, low=0, high=10) for n, code in enumerate(codes)]
    bias = [rng.uniform(-15, 15) for _ in range(judges)]
    noise = [rng.uniform(5, 8) for _ in range(judges)]
    loads = [(0, rng.random(), judge) for judge in range(judges)]
    heapq.heapify(loads)
    scores: list[Score] = []
    for entry in range(entries):
        quality = rng.gauss(60, 12)
        panel = [heapq.heappop(loads) for _ in range(per_entry)]
        for load, _, judge in panel:
            heapq.heappush(loads, (load + 1, rng.random(), judge))
            for spec in specs:
                # Each criterion around the review's total, on the 0-10 scale, to one decimal.
                points = quality + bias[judge] + rng.gauss(0, noise[judge]) + rng.gauss(0, 5)
                score = round(min(10.0, max(0.0, points / 10)), 1)
                scores.append(Score(entry=f"E{entry + 1}", judge=f"J{judge + 1}", criterion=spec.code, score=score))
    return scores, specs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--judges", type=int, default=300)
    parser.add_argument("--per-entry", type=int, default=3)
    parser.add_argument("--criteria", type=int, default=6)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--target", type=float, default=3.0, help="seconds, calibrated with intervals")
    args = parser.parse_args()

    scores, specs = build_round(args.entries, args.judges, args.per_entry, args.criteria, args.seed)
    say(
        f"round: {len(scores)} criterion scores ({args.entries} entries x {args.per_entry} judges x "
        f"{args.criteria} criteria), {args.judges} judges, seed {args.seed}"
    )
    elapsed: dict[Method, float] = {}
    for method in Method:
        started = time.perf_counter()
        ranking = rank(scores, specs, method=method)
        elapsed[method] = time.perf_counter() - started
        with_intervals = sum(result.ci_low is not None for result in ranking.results)
        say(
            f"{method.value:>10}: {elapsed[method]:.2f} s  ({len(ranking.results)} entries ranked, "
            f"{with_intervals} intervals, {ranking.components} component(s), warnings: "
            f"{', '.join(ranking.warnings) or 'none'})"
        )
    passed = elapsed[Method.CALIBRATED] <= args.target
    say(
        f"{'PASS' if passed else 'FAIL'}: calibrated with intervals {elapsed[Method.CALIBRATED]:.2f} s "
        f"(target {args.target:g} s)"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
