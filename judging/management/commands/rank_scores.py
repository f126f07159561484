"""``manage.py rank_scores``: rank entries from a CSV of criterion scores with
the judging engine (judging/engine/ranking/, whose docstring states the method), CSV out. No database.

    manage.py rank_scores --scores scores.csv --criteria criteria.csv [--method calibrated]
        [--tie-breaks criterion:value,more_reviews] [--ridge 1] [--disagreement 25] [--cutoff 42]
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from judging.engine.ranking import (
    DEFAULT_TIE_BREAKS,
    CriterionSpec,
    Method,
    Place,
    Ranking,
    RankingInputError,
    Score,
    check_criteria,
    places,
    rank,
)
from prize_portal.site.spreadsheets import neutralise

SCORE_COLUMNS = ("entry", "judge", "criterion", "score")
CRITERION_COLUMNS = ("criterion", "weight", "min", "max")
OUTPUT_COLUMNS = ("rank", "entry", "score", "ci_low", "ci_high", "n_reviews", "disagreement", "place", "flags")
CENT = Decimal("0.01")
OPTION_OF = {
    "tie_break": "--tie-breaks",
    "ridge": "--ridge",
    "cutoff": "--cutoff",
}  # RankingInputError.item -> the option at fault


@dataclass(frozen=True)
class Row:
    """One data row of an input file: its row number (the header is row 1) and its cells by column."""

    number: int
    cells: dict[str, str]


def read_rows(path: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> list[Row]:
    """The data rows of a UTF-8 CSV (a byte-order mark is accepted), blank rows
    skipped; CommandError naming the file (and the row) when it cannot be read,
    is empty or lacks a column."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise CommandError(f"{path}: cannot open the file ({error.strerror})") from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CommandError(f"{path} row {line}: not UTF-8 text") from error
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            raise CommandError(f"{path}: the file is empty")
        columns = [name.strip().lower() for name in header]
        missing = [column for column in required if column not in columns]
        if missing:
            names = ", ".join(f'"{column}"' for column in missing)
            raise CommandError(f"{path} row 1: missing column{'s' if len(missing) > 1 else ''} {names}")
        wanted = {column: columns.index(column) for column in (*required, *optional) if column in columns}
        rows = [
            Row(reader.line_num, {column: cells[n].strip() if n < len(cells) else "" for column, n in wanted.items()})
            for cells in reader
            if any(value.strip() for value in cells)
        ]
    except csv.Error as error:
        raise CommandError(f"{path} row {reader.line_num}: not readable as CSV ({error})") from error
    if not rows:
        raise CommandError(f"{path}: no data rows after the header")
    return rows


def cell(path: str, row: Row, column: str) -> str:
    value = row.cells[column]
    if not value:
        raise CommandError(f'{path} row {row.number}: no value for "{column}"')
    return value


def number(path: str, row: Row, column: str) -> float:
    text = cell(path, row, column)
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise CommandError(f'{path} row {row.number}: {column} "{text}" is not a number')
    return value


def two_decimals(value: float | None) -> str:
    """12.345 -> "12.35" (half up on the float's exact value); None -> ""."""
    if value is None:
        return ""
    return str(Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP) + 0)  # + 0 turns -0.00 into 0.00


def flags(ranking: Ranking, index: int) -> str:
    result = ranking.results[index]
    found = ["disagreement"] if result.disagreement else []
    found += [f"below:{code}" for code in result.below_threshold]
    if result.tie_break:
        found.append(f"tie:{result.tie_break}")
    if result.component and ranking.components > 1:
        found.append(f"component:{result.component}")
    return ";".join(found)


def output_rows(ranking: Ranking, place_of: dict[str, Place]) -> Iterator[list[str]]:
    yield list(OUTPUT_COLUMNS)
    for index, result in enumerate(ranking.results):
        yield [
            str(result.rank),
            str(neutralise(result.entry)),
            two_decimals(result.score),
            two_decimals(result.ci_low),
            two_decimals(result.ci_high),
            str(result.n_reviews),
            two_decimals(result.spread),
            place_of[result.entry].value if result.entry in place_of else "",
            flags(ranking, index),
        ]


