"""The content exchanged with outside translators: a sheet per language,
filled in and imported back."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import Workbook, load_workbook

from categories.exchange import read_translation_sheet, translation_rows
from categories.models import Category, Criterion, Cycle
from categories.selectors import content_texts
from categories.services import content_translations_import
from prize_portal.accounts.roles import Role
from prize_portal.audit.models import AuditEvent
from prize_portal.site.spreadsheets import rows_xlsx
from tests.factories import give_totp, make_user

pytestmark = pytest.mark.django_db

PAGE = "/en/staff/content/translations/"


@pytest.fixture
def staff_client(client: Client) -> Client:
    staff = make_user(Role.STAFF, email="secretariat@example.org")
    give_totp(staff)
    client.force_login(staff)
    return client


def _sheet(language: str, edit: dict[str, str], cycle: Cycle) -> bytes:
    """The downloaded sheet with some translations changed, as a translator returns it."""
    rows = translation_rows(content_texts(cycle=cycle, language=language), language)
    for row in rows[1:]:
        if row[0] in edit:
            row[5] = edit[row[0]]
    return rows_xlsx(rows, "sheet")


def test_the_sheet_holds_every_text_with_its_translation(seeded_2026: Cycle) -> None:
    texts = content_texts(cycle=seeded_2026, language="ja")
    project = Category.objects.get(cycle=seeded_2026, code="project")
    row = next(text for text in texts if text.key == f"category:{project.pk}:name")
    assert (row.english, row.translation) == ("Project", project.name_ja)
    assert len(texts) > 300
    header = translation_rows(texts, "ja")[0]
    assert header[-1] == "Japanese (ja)"


def test_a_sheet_filled_in_and_imported_writes_its_translations(seeded_2026: Cycle) -> None:
    project = Category.objects.get(cycle=seeded_2026, code="project")
    criterion = Criterion.objects.filter(category=project).first()
    Category.objects.filter(pk=project.pk).update(name_fr="")
    data = _sheet(
        "fr", {f"category:{project.pk}:name": "  Projets ", f"criterion:{criterion.pk}:name": ""}, seeded_2026
    )
    language, rows = read_translation_sheet(io.BytesIO(data))
    assert language == "fr"
    staff = make_user(Role.STAFF, email="secretariat@example.org")
    report = content_translations_import(cycle=seeded_2026, language=language, rows=rows, actor=staff)
    assert (report.updated, report.empty, report.english_changed, report.unknown) == (1, 1, [], [])
    assert report.unchanged == len(rows) - 2
    project.refresh_from_db()
    criterion.refresh_from_db()
    assert project.name_fr == "Projets"
    assert criterion.name_fr  # an empty cell never erases a translation
    event = AuditEvent.objects.get(action="content.import_translations")
    assert event.after == {"language": "fr", "updated": 1, "english_changed": 0}


def test_a_row_whose_english_changed_since_is_not_imported(seeded_2026: Cycle) -> None:
    project = Category.objects.get(cycle=seeded_2026, code="project")
    data = _sheet("es", {f"category:{project.pk}:name": "Proyectos"}, seeded_2026)
    Category.objects.filter(pk=project.pk).update(name_en="Projects")
    _language, rows = read_translation_sheet(io.BytesIO(data))
    report = content_translations_import(cycle=seeded_2026, language="es", rows=rows, actor=make_user(Role.STAFF))
    assert report.english_changed == [f"category:{project.pk}:name"]
    project.refresh_from_db()
    assert project.name_es == "Proyecto"


def test_an_invalid_translation_saves_nothing(seeded_2026: Cycle) -> None:
    project = Category.objects.get(cycle=seeded_2026, code="project")
    track = project.tracks.first()
    data = _sheet("ko", {f"category:{project.pk}:name": "x" * 201, f"track:{track.pk}:name": "새 이름"}, seeded_2026)
    _language, rows = read_translation_sheet(io.BytesIO(data))
    with pytest.raises(ValidationError) as error:
        content_translations_import(cycle=seeded_2026, language="ko", rows=rows, actor=make_user(Role.STAFF))
    assert f"category:{project.pk}:name" in error.value.messages[0]
    track.refresh_from_db()
    assert track.name_ko != "새 이름"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04 not really a workbook", "This is not a spreadsheet (.xlsx) downloaded from this page."),
        (b"Key,Kind\n", "This is not a spreadsheet (.xlsx) downloaded from this page."),
    ],
)
def test_a_file_that_is_not_the_sheet_is_refused(content: bytes, message: str) -> None:
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        read_translation_sheet(io.BytesIO(content))


def test_a_sheet_without_the_language_column_is_refused() -> None:
    workbook = Workbook()
    workbook.active.append(["Key", "Kind", "Name", "Field", "English", "Klingon"])  # type: ignore[union-attr]
    output = io.BytesIO()
    workbook.save(output)
    with pytest.raises(ValidationError, match="The first row should be the header"):
        read_translation_sheet(io.BytesIO(output.getvalue()))


def test_staff_download_a_sheet_and_import_it(staff_client: Client, seeded_2026: Cycle) -> None:
    page = staff_client.get(PAGE).content.decode()
    assert "/en/staff/content/translations/ja.xlsx?cycle=2026" in page
    response = staff_client.get("/en/staff/content/translations/zh-hans.xlsx?cycle=2026")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="content-2026-zh-hans-')
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["F1"].value == "Simplified Chinese (zh-hans)"
    project = Category.objects.get(cycle=seeded_2026, code="project")
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == f"category:{project.pk}:name":
            row[5].value = "项目类别"
    output = io.BytesIO()
    sheet.parent.save(output)
    upload = SimpleUploadedFile("content.xlsx", output.getvalue())
    response = staff_client.post(
        "/en/staff/content/translations/import/", {"cycle": "2026", "sheet": upload}, follow=True
    )
    assert "Translations imported: 1 written" in response.content.decode()
    project.refresh_from_db()
    assert project.name_zh_hans == "项目类别"


def test_a_bad_sheet_is_refused_with_a_message(staff_client: Client, seeded_2026: Cycle) -> None:
    upload = SimpleUploadedFile("content.xlsx", b"%PDF-1.4 not a sheet")
    response = staff_client.post(
        "/en/staff/content/translations/import/", {"cycle": "2026", "sheet": upload}, follow=True
    )
    assert "This is not a spreadsheet (.xlsx) downloaded from this page." in response.content.decode()


@pytest.mark.parametrize("role", [Role.APPLICANT, Role.JUDGE])
def test_only_staff_exchange_sheets(client: Client, seeded_2026: Cycle, role: Any) -> None:
    user = make_user(role, email=f"{role.value}@example.org")
    give_totp(user)
    client.force_login(user)
    assert client.get("/en/staff/content/translations/ja.xlsx").status_code == 404
    upload = SimpleUploadedFile("content.xlsx", _sheet("ja", {}, seeded_2026))
    assert client.post("/en/staff/content/translations/import/", {"sheet": upload}).status_code == 404
    assert client.get("/en/staff/content/translations/xx.xlsx").status_code == 404
