"""The production stack (docker-compose.yml, Dockerfile) matches the code.

No Docker engine runs here, so the files are parsed and every name they hand
to the code (settings module, environment variables, commands, URL) is checked
against it; the snippets they run (web healthcheck, createbucket, the build's
collectstatic) run for real against a live server, moto's S3 and a temp folder.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import boto3
import environ
import pytest
import yaml
from celery import Celery
from django.core.management import get_commands
from django.urls import resolve, reverse

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_DIR = ROOT / "prize_portal" / "settings"
PRODUCTION_SETTINGS = "prize_portal.settings.production"
DJANGO_SERVICES = ("web", "migrate", "worker", "beat")
# Placeholders for every ${NAME:?...} in docker-compose.yml, i.e. what a user must set.
REQUIRED_VALUES = {
    "DJANGO_SECRET_KEY": "compose-test-k8Jz2pQx9wLm4vRt7nYb3cHs6eGf1dUa5oKi0ZjXqWpLyNhTr",
    "DJANGO_ALLOWED_HOSTS": "prize.example.org,www.prize.example.org",
    "SITE_URL": "https://prize.example.org",
    "POSTGRES_PASSWORD": "Pg0password0123",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.org:587",
    "DEFAULT_FROM_EMAIL": "Seoul Smart City Prize <prize@example.org>",
    "AWS_S3_ENDPOINT_URL": "https://media.example.org",
    "AWS_ACCESS_KEY_ID": "portalaccesskey",
    "AWS_SECRET_ACCESS_KEY": "portalsecretkey0123456789",
}
VARIABLE = re.compile(r"\$\{(?P<name>\w+)(?::(?P<kind>[-?])(?P<rest>[^}]*))?\}")


def _compose() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _services() -> dict[str, Any]:
    return _compose()["services"]


def _app_image() -> str:
    return _compose()["x-app"]["image"]


def _dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    instructions: list[tuple[str, str]] = []
    current = ""
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        current = f"{current} {stripped}" if current else stripped
        if current.endswith("\\"):
            current = current[:-1].rstrip()
            continue
        keyword, _, arguments = current.partition(" ")
        instructions.append((keyword.upper(), arguments.strip()))
        current = ""
    return instructions


def _names_read_by_settings() -> set[str]:
    source = "\n".join(path.read_text() for path in SETTINGS_DIR.glob("*.py"))
    return set(re.findall(r"\benv(?:\.\w+|_list)?\(\s*\"([A-Z0-9_]+)\"", source))


def _required_by_production() -> set[str]:
    """Names production.py refuses to start without: its `_require(NAME, value, …)`
    calls, less the prohibitions (`_require("DJANGO_DEBUG", not …)`), which an
    unset variable satisfies."""
    tree = ast.parse((SETTINGS_DIR / "production.py").read_text())
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "_require"
        and isinstance(node.args[0], ast.Constant)
        and not (isinstance(node.args[1], ast.UnaryOp) and isinstance(node.args[1].op, ast.Not))
    }


def _interpolate(value: str) -> str:
    """Compose's ${NAME:-default} / ${NAME:?error} with REQUIRED_VALUES set in the shell."""

    def substitute(match: re.Match[str]) -> str:
        name = match["name"]
        if match["kind"] == "?":
            return REQUIRED_VALUES[name]
        return REQUIRED_VALUES.get(name, match["rest"] or "")

    return VARIABLE.sub(substitute, value).replace("$$", "$")


def _command(service: str) -> list[str]:
    command = _services()[service]["command"]
    return shlex.split(command) if isinstance(command, str) else list(command)


def _clean_env(**values: str) -> dict[str, str]:
    return {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), **values}


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=_clean_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# --- Services and their wiring ---------------------------------------------------


def test_compose_services_all_present() -> None:
    assert set(_services()) == {"web", "migrate", "worker", "beat", "createbucket", "db", "redis", "s3", "mailpit"}


