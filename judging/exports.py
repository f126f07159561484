"""A round's reviews and conflicts as CSV and XLSX for staff, with the
spreadsheet safeguards of prize_portal/site/spreadsheets.py. Judges reach no
export, so nothing here needs to hide a blind round's applicants."""

from collections.abc import Callable, Iterator

from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from judging.models import Review, ReviewScore, Round
from judging.selectors.conflicts import round_conflicts
from prize_portal.site.spreadsheets import Cell, download, seoul_iso

CONFLICT_COLUMNS = [
    gettext_lazy("Judge"),
    gettext_lazy("Judge's e-mail address"),
    gettext_lazy("Reference number"),
    gettext_lazy("Title in English"),
    gettext_lazy("Kind"),
    gettext_lazy("Reason"),
    gettext_lazy("Status"),
    gettext_lazy("Declared (Seoul time)"),
    gettext_lazy("Source"),
]

REVIEW_COLUMNS = [
    gettext_lazy("Reference number"),
    gettext_lazy("Title in English"),
    gettext_lazy("Category"),
    gettext_lazy("Track"),
    gettext_lazy("Judge"),
    gettext_lazy("Judge's e-mail address"),
    gettext_lazy("Assignment"),
    gettext_lazy("Review"),
    gettext_lazy("Submitted (Seoul time)"),
    gettext_lazy("Recommendation"),
    gettext_lazy("Criterion code"),
    gettext_lazy("Criterion"),
    gettext_lazy("Score"),
    gettext_lazy("Comment on the criterion"),
    gettext_lazy("Comment to the committee"),
]


def conflict_rows(round_: Round) -> Iterator[list[Cell]]:
    """The header, then the rows of the staff conflicts page."""
    yield [str(label) for label in CONFLICT_COLUMNS]
    for row in round_conflicts(round_):
        yield [
            row.judge.name,
            row.judge.email,
            row.entry.reference or "",
            row.entry.title_en,
            row.kind_label,
            row.reason,
            row.status_label,
            seoul_iso(row.declared_at),
            row.source,
        ]


def review_rows(round_: Round) -> Iterator[list[Cell]]:
    """The header, then one row per review and criterion (a screening review,
    which has no criteria, is one row), drafts and recused assignments included
    and marked as such; in one query per table whatever the round's size."""
    yield [str(label) for label in REVIEW_COLUMNS]
    scores = ReviewScore.objects.select_related("criterion").order_by("criterion__order", "criterion__code")
    reviews = (
        Review.objects.filter(assignment__round=round_)
        .select_related("assignment__entry__category", "assignment__entry__track", "assignment__judge")
        .prefetch_related(Prefetch("scores", queryset=scores))
        .order_by("assignment__entry__reference", "assignment__judge__email", "pk")
    )
    for review in reviews:
        assignment = review.assignment
        entry = assignment.entry
        common: list[Cell] = [
            entry.reference or "",
            entry.title_en,
            str(entry.category.name),
            str(entry.track.name) if entry.track else "",
            assignment.judge.name,
            assignment.judge.email,
            assignment.get_state_display(),
            review.get_state_display(),
            seoul_iso(review.submitted_at),
            review.get_recommendation_display() if review.recommendation else "",
        ]
        rows: list[ReviewScore | None] = [*review.scores.all()] or [None]
        for score in rows:
            yield [
                *common,
                score.criterion.code if score else "",
                str(score.criterion.name) if score else "",
                score.score if score and score.score is not None else "",
                score.comment if score else "",
                review.overall_comment,
            ]


PLACE_COLUMN = gettext_lazy("Place at a cut-off of %(cutoff)d (calibrated)")
RESULT_COLUMNS = [
    gettext_lazy("Category"),
    gettext_lazy("Reference number"),
    gettext_lazy("Title in English"),
    gettext_lazy("Reviews"),
    gettext_lazy("Rank (calibrated)"),
    gettext_lazy("Calibrated score"),
    gettext_lazy("90-percent interval, low"),
    gettext_lazy("90-percent interval, high"),
    PLACE_COLUMN,
    gettext_lazy("Rank (calibrated for bias only)"),
    gettext_lazy("Calibrated score (bias only)"),
    gettext_lazy("Rank (mean)"),
    gettext_lazy("Mean"),
    gettext_lazy("Rank (median)"),
    gettext_lazy("Median"),
    gettext_lazy("Rank (z-score)"),
    gettext_lazy("Z-score (50 + 10z)"),
    gettext_lazy("Spread"),
    gettext_lazy("Disagreement"),
    gettext_lazy("Below the minimum on"),
    gettext_lazy("Tie broken by"),
]


def result_rows(round_: Round) -> Iterator[list[Cell]]:
    """The header, then one row per entry with every method's rank and score
    (the engine's own numbers, rounded to 2 decimals), best calibrated first."""
    from categories.models import Category
    from judging.engine.ranking import Method, places
    from judging.selectors.ranking import round_results
    from judging.selectors.results import DEFAULT_CUTOFF, PLACE_LABELS
    from submissions.models import Entry

    yield [str(label) % {"cutoff": DEFAULT_CUTOFF} if label is PLACE_COLUMN else str(label) for label in RESULT_COLUMNS]
    results = round_results(round_)
    entries = {str(entry.pk): entry for entry in Entry.objects.filter(round_entries__round=round_)}
    names = dict(Category.objects.filter(pk__in=list(results)).values_list("pk", "name"))
    for category_id, category in results.items():
        by_method = {
            method: {result.entry: result for result in category.rankings[method].results} for method in Method
        }
        place_of = places(category.rankings[Method.CALIBRATED].results, DEFAULT_CUTOFF)
        for result in category.rankings[Method.CALIBRATED].results:
            entry = entries[result.entry]
            additive = by_method[Method.CALIBRATED_ADDITIVE][result.entry]
            mean = by_method[Method.MEAN][result.entry]
            median = by_method[Method.MEDIAN][result.entry]
            zscore = by_method[Method.ZSCORE][result.entry]
            yield [
                str(names.get(category_id, "")),
                entry.reference or "",
                entry.title_en,
                result.n_reviews,
                result.rank,
                round(result.score, 2),
                "" if result.ci_low is None else round(result.ci_low, 2),
                "" if result.ci_high is None else round(result.ci_high, 2),
                str(PLACE_LABELS[place_of[result.entry]]) if result.entry in place_of else "",
                additive.rank,
                round(additive.score, 2),
                mean.rank,
                round(mean.score, 2),
                median.rank,
                round(median.score, 2),
                zscore.rank,
                round(zscore.score, 2),
                round(result.spread, 2),
                str(_("Yes") if result.disagreement else _("No")),
                ", ".join(result.below_threshold),
                result.tie_break,
            ]


EXPORTS: dict[str, tuple[Callable[[Round], Iterator[list[Cell]]], str | Promise]] = {
    "conflicts": (conflict_rows, gettext_lazy("Conflicts")),
    "reviews": (review_rows, gettext_lazy("Reviews")),
    "results": (result_rows, gettext_lazy("Results")),
}


def round_export(round_: Round, kind: str, file_format: str) -> HttpResponse:
    """One of EXPORTS as a ``csv`` or ``xlsx`` download (ValueError for an unknown kind or format)."""
    if kind not in EXPORTS:
        raise ValueError(f"Unknown export {kind!r}")
    rows, title = EXPORTS[kind]
    return download(rows(round_), file_format=file_format, name=f"{kind}-round-{round_.pk}", title=str(title))
