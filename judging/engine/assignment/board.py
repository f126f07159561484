"""The search behind a plan: judge sets as bitsets, filled, balanced, made expert and connected."""

from __future__ import annotations

import random
from collections.abc import Collection, Iterator, Sequence

from judging.engine.assignment.inputs import (
    CONNECT_BUDGET,
    ENGLISH,
    EntryNeeds,
    JudgeSkills,
    Plan,
    Problem,
    ProblemKind,
)


def _bits(mask: int) -> Iterator[int]:
    """Indexes of the set bits, lowest first."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


def _count(label: list[int]) -> int:
    return len({value for value in label if value >= 0})


def _index(ids: list[int], what: str) -> dict[int, int]:
    index = {value: position for position, value in enumerate(ids)}
    if len(index) != len(ids):
        raise ValueError(f"repeated {what} id")
    return index


class Board:
    """The assignment being built; entries and judges are numbered by id order."""

    def __init__(
        self,
        entries: Sequence[EntryNeeds],
        judges: Sequence[JudgeSkills],
        per_entry: int,
        forbidden: Collection[tuple[int, int]],
        existing: Collection[tuple[int, int]],
        rng: random.Random,
    ) -> None:
        entry_list = sorted(entries, key=lambda entry: entry.id)
        judge_list = sorted(judges, key=lambda judge: judge.id)
        self.entry_ids = [entry.id for entry in entry_list]
        self.judge_ids = [judge.id for judge in judge_list]
        entry_at = _index(self.entry_ids, "entry")
        judge_at = _index(self.judge_ids, "judge")
        self.per_entry = per_entry
        self.rng = rng
        everyone = (1 << len(judge_list)) - 1
        readers: dict[str, int] = {}
        experts: dict[int, int] = {}
        for j, judge in enumerate(judge_list):
            for language in judge.languages:
                readers[language] = readers.get(language, 0) | 1 << j
            for track in judge.track_ids:
                experts[track] = experts.get(track, 0) | 1 << j
        barred = [0] * len(entry_list)
        for entry_id, judge_id in forbidden:
            if entry_id in entry_at and judge_id in judge_at:
                barred[entry_at[entry_id]] |= 1 << judge_at[judge_id]
        self.eligible = [
            (everyone if entry.language == ENGLISH else readers.get(entry.language, 0)) & ~barred[i]
            for i, entry in enumerate(entry_list)
        ]
        self.experts = [0 if entry.track_id is None else experts.get(entry.track_id, 0) for entry in entry_list]
        self.holders = [0] * len(entry_list)  # judges on the entry, kept and new
        self.load = [0] * len(judge_list)
        self.movable: list[set[int]] = [set() for _ in judge_list]  # entries a judge holds through a new pair
        self.kept_pairs = sorted(set(existing))
        for entry_id, judge_id in self.kept_pairs:
            if entry_id not in entry_at or judge_id not in judge_at:
                raise ValueError(f"existing pair ({entry_id}, {judge_id}) names an unknown entry or judge")
            self.holders[entry_at[entry_id]] |= 1 << judge_at[judge_id]
            self.load[judge_at[judge_id]] += 1
        self.components = 0
        self.levels: dict[int, int] = {}  # load -> judges with that load
        for j, load in enumerate(self.load):
            self.levels[load] = self.levels.get(load, 0) | 1 << j

    # -- small steps ------------------------------------------------------

    def _free(self, i: int) -> int:
        """Judges who may still be added to entry ``i``."""
        return self.eligible[i] & ~self.holders[i]

    def _pick(self, pool: int) -> int:
        """One judge of a non-empty pool: the first set bit from a random place."""
        start = self.rng.randrange(len(self.load))
        above = pool >> start
        low = above & -above if above else pool & -pool
        return low.bit_length() - 1 + (start if above else 0)

    def _shift(self, j: int, by: int) -> None:
        bit = 1 << j
        self.levels[self.load[j]] ^= bit
        self.load[j] += by
        self.levels[self.load[j]] = self.levels.get(self.load[j], 0) | bit

    def _add(self, i: int, j: int) -> None:
        self.holders[i] |= 1 << j
        self.movable[j].add(i)
        self._shift(j, 1)

    def _move(self, i: int, j: int, k: int) -> None:
        """Entry ``i`` goes from judge ``j`` to judge ``k``."""
        self.holders[i] ^= 1 << j | 1 << k
        self.movable[j].remove(i)
        self.movable[k].add(i)
        self._shift(j, -1)
        self._shift(k, 1)

    def _loads_between(self, low: int, high: int) -> int:
        """Judges whose load lies in [low, high]."""
        mask = 0
        for load, judges in self.levels.items():
            if low <= load <= high:
                mask |= judges
        return mask

    # -- phases -----------------------------------------------------------

    def fill(self) -> None:
        """Give each entry its least-loaded eligible judges, scarcest entries first."""
        rank = [self.rng.random() for _ in self.entry_ids]
        order = sorted(range(len(self.entry_ids)), key=lambda i: (self._free(i).bit_count(), rank[i]))
        if not self.load:
            return
        floor = min(self.load)
        for i in order:
            free = self._free(i)
            want = min(self.per_entry - self.holders[i].bit_count(), free.bit_count())
            level = floor
            while want > 0:
                pool = free & self.levels.get(level, 0)
                level += 1
                while want > 0 and pool:
                    expert = pool & self.experts[i]
                    j = self._pick(expert or pool)
                    pool &= ~(1 << j)
                    free &= ~(1 << j)
                    self._add(i, j)
                    want -= 1
            while not self.levels.get(floor, 0):
                floor += 1

    def balance(self) -> None:
        """Lower the highest load, then raise the lowest, along augmenting paths."""
        if len(self.load) < 2:
            return
        highest_is_final = False
        while True:
            high, low = max(self.load), min(self.load)
            if high - low <= 1:
                return
            if not highest_is_final:
                if self._push(self.levels[high], self._loads_between(low, high - 2)):
                    continue
                highest_is_final = True  # raising the lowest loads never raises the highest
            if not self._push(self._loads_between(low + 2, high), self.levels[low]):
                return

    def _push(self, sources: int, targets: int) -> bool:
        """Shift one assignment from a source judge to a target judge along a shortest path."""
        came_from: dict[int, tuple[int, int]] = {}  # judge -> (judge it takes an entry from, entry)
        seen = sources
        queue = list(_bits(sources))
        for j in queue:  # grows while it is read: breadth first
            for i in sorted(self.movable[j]):
                reachable = self._free(i) & ~seen
                if not reachable:
                    continue
                hits = reachable & targets
                if hits:
                    k = self._pick(hits & self.experts[i] or hits)
                    while True:
                        self._move(i, j, k)
                        if j not in came_from:
                            return True
                        k = j
                        j, i = came_from[j]
                seen |= reachable
                for k in _bits(reachable):
                    came_from[k] = (j, i)
                    queue.append(k)
        return False

    def prefer_experts(self) -> None:
        """Hand an entry from a non-expert to an expert one load lower (same loads overall)."""
        for i in range(len(self.entry_ids)):
            if not self.experts[i]:
                continue
            for j in _bits(self.holders[i] & ~self.experts[i]):
                if i not in self.movable[j]:
                    continue
                candidates = self._free(i) & self.experts[i] & self.levels.get(self.load[j] - 1, 0)
                if candidates:
                    self._move(i, j, self._pick(candidates))

    def connect(self) -> None:
        """Join components by moving or swapping single assignments while the spread allows."""
        budget = [CONNECT_BUDGET]
        label, bridges = self._graph()
        self.components = _count(label)
        while self.components > 1 and self._join(label, bridges, budget):
            label, bridges = self._graph()
            before, self.components = self.components, _count(label)
            if self.components >= before:  # cannot happen by the bridge argument; stop rather than loop
                return

    def _join(self, label: list[int], bridges: set[tuple[int, int]], budget: list[int]) -> bool:
        """Make one move or swap that joins two components; False if none was found."""
        entries = len(self.entry_ids)
        groups: dict[int, int] = {}  # component -> its judges
        for j in range(len(self.load)):
            if label[entries + j] >= 0:
                groups[label[entries + j]] = groups.get(label[entries + j], 0) | 1 << j
        in_graph = sum(groups.values())
        high, low = max(self.load), min(self.load)
        may_take = self._loads_between(low, high - 1)
        # Edges whose removal keeps their component whole (or only frees a judge with no other entry).
        loose = [
            (i, j)
            for j in range(len(self.load))
            for i in sorted(self.movable[j])
            if (i, j) not in bridges or self.load[j] == 1
        ]
        # Moves first: one pass is cheap, while the swap search below can be long.
        for i, j in loose:
            takers = self._free(i) & in_graph & ~groups[label[i]] & may_take
            if self.load[j] > low and takers:
                self._move(i, j, self._pick(takers))
                return True
        for i, j in loose:
            if (i, j) in bridges:
                continue  # a swap needs an edge whose removal keeps its component whole
            for b in _bits(self._free(i) & in_graph & ~groups[label[i]]):
                for i2 in sorted(self.movable[b]):
                    budget[0] -= 1
                    if budget[0] < 0:
                        return False
                    if self._free(i2) >> j & 1:
                        self._move(i, j, b)
                        self._move(i2, b, j)
                        return True
        return False

    def _graph(self) -> tuple[list[int], set[tuple[int, int]]]:
        """Component label per node (-1 if alone) and the bridges, as (entry, judge).

        Nodes are entries 0..E-1 then judges E..E+J-1; iterative Tarjan.
        """
        entries = len(self.entry_ids)
        adjacent: list[list[int]] = [[] for _ in range(entries + len(self.load))]
        for i, holders in enumerate(self.holders):
            for j in _bits(holders):
                adjacent[i].append(entries + j)
                adjacent[entries + j].append(i)
        label = [-1] * len(adjacent)
        order = [0] * len(adjacent)
        lowest = [0] * len(adjacent)
        bridges: set[tuple[int, int]] = set()
        clock = 0
        for root in range(len(adjacent)):
            if label[root] >= 0 or not adjacent[root]:
                continue
            label[root] = root
            clock += 1
            order[root] = lowest[root] = clock
            stack = [(root, -1, 0)]
            while stack:
                node, parent, nxt = stack[-1]
                if nxt < len(adjacent[node]):
                    stack[-1] = (node, parent, nxt + 1)
                    other = adjacent[node][nxt]
                    if label[other] < 0:
                        label[other] = root
                        clock += 1
                        order[other] = lowest[other] = clock
                        stack.append((other, node, 0))
                    elif other != parent:
                        lowest[node] = min(lowest[node], order[other])
                    continue
                stack.pop()
                if parent >= 0:
                    lowest[parent] = min(lowest[parent], lowest[node])
                    if lowest[node] > order[parent]:
                        bridges.add((min(node, parent), max(node, parent) - entries))
        return label, bridges

    def plan(self) -> Plan:
        """The result with the problems that are true of it."""
        new_pairs = sorted((self.entry_ids[i], self.judge_ids[j]) for j, held in enumerate(self.movable) for i in held)
        problems = [
            Problem(
                ProblemKind.SHORT_OF_JUDGES,
                entry_id=entry_id,
                needed=self.per_entry - found,
                found=found,
                detail=f"entry {entry_id} has {found} of {self.per_entry} judges; no other judge is eligible",
            )
            for entry_id, found in zip(self.entry_ids, (holders.bit_count() for holders in self.holders), strict=True)
            if found < self.per_entry
        ]
        high, low = max(self.load, default=0), min(self.load, default=0)
        if high - low > 1:
            detail = f"loads range from {low} to {high}; eligibility allows no closer spread"
            problems.append(Problem(ProblemKind.UNBALANCED, needed=high, found=low, detail=detail))
        if self.components > 1:
            detail = f"the judge-entry graph has {self.components} components"
            problems.append(Problem(ProblemKind.DISCONNECTED, needed=1, found=self.components, detail=detail))
        loads = dict(zip(self.judge_ids, self.load, strict=True))
        return Plan(new_pairs, self.kept_pairs, loads, self.components, problems)
