"""Uploads are judged by their content (prize_portal/files/checks.py): images
re-encoded without their metadata, every bad file refused with a clear message
and nothing stored, names made safe to show."""

from __future__ import annotations

import io
import struct
import zlib
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from categories.enums import QuestionKind
from categories.models import Question
from prize_portal.files.checks import PDF_MAX_BYTES, display_name
from submissions.models import Attachment, Entry
from submissions.services import attachment_add, entry_start
from tests.factories import BEFORE_DEADLINE, PDF_BYTES, make_jpeg

pytestmark = pytest.mark.django_db


def _png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG that claims to be huge (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def entry(project: Any, applicant: Any, organisation: Any) -> Entry:
    Question.objects.create(
        category=project, code="documents", kind=QuestionKind.FILE, label_en="Documents", required=False
    )
    return entry_start(
        user=applicant, organisation=organisation, category=project, track=project.tracks.first(), now=BEFORE_DEADLINE
    )


def _add(entry: Entry, user: Any, name: str, content: bytes, **extra: Any) -> Attachment:
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return attachment_add(entry_id=entry.pk, user=user, upload=upload, now=BEFORE_DEADLINE, **extra)


def test_image_reencoded_without_metadata_with_thumbnail(entry: Entry, applicant: Any) -> None:
    attachment = _add(entry, applicant, "photo.jpg", make_jpeg(exif=True))
    stored = attachment.file.read()
    assert b"SecretCam" not in stored
    assert b"Jane Photographer" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert (image.format, image.size) == ("JPEG", (1200, 800))
        assert not image.getexif()
    with Image.open(attachment.thumbnail) as thumbnail:
        assert thumbnail.format == "WEBP"
        assert max(thumbnail.size) == 480


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_image_comments_and_text_chunks_are_not_kept(entry: Entry, applicant: Any, image_format: str) -> None:
    from PIL import PngImagePlugin

    source = io.BytesIO()
    image = Image.new("RGB", (40, 30), "teal")
    if image_format == "JPEG":
        image.save(source, format="JPEG", comment=b"Taken at 12 Sejong-daero by Kim Min-ji")
    elif image_format == "PNG":
        text = PngImagePlugin.PngInfo()
        text.add_text("Author", "Taken at 12 Sejong-daero by Kim Min-ji")
        image.save(source, format="PNG", pnginfo=text)
    else:
        image.save(source, format="WEBP", xmp=b"<x:xmpmeta>Taken at 12 Sejong-daero by Kim Min-ji</x:xmpmeta>")
    attachment = _add(entry, applicant, f"photo.{image_format.lower()}", source.getvalue())
    stored = attachment.file.read()
    assert b"Sejong-daero" not in stored
    assert b"Sejong-daero" not in attachment.thumbnail.read()
    with Image.open(io.BytesIO(stored)) as reread:
        assert reread.format == image_format
        assert not {"comment", "Author", "xmp", "exif"} & set(reread.info)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "setup.pdf",
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200,
            "Upload a PDF, JPEG, PNG or WebP file.",
        ),
        ("picture.png", b"<html><script>alert(1)</script></html>", "Upload a PDF, JPEG, PNG or WebP file."),
        (
            "logo.png",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "Upload a PDF, JPEG, PNG or WebP file.",
        ),
        ("bomb.png", _png_header_only(50_000, 50_000), "This image has too many pixels."),
        ("half.jpg", make_jpeg()[:600], "This image is damaged or incomplete."),
        ("half.pdf", PDF_BYTES[:40], "This PDF is damaged or incomplete. Save it again and upload it."),
        ("empty.pdf", b"", "The file is empty."),
        ("huge.pdf", b"%PDF-1.4\n" + b"0" * PDF_MAX_BYTES + b"\n%%EOF\n", "A PDF may be at most 20 MB."),
    ],
)
def test_bad_file_refused_and_nothing_stored(
    entry: Entry, applicant: Any, name: str, content: bytes, message: str, settings: Any
) -> None:
    with pytest.raises(ValidationError) as error:
        _add(entry, applicant, name, content)
    assert error.value.messages == [message]
    assert not Attachment.objects.exists()
    media = settings.STORAGES["default"]["OPTIONS"]["location"]
    assert [path for path in media.rglob("*") if path.is_file()] == []  # no file left behind


@pytest.mark.parametrize(
    ("uploaded", "shown"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\kim\\report.pdf", "report.pdf"),
        ("re\x00po\x1brt\u202e.pdf", "report.pdf"),
        ("a" * 300 + ".pdf", "a" * 251 + ".pdf"),
        ("...", "file"),
    ],
)
def test_display_name_is_safe(uploaded: str, shown: str) -> None:
    assert display_name(uploaded) == shown
