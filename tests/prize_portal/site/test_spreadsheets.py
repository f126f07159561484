"""Spreadsheet cells (prize_portal/site/spreadsheets.py): text that a
spreadsheet would run as a formula is neutralised, nothing else."""

from __future__ import annotations

from typing import Any

import pytest

from prize_portal.site.spreadsheets import neutralise


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
