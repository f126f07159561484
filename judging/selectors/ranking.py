"""A round's results: the submitted reviews read from the database and handed
to the pure ranking engine (the judging/ranking package), one ranking per category
(each category has its own rubric) and per method. Only submitted reviews of
active (not recused) assignments count."""

from collections import defaultdict
from dataclasses import dataclass, field

from categories.models import Criterion
from judging.engine import ranking
from judging.enums import AssignmentState, ReviewState
from judging.models import ReviewScore, Round
from submissions.models import Entry

METHODS = tuple(ranking.Method)


@dataclass
class CategoryResults:
    """The rankings of one category of a round, by method, with the engine's inputs."""

    category_id: int
    criteria: list[ranking.CriterionSpec]
    scores: list[ranking.Score]
    rankings: dict[ranking.Method, ranking.Ranking] = field(default_factory=dict)


def round_inputs(round_: Round) -> dict[int, CategoryResults]:
    """The engine's inputs per category: every score of a submitted review of
    an active assignment, and the category's criteria (in two queries)."""
    rows = (
        ReviewScore.objects.filter(
            review__state=ReviewState.SUBMITTED,
            review__assignment__round=round_,
            review__assignment__state=AssignmentState.ACTIVE,
            score__isnull=False,
        )
        .values_list(
            "review__assignment__entry__category_id",
            "review__assignment__entry_id",
            "review__assignment__judge_id",
            "criterion__code",
            "score",
        )
        .order_by("review__assignment__entry_id", "review__assignment__judge_id", "criterion__code")
    )
    by_category: dict[int, list[ranking.Score]] = defaultdict(list)
    for category_id, entry_id, judge_id, code, score in rows:
        by_category[category_id].append(
            ranking.Score(entry=str(entry_id), judge=str(judge_id), criterion=code, score=float(score or 0))
        )
    criteria: dict[int, list[ranking.CriterionSpec]] = defaultdict(list)
    for criterion in Criterion.objects.filter(category_id__in=list(by_category)).order_by("category_id", "order"):
        criteria[criterion.category_id].append(
            ranking.CriterionSpec(
                code=criterion.code,
                weight=float(criterion.weight),
                low=float(criterion.scale_min),
                high=float(criterion.scale_max),
                threshold=float(criterion.minimum) if criterion.minimum is not None else None,
            )
        )
    return {
        category_id: CategoryResults(category_id=category_id, criteria=criteria[category_id], scores=scores)
        for category_id, scores in sorted(by_category.items())
    }


def round_results(round_: Round) -> dict[int, CategoryResults]:
    """Every method's ranking of each category of the round, with the round's
    tie-break rules (an earlier submission wins the "earlier_submission" rule);
    deterministic for the same reviews."""
    results = round_inputs(round_)
    submitted_at = {
        str(entry_id): moment.timestamp()
        for entry_id, moment in Entry.objects.filter(round_entries__round=round_).values_list("pk", "submitted_at")
        if moment is not None
    }
    for category in results.values():
        for method in METHODS:
            category.rankings[method] = ranking.rank(
                category.scores,
                category.criteria,
                method=method,
                tie_breaks=list(round_.tie_breaks or []),
                submitted_at=submitted_at,
            )
    return results
