"""Settings from the environment, checked in fresh processes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.services import ROOT

SECRET = "k8#Jz2!pQx9@wLm4$vRt7^nYb3&cHs6*eGf1(dUa5)oKi0-Zj_Xq+Wp=Ly~Nh|Tr"
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "prize_portal.settings.production",
    "DJANGO_SECRET_KEY": SECRET,
    "DJANGO_ALLOWED_HOSTS": "prize.example.org",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_URL": "smtp://mailer:secret@mail.example.org:587",
    "SITE_URL": "https://prize.example.org",
    "DEFAULT_FROM_EMAIL": "Seoul Smart City Prize <prize@example.org>",
}


def _python(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Python in a fresh process whose environment holds only ``env``."""
    clean = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return _python(env, "manage.py", *args)


def _settings(env: dict[str, str], expression: str) -> str:
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    result = _python(env, "-c", code)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_check_deploy_clean_in_production() -> None:
    result = _run(PRODUCTION, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize(
    ("variable", "value", "line"),
    [
        ("DJANGO_SECRET_KEY", None, "Configuration error: DJANGO_SECRET_KEY is not set"),
        ("DJANGO_SECRET_KEY", "short-key", "Configuration error: DJANGO_SECRET_KEY is insecure"),
        ("DJANGO_SECRET_KEY", "django-insecure-" + "x" * 60, "Configuration error: DJANGO_SECRET_KEY is insecure"),
        ("DJANGO_ALLOWED_HOSTS", "*", "Configuration error: DJANGO_ALLOWED_HOSTS must list"),
        ("DATABASE_URL", None, "Configuration error: DATABASE_URL is not set"),
        ("REDIS_URL", None, "Configuration error: REDIS_URL is not set"),
        ("EMAIL_URL", None, "Configuration error: EMAIL_URL is not set"),
        ("SITE_URL", "http://prize.example.org", "Configuration error: SITE_URL must be the public https://"),
        ("DJANGO_DEBUG", "true", "Configuration error: DJANGO_DEBUG must not be true"),
        ("DEFAULT_FROM_EMAIL", None, "Configuration error: DEFAULT_FROM_EMAIL is not set"),
    ],
)
def test_production_start_with_bad_setting_stops_with_one_line(variable: str, value: str | None, line: str) -> None:
    env = dict(PRODUCTION)
    if value is None:
        env.pop(variable)
    else:
        env[variable] = value
    result = _run(env, "check")
    assert result.returncode == 78
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(line)


def test_embedded_defaults_with_nothing_set() -> None:
    env = {"DJANGO_SETTINGS_MODULE": "prize_portal.settings.local"}
    assert _settings(env, "settings.DATABASES['default']['ENGINE']") == "django.db.backends.sqlite3"
    assert _settings(env, "settings.CELERY_TASK_ALWAYS_EAGER") == "True"
    assert _settings(env, "settings.CACHES['default']['BACKEND']").endswith("LocMemCache")
    assert _settings(env, "settings.EMAIL_BACKEND") == "django.core.mail.backends.console.EmailBackend"
    assert _settings(env, "settings.STORAGES['default']['BACKEND']") == "django.core.files.storage.FileSystemStorage"


def test_services_switch_on_from_environment() -> None:
    env = {
        "DJANGO_SETTINGS_MODULE": "prize_portal.settings.local",
        "DATABASE_URL": "postgres://u:p@db.internal:5432/prize",
        "REDIS_URL": "redis://cache.internal:6379/1",
        "EMAIL_URL": "smtp://mailer:secret@mail.internal:2525",
        "AWS_STORAGE_BUCKET_NAME": "prize-media",
    }
    assert _settings(env, "settings.DATABASES['default']['ENGINE']") == "django.db.backends.postgresql"
    assert _settings(env, "settings.CELERY_BROKER_URL") == "redis://cache.internal:6379/1"
    assert _settings(env, "settings.CELERY_TASK_ALWAYS_EAGER") == "False"
    assert _settings(env, "settings.CACHES['default']['BACKEND']") == "django.core.cache.backends.redis.RedisCache"
    assert _settings(env, "(settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT)") == (
        "('django.core.mail.backends.smtp.EmailBackend', 'mail.internal', 2525)"
    )
    options = "settings.STORAGES['default']['OPTIONS']"
    assert _settings(
        env, f"({options}['default_acl'], {options}['file_overwrite'], {options}['querystring_auth'])"
    ) == ("('private', False, True)")
    assert _settings(env, "settings.CELERY_ACCEPT_CONTENT") == "['json']"


def test_host_list_ignores_spaces() -> None:
    env = {**PRODUCTION, "DJANGO_ALLOWED_HOSTS": "prize.example.org, www.prize.example.org ,"}
    assert _settings(env, "settings.ALLOWED_HOSTS") == "['prize.example.org', 'www.prize.example.org']"
