"""Reads of the results of a round: the sections of the results page (one per
category: rows, warnings, charts), the round's entries and tracks, and the
entries a user may not see.

Conflicts of interest: a user who is not staff never sees an entry they are
in conflict with (declared, detected or recused): not its row, nor its
numbers in the charts or the judges' distributions."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import rules
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from categories.models import Category, Criterion, Track
from judging.engine import ranking
from judging.enums import CRITERION_TIE_BREAK_PREFIX, AssignmentState, Recommendation, ReviewState, TieBreak
from judging.models import Assignment, Review, Round
from judging.rendering import charts
from judging.selectors import facts
from judging.selectors.ranking import CategoryResults, round_results
from prize_portal.accounts.models import User
from submissions.models import Entry

Method = ranking.Method
# The cut-off the results page (and the export) show settled and unsettled places at, until the chair
# chooses another.
DEFAULT_CUTOFF = 10
CALIBRATED_METHODS = (Method.CALIBRATED, Method.CALIBRATED_ADDITIVE)
PLACE_LABELS = {
    ranking.Place.SETTLED_IN: gettext_lazy("Settled inside"),
    ranking.Place.SETTLED_OUT: gettext_lazy("Settled outside"),
    ranking.Place.TOO_CLOSE: gettext_lazy("Too close to call"),
}
RECOMMENDATION_WORDS = {
    Recommendation.STRONG_YES: gettext_lazy("strongly recommend"),
    Recommendation.YES: gettext_lazy("recommend"),
    Recommendation.UNDECIDED: gettext_lazy("undecided"),
    Recommendation.NO: gettext_lazy("do not recommend"),
    Recommendation.PASS: gettext_lazy("pass"),
    Recommendation.FAIL: gettext_lazy("fail"),
}


@dataclass
class Row:
    """One entry's line of the results table."""

    entry_id: int
    reference: str
    title: str
    status: str
    rank: int
    mean: float
    zscore: float
    calibrated: float
    ci_low: float | None
    ci_high: float | None
    n_reviews: int
    spread: float
    disagreement: bool
    below_threshold: list[str]
    tie_break: str
    criterion_means: list[float]
    recommendations: str
    totals: tuple[float, ...] = ()
    place: str = ""  # a ranking.Place at the section's cut-off, "" without intervals

    @property
    def place_label(self) -> str:
        return str(PLACE_LABELS[ranking.Place(self.place)]) if self.place else ""

    @property
    def lowest(self) -> float:
        return min(self.totals, default=0.0)

    @property
    def highest(self) -> float:
        return max(self.totals, default=0.0)

    def sort_value(self, key: str) -> Any:
        return {"reference": self.reference, "reviews": self.n_reviews}.get(key, getattr(self, key, None))


@dataclass
class Section:
    """The results of one category of the round."""

    category: Category
    criteria: list[str]  # names, in the rubric's order
    rows: list[Row]
    hidden: int  # entries not shown because of the user's conflicts
    unreviewed: int  # entries of the round without a submitted review yet
    warnings: list[str]
    cutoff: int = 0
    places: Counter[str] = field(default_factory=Counter)  # ranking.Place -> entries (shown or not)
    judges: list[charts.JudgeStrip] = field(default_factory=list)
    judge_chart: SafeString | None = None
    dumbbell_chart: SafeString | None = None
    spread_chart: SafeString | None = None

    @property
    def prefix(self) -> str:
        """Start of the ids of this section's charts and tables."""
        return f"category-{self.category.pk}"


def sees_everything(user: User) -> bool:
    """Staff see every entry; the rule alone decides (no model-permission queries)."""
    return bool(rules.has_perm("judging.manage_rounds", user))


def hidden_entries(user: User, round_: Round, entries: dict[int, Any]) -> set[int]:
    """Entries of the round the user may not see: none for staff; for anyone
    else those they are in conflict with or recused from (``entries`` carry a
    ``recused`` flag; a fixed number of queries)."""
    if sees_everything(user):
        return set()
    hidden = facts.conflicted_entries(user.pk, entries, country_rule=round_.country_conflicts)
    return hidden | {entry_id for entry_id, entry in entries.items() if entry.recused}


def special_mention_candidates(user: User, round_: Round) -> QuerySet[Entry]:
    """Entries of the round's cycle that may get a special mention (eligible
    or later), without those the user is in conflict with (staff see all)."""
    from judging.enums import ELIGIBLE_STATUSES

    eligible = Entry.objects.filter(cycle=round_.cycle, status__in=ELIGIBLE_STATUSES)
    if sees_everything(user):
        return eligible.order_by("reference")
    ids = list(eligible.values_list("pk", flat=True))
    hidden = facts.conflicted_entries(user.pk, ids, country_rule=round_.country_conflicts)
    return eligible.exclude(pk__in=hidden).order_by("reference")


