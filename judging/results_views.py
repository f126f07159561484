"""The results of a round for the chair and staff (``judging.decide_awards``,
404 otherwise): per category, the ranking by each method with intervals,
disagreement, thresholds, tie-breaks and recommendations, three charts, and
for staff (``judging.manage_rounds``) the advancement of the best entries.

Conflicts of interest: a user who is not staff never sees an entry they are
in conflict with (declared, detected or recused): not its row, nor its
numbers in the charts or the judges' distributions."""

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any
from urllib.parse import urlencode

import rules
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_safe

from categories.models import Category, Criterion, Track
from submissions.models import Entry

from . import charts, facts, ranking
from .conflicts import conflicts_between
from .enums import CRITERION_TIE_BREAK_PREFIX, AssignmentState, Recommendation, ReviewState, TieBreak
from .errors import JudgingError
from .models import Assignment, Review, Round
from .results import CategoryResults, round_results
from .services import advancement_candidates, advancement_select, round_advance
from .services.advancement import Reason, Rule, target_rounds

View = Callable[..., HttpResponse]
Method = ranking.Method
NUMERIC_SORTS = ("mean", "zscore", "calibrated", "reviews", "spread")
SORTS = ("rank", "reference", *NUMERIC_SORTS)
RECOMMENDATION_WORDS = {
    Recommendation.STRONG_YES: gettext_lazy("strongly recommend"),
    Recommendation.YES: gettext_lazy("recommend"),
    Recommendation.UNDECIDED: gettext_lazy("undecided"),
    Recommendation.NO: gettext_lazy("do not recommend"),
    Recommendation.PASS: gettext_lazy("pass"),
    Recommendation.FAIL: gettext_lazy("fail"),
}
METHOD_LABELS = {
    Method.CALIBRATED: gettext_lazy("Calibrated (judge bias removed)"),
    Method.MEAN: gettext_lazy("Raw mean"),
    Method.MEDIAN: gettext_lazy("Median"),
    Method.ZSCORE: gettext_lazy("Normalised per judge (z-score)"),
}


def results_page(permission: str) -> Callable[[View], View]:
    """Signed in (else the sign-in page) and holding ``permission`` (else 404)."""

    def decorate(view: View) -> View:
        @wraps(view)
        @login_required
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.has_perm(permission):
                raise Http404
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


# Reads ---------------------------------------------------------------------------------------------------------------


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
    judges: list[charts.JudgeStrip] = field(default_factory=list)
    judge_chart: SafeString | None = None
    dumbbell_chart: SafeString | None = None
    spread_chart: SafeString | None = None

    @property
    def prefix(self) -> str:
        """Start of the ids of this section's charts and tables."""
        return f"category-{self.category.pk}"


def sees_everything(user: Any) -> bool:
    """Staff see every entry; the rule alone decides (no model-permission queries)."""
    return bool(rules.has_perm("judging.manage_rounds", user))


def hidden_entries(user: Any, round_: Round, entries: dict[int, Any]) -> set[int]:
    """Entries of the round the user may not see: none for staff; for anyone
    else those they are in conflict with or recused from (``entries`` carry a
    ``recused`` flag; a fixed number of queries)."""
    if sees_everything(user):
        return set()
    judge = facts.judge_conflict_facts([user.pk])[user.pk]
    hidden = {
        entry_id
        for entry_id, entry in facts.entry_conflict_facts(list(entries)).items()
        if conflicts_between(judge, entry, country_rule=round_.country_conflicts)
    }
    return hidden | {entry_id for entry_id, entry in entries.items() if entry.recused}


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


def round_entries(round_: Round, user: Any) -> dict[int, Entry]:
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
    if name == "interval_unavailable":
        return _("There are too few reviews to estimate the 90% intervals of the calibrated scores.")
    if name == "interval_approximate":
        return _("The 90% intervals of the calibrated scores are approximate (many judges).")
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
    user: Any,
    *,
    categories: list[Category],
    entries: dict[int, Entry],
    method: Method,
    sort: str,
    category_id: int | None,
    track_id: int | None,
) -> list[Section]:
    """The page's sections, one per category of the round (or the chosen one),
    in a fixed number of queries whatever the number of entries and reviews."""
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
        section.unreviewed = len(shown) - len(ordered)
        for place, result in enumerate(ordered, 1):
            entry = entries[int(result.entry)]
            calibrated = by_method[Method.CALIBRATED][result.entry]
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
                )
            )
        descending = sort.startswith("-")
        key = sort.lstrip("-")
        if key != "rank" or descending:
            section.rows.sort(key=lambda row: row.sort_value(key), reverse=descending)
        seen: set[str] = set()
        for m in (Method.CALIBRATED, Method.ZSCORE, Method.MEAN, Method.MEDIAN):
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


