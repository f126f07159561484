"""Decisions of a final round: the chair and staff give award levels with a
citation in each language, lock them, and unlock one on the record. Entries a
viewer is in conflict with are neither listed nor decidable by them."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from categories.models import AwardLevel
from judging import services
from judging.enums import RoundKind
from judging.forms.decisions import DecisionForm, SpecialMentionForm, UnlockForm
from judging.models import Award, Round
from judging.selectors.results import hidden_entries, round_entries, special_mention_candidates
from prize_portal.accounts.requests import AuthenticatedRequest
from prize_portal.site.decorators import page_for


def _final_round(round_id: int) -> Round:
    round_ = Round.objects.select_related("cycle").filter(pk=round_id, kind=RoundKind.FINAL).first()
    if round_ is None:
        raise Http404
    return round_


def _visible_entries(request: AuthenticatedRequest, round_: Round) -> dict[int, Any]:
    entries = round_entries(round_, request.user)
    hidden = hidden_entries(request.user, round_, entries)
    return {entry_id: entry for entry_id, entry in entries.items() if entry_id not in hidden}


@require_http_methods(["GET", "HEAD"])
@page_for("judging.decide_awards")
def decisions(request: AuthenticatedRequest, round_id: int) -> HttpResponse:
    round_ = _final_round(round_id)
    entries = _visible_entries(request, round_)
    awards = {
        award.entry_id: award
        for award in Award.objects.filter(cycle=round_.cycle, entry_id__in=list(entries)).select_related("level")
    }
    rows = [{"entry": entry, "award": awards.get(entry_id)} for entry_id, entry in entries.items()]
    rows.sort(key=lambda row: (row["entry"].category_id, row["entry"].reference or ""))
    specials = Award.objects.filter(cycle=round_.cycle, special_mention=True).select_related("entry", "level")
    candidates = special_mention_candidates(request.user, round_)
    visible = set(candidates.values_list("pk", flat=True))
    context = {
        "round": round_,
        "rows": rows,
        "can_lock": any(row["award"] is not None and not row["award"].is_locked for row in rows),
        "specials": [award for award in specials if award.entry_id in visible],
        "special_form": SpecialMentionForm(levels=_cycle_levels(round_), entries=candidates),
        "unlock_form": UnlockForm(),
        "is_staff": request.user.has_perm("judging.manage_rounds"),
    }
    return render(request, "judging/decisions/decisions.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@page_for("judging.decide_awards")
def decide(request: AuthenticatedRequest, round_id: int, entry_id: int) -> HttpResponse:
    round_ = _final_round(round_id)
    entry = _visible_entries(request, round_).get(entry_id)
    if entry is None:
        raise Http404
    award = Award.objects.filter(cycle=round_.cycle, entry=entry).first()
    levels = AwardLevel.objects.filter(cycle=round_.cycle, categories=entry.category_id).order_by("order", "code")
    initial: dict[str, Any] = {"level": award.level_id} if award else {}
    if award:
        initial |= {
            f"citation_{code}": getattr(award, f"citation_{code.replace('-', '_')}", "") or ""
            for code, _n in settings.LANGUAGES
        }
    form = DecisionForm(request.POST or None, levels=levels, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.award_decide(
                actor=request.user,
                entry_id=entry.pk,
                level_id=form.cleaned_data["level"].pk,
                citation=form.citation(),
                round_id=round_.pk,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The decision on %(entry)s has been saved.") % {"entry": entry.reference})
            return redirect("judging_results:decisions", round_.pk)
    context = {
        "round": round_,
        "entry": entry,
        "award": award,
        "form": form,
        "is_staff": request.user.has_perm("judging.manage_rounds"),
    }
    return render(request, "judging/decisions/decide.html", context)


def _cycle_levels(round_: Round) -> Any:
    return AwardLevel.objects.filter(cycle=round_.cycle).order_by("order", "code")


@require_POST
@page_for("judging.decide_awards")
def special_mention(request: AuthenticatedRequest, round_id: int) -> HttpResponse:
    round_ = _final_round(round_id)
    form = SpecialMentionForm(
        request.POST, levels=_cycle_levels(round_), entries=special_mention_candidates(request.user, round_)
    )
    if not form.is_valid():
        messages.error(request, " ".join(str(error) for errors in form.errors.values() for error in errors))
        return redirect("judging_results:decisions", round_.pk)
    try:
        services.award_decide(
            actor=request.user,
            entry_id=form.cleaned_data["entry"].pk,
            level_id=form.cleaned_data["level"].pk,
            citation=form.citation(),
            special_mention=True,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The special mention has been saved."))
    return redirect("judging_results:decisions", round_.pk)


@require_POST
@page_for("judging.decide_awards")
def lock(request: AuthenticatedRequest, round_id: int) -> HttpResponse:
    round_ = _final_round(round_id)
    locked = services.awards_lock(actor=request.user, cycle_id=round_.cycle_id)
    messages.success(
        request, ngettext("%(count)d decision locked.", "%(count)d decisions locked.", locked) % {"count": locked}
    )
    return redirect("judging_results:decisions", round_.pk)


@require_POST
@page_for("judging.decide_awards")
def unlock(request: AuthenticatedRequest, round_id: int, award_id: int) -> HttpResponse:
    round_ = _final_round(round_id)
    entries = _visible_entries(request, round_)
    award = Award.objects.filter(pk=award_id, cycle=round_.cycle, entry_id__in=list(entries)).first()
    if award is None:
        raise Http404
    form = UnlockForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason for unlocking."))
    else:
        try:
            services.award_unlock(actor=request.user, award_id=award.pk, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The decision is unlocked; the reason has been recorded."))
    return redirect("judging_results:decisions", round_.pk)
