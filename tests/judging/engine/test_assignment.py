"""The judge-assignment engine: hard constraints always, soft goals whenever an
independent check (max-flow with bounds, brute force) says they can be met."""

from __future__ import annotations

import itertools
import math
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from judging.engine.assignment import EntryNeeds, JudgeSkills, Plan, Problem, ProblemKind, plan_assignments

LANGUAGES = ["en", "ko", "es"]
MANY_LANGUAGES = ["en", "ko", "es", "fr", "ja"]  # more ways for the greedy fill to go wrong
PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@dataclass
class Instance:
    entries: list[EntryNeeds]
    judges: list[JudgeSkills]
    per_entry: int
    forbidden: set[tuple[int, int]]
    existing: set[tuple[int, int]]
    seed: int

    def plan(self, seed: int | None = None) -> Plan:
        return plan_assignments(
            self.entries,
            self.judges,
            per_entry=self.per_entry,
            forbidden=self.forbidden,
            existing=self.existing,
            seed=self.seed if seed is None else seed,
        )

    def may_judge(self, entry: EntryNeeds, judge: JudgeSkills) -> bool:
        """The hard constraints on one pair, written out independently of the engine."""
        reads = entry.language == "en" or entry.language in judge.languages
        return reads and (entry.id, judge.id) not in self.forbidden

    def kept_on(self, entry: EntryNeeds) -> set[int]:
        return {judge_id for entry_id, judge_id in self.existing if entry_id == entry.id}

    def free_judges(self, entry: EntryNeeds) -> list[int]:
        """Judges who may still be added to the entry."""
        kept = self.kept_on(entry)
        return [judge.id for judge in self.judges if judge.id not in kept and self.may_judge(entry, judge)]

    def demand(self, entry: EntryNeeds) -> int:
        """How many new judges the entry must get: up to per_entry, as far as eligible judges go."""
        return min(max(0, self.per_entry - len(self.kept_on(entry))), len(self.free_judges(entry)))


@st.composite
def instances(
    draw: st.DrawFn,
    *,
    everyone_reads_everything: bool = False,
    with_forbidden: bool = True,
    with_existing: bool = True,
    max_judges: int = 25,
    max_entries: int = 80,
    max_per_entry: int = 4,
    languages: list[str] = LANGUAGES,
) -> Instance:
    judge_count = draw(st.integers(1, max_judges))
    entry_count = draw(st.integers(0, max_entries))
    per_entry = draw(st.integers(1, max_per_entry))
    # Ids neither start at 0 nor follow input order, so the engine cannot lean on either.
    judge_ids = draw(st.permutations([7 + 3 * n for n in range(judge_count)]))
    entry_ids = draw(st.permutations([100 + 5 * n for n in range(entry_count)]))
    any_languages = st.frozensets(st.sampled_from(languages))
    judges = [
        JudgeSkills(
            id=judge_id,
            languages=frozenset(languages) if everyone_reads_everything else draw(any_languages),
            track_ids=draw(st.frozensets(st.integers(1, 3), max_size=2)),
        )
        for judge_id in judge_ids
    ]
    entries = [
        EntryNeeds(
            id=entry_id,
            language=draw(st.sampled_from(languages)),
            track_id=draw(st.none() | st.integers(1, 3)),
        )
        for entry_id in entry_ids
    ]
    forbidden: set[tuple[int, int]] = set()
    if with_forbidden and entries:
        pairs = st.tuples(st.sampled_from(entry_ids), st.sampled_from(judge_ids))
        forbidden = draw(st.sets(pairs, max_size=2 * entry_count))
    instance = Instance(entries, judges, per_entry, forbidden, set(), seed=draw(st.integers(0, 3)))
    if with_existing and entries and draw(st.booleans()):
        for entry in entries:
            if candidates := instance.free_judges(entry):
                kept = draw(st.sets(st.sampled_from(candidates), max_size=per_entry))
                instance.existing.update((entry.id, judge_id) for judge_id in kept)
    return instance


# -- independent checkers ----------------------------------------------------


