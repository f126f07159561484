"""Ranking of a round's entries from the judges' criterion scores: the judging method.

A pure module: plain scores in, a :class:`Ranking` out, no Django and no
database, so that the results pages, the exports and ``manage.py rank_scores``
share one engine. Deterministic: the inputs are sorted first (entries and
judges in natural order, "E2" before "E10"), so the order of the input never
matters, and the same input always gives the same output.

Notation: judge j reviews entry k; criterion c has weight w_c (normalised so
that Σ_c w_c = 1) and scale [lo_c, hi_c]; n_k is the entry's number of reviews,
n_j the judge's.

1. Review total on 0-100: x_jk = 100 · Σ_c w_c · (s_jkc - lo_c) / (hi_c - lo_c).
2. ``mean``: the mean of the entry's x_jk; ``median``: their median.
3. ``zscore``: z_jk = (x_jk - μ_j) / sd_j with μ_j and sd_j the mean and the
   population standard deviation of judge j's totals in the round. A judge with
   fewer than 3 reviews or sd_j = 0 uses the round mean and the pooled sd (the
   population standard deviation of every total in the round) instead, with the
   warning ``judge_few_reviews:<judge>`` or ``judge_no_spread:<judge>``. The
   entry's score is 50 + 10 · mean_j z_jk (0 when even the pooled sd is 0).
4. ``calibrated``: a bias and a gain per judge, x_jk = μ_j + s_j·(α_j + γ_j·q_k + ε)
   on each judge's own standard scale, fitted per connected component of the
   judge-entry graph, with a 90% interval per entry (see scaled.py); warning
   ``disconnected`` when there are several components.
   ``calibrated_additive``: the additive model x_jk = q_k + b_j + ε (bias only),
   fitted the same way per component (see calibration.py).
5. Disagreement: spread = max - min of the entry's totals, sd = their population
   standard deviation; flagged when spread ≥ ``disagreement_threshold``.
6. Thresholds: an entry whose mean score on a criterion (on the criterion's own
   scale) is below the criterion's threshold lists it in ``below_threshold``.
   It keeps its place in the ranking; the flag says it does not advance.
7. Ties: scores within ``TIE_TOLERANCE`` points are equal; equal entries are
   ordered by the round's rules in turn, then by entry id, and each records the
   rule that put it below its predecessor (see :func:`_order`).
"""

from judging.engine.ranking.calibration import student_t_95
from judging.engine.ranking.engine import rank
from judging.engine.ranking.inputs import (
    DEFAULT_TIE_BREAKS,
    CriterionSpec,
    EntryResult,
    Method,
    Ranking,
    RankingInputError,
    Score,
    check_criteria,
    natural_key,
    review_totals,
)
from judging.engine.ranking.places import Place, places

__all__ = [
    "DEFAULT_TIE_BREAKS",
    "CriterionSpec",
    "EntryResult",
    "Method",
    "Place",
    "Ranking",
    "RankingInputError",
    "Score",
    "check_criteria",
    "natural_key",
    "places",
    "rank",
    "review_totals",
    "student_t_95",
]