class Command(BaseCommand):
    help = (
        "Rank entries from a CSV of criterion scores and print the ranking as CSV: "
        "rank,entry,score,ci_low,ci_high,n_reviews,disagreement,place,flags, best first. "
        "A review's total is the weighted mean of its criterion scores on 0-100. Methods: mean and median "
        "of the entry's totals; zscore, each judge's totals standardised by the judge's mean and spread; "
        "calibrated (the default), a bias and a gain per judge: each judge's totals are put on the judge's "
        "own scale (mean 0, standard deviation 1) and fitted as bias + gain x quality, the bias shrunk "
        "towards 0 and the gain towards 1 by --ridge (worth that many reviews), so that a judge who is "
        "harsher, more lenient, or who spreads scores wider or narrower than the others does not move the "
        "order; a judge with fewer than 5 reviews keeps gain 1 (warning); calibrated_additive, a bias per "
        "judge only (total = quality + bias). Both calibrated methods are fitted per connected group of "
        "judges and entries. score is the method's score (0-100; zscore as 50 + 10z); ci_low/ci_high the "
        "90% interval (calibrated methods only, empty otherwise); disagreement the spread (max - min) of the "
        "entry's review totals on 0-100; place, with --cutoff K: settled_in (interval wholly above those of "
        "every entry outside the first K), settled_out (wholly below those of every entry inside), too_close "
        "(neither: discuss before drawing the line), empty without intervals; flags, separated by ';': "
        "'disagreement' (spread at or above --disagreement), "
        "'below:<criterion>' (mean under the criterion's threshold: not advancing), 'tie:<rule>' (the "
        "tie-break rule that placed the entry below an equal score), 'component:<n>' (calibrated, when "
        "the judge-entry graph is disconnected). Numbers have 2 decimals. Warnings go to standard error. "
        "Bad input stops with one line naming the file and row. Needs no database."
    )
    requires_system_checks: list[str] = []  # reads files only
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scores",
            required=True,
            help="CSV (UTF-8) with the header entry,judge,criterion,score: one row per criterion score.",
        )
        parser.add_argument(
            "--criteria",
            required=True,
            help=(
                "CSV (UTF-8) with the header criterion,weight,min,max and an optional threshold column "
                "(the lowest mean score on the criterion that still advances; empty for none)."
            ),
        )
        parser.add_argument(
            "--method",
            choices=[method.value for method in Method],
            default=Method.CALIBRATED.value,
            help="Judging method (default calibrated).",
        )
        parser.add_argument(
            "--tie-breaks",
            help=(
                "Comma-separated rules, first rule first: criterion:<code>, more_reviews, higher_median, entry "
                f"(earlier_submission needs submission times, which the files do not hold). "
                f"Default: {','.join(DEFAULT_TIE_BREAKS)}."
            ),
        )
        parser.add_argument(
            "--ridge", type=float, default=1.0, help="λ, the shrinkage of both calibrated methods (default 1)."
        )
        parser.add_argument(
            "--cutoff",
            type=int,
            help="K, the number of places that count (finalists, awards): fills the place column.",
        )
        parser.add_argument(
            "--disagreement", type=float, default=25.0, help="Spread that flags disagreement (default 25 points)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        scores_path, criteria_path = options["scores"], options["criteria"]
        criteria_rows = read_rows(criteria_path, CRITERION_COLUMNS, optional=("threshold",))
        criteria = [
            CriterionSpec(
                code=cell(criteria_path, row, "criterion"),
                weight=number(criteria_path, row, "weight"),
                low=number(criteria_path, row, "min"),
                high=number(criteria_path, row, "max"),
                threshold=number(criteria_path, row, "threshold") if row.cells.get("threshold") else None,
            )
            for row in criteria_rows
        ]
        try:
            check_criteria(criteria)
        except RankingInputError as error:
            raise CommandError(self._where(criteria_path, criteria_rows, error)) from error

        codes = {spec.code for spec in criteria}
        score_rows = read_rows(scores_path, SCORE_COLUMNS)
        scores = []
        for row in score_rows:
            code = cell(scores_path, row, "criterion")
            if code not in codes:
                raise CommandError(f'{scores_path} row {row.number}: criterion "{code}" is not in {criteria_path}')
            scores.append(
                Score(
                    cell(scores_path, row, "entry"),
                    cell(scores_path, row, "judge"),
                    code,
                    number(scores_path, row, "score"),
                )
            )
        tie_breaks = DEFAULT_TIE_BREAKS
        if options["tie_breaks"] is not None:
            tie_breaks = tuple(rule.strip() for rule in options["tie_breaks"].split(",") if rule.strip())
        try:
            ranking = rank(
                scores,
                criteria,
                method=Method(options["method"]),
                tie_breaks=tie_breaks,
                disagreement_threshold=options["disagreement"],
                ridge=options["ridge"],
            )
            place_of = places(ranking.results, options["cutoff"]) if options["cutoff"] is not None else {}
        except RankingInputError as error:
            if error.item == "score":
                raise CommandError(self._where(scores_path, score_rows, error)) from error
            raise CommandError(f"{OPTION_OF.get(error.item, error.item)}: {error.problem}") from error

        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(output_rows(ranking, place_of))
        self.stdout.write(buffer.getvalue(), ending="")
        for warning in ranking.warnings:
            self.stderr.write(f"warning: {warning}")

    @staticmethod
    def _where(path: str, rows: list[Row], error: RankingInputError) -> str:
        if error.index is None:
            return f"{path}: {error.problem}"
        return f"{path} row {rows[error.index].number}: {error.problem}"
