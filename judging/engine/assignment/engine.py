"""The assignment engine's one entry point."""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence

from judging.engine.assignment.board import Board
from judging.engine.assignment.inputs import EntryNeeds, JudgeSkills, Plan


def plan_assignments(
    entries: Sequence[EntryNeeds],
    judges: Sequence[JudgeSkills],
    *,
    per_entry: int,
    forbidden: Collection[tuple[int, int]] = (),
    existing: Collection[tuple[int, int]] = (),
    seed: int = 0,
) -> Plan:
    """Top every entry up to ``per_entry`` judges and return the plan.

    ``forbidden`` and ``existing`` hold (entry_id, judge_id) pairs. Existing
    pairs are always kept and count towards the entry's judges and the judge's
    load; forbidden pairs naming unknown ids are ignored. The same arguments
    give the same plan. Raises ValueError for a negative ``per_entry``,
    repeated ids, or an existing pair naming an unknown entry or judge.
    """
    if per_entry < 0:
        raise ValueError("per_entry must not be negative")
    rng = random.Random(seed)  # noqa: S311  (tie-breaks, not secrets: the plan must repeat for a seed)
    board = Board(entries, judges, per_entry, forbidden, existing, rng)
    board.fill()
    board.balance()
    board.prefer_experts()
    board.connect()
    return board.plan()
