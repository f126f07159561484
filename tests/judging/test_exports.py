"""Staff exports of a round: reviews (one row per review and criterion) and
conflicts, as CSV and XLSX with the same cells."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from judging import services
from tests.factories import assign, give_totp, make_judge, submit_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed(scored_round: Any, entry: Any, staff: Any, criteria: Any) -> Any:
    first = make_judge("ana@univ-a.example", name="Ana")
    second = make_judge("bo@univ-b.example", name="Bo")
    done = assign(scored_round, entry, first, actor=staff)
    draft = assign(scored_round, entry, second, actor=staff)
    value, implementation = criteria
    services.review_submit(
        judge=first,
        assignment_id=done.pk,
        version=0,
        scores={value.pk: 4, implementation.pk: 9},
        comments={value.pk: "=SUM(A1)"},
        overall_comment="Strong",
        recommendation="yes",
    )
    services.review_save_draft(judge=second, assignment_id=draft.pk, version=0, scores={value.pk: 2})
    other = submit_entry(scored_round.categories.get(), email="x@other-city.example", name_en="Other City")
    assign(scored_round, other, first, actor=staff)  # assigned, no review yet: not exported
    return scored_round


def _rows(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_reviews_csv_has_one_row_per_review_and_criterion(client: Client, reviewed: Any, staff: Any) -> None:
    give_totp(staff)
    client.force_login(staff)
    response = client.get(reverse("judging_staff:export", args=[reviewed.pk, "reviews", "csv"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = _rows(response.content)
    assert rows[0][:3] == ["Reference number", "Title in English", "Category"]
    body = [[row[4], row[7], row[9], row[10], row[12], row[13], row[14]] for row in rows[1:]]
    assert body == [
        ["Ana", "Submitted", "Recommend", "value", "4", "'=SUM(A1)", "Strong"],
        ["Ana", "Submitted", "Recommend", "implementation", "9", "", "Strong"],
        ["Bo", "Draft", "", "value", "2", "", ""],
        ["Bo", "Draft", "", "implementation", "", "", ""],
    ]
    assert {row[0] for row in rows[1:]} == {"SSCP-2030-P-0001"}


def test_reviews_xlsx_holds_the_same_cells(client: Client, reviewed: Any, staff: Any) -> None:
    from openpyxl import load_workbook

    give_totp(staff)
    client.force_login(staff)
    csv_rows = _rows(client.get(reverse("judging_staff:export", args=[reviewed.pk, "reviews", "csv"])).content)
    response = client.get(reverse("judging_staff:export", args=[reviewed.pk, "reviews", "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    assert sheet.title == "Reviews"
    xlsx_rows = [["" if value is None else str(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    # The same cells; text that starts like a formula is kept as text in XLSX, without the CSV's apostrophe.
    assert xlsx_rows == [
        [cell.replace("'=", "=", 1) if cell.startswith("'=") else cell for cell in row] for row in csv_rows
    ]


def test_unknown_export_is_404(client: Client, reviewed: Any, staff: Any) -> None:
    give_totp(staff)
    client.force_login(staff)
    assert client.get(reverse("judging_staff:export", args=[reviewed.pk, "judges", "csv"])).status_code == 404
    assert client.get(reverse("judging_staff:export", args=[reviewed.pk, "reviews", "pdf"])).status_code == 404


def test_results_csv_has_every_method_per_entry(client: Client, reviewed: Any, staff: Any) -> None:
    from judging.engine.ranking import Method
    from judging.selectors.ranking import round_results

    give_totp(staff)
    client.force_login(staff)
    rows = _rows(client.get(reverse("judging_staff:export", args=[reviewed.pk, "results", "csv"])).content)
    assert rows[0][:6] == [
        "Category",
        "Reference number",
        "Title in English",
        "Reviews",
        "Rank (calibrated)",
        "Calibrated score",
    ]
    [category] = round_results(reviewed).values()
    [expected] = category.rankings[Method.CALIBRATED].results
    mean = category.rankings[Method.MEAN].results[0]
    assert len(rows) == 2  # one entry has a submitted review
    assert rows[1][1] == "SSCP-2030-P-0001"
    assert rows[1][3:6] == ["1", "1", f"{round(expected.score, 2)}"]
    assert rows[0][8:12] == [
        "Place at a cut-off of 10 (calibrated)",
        "Rank (calibrated for bias only)",
        "Calibrated score (bias only)",
        "Rank (mean)",
    ]
    assert rows[1][8] == ""  # one review: no interval, so no place
    assert rows[1][12] == f"{round(mean.score, 2)}"