def test_compose_django_services_use_production_settings_and_app_image() -> None:
    services = _services()
    for name in DJANGO_SERVICES:
        assert services[name]["environment"]["DJANGO_SETTINGS_MODULE"] == PRODUCTION_SETTINGS, name
        assert services[name]["image"] == _app_image(), name
    assert services["createbucket"]["image"] == _app_image()
    assert ("ENV", f"DJANGO_SETTINGS_MODULE={PRODUCTION_SETTINGS}") in _dockerfile()


def test_compose_app_environment_names_read_by_settings() -> None:
    read = _names_read_by_settings()
    for name, service in _services().items():
        if service.get("image") != _app_image():
            continue
        unread = set(service["environment"]) - read - {"DJANGO_SETTINGS_MODULE"}
        assert unread == set(), f"{name} sets variables the settings never read: {sorted(unread)}"


def test_compose_app_environment_provides_every_production_requirement() -> None:
    required = _required_by_production()
    assert required >= {
        "DJANGO_SECRET_KEY",
        "DJANGO_ALLOWED_HOSTS",
        "DATABASE_URL",
        "REDIS_URL",
        "EMAIL_URL",
        "SITE_URL",
    }
    for name in DJANGO_SERVICES:
        missing = required - set(_services()[name]["environment"])
        assert missing == set(), f"{name} lacks {sorted(missing)}"


