"""Refusing an oversized upload while it streams in, before it fills the disk."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from prize_portal.files.checks import PDF_MAX_BYTES


class SizeLimitUploadHandler(FileUploadHandler):
    """Stops reading a file once it passes the largest size any upload may
    have; the view then reports why the file is missing."""

    def __init__(self, request: HttpRequest, limit: int) -> None:
        super().__init__(request)
        self.limit = limit
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received = start + len(raw_data)
        if self.received > self.limit:
            self.request.upload_refused = _("The file is too large: a PDF may be at most 20 MB, an image 10 MB.")  # type: ignore[union-attr]
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size: int) -> Any:
        return None


def limit_upload_size(request: HttpRequest, limit: int = PDF_MAX_BYTES) -> None:
    """Put the size check in front of Django's handlers (before the body is read)."""
    request.upload_handlers.insert(0, SizeLimitUploadHandler(request, limit))


def size_limited_upload(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """For a view that takes uploads: the size check goes in before anything
    reads the body. CSRF middleware would read it first, so the token is
    checked here, after the handler is in place."""
    protected = csrf_protect(view)

    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        limit_upload_size(request)
        return protected(request, *args, **kwargs)

    return wrapper
