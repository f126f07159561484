"""Benchmark of the automatic judge assignment (judging/assignment.py).

    .venv/bin/python scripts/bench_assignment.py [--entries 10000] [--judges 300] [--per-entry 3]
        [--conflicts 0.05] [--seed 1] [--target 10]

Builds a random instance from the seed: 70% of the entries in English, the rest
in Korean, Spanish, French, Japanese or Chinese; every judge reads English and
0-3 of the others; five tracks, each judge expert in one or two; the given
share of (entry, judge) pairs forbidden. Times ``plan_assignments`` with
``time.perf_counter``, checks every hard constraint on the plan, and prints the
loads, the components and the problems found.

Exit status 1 when the run takes longer than the target (seconds) or a hard
constraint is broken. No Django settings are needed: the engine is pure Python.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchlib import say

from judging.engine.assignment import EntryNeeds, JudgeSkills, Plan, plan_assignments

OTHER_LANGUAGES = ["ko", "es", "fr", "ja", "zh"]
TRACKS = [1, 2, 3, 4, 5]


def build_instance(
    entries: int, judges: int, conflicts: float, seed: int
) -> tuple[list[EntryNeeds], list[JudgeSkills], set[tuple[int, int]]]:
    rng = random.Random(seed)  # noqa: S311  (a reproducible test instance, not a secret)
    entry_facts = [
        EntryNeeds(
            id=1000 + n,
            language="en" if rng.random() < 0.7 else rng.choice(OTHER_LANGUAGES),
            track_id=rng.choice(TRACKS),
        )
        for n in range(entries)
    ]
    judge_facts = [
        JudgeSkills(
            id=1 + n,
            languages=frozenset(["en", *rng.sample(OTHER_LANGUAGES, rng.randint(0, 3))]),
            track_ids=frozenset(rng.sample(TRACKS, rng.randint(1, 2))),
        )
        for n in range(judges)
    ]
    forbidden: set[tuple[int, int]] = set()
    judge_ids = [judge.id for judge in judge_facts]
    for entry in entry_facts:
        # Each pair independently with probability `conflicts`, drawn per entry for speed.
        share = conflicts * judges
        count = int(share) + (rng.random() < share - int(share))
        forbidden.update((entry.id, judge_id) for judge_id in rng.sample(judge_ids, min(count, judges)))
    return entry_facts, judge_facts, forbidden


def violations(
    plan: Plan,
    entries: list[EntryNeeds],
    judges: list[JudgeSkills],
    per_entry: int,
    forbidden: set[tuple[int, int]],
) -> list[str]:
    """Every hard constraint the plan breaks, in words."""
    language = {entry.id: entry.language for entry in entries}
    reads = {judge.id: judge.languages for judge in judges}
    found: list[str] = []
    pairs = plan.kept_pairs + plan.new_pairs
    if len(set(pairs)) != len(pairs):
        found.append("a judge appears twice on one entry")
    for entry_id, judge_id in plan.new_pairs:
        if (entry_id, judge_id) in forbidden:
            found.append(f"forbidden pair ({entry_id}, {judge_id}) assigned")
        if language[entry_id] != "en" and language[entry_id] not in reads[judge_id]:
            found.append(f"judge {judge_id} does not read entry {entry_id}'s language")
    for entry_id, count in Counter(entry_id for entry_id, _ in pairs).items():
        if count > per_entry:
            found.append(f"entry {entry_id} has {count} judges")
    expected_loads = {judge.id: 0 for judge in judges}
    for _, judge_id in pairs:
        expected_loads[judge_id] += 1
    if plan.loads != expected_loads:
        found.append("loads do not match the pairs")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--judges", type=int, default=300)
    parser.add_argument("--per-entry", type=int, default=3)
    parser.add_argument("--conflicts", type=float, default=0.05, help="share of forbidden (entry, judge) pairs")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--target", type=float, default=10.0, help="seconds")
    args = parser.parse_args()

    entries, judges, forbidden = build_instance(args.entries, args.judges, args.conflicts, args.seed)
    english = sum(entry.language == "en" for entry in entries)
    say(
        f"instance: {len(entries)} entries ({english} in English), {len(judges)} judges, "
        f"{args.per_entry} per entry, {len(forbidden)} forbidden pairs, seed {args.seed}"
    )
    started = time.perf_counter()
    plan = plan_assignments(entries, judges, per_entry=args.per_entry, forbidden=forbidden, seed=args.seed)
    elapsed = time.perf_counter() - started
    loads = list(plan.loads.values())
    kinds = Counter(str(problem.kind) for problem in plan.problems)
    say(f"time: {elapsed:.2f} s")
    say(f"pairs: {len(plan.new_pairs)} new, {len(plan.kept_pairs)} kept")
    if loads:
        say(f"load: min {min(loads)}, max {max(loads)}, spread {plan.load_spread}")
    say(f"components: {plan.components}")
    say("problems: " + (", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())) or "none"))
    broken = violations(plan, entries, judges, args.per_entry, forbidden)
    for line in broken[:20]:
        say(f"VIOLATION: {line}")
    passed = not broken and elapsed <= args.target
    say(f"{'PASS' if passed else 'FAIL'} (target {args.target:g} s, {len(broken)} hard-constraint violations)")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
