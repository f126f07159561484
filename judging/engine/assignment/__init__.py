"""Automatic assignment of judges to entries.

A pure module: plain facts in, a :class:`Plan` out, no Django and no database,
so that the services, the management commands and the tests share one engine.

Hard constraints, never broken: no forbidden (entry, judge) pair, a judge on an
entry not in English reads its language, no judge twice on one entry, no entry
above ``per_entry`` judges. Soft goals, in order: every entry gets
``per_entry`` judges, balanced load (max - min ≤ 1), one connected
judge-entry graph (the calibrated ranking needs it), track expertise.

How: judge sets are Python ints used as bitsets (bit ``j`` = the ``j``-th
judge by id), which keeps every inner step a handful of integer operations.

1. *Fill*: the most constrained entries first, each takes its least-loaded
   eligible judges (track experts first among equals, a seeded random
   tie-break). Judges have no capacity, so every entry gets as many judges as
   it has eligible ones, up to ``per_entry``.
2. *Balance*: move assignments along augmenting paths (judge → entry →
   another eligible judge → …) from the most loaded judges to judges two or
   more below, then from judges two or more above the least loaded to them.
   When neither path exists the highest load is the lowest any plan can have
   and the lowest load the highest any plan can have, so the spread is the
   smallest possible (the loads of such plans form an integral base polyhedron).
3. *Expertise*: an entry moves from a non-expert to an expert one load lower,
   which leaves the loads as a multiset unchanged.
4. *Connect*: while the graph has several components, move or swap one
   assignment across two components, provided the highest load does not rise,
   the lowest does not fall and the edge taken away is not the only link
   inside its own component (a bridge, found with Tarjan's algorithm).
"""

from judging.engine.assignment.engine import plan_assignments
from judging.engine.assignment.inputs import EntryNeeds, JudgeSkills, Plan, Problem, ProblemKind

__all__ = ["EntryNeeds", "JudgeSkills", "Plan", "Problem", "ProblemKind", "plan_assignments"]
