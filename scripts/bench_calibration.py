"""Benchmark of the calibrated method with judge scale against the additive one: a simulation with known truth.

    .venv/bin/python scripts/bench_calibration.py [--seeds 10] [--entries 240] [--judges 16]
        [--per-entry 3] [--criteria 6] [--finalists 42] [--large 50000] [--large-judges 1000]

Part 1, accuracy: for each seed a panel of judging/engine/ranking/simulation.py
(entries of known true quality; judges who differ in bias and in gain; an
incomplete balanced design), ranked by ``calibrated`` (bias and gain) and by
``calibrated_additive`` (bias only), both with the default λ = 1. Prints per
seed the top-``finalists`` precision of each (the share of the truly best
among the first), then the means, the seeds won, and for the new model the
pairs of entries whose 90% intervals do not overlap: their share of all pairs
and the share of them in the true order. Targets (issue "judging modes"):
mean precision at least 0.01 above the additive model's, at least 7 seeds of
10 won, ≥ 99% of separated pairs in the true order, ≥ 60% of all pairs separated.

Part 2, time: one panel of ``--large`` entries (``--large-judges`` judges,
same design) ranked by each calibrated method with intervals, ``rank`` timed
end to end (reading and checking the scores included) and the fit alone.
The engine is pure Python and numpy: no database or Django settings needed.

Exit status 1 when an accuracy target is missed. Prints the load average.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchlib import say

from judging.engine.ranking import Method, rank
from judging.engine.ranking.calibration import _components
from judging.engine.ranking.inputs import _read_scores
from judging.engine.ranking.scaled import calibrate_scaled
from judging.engine.ranking.simulation import pair_check, panel, top_precision


def accuracy(args: argparse.Namespace) -> bool:
    say(
        f"part 1: {args.seeds} seeds, {args.entries} entries, {args.judges} judges, {args.per_entry} per entry, "
        f"{args.criteria} criteria; top-{args.finalists} precision"
    )
    say(f"{'seed':>4} {'bias+gain':>9} {'bias only':>9} {'apart':>7} {'in order':>9}")
    new, old = [], []
    pairs = resolved = correct = 0
    for seed in range(args.seeds):
        simulated = panel(
            seed, entries=args.entries, judges=args.judges, per_entry=args.per_entry, criteria=args.criteria
        )
        scaled = rank(simulated.scores, simulated.criteria, tie_breaks=())
        additive = rank(simulated.scores, simulated.criteria, method=Method.CALIBRATED_ADDITIVE, tie_breaks=())
        new.append(top_precision(simulated.truth, scaled, args.finalists))
        old.append(top_precision(simulated.truth, additive, args.finalists))
        check = pair_check(simulated.truth, scaled)
        pairs, resolved, correct = pairs + check.pairs, resolved + check.resolved, correct + check.correct
        say(f"{seed:>4} {new[-1]:>9.3f} {old[-1]:>9.3f} {check.resolved_share:>7.1%} {check.correct_share:>9.2%}")
    wins = sum(a > b for a, b in zip(new, old, strict=True))
    ties = sum(a == b for a, b in zip(new, old, strict=True))
    gain = statistics.fmean(new) - statistics.fmean(old)
    apart, in_order = resolved / pairs, correct / resolved if resolved else 0.0
    say(
        f"mean precision: bias+gain {statistics.fmean(new):.3f}, bias only {statistics.fmean(old):.3f} "
        f"(difference {gain:+.3f}); seeds won {wins} of {args.seeds} (ties {ties})"
    )
    say(
        f"pairs apart (90% intervals do not overlap): {resolved} of {pairs} = {apart:.1%}; "
        f"in the true order {in_order:.2%}"
    )
    checks = {
        "precision +0.01": gain >= 0.01,
        f"won >= {0.7 * args.seeds:g} seeds": wins >= 0.7 * args.seeds,
        "apart pairs in order >= 99%": in_order >= 0.99,
        "pairs apart >= 60%": apart >= 0.60,
    }
    say("targets: " + ", ".join(f"{name} {'PASS' if ok else 'FAIL'}" for name, ok in checks.items()))
    return all(checks.values())


def timing(args: argparse.Namespace) -> None:
    simulated = panel(1, entries=args.large, judges=args.large_judges, per_entry=args.per_entry, criteria=args.criteria)
    say(
        f"part 2: {args.large} entries x {args.per_entry} judges x {args.criteria} criteria "
        f"({len(simulated.scores)} scores), {args.large_judges} judges"
    )
    for method in (Method.CALIBRATED, Method.CALIBRATED_ADDITIVE):
        started = time.perf_counter()
        ranking = rank(simulated.scores, simulated.criteria, method=method, tie_breaks=())
        elapsed = time.perf_counter() - started
        with_intervals = sum(result.ci_low is not None for result in ranking.results)
        say(
            f"{method.value:>20}: rank() {elapsed:.2f} s end to end ({with_intervals} intervals; warnings: "
            f"{', '.join(w for w in ranking.warnings if not w.startswith('gain_')) or 'none'})"
        )
    data = _read_scores(simulated.scores, simulated.criteria)
    components = _components(data.totals)
    started = time.perf_counter()
    calibrate_scaled(data.totals, components, 1.0, [])
    say(f"{'':>20}  the bias-and-gain fit with intervals alone: {time.perf_counter() - started:.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--entries", type=int, default=240)
    parser.add_argument("--judges", type=int, default=16)
    parser.add_argument("--per-entry", type=int, default=3)
    parser.add_argument("--criteria", type=int, default=6)
    parser.add_argument("--finalists", type=int, default=42)
    parser.add_argument("--large", type=int, default=50_000)
    parser.add_argument("--large-judges", type=int, default=1000)
    args = parser.parse_args()
    say(f"load average: {' '.join(f'{value:.2f}' for value in os.getloadavg())} ({os.cpu_count()} cores)")
    passed = accuracy(args)
    if args.large:
        timing(args)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
