"""Benchmark of the file intake: upload a 20 MB PDF through the running app and
report the web worker's peak memory growth and the time taken.

    .venv/bin/python scripts/bench_intake.py [--runs 3] [--size BYTES] [--target-mb 20]
    make bench-intake

It works in a throw-away folder (SQLite database, MEDIA_ROOT, the PDF, the
server log), so the developer database and media are never touched:

1. ``manage.py migrate``, then a separate set-up process (this script with
   ``--setup``) creates an applicant, an organisation, an open cycle and
   category, a draft entry and a signed-in session;
2. gunicorn serves ``prize_portal.wsgi`` with one sync worker;
3. the CSRF token comes from the entry's edit page; one small upload warms up;
4. per run: the worker's peak RSS is reset (``/proc/<pid>/clear_refs``), the PDF
   is streamed from disk as a multipart body (the client never holds it in
   memory either), and the worker's VmHWM afterwards gives the peak growth.
   Celery is not eager here (as in production): the stored file must equal
   the upload byte for byte. Then the PDF check a worker runs after the upload
   runs in a process of its own, its time and peak growth printed beside the
   upload's, and the stored file must be the checked copy (made here too,
   byte for byte); the attachment is then deleted again (an entry holds at
   most 12 files).

Exit status 1 when any run is not HTTP 201, stores a different file, or grows
the worker by the target or more. Linux only (reads /proc).
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import re
import resource
import secrets
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

from benchlib import say

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
DEFAULT_SIZE = 20 * MB - 1024  # just under PDF_MAX_BYTES (prize_portal/files/checks.py)
CHUNK = 256 * 1024
DEFAULT_SETTINGS = "prize_portal.settings.local"


# --- Test data (runs in its own process, before the server starts) ----------


def setup_data() -> None:
    """Create the fixture rows and print their ids and a session key as JSON."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from datetime import timedelta
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils import timezone

    from categories.enums import ApplicantType, CycleStatus
    from categories.models import Category, Cycle
    from prize_portal.accounts.roles import Role
    from prize_portal.accounts.services import user_create_verified
    from submissions.services import entry_start, organisation_create

    now = timezone.now()
    user = user_create_verified(
        email="bench@example.org", password=secrets.token_urlsafe(24), language="en", role=Role.APPLICANT
    )
    organisation = organisation_create(
        user=user,
        type=ApplicantType.CITY,
        name_native="서울특별시",
        name_en="Seoul Metropolitan Government",
        country="KR",
        city="Seoul",
        contact_name="Kim Ji-woo",
    )
    cycle = Cycle.objects.create(
        year=now.year + 50,
        name_en="Benchmark cycle",
        name_ko="벤치마크",
        status=CycleStatus.ANNOUNCED,
        applications_open_at=now - timedelta(days=1),
        applications_close_at=now + timedelta(days=1),
    )
    category = Category.objects.create(
        cycle=cycle,
        code="bench",
        reference_letter="B",
        name_en="Benchmark",
        name_ko="벤치마크",
        applicant_types=[ApplicantType.CITY],
    )
    entry = entry_start(user=user, organisation=organisation, category=category)
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = "allauth.account.auth_backends.AuthenticationBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    sys.stdout.write(
        json.dumps(
            {
                "entry_id": entry.pk,
                "session_cookie": settings.SESSION_COOKIE_NAME,
                "session_key": session.session_key,
                "csrf_cookie": settings.CSRF_COOKIE_NAME,
            }
        )
        + "\n"
    )


# --- The PDF -----------------------------------------------------------------


def write_pdf(path: Path, size: int) -> None:
    """A valid one-page PDF of exactly ``size`` bytes: header, the catalogue,
    a page whose content stream is comment lines (padding a reader draws
    nothing for, but which the check must copy like any page content), then
    the cross-reference table, trailer and %%EOF."""
    header = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    ]
    body = bytearray(header)
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, content)
    offsets.append(len(body))  # object 4, the content stream, is written below
    count = len(objects) + 1

    def tail(xref_at: int) -> bytes:
        entries = b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
        return (
            b"xref\n0 %d\n0000000000 65535 f \n%s" % (count + 1, entries)
            + b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (count + 1)
            + b"startxref\n%d\n%%%%EOF\n" % xref_at
        )

    def stream_head(length: int) -> bytes:
        return b"4 0 obj\n<< /Length %010d >>\nstream\n" % length

    stream_end = b"\nendstream\nendobj\n"
    xref_at = 0
    for _ in range(5):  # the offset's digit count changes the tail's length
        xref_at = size - len(tail(xref_at))
    end = tail(xref_at)
    padding = size - len(body) - len(stream_head(0)) - len(stream_end) - len(end)
    if padding < 2 or xref_at != size - len(end):
        raise SystemExit(f"--size {size} is too small for a PDF")
    line = b"%" + b"benchmark padding " * 56 + b"\n"  # 1010 bytes per comment line
    with path.open("wb") as out:
        out.write(body)
        out.write(stream_head(padding))
        left = padding
        while left >= len(line):
            out.write(line)
            left -= len(line)
        if left:
            out.write(b"%" * (left - 1) + b"\n" if left > 1 else b"\n")
        out.write(stream_end)
        out.write(end)
    if path.stat().st_size != size:
        raise SystemExit(f"wrote {path.stat().st_size} bytes, expected {size}")


