"""Checking uploaded files by their content: what they are, that they are whole,
that they are not too large; images re-encoded without their metadata."""

import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

MB = 1024 * 1024
PDF_MAX_BYTES = 20 * MB
IMAGE_MAX_BYTES = 10 * MB
IMAGE_MAX_PIXELS = 40_000_000  # beyond this a small file is a decompression bomb
THUMBNAIL_SIZE = (480, 480)

PDF = "application/pdf"
IMAGES = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}
EXTENSIONS = {PDF: ".pdf", "image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}


@dataclass
class CheckedFile:
    content_type: str
    extension: str
    # Re-encoded bytes for images; None for a PDF, which is stored as uploaded.
    content: bytes | None = None
    thumbnail: bytes | None = None


def display_name(name: str) -> str:
    """The uploaded name made safe to show: no folders, no control characters,
    at most 255 characters with the extension kept."""
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip(" .")
    if not name:
        return "file"
    if len(name) > 255:
        suffix = PurePath(name).suffix[:16]
        name = name[: 255 - len(suffix)] + suffix
    return name


def _head_and_tail(stream: IO[bytes], size: int) -> tuple[bytes, bytes]:
    stream.seek(0)
    head = stream.read(2048)
    stream.seek(max(size - 2048, 0))
    tail = stream.read(2048)
    stream.seek(0)
    return head, tail


def check_upload(upload: UploadedFile) -> CheckedFile:
    """What the file really is, or a ValidationError the applicant can act on."""
    import filetype

    size = upload.size or 0
    stream = upload.file
    if size == 0 or stream is None:
        raise ValidationError(_("The file is empty."), code="empty")
    head, tail = _head_and_tail(stream, size)
    kind = filetype.guess(head)
    mime = kind.mime if kind else None
    if mime == PDF:
        if size > PDF_MAX_BYTES:
            raise ValidationError(_("A PDF may be at most 20 MB."), code="too_large")
        if not head.startswith(b"%PDF-") or b"%%EOF" not in tail:
            raise ValidationError(_("This PDF is damaged or incomplete. Save it again and upload it."), code="corrupt")
        return CheckedFile(content_type=PDF, extension=".pdf")
    if mime in IMAGES:
        if size > IMAGE_MAX_BYTES:
            raise ValidationError(_("An image may be at most 10 MB."), code="too_large")
        content, thumbnail = _reencode_image(stream, IMAGES[mime])
        return CheckedFile(content_type=mime, extension=EXTENSIONS[mime], content=content, thumbnail=thumbnail)
    raise ValidationError(_("Upload a PDF, JPEG, PNG or WebP file."), code="file_type")


def _reencode_image(stream: IO[bytes], image_format: str) -> tuple[bytes, bytes]:
    """Decode the whole image (catching truncation and bombs) and write it again
    without metadata (location, camera, author), plus a thumbnail."""
    from PIL import Image, ImageOps

    damaged = ValidationError(_("This image is damaged or incomplete."), code="corrupt")
    too_big = ValidationError(_("This image has too many pixels."), code="too_many_pixels")
    stream.seek(0)
    try:
        with Image.open(stream) as probe:
            if probe.width * probe.height > IMAGE_MAX_PIXELS:
                raise too_big
            probe.verify()
        stream.seek(0)
        with Image.open(stream) as opened:
            opened.load()
            image: Image.Image = ImageOps.exif_transpose(opened)  # keep the orientation the EXIF data gave
    except ValidationError:
        raise
    except Image.DecompressionBombError:
        raise too_big from None
    except Exception:
        raise damaged from None
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    # Pillow writes back what it read into ``info``: a JPEG comment, PNG text
    # chunks, XMP, EXIF. Only the colour profile stays (it is not about anyone).
    image.info = {key: value for key, value in image.info.items() if key == "icc_profile"}
    output = io.BytesIO()
    image.save(output, format=image_format, **({"quality": 90} if image_format in ("JPEG", "WEBP") else {}))
    preview = image.copy()
    preview.thumbnail(THUMBNAIL_SIZE)
    if preview.mode not in ("RGB", "RGBA"):
        preview = preview.convert("RGBA" if "A" in preview.getbands() else "RGB")
    thumbnail = io.BytesIO()
    preview.save(thumbnail, format="WEBP", quality=80)
    return output.getvalue(), thumbnail.getvalue()
