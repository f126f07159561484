"""Benchmark of publication day: certificates and the public winners page.

    .venv/bin/python scripts/bench_publication.py [--certificates 21] [--seconds 5] [--concurrency 8]
    make bench-publication

Works in a throw-away SQLite database and media folder (nothing else is
touched), with the quick start's past edition (``seed_demo_results``) grown to
``--certificates`` winners (names in Korean, Japanese and Spanish), two
signatories and a live publication.

1. Certificates per second through the whole pipeline — asking for a new
   rendering (``certificate_regenerate``), the task (eager here), snapshot, WeasyPrint
   rendering, storing the PDF and recording it — against bare WeasyPrint
   writing the same HTML (the same certificates' HTML, same fonts and static
   files) in the same run. Target: pipeline / bare >= 0.8.
2. Requests per second of the winners page (cached, anonymous) under load,
   against a minimal Django view (``HttpResponse("ok")`` behind the same
   middleware) served the same way: gunicorn, 2 sync workers, the same
   settings, ``--concurrency`` clients (a connection per request) for
   ``--seconds`` each. The cache is Redis when REDIS_URL is set, else local memory. Target:
   winners / minimal >= 0.6.

Exit status 1 when a ratio is below its target or a response is not 200.
"""

from __future__ import annotations

import argparse
import io
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchlib import say

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = Path(__file__).resolve().parent


def _environment(work: Path) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        # Persistent connections, as in production settings.
        "DATABASE_CONN_MAX_AGE": "60",
        "MEDIA_ROOT": str(work / "media"),
        "AWS_STORAGE_BUCKET_NAME": "",
        "EMAIL_URL": "dummymail://",
        "CELERY_TASK_ALWAYS_EAGER": "true",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(SCRIPTS)]),
        "SITE_URL": "https://sscp.example",
    }


def _build(count: int) -> None:
    """The demo's 2025 edition with ``count`` winners: decisions locked,
    results published and certificates rendered (the warm-up), through the
    same services as staff's clicks."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("seed_demo_users", allow_production=True, verbosity=0, stdout=io.StringIO())
    call_command("seed_demo_results", winners=count, force=True, stdout=io.StringIO())


def _certificates(count: int) -> tuple[float, float]:
    """Seconds for the pipeline and for bare WeasyPrint, ``count`` certificates each."""
    from weasyprint import HTML

    from judging.models import Certificate
    from judging.rendering.certificate import render_certificate_html
    from judging.services import certificate_regenerate
    from prize_portal.accounts.models import User
    from prize_portal.documents import base_url, static_url_fetcher

    staff = User.objects.filter(is_staff=True).order_by("pk").first()
    if staff is None:
        raise SystemExit("no staff account in the benchmark database")
    # The seed rendered each once: fonts and templates are warm for both paths.
    certificates = list(Certificate.objects.select_related("entry").order_by("pk"))
    if len(certificates) != count or any(not c.is_ready for c in certificates):
        raise SystemExit(f"expected {count} rendered certificates, found {len(certificates)}")

    # Interleaved, one certificate at a time, so that a slower moment of the
    # machine weighs on both sides alike.
    pipeline = bare = 0.0
    for certificate in certificates:
        started = time.perf_counter()
        certificate_regenerate(actor=staff, certificate_id=certificate.pk)  # ask, render, store, record
        pipeline += time.perf_counter() - started
        certificate.refresh_from_db()
        html = render_certificate_html(certificate, certificate.snapshot)
        started = time.perf_counter()
        HTML(string=html, base_url=base_url(), url_fetcher=static_url_fetcher()).write_pdf()
        bare += time.perf_counter() - started
    rendered = Certificate.objects.filter(rendered_version=2).count()
    if rendered != count:
        raise SystemExit(f"only {rendered} of {count} certificates were rendered again")
    return pipeline, bare


# --- Load on the winners page -------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(port: int, request: bytes) -> int:
    """One GET on its own connection (gunicorn's sync workers close it after
    each response, as behind the production proxy); returns the status. A plain
    reader, so that the client takes as little as it can of the CPU the server
    needs too."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        received = []
        while chunk := connection.recv(65536):
            received.append(chunk)
    response = b"".join(received)
    if not response:
        raise OSError("empty response")
    return int(response.split(b" ", 2)[1])


def _load(port: int, path: str, seconds: float, concurrency: int) -> tuple[int, int]:
    """(successful responses, failures) of ``concurrency`` clients for ``seconds``."""
    counts = [0, 0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept-Language: en\r\nConnection: close\r\n\r\n"

    def client() -> None:
        ok = failed = 0
        while time.monotonic() < stop:
            try:
                if _get(port, request.encode()) == 200:
                    ok += 1
                else:
                    failed += 1
            except (OSError, ValueError, IndexError):
                failed += 1
        with lock:
            counts[0] += ok
            counts[1] += failed

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counts[0], counts[1]


def _serve(env: dict[str, str], work: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    log = (work / "gunicorn.log").open("wb")
    server = subprocess.Popen(  # noqa: S603
        [
            *[sys.executable, "-m", "gunicorn", "prize_portal.wsgi", "--workers", "2", "--worker-class", "sync"],
            *["--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited:\n{(work / 'gunicorn.log').read_text()[-3000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server, port
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not come up within 60 s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--certificates", type=int, default=21)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--certificate-target", type=float, default=0.8)
    parser.add_argument("--page-target", type=float, default=0.6)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-publication-") as folder:
        work = Path(folder)
        (work / "media").mkdir()
        env = _environment(work)
        os.environ.update(env)
        sys.path[:0] = [str(ROOT), str(SCRIPTS)]
        import django

        django.setup()
        from django.conf import settings

        _build(args.certificates)
        say(f"Publication benchmark: {args.certificates} winners of the 2025 edition, SQLite, local media")
        pipeline, bare = _certificates(args.certificates)
        pipeline_rate, bare_rate = args.certificates / pipeline, args.certificates / bare
        certificate_ratio = pipeline_rate / bare_rate
        say(f"certificates, whole pipeline (ask, render, store, record): {pipeline_rate:6.2f} per second")
        say(f"certificates, bare WeasyPrint on the same HTML:          {bare_rate:6.2f} per second")
        say(f"ratio pipeline / bare: {certificate_ratio:.2f} (target >= {args.certificate_target})")

        server, port = _serve(env, work)
        try:
            for path in ("/bench/minimal/", "/en/winners/2025/"):
                _load(port, path, 1.0, args.concurrency)  # warm every worker (and its cache)
            minimal, minimal_failed = _load(port, "/bench/minimal/", args.seconds, args.concurrency)
            winners, winners_failed = _load(port, "/en/winners/2025/", args.seconds, args.concurrency)
        finally:
            server.terminate()
            server.wait(timeout=20)
        cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
        minimal_rate, winners_rate = minimal / args.seconds, winners / args.seconds
        page_ratio = winners_rate / minimal_rate if minimal_rate else 0.0
        served = f"gunicorn 2 sync workers, {args.concurrency} clients (a connection per request)"
        say(f"{served}, {args.seconds:g} s each, cache {cache}")
        say(f"minimal Django view:        {minimal_rate:8.1f} requests per second ({minimal_failed} failed)")
        say(f"winners page (cached, en):  {winners_rate:8.1f} requests per second ({winners_failed} failed)")
        say(f"ratio winners / minimal: {page_ratio:.2f} (target >= {args.page_target})")

    failed = minimal_failed or winners_failed or not minimal or not winners
    if failed or certificate_ratio < args.certificate_target or page_ratio < args.page_target:
        say("FAILED: a target was missed or a response was not 200")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
