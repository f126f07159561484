"""Media on S3 through django-storages, against moto's S3 server over HTTP."""

from __future__ import annotations

import urllib.error
import urllib.request
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.base import ContentFile

pytestmark = pytest.mark.integration


def test_s3_upload_is_private_signed_and_never_overwritten(s3_storage: Any) -> None:
    storage, client = s3_storage
    first = storage.save("entries/report.pdf", ContentFile(b"%PDF-1.7 first"))
    second = storage.save("entries/report.pdf", ContentFile(b"%PDF-1.7 second"))
    assert first == "entries/report.pdf"
    assert second != first  # no overwrite: a new name is generated
    assert second.startswith("entries/report_")
    assert second.endswith(".pdf")
    objects = client.list_objects_v2(Bucket="prize-media")["Contents"]
    assert sorted(o["Key"] for o in objects) == sorted([f"media/{first}", f"media/{second}"])

    acl = client.get_object_acl(Bucket="prize-media", Key=f"media/{first}")
    assert [g["Permission"] for g in acl["Grants"]] == ["FULL_CONTROL"]  # owner only: private

    url = storage.url(first)
    query = parse_qs(urlsplit(url).query)
    assert query["X-Amz-Expires"] == ["300"]
    assert "X-Amz-Signature" in query
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (local moto server)
        assert response.read() == b"%PDF-1.7 first"

    unsigned = url.split("?", 1)[0]
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(unsigned, timeout=10)  # noqa: S310
    assert error.value.code == 403
