"""The results of a round for the chair and staff (``judging.decide_awards``,
404 otherwise): per category, the ranking by each method with intervals,
disagreement, thresholds, tie-breaks and recommendations, three charts, and
for staff (``judging.manage_rounds``) the advancement of the best entries.

The reads (and the conflict-of-interest filtering) live in
``results_selectors``, the forms in ``results_forms``."""

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from judging.enums import AdvancementRule
from judging.errors import JudgingError
from judging.forms.results import METHOD_LABELS, AdvanceForm, ResultsFilterForm
from judging.models import Round
from judging.selectors.advancement import Reason, advancement_candidates, advancement_select
from judging.selectors.results import (
    DEFAULT_CUTOFF,
    Method,
    criterion_names,
    entry_tracks,
    results_sections,
    round_entries,
    sees_everything,
)
from judging.services import round_advance
from prize_portal.accounts.requests import AuthenticatedRequest
from prize_portal.site.decorators import page_for
from submissions.models import Entry

NUMERIC_SORTS = ("mean", "zscore", "calibrated", "reviews", "spread")
SORTS = ("rank", "reference", *NUMERIC_SORTS)


def _sort_links(request: HttpRequest, current: str) -> dict[str, dict[str, str]]:
    """For each sortable column, the link that sorts by it (toggling the
    direction when it is the current one) and its aria-sort value."""
    base = {key: value for key, value in request.GET.items() if key in ("method", "category", "track", "cutoff")}
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
@page_for("judging.decide_awards")
def round_results_page(request: AuthenticatedRequest, round_id: int) -> HttpResponse:
    round_: Round = get_object_or_404(Round.objects.select_related("cycle"), pk=round_id)
    categories = list(round_.categories.all())
    entries = round_entries(round_, request.user)
    tracks = entry_tracks(entries)
    filters = ResultsFilterForm(request.GET or None, categories=categories, tracks=tracks)
    filters.is_valid()
    data = getattr(filters, "cleaned_data", {})  # the fields that are valid: a bad cut-off keeps the method
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
        cutoff=data.get("cutoff") or DEFAULT_CUTOFF,
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
@page_for("judging.manage_rounds")
def advance(request: AuthenticatedRequest, round_id: int) -> HttpResponse:
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
    decisions = advancement_select(
        candidates, rule=AdvancementRule(data["rule"]), top=data["top"], threshold=data["threshold"]
    )
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
    criteria = criterion_names(data["category"])
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
