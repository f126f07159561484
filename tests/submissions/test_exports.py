from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import translation
from openpyxl import load_workbook

from submissions.exports import entries_csv, entries_xlsx
from submissions.models import Entry
from submissions.services import entry_save_draft, entry_submit
from tests.factories import BEFORE_DEADLINE, sign_in_staff, submit_entry, submit_with_a_hidden_answer

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client: Client) -> Client:
    sign_in_staff(client)
    return client


HEADER = [
    "Reference number",
    "Status",
    "Category",
    "Track",
    "Organisation (English)",
    "Organisation (own language)",
    "Applicant type",
    "Country",
    "City",
    "Language of the entry",
    "Title in English",
    "Last submitted (Seoul time)",
    "Versions submitted",
]


@pytest.fixture
def entries(project: Any) -> list[Entry]:
    """A Korean city's entry submitted twice, with formula-like text in every
    free field, and a Japanese corporation's draft."""
    seoul = submit_entry(
        project,
        email="seoul@example.org",
        name_en="@Seoul Metropolitan Government",
        name_native="+서울특별시",
        city="-Seoul",
        title='=HYPERLINK("https://evil.example","Click")',
        now=BEFORE_DEADLINE - timedelta(days=3),
    )
    entry_save_draft(
        entry_id=seoul.pk,
        user=seoul.owner,
        version=seoul.version,
        now=BEFORE_DEADLINE,
        fields={"language": "ko", "title_original": "어르신 디지털 동행", "summary_original": "태블릿과 강사."},
    )
    entry_submit(entry_id=seoul.pk, user=seoul.owner, now=BEFORE_DEADLINE)
    osaka = submit_entry(
        project,
        email="osaka@example.org",
        name_en="Osaka Tech",
        name_native="大阪テック株式会社",
        country="JP",
        type="corporation",
        city="Osaka",
        title="Safer crossings",
        track=1,
        submit=False,
    )
    seoul.refresh_from_db()
    return [seoul, osaka]


def _expected_rows(entries: list[Entry], project: Any) -> list[list[str]]:
    seoul, _osaka = entries
    first, second = project.tracks.all()
    return [
        HEADER,
        [
            seoul.reference,
            "Submitted",
            project.name,
            first.name,
            "'@Seoul Metropolitan Government",
            "'+서울특별시",
            "City or local government",
            "South Korea",
            "'-Seoul",
            "Korean",
            '\'=HYPERLINK("https://evil.example","Click")',
            "2030-05-28T23:59:59+09:00",
            "2",
        ],
        [
            "",
            "Draft",
            project.name,
            second.name,
            "Osaka Tech",
            "大阪テック株式会社",
            "Corporation",
            "Japan",
            "Osaka",
            "English",
            "Safer crossings",
            "",
            "0",
        ],
    ]


def _parse_csv(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")  # the BOM makes Excel read UTF-8
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def _parse_xlsx(content: bytes) -> list[list[Any]]:
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_csv_has_exact_values_in_utf8_with_formulas_neutralised(entries: list[Entry], project: Any) -> None:
    assert _parse_csv(entries_csv(Entry.objects.all())) == _expected_rows(entries, project)


def _typed(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:2] in ("=", "+", "-", "@") else value


def test_xlsx_has_the_same_values_as_text_not_formulas(entries: list[Entry], project: Any) -> None:
    content = entries_xlsx(Entry.objects.all())
    # The same values, text that starts like a formula as it was typed: written as text, no apostrophe.
    expected = [
        [int(value) if index == 12 and value.isdigit() else _typed(value) for index, value in enumerate(row)]
        for row in _expected_rows(entries, project)
    ]
    # Empty text cells come back from openpyxl as None.
    assert _parse_xlsx(content) == [[value if value != "" else None for value in row] for row in expected]
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    assert sheet.title == "Entries"
    assert sheet.freeze_panes == "A2"
    assert sheet["K2"].data_type == "s"  # the HYPERLINK "formula" stays text
    assert sheet["K2"].quotePrefix
    assert sheet["A1"].font.bold


def test_export_names_follow_the_active_language(entries: list[Entry]) -> None:
    with translation.override("ko"):
        rows = _parse_csv(entries_csv(Entry.objects.filter(pk=entries[0].pk)))
    assert (rows[1][7], rows[1][9]) == ("대한민국", "한국어")


@pytest.mark.parametrize("count", [1, 3])
def test_export_query_count_does_not_grow(project: Any, django_assert_num_queries: Any, count: int) -> None:
    for index in range(count):
        submit_entry(project, email=f"city{index}@example.org")
    with django_assert_num_queries(1):
        rows = _parse_csv(entries_csv(Entry.objects.all()))
    assert len(rows) == count + 1


@pytest.mark.parametrize(
    ("action", "parse"),
    [("export_csv", _parse_csv), ("export_xlsx", _parse_xlsx)],
)
def test_admin_export_of_filtered_changelist_selection(
    staff_client: Client, entries: list[Entry], project: Any, action: str, parse: Any
) -> None:
    _seoul, osaka = entries
    # "Select all" over the list filtered to Japan exports the Japanese entry only.
    response = staff_client.post(
        "/en/admin/submissions/entry/?organisation__country=JP",
        {"action": action, "select_across": "1", "index": "0", "_selected_action": [osaka.pk]},
    )
    assert response.status_code == 200
    extension = action.removeprefix("export_")
    assert response["Content-Disposition"].startswith('attachment; filename="entries-')
    assert response["Content-Disposition"].endswith(f'.{extension}"')
    rows = parse(response.content)
    assert [row[4] for row in rows] == ["Organisation (English)", "Osaka Tech"]


def test_admin_export_of_ticked_entries_only(staff_client: Client, entries: list[Entry], project: Any) -> None:
    seoul, _osaka = entries
    response = staff_client.post(
        "/en/admin/submissions/entry/",
        {"action": "export_csv", "select_across": "0", "index": "0", "_selected_action": [seoul.pk]},
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert _parse_csv(response.content) == _expected_rows(entries, project)[:2]


def test_admin_export_not_open_to_applicants(client: Client, entries: list[Entry]) -> None:
    client.force_login(entries[0].owner)
    response = client.post(
        "/en/admin/submissions/entry/",
        {"action": "export_csv", "select_across": "1", "index": "0", "_selected_action": [entries[0].pk]},
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/en/admin/login/")


def test_exports_hold_no_answer_of_a_question_the_answers_hide(funded_project: Any) -> None:
    submit_with_a_hidden_answer(funded_project, email="mapo@example.org")
    rows = _parse_csv(entries_csv(Entry.objects.all())) + _parse_xlsx(entries_xlsx(Entry.objects.all()))
    assert len(rows) == 4
    assert not [cell for row in rows for cell in row if "Hana" in str(cell)]