def _reviews(round_: Round) -> tuple[dict[int, str], dict[str, str]]:
    """Recommendations counted per entry ("2 recommend, 1 undecided") and the
    judges' names, from the submitted reviews of active assignments (one query)."""
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    judges: dict[str, str] = {}
    rows = Review.objects.filter(
        state=ReviewState.SUBMITTED, assignment__round=round_, assignment__state=AssignmentState.ACTIVE
    ).values_list(
        "assignment__entry_id",
        "recommendation",
        "assignment__judge_id",
        "assignment__judge__name",
        "assignment__judge__email",
    )
    for entry_id, recommendation, judge_id, name, email in rows:
        judges[str(judge_id)] = name or email
        if recommendation:
            counts[entry_id][recommendation] += 1
    order = list(Recommendation)
    recommendations = {
        entry_id: ", ".join(
            _("%(count)d %(label)s") % {"count": n, "label": RECOMMENDATION_WORDS.get(Recommendation(code), code)}
            for code, n in sorted(counter.items(), key=lambda item: order.index(Recommendation(item[0])))
        )
        for entry_id, counter in counts.items()
    }
    return recommendations, judges


def round_entries(round_: Round, user: User) -> dict[int, Entry]:
    """The round's entries with their tracks, each flagged ``recused`` when the user recused from it."""
    recused = Assignment.objects.filter(
        round=round_, judge_id=user.pk, entry_id=OuterRef("pk"), state=AssignmentState.RECUSED
    )
    query = Entry.objects.filter(round_entries__round=round_).select_related("track").annotate(recused=Exists(recused))
    return {entry.pk: entry for entry in query.order_by("pk")}


def entry_tracks(entries: dict[int, Entry]) -> list[Track]:
    """The tracks of the round's entries (the ones worth filtering by)."""
    tracks = {entry.track.pk: entry.track for entry in entries.values() if entry.track is not None}
    return sorted(tracks.values(), key=lambda track: (track.category_id, track.order, track.pk))


def tie_break_label(rule: str, criterion_names: dict[str, str]) -> str:
    if not rule:
        return ""
    if rule.startswith(CRITERION_TIE_BREAK_PREFIX):
        code = rule.removeprefix(CRITERION_TIE_BREAK_PREFIX)
        return _("Higher mean on %(criterion)s") % {"criterion": criterion_names.get(code, code)}
    if rule == "entry":  # the engine's last resort
        return _("Entry number (all else equal)")
    return str(TieBreak(rule).label) if rule in TieBreak.values else rule


def warning_text(code: str, *, judges: dict[str, str], ranking_: ranking.Ranking) -> str:
    """A translated sentence for one of the engine's warning codes."""
    name, _sep, subject = code.partition(":")
    if name == "disconnected":
        return _(
            "The judges and entries form %(count)d separate groups: scores are calibrated per group "
            "and compare only within a group."
        ) % {"count": ranking_.components}
    if name == "judge_few_reviews":
        return _("%(judge)s has fewer than 3 reviews: their z-scores use the round's mean and spread.") % {
            "judge": judges.get(subject, subject)
        }
    if name == "judge_no_spread":
        return _("%(judge)s gave every entry the same total: their z-scores use the round's spread.") % {
            "judge": judges.get(subject, subject)
        }
    if name == "gain_few_reviews":
        return _(
            "%(judge)s has fewer than 5 reviews: the calibrated score keeps their scale as the typical judge's "
            "and corrects only their harshness or leniency."
        ) % {"judge": judges.get(subject, subject)}
    if name == "gain_no_spread":
        return _(
            "%(judge)s gave every entry the same total: the calibrated score keeps their scale as the typical judge's."
        ) % {"judge": judges.get(subject, subject)}
    if name == "interval_unavailable":
        return _("There are too few reviews to estimate the 90-percent intervals of the calibrated scores.")
    if name == "interval_approximate":
        return _("The 90-percent intervals of the calibrated scores are approximate (many judges).")
    if name == "tie_break_unknown_criterion":
        return _(
            'The round\'s tie-break rules name a criterion "%(code)s" this category does not have; it is skipped.'
        ) % {"code": subject}
    return code


def _charts(section: Section, results: CategoryResults, visible: set[str], judges: dict[str, str]) -> None:
    """The three charts of a section, from the visible entries only."""
    prefix = section.prefix
    per_judge: dict[str, list[float]] = defaultdict(list)
    for (entry, judge), total in ranking.review_totals(results.scores, results.criteria).items():
        if entry in visible:
            per_judge[judge].append(total)
    section.judges = sorted(
        (
            charts.JudgeStrip(judges.get(judge, judge), tuple(sorted(totals)), sum(totals) / len(totals))
            for judge, totals in per_judge.items()
        ),
        key=lambda strip: strip.label.lower(),
    )
    section.judge_chart = charts.judge_strips(section.judges, labelledby=f"{prefix}-judges-caption")
    by_rank = sorted(section.rows, key=lambda row: row.rank)
    section.dumbbell_chart = charts.dumbbells(
        [charts.Dumbbell(row.reference, row.mean, row.calibrated) for row in by_rank],
        labelledby=f"{prefix}-calibration-caption",
    )
    section.spread_chart = charts.spreads(
        [charts.Spread(row.reference, row.totals, row.disagreement) for row in by_rank],
        labelledby=f"{prefix}-spread-caption",
    )


