"""Serving stored files: a signed, short-lived S3 URL that names the file
safely, or a streamed response from local storage."""

from __future__ import annotations

import urllib.request
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.base import ContentFile

from prize_portal.files.downloads import SIGNED_URL_SECONDS, file_response
from tests.factories import PDF_BYTES

pytestmark = pytest.mark.integration


def test_s3_file_is_a_signed_redirect_with_type_and_name(s3_storage: Any) -> None:
    storage, _client = s3_storage
    name = storage.save("entries/1/abc.pdf", ContentFile(PDF_BYTES))
    response = file_response(
        SimpleNamespace(storage=storage, name=name), "계획서 <final>.pdf", "application/pdf", inline=False
    )
    assert response.status_code == 302
    query = parse_qs(urlsplit(response["Location"]).query)
    assert query["X-Amz-Expires"] == [str(SIGNED_URL_SECONDS)]
    assert query["response-content-type"] == ["application/pdf"]
    disposition = query["response-content-disposition"][0]
    assert disposition.startswith("attachment; filename*=utf-8''")
    assert response["X-Content-Type-Options"] == "nosniff"
    with urllib.request.urlopen(response["Location"]) as fetched:  # noqa: S310 (the test's own S3 server)
        assert fetched.read() == PDF_BYTES
        assert fetched.headers["Content-Type"] == "application/pdf"
        assert fetched.headers["Content-Disposition"] == disposition
