"""The plan the assignment engine proposes for a round, from its entries'
needs, the panel's skills, the conflicts and the assignments kept (a
preview; applying it is a service, services/assignments.py)."""

from judging.engine import assignment as engine
from judging.engine.conflicts import forbidden_pairs
from judging.enums import AssignmentState
from judging.models import Assignment, Round
from judging.selectors import facts
from judging.selectors.reviewer import panel_of
from submissions.models import Entry


def round_panel_ids(round_: Round) -> list[int]:
    """The judges who may be assigned in the round (see selectors.panel_of)."""
    return sorted(panel_of(round_).values_list("pk", flat=True))


def assignment_plan(*, round_id: int, seed: int | None = None) -> engine.Plan:
    """What the engine proposes for the round now (a preview; nothing saved).

    Hard constraints: no conflict (stored, detected, recused) and a judge
    reads the entry's language unless it is English. Existing active
    assignments are kept; entries are only topped up."""
    round_ = Round.objects.get(pk=round_id)
    entry_rows = list(
        Entry.objects.filter(round_entries__round=round_).values_list("pk", "language", "track_id").order_by("pk")
    )
    panel = set(round_panel_ids(round_))
    existing: set[tuple[int, int]] = set()
    recused: set[tuple[int, int]] = set()
    for entry_id, judge_id, state in Assignment.objects.filter(round=round_).values_list(
        "entry_id", "judge_id", "state"
    ):
        (existing if state == AssignmentState.ACTIVE else recused).add((entry_id, judge_id))
    # Judges assigned by hand who are outside the panel keep those entries and
    # count for loads, but get nothing new.
    outside = {judge_id for _entry, judge_id in existing} - panel
    judge_ids = sorted(panel | outside)
    forbidden = forbidden_pairs(
        facts.judge_conflict_facts(judge_ids).values(),
        facts.entry_conflict_facts(row[0] for row in entry_rows).values(),
        country_rule=round_.country_conflicts,
    )
    forbidden |= recused  # a judge who stepped back is never given the entry again
    forbidden |= {(row[0], judge_id) for judge_id in outside for row in entry_rows} - existing
    return engine.plan_assignments(
        [
            engine.EntryNeeds(id=pk, language=base_language(language), track_id=track)
            for pk, language, track in entry_rows
        ],
        facts.judge_assignment_facts(judge_ids),
        per_entry=round_.judges_per_entry,
        forbidden=forbidden,
        existing=existing - forbidden,
        seed=round_.assignment_seed if seed is None else seed,
    )


def base_language(code: str) -> str:
    """ "zh-hans" and "zh-hant" are read as written; "en-gb" is English."""
    return "en" if code.split("-")[0] == "en" else code