def test_compose_required_variables_exactly_the_secrets_and_addresses() -> None:
    text = (ROOT / "docker-compose.yml").read_text()
    required = {match["name"] for match in VARIABLE.finditer(text) if match["kind"] == "?"}
    assert required == set(REQUIRED_VALUES)
    # Secrets never fall back to a default written in the file.
    defaulted = {match["name"] for match in VARIABLE.finditer(text) if match["kind"] != "?"}
    assert defaulted & {"DJANGO_SECRET_KEY", "POSTGRES_PASSWORD", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"} == set()


def test_compose_service_urls_point_at_compose_services() -> None:
    environment = {key: _interpolate(str(value)) for key, value in _services()["web"]["environment"].items()}
    database = environ.Env.db_url_config(environment["DATABASE_URL"])
    assert (database["ENGINE"], database["HOST"], database["PORT"]) == ("django.db.backends.postgresql", "db", 5432)
    assert (database["NAME"], database["USER"], database["PASSWORD"]) == ("portal", "portal", "Pg0password0123")
    db = {key: _interpolate(value) for key, value in _services()["db"]["environment"].items()}
    assert db == {"POSTGRES_DB": "portal", "POSTGRES_USER": "portal", "POSTGRES_PASSWORD": "Pg0password0123"}
    assert environment["REDIS_URL"] == "redis://redis:6379/0"
    assert _interpolate(_services()["createbucket"]["environment"]["AWS_S3_ENDPOINT_URL"]) == "http://s3:8333"


def test_compose_environment_passes_production_deploy_check() -> None:
    environment = {key: _interpolate(str(value)) for key, value in _services()["web"]["environment"].items()}
    result = _manage(environment, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."


def test_compose_app_services_wait_for_migrate_bucket_and_healthy_stores() -> None:
    services = _services()
    expected = {
        "migrate": "service_completed_successfully",
        "createbucket": "service_completed_successfully",
        "db": "service_healthy",
        "redis": "service_healthy",
    }
    for name in ("web", "worker", "beat"):
        conditions = {key: value["condition"] for key, value in services[name]["depends_on"].items()}
        assert conditions == expected, name
    assert {key: value["condition"] for key, value in services["migrate"]["depends_on"].items()} == {
        "db": "service_healthy",
        "redis": "service_healthy",
    }
    assert services["migrate"]["restart"] == "no"
    assert services["createbucket"]["restart"] == "no"
    # service_healthy needs a healthcheck on the service waited for.
    for name, service in services.items():
        for dependency, rule in service.get("depends_on", {}).items():
            if rule["condition"] == "service_healthy":
                assert "healthcheck" in services[dependency], f"{name} waits for {dependency}'s health"


def test_compose_mailpit_only_in_staging_profile() -> None:
    profiled = {name: service["profiles"] for name, service in _services().items() if "profiles" in service}
    assert profiled == {"mailpit": ["staging"]}
    assert _services()["mailpit"]["image"].startswith("axllent/mailpit:")


# --- Commands name code that exists -------------------------------------------------


def test_compose_celery_commands_name_celery_app() -> None:
    assert _command("worker")[:4] == ["celery", "-A", "prize_portal.celery_app", "worker"]
    assert _command("beat")[:4] == ["celery", "-A", "prize_portal.celery_app", "beat"]
    assert "celery -A prize_portal.celery_app inspect ping" in _services()["worker"]["healthcheck"]["test"][1]
    module = importlib.import_module("prize_portal.celery_app")
    assert isinstance(module.app, Celery)
    assert module.app.main == "prize_portal"


def test_compose_beat_runs_exactly_once() -> None:
    beats = [name for name, service in _services().items() if "command" in service and "beat" in _command(name)]
    assert beats == ["beat"]
    assert _services()["beat"]["deploy"]["replicas"] == 1


def test_gunicorn_target_exists_in_compose_and_dockerfile() -> None:
    assert _command("web")[:2] == ["gunicorn", "prize_portal.wsgi:application"]
    cmd = [json.loads(arguments) for keyword, arguments in _dockerfile() if keyword == "CMD"]
    assert cmd[-1][:4] == ["gunicorn", "prize_portal.wsgi:application", "--bind", "0.0.0.0:8000"]
    # find_spec only: importing wsgi would load the production settings.
    spec = importlib.util.find_spec("prize_portal.wsgi")
    assert spec is not None
    assert spec.origin is not None
    tree = ast.parse(Path(spec.origin).read_text())
    assigned = {target.id for node in tree.body if isinstance(node, ast.Assign) for target in node.targets}
    assert "application" in assigned


def test_manage_py_subcommands_in_compose_and_dockerfile_exist() -> None:
    text = (ROOT / "docker-compose.yml").read_text() + (ROOT / "Dockerfile").read_text()
    named = set(re.findall(r"manage\.py\s+([a-z_]+)", text))
    assert named == {"check", "migrate", "seed_prize", "seed_privacy", "compilemessages", "collectstatic"}
    assert named - set(get_commands()) == set()


# --- Healthcheck --------------------------------------------------------------------


def _healthcheck_code() -> str:
    test = _services()["web"]["healthcheck"]["test"]
    assert test[:3] == ["CMD", "python", "-c"]
    return test[3]


def test_web_healthcheck_path_resolves_to_health_view() -> None:
    paths = re.findall(r"http://127\.0\.0\.1:8000(/[^'\"]*)", _healthcheck_code())
    assert paths == [reverse("health")]
    assert paths == ["/healthz"]
    assert resolve("/healthz").url_name == "health"


def _run_healthcheck(live_server: Any, allowed_hosts: str) -> subprocess.CompletedProcess[str]:
    address = live_server.url.removeprefix("http://")
    code = _healthcheck_code().replace("127.0.0.1:8000", address)
    return subprocess.run(
        [sys.executable, "-c", code],
        env=_clean_env(DJANGO_ALLOWED_HOSTS=allowed_hosts),
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def test_web_healthcheck_passes_with_first_allowed_host(live_server: Any, settings: Any) -> None:
    settings.ALLOWED_HOSTS = ["prize.example.org"]
    result = _run_healthcheck(live_server, "prize.example.org,www.prize.example.org")
    assert (result.returncode, result.stderr) == (0, "")


def test_web_healthcheck_fails_when_host_not_allowed(live_server: Any, settings: Any) -> None:
    settings.ALLOWED_HOSTS = ["prize.example.org"]
    result = _run_healthcheck(live_server, "elsewhere.example.org")
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "urllib.error.HTTPError: HTTP Error 400: Bad Request"


# --- createbucket against moto's S3 -----------------------------------------------------


def _run_createbucket(endpoint: str, bucket: str) -> subprocess.CompletedProcess[str]:
    script = _command("createbucket")[2]
    assert "$" not in script  # Compose would interpolate it.
    env = _clean_env(
        AWS_STORAGE_BUCKET_NAME=bucket,
        AWS_S3_ENDPOINT_URL=endpoint,
        AWS_S3_REGION_NAME="us-east-1",
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
    )
    return subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def _s3_client(endpoint: str) -> Any:
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


@pytest.mark.integration
def test_createbucket_creates_private_bucket_once(s3_endpoint: str) -> None:
    first = _run_createbucket(s3_endpoint, "compose-media")
    second = _run_createbucket(s3_endpoint, "compose-media")
    assert (first.returncode, first.stdout) == (0, "createbucket: bucket compose-media created, private\n")
    assert (second.returncode, second.stdout) == (0, "createbucket: bucket compose-media exists, private\n")
    assert _s3_client(s3_endpoint).list_objects_v2(Bucket="compose-media")["KeyCount"] == 0


@pytest.mark.integration
def test_createbucket_fails_when_bucket_publicly_readable(s3_endpoint: str) -> None:
    client = _s3_client(s3_endpoint)
    client.create_bucket(Bucket="compose-public")
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": "arn:aws:s3:::compose-public/*",
            }
        ],
    }
    client.put_bucket_policy(Bucket="compose-public", Policy=json.dumps(policy))
    result = _run_createbucket(s3_endpoint, "compose-public")
    assert result.returncode == 1
    assert result.stderr == (
        "createbucket: objects in bucket compose-public can be read without credentials; make it private\n"
    )
    assert client.list_objects_v2(Bucket="compose-public")["KeyCount"] == 0


# --- Image ----------------------------------------------------------------------------


def test_dockerfile_installs_pdf_libraries_and_cjk_fonts() -> None:
    instructions = _dockerfile()
    assert instructions[0] == ("FROM", "python:3.11-slim-bookworm")
    installs = [arguments for keyword, arguments in instructions if keyword == "RUN" and "apt-get install" in arguments]
    assert len(installs) == 1
    packages = set(installs[0].split("apt-get install", 1)[1].split("&&", 1)[0].split())
    assert packages >= {"fonts-noto-cjk", "libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "gettext"}


def test_dockerfile_runs_as_non_root_user() -> None:
    users = [arguments for keyword, arguments in _dockerfile() if keyword == "USER"]
    assert users == ["10001:10001"]
    creates = [arguments for keyword, arguments in _dockerfile() if keyword == "RUN" and "useradd" in arguments]
    assert len(creates) == 1
    assert "--uid 10001" in creates[0]
    assert "--gid 10001" in creates[0]


def test_dockerfile_build_step_collects_static_without_services(tmp_path: Path) -> None:
    (step,) = [arguments for keyword, arguments in _dockerfile() if keyword == "RUN" and "collectstatic" in arguments]
    exports = step.removeprefix("export ").split("&&", 1)[0]
    build_env = dict(assignment.split("=", 1) for assignment in exports.split())
    assert build_env["DJANGO_SETTINGS_MODULE"] == PRODUCTION_SETTINGS
    # .invalid hosts can never resolve: the step passes only if nothing connects.
    assert all(".invalid" in build_env[name] for name in ("DATABASE_URL", "REDIS_URL", "EMAIL_URL", "SITE_URL"))
    result = _manage({**build_env, "STATIC_ROOT": str(tmp_path)}, "collectstatic", "--noinput")
    assert result.returncode == 0, result.stdout + result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())
    assert "css" in {Path(name).parts[0] for name in manifest["paths"]}


def test_dockerignore_keeps_secrets_and_local_state_out() -> None:
    ignored = {line for line in (ROOT / ".dockerignore").read_text().splitlines() if line and not line.startswith("#")}
    assert ignored >= {".env", ".env.*", ".git", ".venv", "db.sqlite3", "media", "staticfiles", "tests"}
    assert ignored & {"static", "templates", "locale", "manage.py", "pyproject.toml"} == set()