class MaxFlow:
    """Dinic's algorithm on a small graph; edges are [to, capacity, index of the reverse edge]."""

    def __init__(self, nodes: int) -> None:
        self.edges: list[list[list[int]]] = [[] for _ in range(nodes)]

    def add(self, source: int, target: int, capacity: int) -> None:
        self.edges[source].append([target, capacity, len(self.edges[target])])
        self.edges[target].append([source, 0, len(self.edges[source]) - 1])

    def run(self, source: int, sink: int) -> int:
        total = 0
        while True:
            level = [-1] * len(self.edges)
            level[source] = 0
            queue = [source]
            for node in queue:
                for target, capacity, _ in self.edges[node]:
                    if capacity > 0 and level[target] < 0:
                        level[target] = level[node] + 1
                        queue.append(target)
            if level[sink] < 0:
                return total
            cursor = [0] * len(self.edges)

            def push(node: int, limit: int, level: list[int] = level, cursor: list[int] = cursor) -> int:
                if node == sink:
                    return limit
                while cursor[node] < len(self.edges[node]):
                    edge = self.edges[node][cursor[node]]
                    if edge[1] > 0 and level[edge[0]] == level[node] + 1:
                        sent = push(edge[0], min(limit, edge[1]))
                        if sent:
                            edge[1] -= sent
                            self.edges[edge[0]][edge[2]][1] += sent
                            return sent
                    cursor[node] += 1
                return 0

            while sent := push(source, 10**9):
                total += sent


def loads_possible(instance: Instance, low: int, high: int) -> bool:
    """Is there a plan filling every entry as far as it can go with every load in [low, high]?

    A flow with lower bounds: source → entry exactly its demand, entry → judge at
    most 1 for each free pair, judge → sink between low and high minus its kept pairs.
    """
    kept_load = Counter(judge_id for _, judge_id in instance.existing)
    entry_node = {entry.id: 2 + n for n, entry in enumerate(instance.entries)}
    judge_node = {judge.id: 2 + len(entry_node) + n for n, judge in enumerate(instance.judges)}
    source, sink = 0, 1
    super_source, super_sink = 2 + len(entry_node) + len(judge_node), 3 + len(entry_node) + len(judge_node)
    flow = MaxFlow(super_sink + 1)
    excess = Counter[int]()

    def bounded(start: int, end: int, lower: int, upper: int) -> None:
        flow.add(start, end, upper - lower)
        excess[end] += lower
        excess[start] -= lower

    for entry in instance.entries:
        bounded(source, entry_node[entry.id], instance.demand(entry), instance.demand(entry))
        for judge_id in instance.free_judges(entry):
            flow.add(entry_node[entry.id], judge_node[judge_id], 1)
    for judge in instance.judges:
        lower, upper = max(0, low - kept_load[judge.id]), high - kept_load[judge.id]
        if upper < lower:
            return False
        bounded(judge_node[judge.id], sink, lower, upper)
    flow.add(sink, source, 10**9)
    for node, amount in excess.items():
        if amount > 0:
            flow.add(super_source, node, amount)
        elif amount < 0:
            flow.add(node, super_sink, -amount)
    return flow.run(super_source, super_sink) == sum(amount for amount in excess.values() if amount > 0)


