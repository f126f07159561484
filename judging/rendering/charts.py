"""Small server-side SVG charts of a round's results, drawn on the 0-100 scale
of review totals: one row per judge or entry. No script and no inline
style (the CSP forbids both): the look comes from classes in
static/css/judging_results.css. Each chart is an ``<svg role="img">``
labelled by the figure's caption; the page puts the same numbers in a table
below it for screen readers and for reading exact values."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.template.defaultfilters import floatformat
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH = 720
LABEL_WIDTH = 210  # the row labels, left of the plot
VALUE_WIDTH = 80  # a number at the right of each row
ROW_HEIGHT = 26
TOP = 44  # legend and axis labels
BOTTOM = 8
TICKS = (0, 25, 50, 75, 100)
LABEL_CHARACTERS = 30


@dataclass(frozen=True)
class JudgeStrip:
    """A judge's review totals in the round, and their mean (harshness at a glance)."""

    label: str
    totals: tuple[float, ...]
    mean: float


@dataclass(frozen=True)
class Dumbbell:
    """An entry's raw mean and calibrated score."""

    label: str
    raw: float
    calibrated: float


@dataclass(frozen=True)
class Spread:
    """An entry's review totals, from lowest to highest; ``flagged`` when the judges disagree."""

    label: str
    totals: tuple[float, ...]
    flagged: bool

    @property
    def width(self) -> float:
        return max(self.totals) - min(self.totals)


def _x(value: float) -> float:
    value = min(max(value, 0.0), 100.0)
    return round(LABEL_WIDTH + value / 100 * (WIDTH - LABEL_WIDTH - VALUE_WIDTH), 2)


def _number(value: float) -> str:
    """One decimal, rounded like the tables (number_format would cut the digits off)."""
    return str(floatformat(value, 1))


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1] + "…"


def _frame(rows: int, labelledby: str, legend: Sequence[tuple[str, str]], body: Sequence[str]) -> SafeString:
    """The svg element with its axis, grid and legend around ``body`` (already escaped)."""
    height = TOP + rows * ROW_HEIGHT + BOTTOM
    parts: list[str] = [
        format_html(
            '<svg class="chart" viewBox="0 0 {} {}" width="{}" height="{}" role="img" aria-labelledby="{}" '
            'focusable="false" xmlns="http://www.w3.org/2000/svg">',
            WIDTH,
            height,
            WIDTH,
            height,
            labelledby,
        )
    ]
    x = LABEL_WIDTH
    for css_class, text in legend:
        parts.append(_legend_mark(css_class, x, 12))
        parts.append(format_html('<text class="chart-legend" x="{}" y="16">{}</text>', x + 12, text))
        x += 24 + 8 * len(text)
    for tick in TICKS:
        parts.append(
            format_html(
                '<line class="chart-grid" x1="{0}" x2="{0}" y1="{1}" y2="{2}"></line>'
                '<text class="chart-tick" x="{0}" y="{3}" text-anchor="middle">{4}</text>',
                _x(tick),
                TOP - 6,
                height - BOTTOM,
                TOP - 10,
                tick,
            )
        )
    parts.extend(body)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  (every part is escaped above)


def _legend_mark(css_class: str, x: float, y: float) -> str:
    if css_class == "mark-mean":
        return format_html('<line class="mark-mean" x1="{0}" x2="{0}" y1="{1}" y2="{2}"></line>', x + 4, y - 7, y + 7)
    if css_class.startswith("mark-range"):
        return format_html('<line class="{0}" x1="{1}" x2="{2}" y1="{3}" y2="{3}"></line>', css_class, x - 4, x + 8, y)
    return format_html('<circle class="{}" cx="{}" cy="{}" r="5"></circle>', css_class, x + 4, y)


def _label(row: int, text: str, value: str) -> str:
    y = TOP + row * ROW_HEIGHT + ROW_HEIGHT / 2
    return format_html(
        '<text class="chart-label" x="{}" y="{}" text-anchor="end" dominant-baseline="middle">'
        "<title>{}</title>{}</text>"
        '<text class="chart-value" x="{}" y="{}" dominant-baseline="middle" text-anchor="end">{}</text>',
        LABEL_WIDTH - 10,
        y,
        text,
        _short(text),
        WIDTH - 4,
        y,
        value,
    )


def _middle(row: int) -> float:
    return TOP + row * ROW_HEIGHT + ROW_HEIGHT / 2


def judge_strips(rows: Sequence[JudgeStrip], *, labelledby: str) -> SafeString:
    """One strip per judge: a dot per review total and a bar at their mean."""
    body: list[str] = []
    for row, strip in enumerate(rows):
        y = _middle(row)
        body.append(
            format_html('<line class="chart-row" x1="{0}" x2="{1}" y1="{2}" y2="{2}"></line>', _x(0), _x(100), y)
        )
        for total in strip.totals:
            body.append(format_html('<circle class="mark-review" cx="{}" cy="{}" r="5"></circle>', _x(total), y))
        body.append(
            format_html(
                '<line class="mark-mean" x1="{0}" x2="{0}" y1="{1}" y2="{2}"></line>',
                _x(strip.mean),
                y - ROW_HEIGHT / 2 + 3,
                y + ROW_HEIGHT / 2 - 3,
            )
        )
        body.append(_label(row, strip.label, _number(strip.mean)))
    legend = [("mark-review", _("one review")), ("mark-mean", _("the judge's mean"))]
    return _frame(len(rows), labelledby, legend, body)


def dumbbells(rows: Sequence[Dumbbell], *, labelledby: str) -> SafeString:
    """One row per entry: the raw mean (open circle) joined to the calibrated score (filled circle)."""
    body: list[str] = []
    for row, item in enumerate(rows):
        y = _middle(row)
        body.append(
            format_html(
                '<line class="mark-link" x1="{0}" x2="{1}" y1="{2}" y2="{2}"></line>'
                '<circle class="mark-raw" cx="{0}" cy="{2}" r="5"></circle>'
                '<circle class="mark-calibrated" cx="{1}" cy="{2}" r="5"></circle>',
                _x(item.raw),
                _x(item.calibrated),
                y,
            )
        )
        body.append(_label(row, item.label, _number(item.calibrated)))
    legend = [("mark-raw", _("raw mean")), ("mark-calibrated", _("calibrated score"))]
    return _frame(len(rows), labelledby, legend, body)


def spreads(rows: Sequence[Spread], *, labelledby: str) -> SafeString:
    """One row per entry: a bar from its lowest to its highest review total, a
    dot per total; disagreements drawn in the warning colour and marked ⚠."""
    body: list[str] = []
    for row, item in enumerate(rows):
        y = _middle(row)
        css_class = "mark-range mark-range--flag" if item.flagged else "mark-range"
        body.append(
            format_html(
                '<line class="{0}" x1="{1}" x2="{2}" y1="{3}" y2="{3}"></line>',
                css_class,
                _x(min(item.totals)),
                _x(max(item.totals)),
                y,
            )
        )
        for total in item.totals:
            body.append(format_html('<circle class="mark-review" cx="{}" cy="{}" r="4"></circle>', _x(total), y))
        value = ("⚠ " if item.flagged else "") + _number(item.width)
        body.append(_label(row, item.label, value))
    legend = [("mark-review", _("one review")), ("mark-range mark-range--flag", _("⚠ the judges disagree"))]
    return _frame(len(rows), labelledby, legend, body)


__all__ = ["Dumbbell", "JudgeStrip", "Spread", "dumbbells", "judge_strips", "spreads"]