def clean_copy(python: str, pdf: Path, work: Path, env: dict[str, str]) -> Path:
    """What the check stores for ``pdf`` (prize_portal/files/pdfs.py), made
    here too, in a process of its own (this client's memory stays the
    streaming client's): with Celery eager (``make run``) the check runs in
    the web worker right after the upload commits, and replaces the upload."""
    target = work / "expected-clean.pdf"
    code = "import sys; from prize_portal.files.pdfs import clean_pdf; clean_pdf(sys.argv[1], sys.argv[2])"
    subprocess.run([python, "-c", code, str(pdf), str(target)], cwd=ROOT, env=env, check=True)  # noqa: S603
    return target


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


# --- The web process -----------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    if path.exists():
        return [int(child) for child in path.read_text().split()]
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def memory(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of a process, in bytes."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) * 1024
    return values


def reset_peak(pid: int) -> None:
    Path(f"/proc/{pid}/clear_refs").write_text("5")


def wait_for_worker(server: subprocess.Popen[bytes], port: int, log: Path) -> int:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with {server.returncode}:\n{log.read_text()[-3000:]}")
        workers = children(server.pid)
        if workers:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return workers[0]
            except OSError:
                pass
        time.sleep(0.2)
    raise SystemExit(f"gunicorn did not come up within 60 s:\n{log.read_text()[-3000:]}")


# --- The client ------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


class Client:
    """Just enough of a browser: one cookie jar, CSRF header, streamed uploads."""

    def __init__(self, port: int, cookies: dict[str, str]) -> None:
        self.port = port
        self.cookies = dict(cookies)

    def request(
        self, method: str, path: str, body: bytes | Iterator[bytes] | None = None, headers: dict[str, str] | None = None
    ) -> Response:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        try:
            conn.putrequest(method, path)
            all_headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), **(headers or {})}
            if isinstance(body, bytes):
                all_headers["Content-Length"] = str(len(body))
            for name, value in all_headers.items():
                conn.putheader(name, value)
            conn.endheaders()
            try:
                if isinstance(body, bytes):
                    conn.send(body)
                elif body is not None:
                    for block in body:
                        conn.send(block)
            except OSError:
                pass  # the server answered early and closed; read its answer
            answer = conn.getresponse()
            content = answer.read()
            for header in answer.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return Response(answer.status, answer.headers, content)
        finally:
            conn.close()

    def upload(self, path: str, pdf: Path, csrf: str) -> Response:
        """POST ``pdf`` as the multipart field ``file``, read from disk in chunks
        with the Content-Length computed up front (no chunked encoding)."""
        boundary = "----bench-intake-" + os.urandom(8).hex()
        head = (
            f"--{boundary}\r\n"
            'Content-Disposition: form-data; name="question"\r\n\r\n\r\n'
            f"--{boundary}\r\n"
            f'Content-Disposition: form-data; name="file"; filename="{pdf.name}"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        foot = f"\r\n--{boundary}--\r\n".encode()

        def parts() -> Iterator[bytes]:
            yield head
            with pdf.open("rb") as stream:
                while block := stream.read(CHUNK):
                    yield block
            yield foot

        length = len(head) + pdf.stat().st_size + len(foot)
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Content-Length": str(length),
            "X-Requested-With": "fetch",
            "X-CSRFToken": csrf,
            "Accept": "application/json",
        }
        return self.request("POST", path, parts(), headers)


# --- The benchmark ---------------------------------------------------------------


@dataclass
class Run:
    status: int
    seconds: float
    rss_before: int
    peak: int
    stored_ok: bool
    detail: str = ""

    @property
    def growth(self) -> int:
        return self.peak - self.rss_before


def stored_file(database: Path, media: Path, attachment_id: int) -> Path | None:
    with sqlite3.connect(database) as db:
        row = db.execute("SELECT file FROM submissions_attachment WHERE id = ?", (attachment_id,)).fetchone()
    return media / row[0] if row else None


