"""Spreadsheet cells (prize_portal/site/spreadsheets.py): text that a
spreadsheet would run as a formula is neutralised, nothing else."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest
from openpyxl import load_workbook

from prize_portal.site.spreadsheets import FORMULA_STARTS, neutralise, rows_csv, rows_xlsx


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+82 2 120", "'+82 2 120"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Seoul = smart", "Seoul = smart"),
        ("서울", "서울"),
        (-2, -2),
        (3, 3),
    ],
)
def test_neutralise_only_text_that_starts_like_a_formula(value: Any, expected: Any) -> None:
    assert neutralise(value) == expected


HOSTILE = ["Mina Park;=1+1;@SUM(1+1)", "=1+1", "+82 2 120", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", ";=HYPERLINK(1)"]


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_cells_are_quoted_so_no_separator_turns_one_into_a_formula(delimiter: str) -> None:
    content = rows_csv([["name"], *([value] for value in HOSTILE)]).decode("utf-8-sig")
    assert re.fullmatch(r'("([^"]|"")*"(,|\r\n))+', content)  # every cell quoted
    # Read as Excel would with either separator: no cell starts like a formula.
    cells = [cell for row in csv.reader(io.StringIO(content), delimiter=delimiter) for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    assert "'Mina Park;=1+1;@SUM(1+1)" not in cells  # a name is not changed when it does not start like one
    assert "Mina Park;=1+1;@SUM(1+1)" in cells  # quoted: one cell whatever the separator


def test_xlsx_writes_formula_like_text_as_text_without_an_apostrophe() -> None:
    sheet = load_workbook(io.BytesIO(rows_xlsx([["name"], *([value] for value in HOSTILE)], "t"))).active
    assert sheet is not None
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    # A carriage return comes back as written (lxml) or as a line feed (XML's line-end rule, without it).
    assert [cell.value.replace("\r", "\n") for cell in cells] == [value.replace("\r", "\n") for value in HOSTILE]
    assert {cell.data_type for cell in cells} == {"s"}
    assert all(cell.quotePrefix for cell in cells if cell.value.startswith(FORMULA_STARTS))