# Forms ---------------------------------------------------------------------------------------------------------------


def _track_choices(categories: list[Category], tracks: list[Track]) -> list[tuple[str, str]]:
    names = {category.pk: str(category.name) for category in categories}
    return [("", _("All tracks"))] + [
        (str(track.pk), f"{names.get(track.category_id, '')} · {track.name}") for track in tracks
    ]


class ResultsFilterForm(forms.Form):
    method = forms.ChoiceField(label=gettext_lazy("Ranking method"), required=False)
    category = forms.TypedChoiceField(label=gettext_lazy("Category"), coerce=int, required=False, empty_value=None)
    track = forms.TypedChoiceField(label=gettext_lazy("Track"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args: Any, categories: list[Category], tracks: list[Track], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        method: Any = self.fields["method"]
        method.choices = [(m.value, label) for m, label in METHOD_LABELS.items()]
        category: Any = self.fields["category"]
        category.choices = [("", _("All categories"))] + [(str(c.pk), str(c.name)) for c in categories]
        track: Any = self.fields["track"]
        track.choices = _track_choices(categories, tracks)


class AdvanceForm(forms.Form):
    category = forms.TypedChoiceField(label=gettext_lazy("Category"), coerce=int)
    track = forms.TypedChoiceField(label=gettext_lazy("Track"), coerce=int, required=False, empty_value=None)
    rule = forms.ChoiceField(
        label=gettext_lazy("Who advances"),
        widget=forms.RadioSelect,
        choices=[
            (Rule.TOP.value, gettext_lazy("The best N entries by calibrated score")),
            (Rule.THRESHOLD.value, gettext_lazy("Every entry with a calibrated score at or above a threshold")),
        ],
        initial=Rule.TOP.value,
    )
    top = forms.IntegerField(
        label=gettext_lazy("Number of entries (N)"),
        min_value=1,
        max_value=1000,
        required=False,
        help_text=gettext_lazy("Entries below a criterion's minimum never advance and take no place."),
    )
    threshold = forms.FloatField(
        label=gettext_lazy("Threshold (calibrated score, 0 to 100)"), min_value=0, max_value=100, required=False
    )
    target = forms.TypedChoiceField(label=gettext_lazy("Advance to"), coerce=int)
    notify = forms.BooleanField(
        label=gettext_lazy("E-mail the applicants their result"),
        required=False,
        help_text=gettext_lazy("Each applicant is written to in their own language, once."),
    )

    def __init__(
        self, *args: Any, round_: Round, categories: list[Category], tracks: list[Track], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        category: Any = self.fields["category"]
        category.choices = [(str(c.pk), str(c.name)) for c in categories]
        track: Any = self.fields["track"]
        track.choices = _track_choices(categories, tracks)
        self.targets = {target.pk: target for target in target_rounds(round_)}
        target: Any = self.fields["target"]
        target.choices = [(str(pk), str(r.name)) for pk, r in self.targets.items()]
        self.track_categories = {track.pk: track.category_id for track in tracks}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        track = data.get("track")
        if track is not None and self.track_categories.get(track) != data.get("category"):
            self.add_error("track", _("Choose a track of the chosen category."))
        if data.get("rule") == Rule.TOP and data.get("top") is None:
            self.add_error("top", _("Enter how many entries advance."))
        if data.get("rule") == Rule.THRESHOLD and data.get("threshold") is None:
            self.add_error("threshold", _("Enter the lowest calibrated score that advances."))
        return data


# Views ---------------------------------------------------------------------------------------------------------------


def _sort_links(request: HttpRequest, current: str) -> dict[str, dict[str, str]]:
    """For each sortable column, the link that sorts by it (toggling the
    direction when it is the current one) and its aria-sort value."""
    base = {key: value for key, value in request.GET.items() if key in ("method", "category", "track")}
    links = {}
    for key in SORTS:
        if current.lstrip("-") == key:
            target = key if current.startswith("-") else f"-{key}"
            aria = "descending" if current.startswith("-") else "ascending"
        else:
            target = f"-{key}" if key in NUMERIC_SORTS else key
            aria = ""
        links[key] = {"url": "?" + urlencode({**base, "sort": target}), "aria": aria}
    return links


@require_safe
@results_page("judging.decide_awards")
def round_results_page(request: HttpRequest, round_id: int) -> HttpResponse:
    round_: Round = get_object_or_404(Round.objects.select_related("cycle"), pk=round_id)
    categories = list(round_.categories.all())
    entries = round_entries(round_, request.user)
    tracks = entry_tracks(entries)
    filters = ResultsFilterForm(request.GET or None, categories=categories, tracks=tracks)
    data = filters.cleaned_data if filters.is_valid() else {}
    method = Method(data.get("method") or Method.CALIBRATED)
    sort = request.GET.get("sort", "rank")
    if sort.lstrip("-") not in SORTS:
        sort = "rank"
    sections = results_sections(
        round_,
        request.user,
        categories=categories,
        entries=entries,
        method=method,
        sort=sort,
        category_id=data.get("category"),
        track_id=data.get("track"),
    )
    is_staff = sees_everything(request.user)
    context = {
        "round": round_,
        "sections": sections,
        "filters": filters,
        "method": method,
        "method_label": METHOD_LABELS[method],
        "sort": _sort_links(request, sort),
        "is_staff": is_staff,
        "advance_form": AdvanceForm(round_=round_, categories=categories, tracks=tracks) if is_staff else None,
    }
    return render(request, "judging/results/round.html", context)


REASONS = {
    Reason.SELECTED: gettext_lazy("Advances"),
    Reason.ALREADY: gettext_lazy("Advanced already"),
    Reason.BELOW_THRESHOLD: gettext_lazy("Below the minimum on: %(criteria)s"),
    Reason.NOT_IN_TOP: gettext_lazy("Not among the best N"),
    Reason.BELOW_SCORE: gettext_lazy("Calibrated score below the threshold"),
    Reason.NO_REVIEWS: gettext_lazy("No submitted review"),
    Reason.STATUS: gettext_lazy("Cannot advance: %(status)s"),
}


def _explain(decision: Any, statuses: dict[str, str], criteria: dict[str, str]) -> str:
    candidate = decision.candidate
    return str(REASONS[decision.reason]) % {
        "criteria": ", ".join(criteria.get(code, code) for code in candidate.below_threshold),
        "status": statuses.get(candidate.status, candidate.status),
    }


@require_http_methods(["GET", "HEAD", "POST"])
@results_page("judging.manage_rounds")
def advance(request: HttpRequest, round_id: int) -> HttpResponse:
    """Preview who advances (GET with the form's values), then confirm (POST)."""
    round_: Round = get_object_or_404(Round.objects.select_related("cycle"), pk=round_id)
    categories = list(round_.categories.all())
    form = AdvanceForm(
        request.POST if request.method == "POST" else (request.GET or None),
        round_=round_,
        categories=categories,
        tracks=entry_tracks(round_entries(round_, request.user)),
    )
    if not form.is_valid():
        return render(request, "judging/results/advance.html", {"round": round_, "form": form})
    data = form.cleaned_data
    candidates = advancement_candidates(
        round_=round_, category_id=data["category"], track_id=data["track"], target_round_id=data["target"]
    )
    decisions = advancement_select(candidates, rule=Rule(data["rule"]), top=data["top"], threshold=data["threshold"])
    advancing = sorted(decision.candidate.entry_id for decision in decisions if decision.advances)
    preview_url = (
        reverse("judging_results:advance", args=[round_.pk])
        + "?"
        + urlencode(
            {
                key: "" if value is None else ("on" if value is True else value)
                for key, value in data.items()
                if value is not False
            }
        )
    )
    if request.method == "POST":
        previewed = sorted(int(value) for value in request.POST.getlist("entry") if value.isdigit())
        if previewed != advancing:
            messages.error(request, _("The results changed since the preview: check the list again, then confirm."))
            return HttpResponseRedirect(preview_url)
        try:
            outcome = round_advance(
                actor=request.user,
                round_id=round_.pk,
                target_round_id=data["target"],
                entry_ids=advancing,
                notify=data["notify"],
                category_id=data["category"],
                track_id=data["track"],
            )
        except JudgingError as error:
            messages.error(request, " ".join(error.messages))
            return HttpResponseRedirect(preview_url)
        if outcome.changed:
            messages.success(
                request,
                _("%(advanced)d entries advanced to %(round)s; %(closed)d closed for the cycle.")
                % {
                    "advanced": len(outcome.advanced),
                    "round": form.targets[data["target"]].name,
                    "closed": len(outcome.closed),
                },
            )
        else:
            messages.info(request, _("Nothing changed: this advancement had already been confirmed."))
        return HttpResponseRedirect(reverse("judging_results:round", args=[round_.pk]))
    statuses = dict(Entry._meta.get_field("status").choices or [])
    criteria = {
        criterion.code: str(criterion.name) for criterion in Criterion.objects.filter(category_id=data["category"])
    }
    rows = [
        {"candidate": decision.candidate, "advances": decision.advances, "why": _explain(decision, statuses, criteria)}
        for decision in decisions
    ]
    context = {
        "round": round_,
        "form": form,
        "advancing": [row for row in rows if row["advances"]],
        "staying": [row for row in rows if not row["advances"]],
        "entry_ids": advancing,
        "target": form.targets[data["target"]],
        "category": next(c for c in categories if c.pk == data["category"]),
    }
    return render(request, "judging/results/advance.html", context)
