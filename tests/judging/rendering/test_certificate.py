"""Certificates: what one says (the snapshot) and its PDF, read back with
poppler (pdfinfo, pdftotext, pdffonts, pdftoppm) and its QR code scanned."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from PIL import Image

from categories.enums import ApplicantType
from categories.models import Signatory
from judging.enums import CertificateKind
from judging.models import Certificate
from judging.rendering.certificate import (
    certificate_snapshot,
    certificate_texts,
    qr_svg,
    render_certificate_html,
    render_certificate_pdf,
    verification_url,
)
from submissions.models import Entry
from tests.factories import (
    CategoryFactory,
    add_signatories,
    award_entry,
    gold_level,
    make_certificate,
    mexico_entry,
    publish_results,
    submit_entry,
)
from tests.services import pdf_text, service_missing

pytestmark = pytest.mark.django_db

SEOUL = ZoneInfo("Asia/Seoul")
# The results of 2030 go public at 10:00 on 6 October in Seoul (01:00 UTC).
PUBLIC_FROM = datetime(2030, 10, 6, 10, 0, tzinfo=SEOUL)
TOKYO = "東京都"
SEOUL_NATIVE = "서울특별시"
RIYADH = "أمانة منطقة الرياض"
MARKUP = '<img src="http://example.com/x.png">'
BIDI_MARKS = dict.fromkeys(range(0x202A, 0x202F))


@pytest.fixture
def certificate(project: Any) -> Certificate:
    """Mexico City's Gold, for a Spanish-speaking recipient, with signatures and published results."""
    entry = mexico_entry(project)
    award = award_entry(entry, gold_level(project))
    add_signatories(project.cycle)
    publish_results(project.cycle, visible_from=PUBLIC_FROM)
    return make_certificate(entry, award=award, language="es")


# --- Reading PDFs back with poppler ---


def poppler_file(tool: str, content: bytes, tmp_path: Path) -> str:
    """What ``tool`` says of the PDF ``content`` (pdfinfo and pdffonts read files only)."""
    if not shutil.which(tool):
        service_missing(f"{tool} (poppler-utils) is not installed")
    path = tmp_path / f"{tool}.pdf"
    path.write_bytes(content)
    return subprocess.run([tool, str(path)], capture_output=True, check=True, text=True).stdout


def pdf_pages(content: bytes, tmp_path: Path) -> tuple[int, str]:
    """The number of pages and the page size, as pdfinfo reads them."""
    info = dict(line.split(":", 1) for line in poppler_file("pdfinfo", content, tmp_path).splitlines() if ":" in line)
    return int(info["Pages"]), info["Page size"].strip()


def pdf_fonts(content: bytes, tmp_path: Path) -> list[list[str]]:
    """pdffonts' table, one row of columns per font."""
    return [line.split() for line in poppler_file("pdffonts", content, tmp_path).splitlines()[2:]]


def pdf_png(content: bytes, tmp_path: Path, name: str, resolution: int = 50) -> Path:
    """The first page as a PNG, kept in $TEST_ARTEFACTS (when set) for a look at the layout."""
    folder = Path(os.environ.get("TEST_ARTEFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(content)
    if not shutil.which("pdftoppm"):
        service_missing("pdftoppm (poppler-utils) is not installed")
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(resolution), "-singlefile", str(source), str(folder / name)], check=True
    )
    return folder / f"{name}.png"


def lines(text: str) -> list[str]:
    """The text's lines, without the embedding marks pdftotext puts around right-to-left runs."""
    text = text.translate(BIDI_MARKS)
    return [line.strip() for line in text.splitlines() if line.strip()]


# --- The snapshot ---


