from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from categories.enums import ApplicantType, QuestionKind
from categories.models import Question, QuestionChoice
from tests.factories import (
    DEADLINE,
    CategoryFactory,
    CycleFactory,
    TrackFactory,
    add_funding_questions,
    make_organisation,
    make_user,
)
from tests.services import SMTPRecorder, free_port, service_missing

# Playwright's sync API runs an event loop in the test thread; the ORM calls
# the tests make around it are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    if settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {**settings.STORAGES["default"], "OPTIONS": {"location": tmp_path / "media"}},
        }


@pytest.fixture(autouse=True)
def _language_reset() -> Iterator[None]:
    """Each test starts in the site's default language and leaves none behind:
    a request to /ko/ activates Korean for the rest of the thread, which would
    make the next test's messages depend on the order tests run in."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _privacy_generation_reset() -> Iterator[None]:
    """The generation of published privacy texts is cached (cleared after
    commit, which a test transaction never reaches): each test reads its own."""
    from django.core.cache import cache

    from prize_portal.privacy.selectors import GENERATION_KEY

    cache.delete(GENERATION_KEY)
    yield
    cache.delete(GENERATION_KEY)


@pytest.fixture
def privacy_texts(db: Any) -> dict[str, Any]:
    """The seeded privacy notice and consent items, published."""
    from django.core.cache import cache

    from prize_portal.privacy.selectors import GENERATION_KEY, current_texts
    from prize_portal.privacy.services.texts import texts_seed

    texts_seed()
    cache.delete(GENERATION_KEY)
    return current_texts()


# --- The intake data of every app's tests (the test cycle's project category) ---


@pytest.fixture
def project(db: Any) -> Any:
    """An open cycle with a two-track Project category and a few questions."""
    cycle = CycleFactory(year=2030, applications_open_at=DEADLINE - timedelta(days=100), applications_close_at=DEADLINE)
    category = CategoryFactory(
        cycle=cycle,
        code="project",
        reference_letter="P",
        applicant_types=[ApplicantType.CITY, ApplicantType.CORPORATION],
        entry_limit=2,
    )
    TrackFactory(category=category, code="human-centricity")
    TrackFactory(category=category, code="tech-innovacity")
    Question.objects.create(
        category=category, code="problem", kind=QuestionKind.LONG_TEXT, label_en="Problem", word_limit=5, required=True
    )
    Question.objects.create(
        category=category, code="budget", kind=QuestionKind.NUMBER, label_en="Budget", required=False
    )
    fields = Question.objects.create(
        category=category, code="fields", kind=QuestionKind.MULTIPLE_CHOICE, label_en="Fields", required=True
    )
    for code in ("mobility", "safety"):
        QuestionChoice.objects.create(question=fields, code=code, label_en=code.title())
    Question.objects.create(
        category=category,
        code="government-role",
        kind=QuestionKind.TEXT,
        label_en="Role of government",
        applicant_types=[ApplicantType.CITY],
        required=True,
    )
    return category


@pytest.fixture
def funded_project(project: Any) -> Any:
    """The project category asking cities how the project is funded, and only
    when co-funded (required then) the budget source and the agreement file."""
    add_funding_questions(project)
    return project


@pytest.fixture
def applicant(db: Any) -> Any:
    return make_user(email="applicant@seoul.example", language="ko")


@pytest.fixture
def organisation(applicant: Any) -> Any:
    return make_organisation(applicant)


# --- Real services ---


@pytest.fixture
def smtp_server() -> Iterator[Any]:
    """A real SMTP server (aiosmtpd) on a spare port."""
    from aiosmtpd.controller import Controller

    recorder = SMTPRecorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    recorder.port = controller.port  # type: ignore[attr-defined]
    recorder.url = f"smtp://127.0.0.1:{controller.port}"  # type: ignore[attr-defined]
    try:
        yield recorder
    finally:
        controller.stop()


@pytest.fixture
def smtp_settings(settings: Any, smtp_server: Any) -> Any:
    """Send e-mail from this process over SMTP to the test server."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    return smtp_server


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """moto's S3 server in server mode, spoken to over HTTP like any S3."""
    try:
        from moto.server import ThreadedMotoServer
    except ImportError:
        service_missing("moto[server] is not installed")
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[Any]:
    """A redis-server of this test's own, on a spare port."""
    from tests.services import RedisServer

    server = RedisServer(directory=tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def celery_on_broker() -> Iterator[Any]:
    """Point this process's Celery app at a real broker for the test."""
    from prize_portal.celery_app import app

    saved = (app.conf.broker_url, app.conf.task_always_eager)

    def use(url: str, eager: bool = False) -> None:
        app.conf.broker_url = url
        app.conf.task_always_eager = eager
        reset_celery_connections(app)

    try:
        yield use
    finally:
        use(*saved)


def reset_celery_connections(app: Any) -> None:
    """Drop pooled broker connections so the next publish uses the new URL
    (kombu keeps producer pools in a registry of its own, reset too)."""
    from kombu import pools

    if app._pool is not None:
        app._pool.force_close_all()
    app._pool = None
    app.amqp._producer_pool = None
    pools.reset()


@pytest.fixture
def shared_redis_url() -> str:
    """The machine's Redis given by REDIS_URL (CI sets it)."""
    url = os.environ.get("REDIS_URL", "")
    if not url:
        service_missing("Redis is not configured (set REDIS_URL)")
    return url
