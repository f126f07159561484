"""The sandbox documents render in (prize_portal/documents.py): WeasyPrint may
fetch our own static files and data: URLs, nothing else."""

from __future__ import annotations

import pytest
from django.conf import settings

from prize_portal.documents import RefusedURLError, static_url_fetcher


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/static/css/entry_pdf.css",
        "https://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
        "ftp://example.org/file.css",
        "/static/../prize_portal/settings/base.py",
        "/static/css/../../templates/base.html",
        "/static/css/missing.css",
        "/media/entries/1/secret.pdf",
        "/etc/passwd",
    ],
)
def test_url_fetcher_refuses_all_but_our_static_files(url: str) -> None:
    with pytest.raises(RefusedURLError):
        static_url_fetcher().fetch(url)


@pytest.mark.parametrize("prefix", ["", settings.SITE_URL])
def test_url_fetcher_serves_static_file_from_disk(prefix: str) -> None:
    response = static_url_fetcher().fetch(f"{prefix}/static/css/entry_pdf.css")
    assert response.content_type == "text/css"
    assert response.read() == (settings.BASE_DIR / "static" / "css" / "entry_pdf.css").read_bytes()


def test_url_fetcher_accepts_data_url() -> None:
    assert static_url_fetcher().fetch("data:text/plain;base64,aGk=").read() == b"hi"


def test_rendering_stops_rather_than_fetch_elsewhere() -> None:
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    from prize_portal.documents import base_url

    html = '<img src="file:///etc/passwd"><link rel="stylesheet" href="http://example.org/x.css">'
    with pytest.raises(FatalURLFetchingError):
        HTML(string=html, base_url=base_url(), url_fetcher=static_url_fetcher()).write_pdf()