def test_snapshot_says_who_won_what_in_english_korean_and_recipient_language(
    certificate: Certificate, django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(1):
        snapshot = certificate_snapshot(certificate)
    entry = certificate.entry
    assert snapshot == {
        "version": 1,
        "code": certificate.code,
        "kind": "award",
        "language": "es",
        "languages": ["en", "ko", "es"],
        "recipient": {
            "person": "",
            "organisation_en": "Mexico City Government",
            "organisation_native": "Gobierno de la Ciudad de México",
            "native_language": "es",
        },
        "entry": {
            "reference": entry.reference,
            "title_en": "Walking together",
            "title_original": "Caminando juntos",
            "language": "es",
        },
        "award": {"en": "Gold", "ko": "대상", "es": "Oro"},
        "special_mention": False,
        "category": {"en": entry.category.name_en, "ko": entry.category.name_ko, "es": entry.category.name_en},
        "track": {"en": entry.track.name_en, "ko": entry.track.name_ko, "es": entry.track.name_en},
        "cycle": {
            "year": 2030,
            "name": {
                "en": "Seoul Smart City Prize 2030",
                "ko": "2030 서울스마트시티상",
                "es": "Seoul Smart City Prize 2030",
            },
        },
        "date": "2030-10-06",
    }
    assert entry.reference == "SSCP-2030-P-0001"


def test_snapshot_of_a_finalist_says_finalist_in_each_language(project: Any) -> None:
    entry = submit_entry(
        project,
        email="tokyo@metro.example",
        name_en="Tokyo Metropolitan Government",
        name_native=TOKYO,
        country="JP",
        city="Tokyo",
    )
    snapshot = certificate_snapshot(make_certificate(entry, kind=CertificateKind.FINALIST, language="ja"))
    with translation.override("ko"):
        finalist_ko = translation.gettext("Finalist")
    with translation.override("ja"):
        finalist_ja = translation.gettext("Finalist")
    assert finalist_ko == "최종 후보"
    assert snapshot["award"] == {"en": "Finalist", "ko": finalist_ko, "ja": finalist_ja}
    assert snapshot["languages"] == ["en", "ko", "ja"]
    assert snapshot["recipient"]["native_language"] == "ja"  # Han characters in their Japanese forms
    assert snapshot["special_mention"] is False


def test_snapshot_names_the_person_in_leadership(project: Any) -> None:
    leadership = CategoryFactory(
        cycle=project.cycle, code="leadership", reference_letter="L", applicant_types=[ApplicantType.INDIVIDUAL]
    )
    entry = submit_entry(project, email="mayor@example.org", name_en="City of Lyon", name_native="Ville de Lyon")
    Entry.objects.filter(pk=entry.pk).update(category=leadership, track=None)
    type(entry.owner).objects.filter(pk=entry.owner_id).update(name="Grégory Doucet")
    snapshot = certificate_snapshot(make_certificate(entry, kind=CertificateKind.FINALIST, language="ko"))
    assert snapshot["recipient"]["person"] == "Grégory Doucet"
    assert snapshot["languages"] == ["en", "ko"]
    assert snapshot["track"] == {}


def test_snapshot_without_publication_is_dated_today_in_seoul(project: Any) -> None:
    entry = submit_entry(project, email="seoul@seoul.example")
    snapshot = certificate_snapshot(make_certificate(entry, kind=CertificateKind.FINALIST, language="en"))
    assert snapshot["date"] == timezone.localtime(timezone.now(), SEOUL).date().isoformat()
    assert snapshot["languages"] == ["en", "ko"]


def test_texts_in_a_language_the_snapshot_has_not_got_are_english(certificate: Certificate) -> None:
    snapshot = certificate_snapshot(certificate)
    assert certificate_texts(snapshot, "es").award == "Oro"
    french = certificate_texts(snapshot, "fr")
    assert (french.language, french.lang, french.award) == ("en", "en", "Gold")


# --- The PDF ---


def test_pdf_is_one_a4_landscape_page_in_three_languages(certificate: Certificate, tmp_path: Path) -> None:
    snapshot = certificate_snapshot(certificate)
    content = render_certificate_pdf(certificate, snapshot)
    assert pdf_pages(content, tmp_path) == (1, "841.89 x 595.276 pts (A4)")  # landscape: wider than high
    text = pdf_text(content)
    found = lines(text)
    for name in ("Mexico City Government", "Gobierno de la Ciudad de México", "Oro", "대상", "Gold", certificate.code):
        assert name in found  # exactly, on a line of its own: no missing glyph, nothing split
    assert "“Walking together”" in found
    assert "Caminando juntos" in found
    assert "2030 서울스마트시티상" in found
    assert "Oh Se-hoon" in found
    assert "서울특별시장 오세훈" in found
    assert verification_url(certificate.code) in found
    words = " ".join(text.split())
    assert "Oct. 6, 2030" in words  # the date in each language's format
    assert "2030년 10월 6일" in words
    assert "6 de octubre de 2030" in words
    png = pdf_png(content, tmp_path, "certificate-award-es")
    with Image.open(png) as image:
        assert image.width > image.height


def test_pdf_embeds_every_font_with_cjk_and_arabic_faces(
    certificate: Certificate, tmp_path: Path, django_assert_max_num_queries: Any
) -> None:
    snapshot = certificate_snapshot(certificate)
    snapshot["recipient"].update(organisation_en=TOKYO, organisation_native=RIYADH, native_language="en")
    snapshot["entry"]["title_original"] = SEOUL_NATIVE
    with django_assert_max_num_queries(1):  # the signatories
        content = render_certificate_pdf(certificate, snapshot)
    fonts = pdf_fonts(content, tmp_path)
    assert fonts
    # Columns: name type encoding emb sub uni object id; emb is the fourth from the end.
    assert all(row[-5] == "yes" for row in fonts), fonts
    names = " ".join(row[0] for row in fonts)
    assert "Noto-Sans-CJK" in names or "Noto-Serif-CJK" in names
    assert "Arabic" in names
    found = lines(pdf_text(content))
    assert TOKYO in found
    assert RIYADH in found  # shaped, and read back in logical order
    assert SEOUL_NATIVE in found
    pdf_png(content, tmp_path, "certificate-scripts")


def test_pdf_prints_markup_in_names_as_text_and_fetches_nothing(certificate: Certificate) -> None:
    snapshot = certificate_snapshot(certificate)
    snapshot["recipient"]["organisation_en"] = f"Evil {MARKUP} City"
    snapshot["entry"]["title_en"] = f"Title {MARKUP}"
    html = render_certificate_html(certificate, snapshot)
    assert MARKUP not in html
    assert "&lt;img src=&quot;http://example.com/x.png&quot;&gt;" in html
    # The fetcher stops the rendering on any URL but our static files: that it
    # renders at all shows nothing else was asked for.
    content = render_certificate_pdf(certificate, snapshot)
    words = " ".join(pdf_text(content).split())
    assert f"Evil {MARKUP} City" in words
    assert f"Title {MARKUP}" in words


@pytest.mark.parametrize(
    ("name", "person", "organisation_en", "organisation_native", "title_en", "title_original"),
    [
        # Every field as long as it may be (User.name 200, names 300, titles 200).
        (
            "longest",
            ("Doña María de los Ángeles " * 8)[:200],
            ("Autonomous Metropolitan Administration " * 8)[:300],
            (TOKYO * 100)[:300],
            ("Inclusive mobility " * 11)[:200],
            ("Movilidad inclusiva " * 10)[:200],
        ),
        # Long, but not extreme.
        (
            "long",
            "",
            "Metropolitan Government of the Autonomous City of Buenos Aires",
            "Gobierno de la Ciudad Autónoma de Buenos Aires",
            "Digital companions: tablets, tutors and neighbourhood help desks for older residents",
            "Compañeros digitales: tabletas, tutores y mesas de ayuda barriales para personas mayores",
        ),
    ],
)
def test_pdf_of_long_names_stays_one_page(
    certificate: Certificate,
    tmp_path: Path,
    name: str,
    person: str,
    organisation_en: str,
    organisation_native: str,
    title_en: str,
    title_original: str,
) -> None:
    snapshot = certificate_snapshot(certificate)
    snapshot["recipient"].update(
        person=person, organisation_en=organisation_en, organisation_native=organisation_native
    )
    snapshot["entry"].update(title_en=title_en, title_original=title_original)
    content = render_certificate_pdf(certificate, snapshot)
    assert pdf_pages(content, tmp_path) == (1, "841.89 x 595.276 pts (A4)")
    words = " ".join(pdf_text(content).split())
    assert " ".join(organisation_en.split()) in words
    assert certificate.code in words
    pdf_png(content, tmp_path, f"certificate-{name}-names")


def test_pdf_qr_code_scans_to_the_verification_url(certificate: Certificate, tmp_path: Path) -> None:
    import zxingcpp  # a dev dependency: never skipped

    content = render_certificate_pdf(certificate, certificate_snapshot(certificate))
    with Image.open(pdf_png(content, tmp_path, "certificate-scan", resolution=150)) as image:
        scanned = [result.text for result in zxingcpp.read_barcodes(image.convert("L"))]
    assert scanned == [f"http://localhost:8000/verify/{certificate.code}/"]


def test_qr_svg_is_inline_svg_of_the_url() -> None:
    import zxingcpp  # a dev dependency: never skipped

    url = verification_url("7KQ2-M9XD-4TBE")
    svg = str(qr_svg(url))
    assert svg.startswith("<svg")
    assert "<?xml" not in svg
    import segno

    # segno's own PNG of the same code, scanned: the SVG draws the same matrix.
    output = io.BytesIO()
    segno.make(url, error="m", micro=False).save(output, kind="png", scale=4, border=4)
    output.seek(0)
    with Image.open(output) as image:
        assert [result.text for result in zxingcpp.read_barcodes(image.convert("L"))] == [url]


def test_finalist_pdf_in_english_and_korean(project: Any, tmp_path: Path) -> None:
    entry = submit_entry(
        project, email="seoul@seoul.example", name_en="Seoul Metropolitan Government", name_native=SEOUL_NATIVE
    )
    add_signatories(project.cycle)
    certificate = make_certificate(entry, kind=CertificateKind.FINALIST, language="ko")
    content = render_certificate_pdf(certificate, certificate_snapshot(certificate))
    found = lines(pdf_text(content))
    assert "Finalist" in found
    assert "최종 후보" in found
    assert SEOUL_NATIVE in found
    assert pdf_pages(content, tmp_path) == (1, "841.89 x 595.276 pts (A4)")
    pdf_png(content, tmp_path, "certificate-finalist-ko")


def test_signature_that_is_not_an_image_stops_the_rendering(certificate: Certificate) -> None:
    signatory = Signatory.objects.filter(cycle=certificate.entry.cycle).first()
    signatory.signature.save("fake.png", SimpleUploadedFile("fake.png", b"<svg onload='x'></svg>"), save=True)
    with pytest.raises(ValueError, match="not a PNG"):
        render_certificate_pdf(certificate, certificate_snapshot(certificate))
