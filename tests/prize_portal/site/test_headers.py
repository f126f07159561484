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


def test_pages_reference_only_our_own_static_files(client: Client, settings: Any) -> None:
    settings.SITE_URL = "https://prize.example.org"
    html = client.get("/en/").content.decode()
    assert 'src="/static/js/portal.js"' in html
    assert 'href="/static/css/portal.css"' in html
    # Only the head's sharing tags name the site's own absolute address.
    local = html.replace("https://prize.example.org/", "")
    assert "http://" not in local.replace("http://testserver", "")
    assert "https://" not in local
