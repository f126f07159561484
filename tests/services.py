"""Real services for the integration tests: our own redis-server, a Celery
worker process, moto's S3 server and an aiosmtpd SMTP server.

With REQUIRE_SERVICES=1 (CI) a missing service fails the test; otherwise it
is skipped with the reason.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


def service_missing(reason: str) -> None:
    if REQUIRE_SERVICES:
        pytest.fail(f"Required service missing (REQUIRE_SERVICES=1): {reason}", pytrace=False)
    pytest.skip(reason)


def poppler(tool: str, *arguments: str, content: bytes) -> str:
    """What poppler's ``tool`` prints for the PDF ``content`` given on stdin."""
    if not shutil.which(tool):
        service_missing(f"{tool} (poppler-utils) is not installed")
    result = subprocess.run([tool, *arguments], input=content, capture_output=True, check=True)
    return result.stdout.decode()


def pdf_text(content: bytes) -> str:
    """The text of a PDF as poppler reads it."""
    return poppler("pdftotext", "-enc", "UTF-8", "-", "-", content=content)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on port {port}")


def wait_until(condition: Any, timeout: float = 20.0, interval: float = 0.1) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout}s")


@dataclass
class RedisServer:
    """A redis-server of the test's own, on a spare port, that can be stopped
    and started again (to show what happens while Redis is down)."""

    directory: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if not binary:
            service_missing("redis-server is not installed")
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None


def celery_process(arguments: list[str], *, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """A `celery` process of the portal's app (worker or beat), logging to ``log``."""
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "prize_portal.celery_app", *arguments, "--loglevel", "INFO"],
        cwd=ROOT,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )


@dataclass
class CeleryWorker:
    """A real `celery worker` process using the test database."""

    env: dict[str, str]
    log: Path
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = celery_process(
            ["worker", "--pool", "solo", "--without-gossip", "--without-mingle", "--without-heartbeat"],
            env=self.env,
            log=self.log,
        )
        wait_until(lambda: "ready" in self.log.read_text(errors="replace"), timeout=60)

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()
        self.process = None


@dataclass
class CeleryBeat:
    """A real `celery beat` process (the periodic sweeps) using the test settings."""

    env: dict[str, str]
    directory: Path
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        schedule = str(self.directory / "beat-schedule")
        self.process = celery_process(["beat", "--schedule", schedule], env=self.env, log=self.directory / "beat.log")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self.process = None


class SMTPRecorder:
    """aiosmtpd handler keeping every message received."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.envelopes: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd's name)
        self.envelopes.append(envelope)
        self.messages.append(message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"


def message_text(message: Message) -> str:
    """The text/plain body of a received message, decoded."""
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            return payload.decode(part.get_content_charset() or "utf-8")
    raise AssertionError("no text/plain part")


def postgres_url_for_test_db() -> str:
    """DATABASE_URL of the test database pytest-django created, for other processes."""
    from django.db import connection

    if connection.vendor != "postgresql":
        service_missing("PostgreSQL is not configured (set DATABASE_URL)")
    params = connection.settings_dict
    password = f":{params['PASSWORD']}" if params.get("PASSWORD") else ""
    return (
        f"postgres://{params['USER']}{password}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/"
        f"{params['NAME']}"
    )


def worker_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    env.update(
        DJANGO_SETTINGS_MODULE="prize_portal.settings.test",
        CELERY_TASK_ALWAYS_EAGER="false",
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env