def results_sections(
    round_: Round,
    user: User,
    *,
    categories: list[Category],
    entries: dict[int, Entry],
    method: Method,
    sort: str,
    category_id: int | None,
    track_id: int | None,
    cutoff: int,
) -> list[Section]:
    """The page's sections, one per category of the round (or the chosen one),
    in a fixed number of queries whatever the number of entries and reviews.
    Places at ``cutoff`` are those of the calibrated ranking (the chosen
    calibrated method, else the default one) over the category's entries the
    user may see (all of them for staff and anyone without conflicts)."""
    calibrated_method = method if method in CALIBRATED_METHODS else Method.CALIBRATED
    results = round_results(round_)
    hidden = hidden_entries(user, round_, entries)
    recommendations, judges = _reviews(round_)
    criteria: dict[int, dict[str, str]] = defaultdict(dict)
    for criterion in Criterion.objects.filter(category__rounds=round_).order_by("category_id", "order", "pk"):
        criteria[criterion.category_id][criterion.code] = str(criterion.name)
    sections = []
    for category in categories:
        if category_id is not None and category.pk != category_id:
            continue
        in_category = [
            entry
            for entry in entries.values()
            if entry.category_id == category.pk and (track_id is None or entry.track_id == track_id)
        ]
        shown = {str(entry.pk) for entry in in_category if entry.pk not in hidden}
        category_results = results.get(category.pk)
        names = criteria[category.pk]
        section = Section(
            category=category,
            criteria=list(names.values()),
            rows=[],
            hidden=sum(entry.pk in hidden for entry in in_category),
            unreviewed=0,
            warnings=[],
        )
        sections.append(section)
        if category_results is None:
            section.unreviewed = len(shown)
            continue
        rankings = category_results.rankings
        by_method = {m: {result.entry: result for result in rankings[m].results} for m in rankings}
        totals: dict[str, list[float]] = defaultdict(list)
        for (entry_key, _judge), total in ranking.review_totals(
            category_results.scores, category_results.criteria
        ).items():
            totals[entry_key].append(total)
        ordered = [result for result in rankings[method].results if result.entry in shown]
        # Someone with conflicts sees ranks among the entries shown, and places too (counted over every entry,
        # a moving cut-off would tell where the hidden ones stand).
        by_line = [result for result in rankings[calibrated_method].results if not hidden or result.entry in shown]
        place_of = ranking.places(by_line, cutoff)
        section.cutoff = cutoff
        section.places = Counter(str(place) for place in place_of.values())
        section.unreviewed = len(shown) - len(ordered)
        for place, result in enumerate(ordered, 1):
            entry = entries[int(result.entry)]
            calibrated = by_method[calibrated_method][result.entry]
            section.rows.append(
                Row(
                    entry_id=entry.pk,
                    reference=entry.reference or str(entry.pk),
                    title=entry.title_en,
                    status=entry.get_status_display(),
                    rank=place,
                    mean=result.mean,
                    zscore=by_method[Method.ZSCORE][result.entry].score,
                    calibrated=calibrated.score,
                    ci_low=calibrated.ci_low,
                    ci_high=calibrated.ci_high,
                    n_reviews=result.n_reviews,
                    spread=result.spread,
                    disagreement=result.disagreement,
                    below_threshold=[names.get(code, code) for code in result.below_threshold],
                    tie_break=tie_break_label(result.tie_break, names),
                    criterion_means=[result.criterion_means.get(code, 0.0) for code in names],
                    recommendations=recommendations.get(entry.pk, ""),
                    totals=tuple(totals[result.entry]),
                    place=str(place_of.get(result.entry, "")),
                )
            )
        descending = sort.startswith("-")
        key = sort.lstrip("-")
        if key != "rank" or descending:
            section.rows.sort(key=lambda row: row.sort_value(key), reverse=descending)
        seen: set[str] = set()
        for m in (calibrated_method, Method.ZSCORE, Method.MEAN, Method.MEDIAN):
            for code in rankings[m].warnings:
                if code not in seen:
                    seen.add(code)
                    section.warnings.append(warning_text(code, judges=judges, ranking_=rankings[m]))
        few = sum(row.n_reviews < round_.judges_per_entry for row in section.rows)
        if few:
            section.warnings.append(
                ngettext(
                    "%(count)d entry has fewer reviews than the %(planned)d planned: its scores are less certain.",
                    "%(count)d entries have fewer reviews than the %(planned)d planned: their scores are less certain.",
                    few,
                )
                % {"count": few, "planned": round_.judges_per_entry}
            )
        _charts(section, category_results, shown & set(by_method[method]), judges)
    return sections


def criterion_names(category_id: int) -> dict[str, str]:
    """The names of a category's criteria by code (one query)."""
    return {criterion.code: str(criterion.name) for criterion in Criterion.objects.filter(category_id=category_id)}
