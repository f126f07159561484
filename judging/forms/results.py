"""Forms of the results pages: the filters of the results table and the advancement of entries."""

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from categories.models import Category, Track
from judging.engine import ranking
from judging.enums import AdvancementRule
from judging.models import Round
from judging.selectors.results import DEFAULT_CUTOFF
from judging.selectors.rounds import target_rounds

Method = ranking.Method
METHOD_LABELS = {
    Method.CALIBRATED: gettext_lazy("Calibrated (judge bias and scale removed)"),
    Method.CALIBRATED_ADDITIVE: gettext_lazy("Calibrated for bias only"),
    Method.MEAN: gettext_lazy("Raw mean"),
    Method.MEDIAN: gettext_lazy("Median"),
    Method.ZSCORE: gettext_lazy("Normalised per judge (z-score)"),
}


def _track_choices(categories: list[Category], tracks: list[Track]) -> list[tuple[str, str]]:
    names = {category.pk: str(category.name) for category in categories}
    return [("", _("All tracks"))] + [
        (str(track.pk), f"{names.get(track.category_id, '')} · {track.name}") for track in tracks
    ]


class ResultsFilterForm(forms.Form):
    method = forms.ChoiceField(label=gettext_lazy("Ranking method"), required=False)
    category = forms.TypedChoiceField(label=gettext_lazy("Category"), coerce=int, required=False, empty_value=None)
    track = forms.TypedChoiceField(label=gettext_lazy("Track"), coerce=int, required=False, empty_value=None)
    cutoff = forms.IntegerField(
        label=gettext_lazy("Cut-off (places that count)"),
        initial=DEFAULT_CUTOFF,
        min_value=1,
        max_value=1000,
        required=False,
    )

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
            (AdvancementRule.TOP.value, gettext_lazy("The best N entries by calibrated score")),
            (
                AdvancementRule.THRESHOLD.value,
                gettext_lazy("Every entry with a calibrated score at or above a threshold"),
            ),
        ],
        initial=AdvancementRule.TOP.value,
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
        # Its own ids: the results page shows it beside the filter form, which also has a category and a track.
        kwargs.setdefault("auto_id", "id_advance_%s")
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
        if data.get("rule") == AdvancementRule.TOP and data.get("top") is None:
            self.add_error("top", _("Enter how many entries advance."))
        if data.get("rule") == AdvancementRule.THRESHOLD and data.get("threshold") is None:
            self.add_error("threshold", _("Enter the lowest calibrated score that advances."))
        return data
