"""What the assignment engine takes and gives: entries' needs, judges' skills, the plan and its problems."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

ENGLISH = "en"


# Upper bound on the partner checks the connect phase makes, so an instance that
# cannot be connected costs milliseconds, not minutes.
CONNECT_BUDGET = 200_000


@dataclass(frozen=True)
class EntryNeeds:
    """What an entry needs of its judges: one who reads its language, ideally its track."""

    id: int
    language: str  # judges must read it unless it is "en"
    track_id: int | None  # for the soft goal of track expertise


@dataclass(frozen=True)
class JudgeSkills:
    """What a judge brings to an entry: the languages read and the tracks known."""

    id: int
    languages: frozenset[str]
    track_ids: frozenset[int]


class ProblemKind(StrEnum):
    SHORT_OF_JUDGES = "short_of_judges"
    UNBALANCED = "unbalanced"
    DISCONNECTED = "disconnected"


@dataclass(frozen=True)
class Problem:
    """Something the plan could not reach.

    SHORT_OF_JUDGES: ``needed`` judges still missing on ``entry_id``, which has
    ``found`` (every eligible judge is on it already). UNBALANCED: ``needed`` is
    the highest load and ``found`` the lowest. DISCONNECTED: ``found`` is the
    number of components.
    """

    kind: ProblemKind
    entry_id: int | None = None
    needed: int = 0
    found: int = 0
    detail: str = ""


@dataclass
class Plan:
    """The pairs to create and keep, with the loads and graph they give."""

    new_pairs: list[tuple[int, int]]  # (entry_id, judge_id) to create, sorted
    kept_pairs: list[tuple[int, int]]  # existing pairs, sorted
    loads: dict[int, int]  # judge_id -> kept + new, every judge
    components: int  # of the graph of entries with a judge and judges with an entry
    problems: list[Problem]

    @property
    def connected(self) -> bool:
        return self.components <= 1

    @property
    def load_spread(self) -> int:
        return max(self.loads.values()) - min(self.loads.values()) if self.loads else 0