def check_stored(stored: Path | None, answer: dict[str, Any], expected: Path, digest: str) -> str:
    """Empty when the stored file is ``expected`` (size and sha256 ``digest``)
    and the upload reported the whole file; else what differs."""
    if answer.get("size") is not None and answer["size"] != expected.stat().st_size:
        return f"upload size reported {answer.get('size')} != {expected.stat().st_size}"
    if stored is None or not stored.is_file():
        return "stored file missing"
    if stored.stat().st_size != expected.stat().st_size or sha256(stored) != digest:
        return f"stored {stored.stat().st_size} bytes differ from {expected.name} ({expected.stat().st_size} bytes)"
    return ""


def run_check(python: str, env: dict[str, str], attachment_id: int) -> dict[str, Any]:
    """The PDF check, as a worker runs it, in a process of its own: its time,
    its peak memory growth over the process's RSS before the check, its result."""
    answer = subprocess.run(  # noqa: S603
        [python, str(Path(__file__).resolve()), "--check", str(attachment_id)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return dict(json.loads(answer.stdout.decode().strip().splitlines()[-1]))


def check_attachment(attachment_id: int) -> None:
    """(``--check``) Run the check of one attachment and print what it cost as JSON."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from submissions.services.attachment_checks import attachment_check

    before = memory(os.getpid())["VmRSS"]
    reset_peak(os.getpid())
    started = time.perf_counter()
    checked = attachment_check(attachment_id=attachment_id)
    seconds = time.perf_counter() - started
    growth = memory(os.getpid())["VmHWM"] - before
    result = {"seconds": seconds, "growth": growth, "status": checked.status, "removed": checked.removed}
    sys.stdout.write(json.dumps(result) + "\n")


def mb(value: float) -> str:
    return f"{value / MB:.1f}"


def benchmark(args: argparse.Namespace, work: Path, cleanup: list[Any]) -> int:
    database, media, pdf, log = work / "db.sqlite3", work / "media", work / "intake-bench.pdf", work / "gunicorn.log"
    media.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": args.settings,
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(media),
        "REDIS_URL": "",
        # As in production, the PDF check is a worker's: queued (to an in-memory broker
        # nobody reads) by the web process, run by this script after each upload.
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "AWS_STORAGE_BUCKET_NAME": "",
        "EMAIL_URL": "consolemail://",
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)  # noqa: S603
    made = subprocess.run(  # noqa: S603
        [python, str(Path(__file__).resolve()), "--setup"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    fixture = json.loads(made.stdout.decode().strip().splitlines()[-1])
    entry_id = fixture["entry_id"]

    write_pdf(pdf, args.size)
    digest = sha256(pdf)
    expected = clean_copy(python, pdf, work, env)
    expected_digest = sha256(expected)
    small = work / "warm-up.pdf"
    write_pdf(small, 16 * 1024)

    port = free_port()
    options = ["--bind", f"127.0.0.1:{port}", "--timeout", "300", "--log-level", "warning"]
    with log.open("wb") as log_stream:
        server = subprocess.Popen(  # noqa: S603
            [python, "-m", "gunicorn", "prize_portal.wsgi", "--workers", "1", "--worker-class", "sync", *options],
            cwd=ROOT,
            env=env,
            stdout=log_stream,
            stderr=subprocess.STDOUT,
        )
    cleanup.append(server)
    worker = wait_for_worker(server, port, log)

    client = Client(port, {fixture["session_cookie"]: fixture["session_key"]})
    edit = client.request("GET", f"/en/entries/{entry_id}/edit/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', edit.body)
    if edit.status != 200 or token is None or fixture["csrf_cookie"] not in client.cookies:
        raise SystemExit(f"could not open the entry's edit page (HTTP {edit.status}): is the session signed in?")
    csrf = token.group(1).decode()
    upload_path = f"/en/entries/{entry_id}/files/"

    def delete(answer: dict[str, Any]) -> None:
        body = f"csrfmiddlewaretoken={csrf}".encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", "X-CSRFToken": csrf}
        gone = client.request("POST", f"{upload_path}{answer['id']}/delete/", body, headers)
        if gone.status not in (200, 302):
            raise SystemExit(f"deleting attachment {answer['id']} failed: HTTP {gone.status}")

    warm = client.upload(upload_path, small, csrf)
    if warm.status != 201:
        raise SystemExit(f"warm-up upload failed: HTTP {warm.status} {warm.body[:300]!r}")
    delete(json.loads(warm.body))

    size = pdf.stat().st_size
    say(
        f"Intake benchmark: {size:,} byte PDF ({mb(size)} MB) -> POST {upload_path}, "
        f"gunicorn 1 sync worker (pid {worker}), {args.runs} run(s)"
    )
    say(
        f"{'run':>3}  {'status':>6}  {'seconds':>7}  {'MB/s':>6}  {'RSS before':>10}  {'peak RSS':>10}  "
        f"{'growth':>8}  stored  check s  check growth"
    )
    runs: list[Run] = []
    checks: list[dict[str, Any]] = []
    for number in range(1, args.runs + 1):
        reset_peak(worker)
        before = memory(worker)["VmRSS"]
        started = time.perf_counter()
        answer = client.upload(upload_path, pdf, csrf)
        seconds = time.perf_counter() - started
        peak = memory(worker)["VmHWM"]
        detail = ""
        check: dict[str, Any] = {"seconds": 0.0, "growth": 0}
        if answer.status == 201:
            created = json.loads(answer.body)
            detail = check_stored(stored_file(database, media, int(created["id"])), created, pdf, digest)
            if not detail:  # the upload is stored as sent; now the check a worker runs after it
                check = run_check(python, env, int(created["id"]))
                cleaned = stored_file(database, media, int(created["id"]))
                detail = (
                    check_stored(cleaned, {}, expected, expected_digest) if check["status"] == "clean" else "refused"
                )
            delete(created)
        else:
            detail = answer.body[:300].decode(errors="replace")
        run = Run(answer.status, seconds, before, peak, stored_ok=answer.status == 201 and not detail, detail=detail)
        runs.append(run)
        checks.append(check)
        say(
            f"{number:>3}  {run.status:>6}  {run.seconds:>7.3f}  {size / MB / run.seconds:>6.1f}  "
            f"{mb(run.rss_before):>7} MB  {mb(run.peak):>7} MB  {mb(run.growth):>5} MB  "
            f"{'ok' if run.stored_ok else 'WRONG' if run.status == 201 else '-':>6}  "
            f"{check['seconds']:>7.3f}  {mb(check['growth']):>5} MB"
        )
        if detail:
            say(f"     {detail}")
    if children(server.pid) != [worker]:
        say("The worker was replaced during the benchmark (crash or timeout?).")
        return 1

    growths = [run.growth for run in runs]
    times = [run.seconds for run in runs]
    target = args.target_mb * MB
    ok = all(run.status == 201 and run.stored_ok for run in runs)
    passed = ok and max(growths) < target
    say(
        f"time: median {statistics.median(times):.3f} s, max {max(times):.3f} s "
        f"({size / MB / statistics.median(times):.1f} MB/s median)"
    )
    say(
        f"peak growth: median {mb(statistics.median(growths))} MB, max {mb(max(growths))} MB "
        f"(target < {args.target_mb:g} MB)"
    )
    say(
        f"check (in a worker, after the upload): median {statistics.median(c['seconds'] for c in checks):.3f} s, "
        f"peak growth median {mb(statistics.median(c['growth'] for c in checks))} MB "
        "(the worker's, not the web process's)"
    )
    client_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    say(f"benchmark client's own peak RSS: {mb(client_peak)} MB (the PDF is streamed from disk)")
    say(f"{'PASS' if passed else 'FAIL'}" + ("" if ok else " (a run failed or stored a different file)"))
    return 0 if passed else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3, help="measured uploads (default 3)")
    parser.add_argument("--size", type=int, default=DEFAULT_SIZE, help=f"PDF size in bytes (default {DEFAULT_SIZE})")
    parser.add_argument("--target-mb", type=float, default=20.0, help="fail at this peak growth in MB (default 20)")
    parser.add_argument(
        "--settings", default=DEFAULT_SETTINGS, help=f"settings module of the server (default {DEFAULT_SETTINGS})"
    )
    parser.add_argument("--keep", action="store_true", help="keep the work folder (database, media, server log)")
    parser.add_argument("--setup", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--check", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.setup:
        setup_data()
        return 0
    if args.check:
        check_attachment(args.check)
        return 0
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if not Path("/proc/self/clear_refs").exists():
        parser.error("needs Linux /proc (clear_refs, VmHWM)")

    work = Path(tempfile.mkdtemp(prefix="bench-intake-"))
    cleanup: list[Any] = []
    try:
        return benchmark(args, work, cleanup)
    except subprocess.CalledProcessError as error:
        say(f"{' '.join(map(str, error.cmd))} failed with {error.returncode}")
        if error.stderr:
            say(error.stderr.decode(errors="replace")[-3000:])
        return 1
    finally:
        for server in cleanup:
            if server.poll() is None:
                server.send_signal(signal.SIGTERM)
                try:
                    server.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
        if args.keep:
            say(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
