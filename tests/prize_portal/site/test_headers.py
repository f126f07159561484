from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_pages_send_security_headers(client: Client) -> None:
    response = client.get("/en/about/")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    for directive in ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"]:
        assert directive in csp
    assert "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy


def test_stored_files_are_not_served_from_media_even_in_debug(client: Client, settings: Any) -> None:
    """Under `make run` (DEBUG, local files) an entry file's storage path is no
    address: files go only through the views that check permissions."""
    import prize_portal.urls

    settings.DEBUG = True
    assert not any("media" in str(pattern.pattern) for pattern in prize_portal.urls.urlpatterns)
    assert client.get("/media/entries/1/attachments/secret.pdf").status_code == 404


def test_pages_reference_only_our_own_static_files(client: Client, settings: Any) -> None:
    settings.SITE_URL = "https://prize.example.org"
    html = client.get("/en/").content.decode()
    assert 'src="/static/js/portal.js"' in html
    assert 'href="/static/css/portal.css"' in html
    # Only the head's sharing tags name the site's own absolute address.
    local = html.replace("https://prize.example.org/", "")
    assert "http://" not in local.replace("http://testserver", "")
    assert "https://" not in local
