from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_health_ok_without_redis(client: Client, settings: Any) -> None:
    settings.REDIS_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "redis": "not configured"}}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.integration
def test_health_checks_real_redis(client: Client, settings: Any, redis_server: Any) -> None:
    settings.REDIS_URL = redis_server.url
    assert client.get("/healthz").json()["checks"]["redis"] == "ok"
    redis_server.stop()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "checks": {"database": "ok", "redis": "error"}}