def smallest_spread(instance: Instance) -> int:
    """The smallest max - min of loads over all plans that fill the entries as far as they go."""
    total = len(instance.existing) + sum(instance.demand(entry) for entry in instance.entries)
    judges = len(instance.judges)
    for spread in itertools.count():
        # Loads in [low, low + spread] summing to `total` need judges·low ≤ total ≤ judges·(low + spread).
        for low in range(max(0, -(-total // judges) - spread), total // judges + 1):
            if loads_possible(instance, low, low + spread):
                return spread
    raise AssertionError("unreachable")


def components(pairs: list[tuple[int, int]]) -> int:
    """Connected components of the bipartite graph the pairs draw, by union-find."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for entry_id, judge_id in pairs:
        parent[root(("entry", entry_id))] = root(("judge", judge_id))
    return len({root(node) for node in list(parent)})


def every_plan(instance: Instance) -> Iterator[list[tuple[int, int]]]:
    """All pair lists that fill the entries as far as they go (brute force, tiny instances only)."""
    choices = [
        [
            [(entry.id, judge_id) for judge_id in chosen]
            for chosen in itertools.combinations(instance.free_judges(entry), instance.demand(entry))
        ]
        for entry in instance.entries
    ]
    for picked in itertools.product(*choices):
        yield sorted(instance.existing) + [pair for pairs in picked for pair in pairs]


def plan_count(instance: Instance) -> int:
    return math.prod(math.comb(len(instance.free_judges(entry)), instance.demand(entry)) for entry in instance.entries)


def spread_of(pairs: list[tuple[int, int]], instance: Instance) -> int:
    loads = Counter({judge.id: 0 for judge in instance.judges}) + Counter(judge_id for _, judge_id in pairs)
    counts = [loads[judge.id] for judge in instance.judges]
    return max(counts) - min(counts)


def assert_hard_constraints(instance: Instance, plan: Plan) -> None:
    entries = {entry.id: entry for entry in instance.entries}
    judges = {judge.id: judge for judge in instance.judges}
    pairs = plan.kept_pairs + plan.new_pairs
    assert plan.kept_pairs == sorted(instance.existing)
    assert plan.new_pairs == sorted(plan.new_pairs)
    assert len(set(pairs)) == len(pairs)
    for entry_id, judge_id in plan.new_pairs:
        assert instance.may_judge(entries[entry_id], judges[judge_id]), (entry_id, judge_id)
    per_entry = Counter(entry_id for entry_id, _ in pairs)
    assert all(count <= instance.per_entry for count in per_entry.values())
    assert plan.loads == {
        judge.id: sum(1 for _, judge_id in pairs if judge_id == judge.id) for judge in instance.judges
    }


# -- properties --------------------------------------------------------------


@PROPERTY
@given(instances())
def test_plan_hard_constraints_always_hold(instance: Instance) -> None:
    assert_hard_constraints(instance, instance.plan())


@PROPERTY
@given(instances())
def test_plan_entries_filled_whenever_eligible_judges_exist(instance: Instance) -> None:
    plan = instance.plan()
    judged = Counter(entry_id for entry_id, _ in plan.kept_pairs + plan.new_pairs)
    for entry in instance.entries:
        assert judged[entry.id] == len(instance.kept_on(entry)) + instance.demand(entry)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(max_judges=12, max_entries=30, languages=MANY_LANGUAGES))
def test_plan_loads_balanced_within_one_when_flow_allows(instance: Instance) -> None:
    plan = instance.plan()
    # Within 1 whenever some plan filling the entries is, and more: never wider than the narrowest such plan.
    assert plan.load_spread == smallest_spread(instance)


@PROPERTY
@given(instances(everyone_reads_everything=True, with_forbidden=False, with_existing=False))
def test_plan_connected_when_open_committee_has_enough_pairs(instance: Instance) -> None:
    plan = instance.plan()
    pairs, entries, judges = len(plan.new_pairs), len(instance.entries), len(instance.judges)
    assert plan.load_spread <= 1
    # With loads within 1, every judge has an entry once pairs ≥ judges, and a
    # connected graph needs pairs ≥ nodes - 1; below that each judge has at most
    # one entry, so only a single entry is connected.
    enough = entries <= 1 or (pairs >= judges and pairs >= entries + judges - 1)
    if instance.per_entry <= judges and enough:
        assert plan.connected, (plan.components, pairs, entries, judges)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(instances(max_judges=5, max_entries=5, max_per_entry=3).filter(lambda instance: plan_count(instance) <= 3000))
def test_plan_connected_when_brute_force_finds_connected_balanced_plan(instance: Instance) -> None:
    plan = instance.plan()
    best = min(spread_of(pairs, instance) for pairs in every_plan(instance))
    assert plan.load_spread == best
    if any(spread_of(pairs, instance) == best and components(pairs) <= 1 for pairs in every_plan(instance)):
        assert plan.connected, plan


@PROPERTY
@given(instances(), st.integers(0, 3))
def test_plan_same_for_same_seed_and_any_input_order(instance: Instance, shuffle_seed: int) -> None:
    first = instance.plan()
    assert instance.plan() == first
    shuffler = random.Random(shuffle_seed)
    shuffled = Instance(
        shuffler.sample(instance.entries, len(instance.entries)),
        shuffler.sample(instance.judges, len(instance.judges)),
        instance.per_entry,
        set(instance.forbidden),
        set(instance.existing),
        instance.seed,
    )
    assert shuffled.plan() == first


@PROPERTY
@given(instances())
def test_plan_problems_reported_iff_true(instance: Instance) -> None:
    plan = instance.plan()
    judged = Counter(entry_id for entry_id, _ in plan.kept_pairs + plan.new_pairs)
    short = {
        entry.id: instance.per_entry - judged[entry.id]
        for entry in instance.entries
        if judged[entry.id] < instance.per_entry
    }
    reported = [problem for problem in plan.problems if problem.kind == ProblemKind.SHORT_OF_JUDGES]
    assert {problem.entry_id: problem.needed for problem in reported} == short
    assert all(problem.found == judged[problem.entry_id] for problem in reported)
    kinds = Counter(problem.kind for problem in plan.problems)
    assert kinds[ProblemKind.UNBALANCED] == (plan.load_spread > 1)
    assert kinds[ProblemKind.DISCONNECTED] == (plan.components > 1)
    assert plan.components == components(plan.kept_pairs + plan.new_pairs)


# -- examples ----------------------------------------------------------------


def judge_facts(judge_id: int, *languages: str, tracks: tuple[int, ...] = ()) -> JudgeSkills:
    return JudgeSkills(id=judge_id, languages=frozenset(languages), track_ids=frozenset(tracks))


def test_plan_korean_entry_only_korean_readers() -> None:
    entries = [EntryNeeds(id=1, language="ko", track_id=None)]
    judges = [judge_facts(10, "en"), judge_facts(11, "en", "ko"), judge_facts(12, "ko"), judge_facts(13, "en", "es")]

    plan = plan_assignments(entries, judges, per_entry=3)

    assert plan.new_pairs == [(1, 11), (1, 12)]
    assert plan.problems == [
        Problem(ProblemKind.SHORT_OF_JUDGES, entry_id=1, needed=1, found=2, detail=plan.problems[0].detail)
    ]


def test_plan_english_entry_any_judge() -> None:
    entries = [EntryNeeds(id=1, language="en", track_id=None)]
    judges = [judge_facts(10, "ko"), judge_facts(11, "es")]

    plan = plan_assignments(entries, judges, per_entry=2)

    assert plan.new_pairs == [(1, 10), (1, 11)]
    assert plan.problems == []


def test_plan_forbidden_pair_never_assigned() -> None:
    entries = [EntryNeeds(id=1, language="en", track_id=None), EntryNeeds(id=2, language="en", track_id=None)]
    judges = [judge_facts(10, "en"), judge_facts(11, "en"), judge_facts(12, "en")]

    plan = plan_assignments(entries, judges, per_entry=2, forbidden={(1, 10), (2, 11)})

    assert (1, 10) not in plan.new_pairs
    assert (2, 11) not in plan.new_pairs
    assert Counter(entry_id for entry_id, _ in plan.new_pairs) == {1: 2, 2: 2}
    assert sorted(plan.loads.values()) == [1, 1, 2]


def test_plan_existing_pairs_kept_and_topped_up() -> None:
    entries = [EntryNeeds(id=1, language="en", track_id=None), EntryNeeds(id=2, language="en", track_id=None)]
    judges = [judge_facts(10, "en"), judge_facts(11, "en"), judge_facts(12, "en")]

    plan = plan_assignments(entries, judges, per_entry=2, existing=[(1, 10), (1, 11), (2, 10)])

    assert plan.kept_pairs == [(1, 10), (1, 11), (2, 10)]
    assert plan.new_pairs == [(2, 12)]  # 11 and 12 both had one fewer than 10; 12 had none
    assert plan.loads == {10: 2, 11: 1, 12: 1}
    assert plan.connected


def test_plan_existing_pairs_above_per_entry_untouched() -> None:
    entries = [EntryNeeds(id=1, language="en", track_id=None)]
    judges = [judge_facts(10, "en"), judge_facts(11, "en"), judge_facts(12, "en")]

    plan = plan_assignments(entries, judges, per_entry=1, existing=[(1, 10), (1, 11)])

    assert plan.kept_pairs == [(1, 10), (1, 11)]
    assert plan.new_pairs == []
    assert plan.loads == {10: 1, 11: 1, 12: 0}


def test_plan_entry_nobody_can_judge_reported() -> None:
    entries = [EntryNeeds(id=1, language="ja", track_id=None), EntryNeeds(id=2, language="en", track_id=None)]
    judges = [judge_facts(10, "en"), judge_facts(11, "en", "ko")]

    plan = plan_assignments(entries, judges, per_entry=2)

    assert plan.new_pairs == [(2, 10), (2, 11)]
    [problem] = plan.problems
    assert (problem.kind, problem.entry_id, problem.needed, problem.found) == (ProblemKind.SHORT_OF_JUDGES, 1, 2, 0)
    assert problem.detail == "entry 1 has 0 of 2 judges; no other judge is eligible"


def test_plan_track_expert_preferred_among_equal_loads() -> None:
    entries = [EntryNeeds(id=1, language="en", track_id=7)]
    judges = [judge_facts(10, "en"), judge_facts(11, "en", tracks=(7,)), judge_facts(12, "en", tracks=(3,))]

    for seed in range(10):
        assert plan_assignments(entries, judges, per_entry=1, seed=seed).new_pairs == [(1, 11)]


def test_plan_balance_repairs_greedy_choice() -> None:
    # Judge 10 reads both languages; whichever entry the fill hands it first, only
    # 10 → ko, 11 → es, 12 → ko gives every judge one entry.
    entries = [
        EntryNeeds(id=1, language="ko", track_id=None),
        EntryNeeds(id=2, language="es", track_id=None),
        EntryNeeds(id=3, language="ko", track_id=None),
    ]
    judges = [judge_facts(10, "ko", "es"), judge_facts(11, "es"), judge_facts(12, "ko")]

    for seed in range(10):
        plan = plan_assignments(entries, judges, per_entry=1, seed=seed)

        assert plan.loads == {10: 1, 11: 1, 12: 1}
        assert (2, 11) in plan.new_pairs
        assert plan.problems == [
            Problem(ProblemKind.DISCONNECTED, needed=1, found=3, detail="the judge-entry graph has 3 components")
        ]


def test_plan_joins_components_when_loads_allow() -> None:
    # Only judge 10 reads Korean; the fill gives both English entries to 11 and 12,
    # leaving 10 alone with the Korean entry until it takes an English one.
    entries = [
        EntryNeeds(id=1, language="en", track_id=None),
        EntryNeeds(id=2, language="en", track_id=None),
        EntryNeeds(id=3, language="ko", track_id=None),
    ]
    judges = [judge_facts(10, "ko"), judge_facts(11), judge_facts(12)]

    for seed in range(10):
        plan = plan_assignments(entries, judges, per_entry=2, seed=seed)

        assert plan.connected
        assert plan.load_spread == 1
        assert [(problem.kind, problem.entry_id) for problem in plan.problems] == [(ProblemKind.SHORT_OF_JUDGES, 3)]


def test_plan_unbalanced_and_disconnected_reported() -> None:
    # Judge 12 reads nothing the entries need; 10 and 11 can only share the load.
    entries = [EntryNeeds(id=n, language="ko", track_id=None) for n in range(1, 5)]
    judges = [judge_facts(10, "ko"), judge_facts(11, "ko"), judge_facts(12, "es")]

    plan = plan_assignments(entries, judges, per_entry=1)

    assert plan.loads == {10: 2, 11: 2, 12: 0}
    assert plan.components == 2
    assert [(problem.kind, problem.needed, problem.found) for problem in plan.problems] == [
        (ProblemKind.UNBALANCED, 2, 0),
        (ProblemKind.DISCONNECTED, 1, 2),
    ]


def test_plan_empty_input_empty_plan() -> None:
    plan = plan_assignments([], [], per_entry=3)

    assert plan == Plan(new_pairs=[], kept_pairs=[], loads={}, components=0, problems=[])
    assert plan.connected
    assert plan.load_spread == 0


def test_plan_no_judges_every_entry_short() -> None:
    plan = plan_assignments([EntryNeeds(id=1, language="en", track_id=None)], [], per_entry=2)

    assert [(problem.kind, problem.needed, problem.found) for problem in plan.problems] == [
        (ProblemKind.SHORT_OF_JUDGES, 2, 0)
    ]


def test_plan_unknown_existing_pair_raises() -> None:
    with pytest.raises(ValueError, match="unknown entry or judge"):
        plan_assignments([], [judge_facts(10, "en")], per_entry=1, existing=[(1, 10)])


def test_plan_negative_per_entry_raises() -> None:
    with pytest.raises(ValueError, match="per_entry"):
        plan_assignments([], [], per_entry=-1)
