"""Serving stored files to the people allowed to see them: through a
short-lived signed URL when the storage is S3, else streamed by Django; always
with the type we decided from the content, nosniff and a safe file name."""

from django.core.files.storage import Storage
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.utils.http import content_disposition_header

SIGNED_URL_SECONDS = 300


def _is_s3(storage: Storage) -> bool:
    return hasattr(storage, "bucket_name")


def file_response(file: FieldFile, filename: str, content_type: str, *, inline: bool) -> HttpResponseBase:
    disposition = content_disposition_header(not inline, filename) or "attachment"
    if _is_s3(file.storage):
        url = file.storage.url(  # type: ignore[call-arg]
            file.name,
            parameters={"ResponseContentDisposition": disposition, "ResponseContentType": content_type},
            expire=SIGNED_URL_SECONDS,
        )
        response: HttpResponseBase = HttpResponseRedirect(url)
    else:
        response = FileResponse(file.open("rb"), content_type=content_type)
        response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    # Not shared by caches; a stored file cannot run script in our origin.
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
    return response
