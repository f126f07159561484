"""Benchmark of removing an edition's personal data after its retention
period, on PostgreSQL.

    .venv/bin/python scripts/bench_retention.py [--entries 250] [--rounds 3] [--batch 25]
    make bench-retention

It works in its own databases on the DATABASE_URL server (default
postgres://postgres@127.0.0.1:5432/): ``bench_retention_base`` is built once
and ``bench_retention`` is copied from it (``CREATE DATABASE … TEMPLATE``,
with a copy of the media folder) before every timed run, so each run starts
from the same data and no other database is touched.

1. The data of a year's prize: an edition that closed in 2020 with
   ``--entries`` submitted entries of as many organisations in 50 countries,
   each with its owner and one or two collaborators, ten answers, two files
   and the submitted version's PDF on the local media storage, a tenth of
   them winners of a published award; the audit trail (40 events per entry),
   the outbox (5 e-mails per person) and the sessions (one per person) such a
   year leaves; and a current edition with a fifth as many entries, whose
   people and organisations must stay.
2. Interleaved, ``--rounds`` times each: the dry run (the staff page's plan
   and lists), then the run confirmed and taken to the end in batches of
   ``--batch`` steps (the task's way), against the same run in a single batch
   (one transaction: the baseline). Each run is checked against its dry run:
   what it listed is gone, the winners, the current edition and the audit
   trail's protection are intact.

Prints the medians, the longest transaction (the longest any row stays
locked), queries per step, what was removed, and the load average. Exit
status 1 when a run removed something else than its dry run listed, or the
batched run takes more than 1.5 times the single batch.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from benchlib import say

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BASE, COPY = "bench_retention_base", "bench_retention"
COUNTRIES = [
    "KR", "JP", "CN", "TW", "MN", "VN", "TH", "MY", "SG", "ID", "PH", "IN", "BD", "LK", "NP", "PK", "UZ", "KZ",
    "AE", "SA", "QA", "TR", "IL", "EG", "MA", "KE", "NG", "GH", "ZA", "RW", "ES", "FR", "PT", "IT", "DE", "NL",
    "BE", "SE", "FI", "PL", "GB", "IE", "US", "CA", "MX", "CO", "PE", "BR", "AR", "CL",
]  # fmt: skip
NAMES = ["김민지", "佐藤 花子", "王伟", "María José Pérez", "Amélie Dubois", "Nguyễn Văn An", "Olusegun Adeyemi"]


def _admin(server_url: str) -> Any:
    import psycopg2

    connection = psycopg2.connect(urlunsplit(urlsplit(server_url)._replace(path="/postgres")))
    connection.autocommit = True
    return connection


def _sql(server_url: str, *statements: str) -> None:
    connection = _admin(server_url)
    try:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    finally:
        connection.close()


def _database(server_url: str, name: str, template: str = "") -> None:
    create = f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else "")
    _sql(server_url, f"DROP DATABASE IF EXISTS {name}", create)


def _use(server_url: str, name: str) -> None:
    from django.db import connections

    connections["default"].close()
    connections["default"].settings_dict["NAME"] = name
    del server_url


def _build(count: int) -> None:
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from django.contrib.sessions.backends.db import SessionStore
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.core.management import call_command
    from django.utils import timezone

    from categories.models import Category, Cycle, Question
    from judging.models import Award, Publication
    from prize_portal.accounts.models import User
    from prize_portal.audit.models import AuditEvent
    from prize_portal.outbox.models import OutboxMessage
    from submissions.enums import EntryStatus
    from submissions.models import Answer, Attachment, Entry, Organisation, Submission

    call_command("migrate", verbosity=0)
    call_command("seed_prize", verbosity=0)
    seoul = ZoneInfo("Asia/Seoul")
    current = Cycle.objects.order_by("-year").first()
    assert current is not None
    past = Cycle.objects.create(
        year=2020,
        name_en="Seoul Smart City Prize 2020",
        applications_open_at=datetime(2020, 2, 1, tzinfo=seoul),
        applications_close_at=datetime(2020, 5, 29, tzinfo=seoul),
    )
    template = Category.objects.filter(cycle=current, code="project").first()
    assert template is not None
    questions = list(Question.objects.filter(category=template)[:10])
    categories = {}
    for cycle in (past, current):
        category = Category.objects.filter(cycle=cycle, code="project").first()
        if category is None:
            category = Category.objects.create(
                cycle=cycle, code="project", reference_letter="P", name_en="Project", applicant_types=["city"]
            )
        categories[cycle.pk] = category
    now = timezone.now()

    def edition(cycle: Cycle, number: int, prefix: str) -> list[Entry]:
        people = User.objects.bulk_create(
            User(email=f"{prefix}{i}-{seat}@city{i}.example", name=f"{NAMES[(i + seat) % len(NAMES)]} {prefix}{i}")
            for i in range(number)
            for seat in range(3 if i % 2 else 2)
        )
        by_entry: dict[int, list[User]] = {}
        for person in people:
            by_entry.setdefault(int(person.email.split("-")[0][len(prefix) :]), []).append(person)
        organisations = Organisation.objects.bulk_create(
            Organisation(
                type="city",
                name_en=f"City of {prefix}{i}",
                name_native=f"도시 {i}",
                country=COUNTRIES[i % len(COUNTRIES)],
                city=f"City {i}",
                contact_name=by_entry[i][0].name,
                contact_phone=f"+82 2 {i:04d} 0000",
            )
            for i in range(number)
        )
        category = categories[cycle.pk]
        entries = Entry.objects.bulk_create(
            Entry(
                cycle=cycle,
                category=category,
                organisation=organisations[i],
                owner=by_entry[i][0],
                title_en=f"Smart city plan {prefix}{i}",
                summary_en="Tablets, tutors and open data for every district. " * 10,
                status=EntryStatus.IN_REVIEW,
                sequence=i + 1,
                reference=f"SSCP-{cycle.year}-P-{i + 1:04d}",
                submitted_at=now,
            )
            for i in range(number)
        )
        through = Entry.collaborators.through
        through.objects.bulk_create(
            through(entry_id=entry.pk, user_id=person.pk)
            for i, entry in enumerate(entries)
            for person in by_entry[i][1:]
        )
        Answer.objects.bulk_create(
            Answer(entry=entry, question=question, value=f"{entry.owner.name} answers: " + "details " * 60)
            for entry in entries
            for question in questions
        )
        pdf = b"%PDF-1.4\n" + b"0" * 40_000 + b"\n%%EOF\n"
        attachments = []
        for entry in entries:
            for n in range(2):
                name = default_storage.save(f"entries/{entry.pk}/plan-{n}.pdf", ContentFile(pdf))
                attachments.append(
                    Attachment(
                        entry=entry,
                        file=name,
                        original_name=f"plan-{n}.pdf",
                        content_type="application/pdf",
                        size=len(pdf),
                        status="clean",
                    )
                )
        Attachment.objects.bulk_create(attachments)
        Submission.objects.bulk_create(
            Submission(
                entry=entry,
                number=1,
                submitted_at=now,
                content={"title_en": entry.title_en, "contact": entry.owner.name},
                pdf=default_storage.save(f"submissions/{entry.pk}/v1.pdf", ContentFile(pdf)),
            )
            for entry in entries
        )
        AuditEvent.objects.bulk_create(
            AuditEvent(
                actor=entry.owner,
                action=f"entry.step{n}",
                target_type="submissions.entry",
                target_id=str(entry.pk),
                target_repr=entry.reference or "",
                after={"version": n},
            )
            for entry in entries
            for n in range(40)
        )
        OutboxMessage.objects.bulk_create(
            OutboxMessage(
                to_email=person.email,
                user=person,
                template="submissions/email/submitted",
                language="en",
                context={"reference": "SSCP", "name": person.name},
                dedupe_key=f"bench:{person.pk}:{n}",
                status="sent",
                sent_at=now,
            )
            for person in people
            for n in range(5)
        )
        for person in people:
            session = SessionStore()
            session["_auth_user_id"] = str(person.pk)
            session.set_expiry(timedelta(days=14))
            session.save()
        return entries

    past_entries = edition(past, count, "p")
    edition(current, max(count // 5, 1), "c")
    from categories.models import AwardLevel

    level = AwardLevel.objects.create(cycle=past, code="gold", name="Gold")
    Award.objects.bulk_create(
        Award(cycle=past, entry=entry, level=level, special_mention=True, citation="For all.", decided_at=now)
        for entry in past_entries[: max(count // 10, 1)]
    )
    Publication.objects.create(cycle=past, visible_from=now, published_at=now)
    User.objects.create(email="dpo@wego.example", name="Privacy officer", is_staff=True)


def _run(batch: int, media: Path, pristine: Path) -> dict[str, Any]:
    """One timed run on a fresh copy: the dry run, then the confirmed run in ``batch``-step batches."""
    from django.core.files.storage import default_storage
    from django.db import connection

    from categories.models import Cycle
    from judging.models import Award, RetentionRun
    from judging.selectors.retention import retention_dry_run
    from judging.services import retention
    from judging.services.retention import retention_confirm, retention_run_batch

    retention.queue_task_on_commit = lambda *args, **kwargs: None  # the benchmark is the worker
    from prize_portal.accounts.models import User
    from submissions.models import Answer, Attachment, Submission

    shutil.rmtree(media, ignore_errors=True)
    shutil.copytree(pristine, media)
    cycle = Cycle.objects.get(year=2020)
    staff = User.objects.get(email="dpo@wego.example")
    current_people = set(User.objects.filter(email__regex=r"^c[0-9]+-").values_list("pk", flat=True))
    winners = set(Award.objects.filter(cycle=cycle).values_list("entry_id", flat=True))
    started = time.perf_counter()
    dry_run = retention_dry_run(cycle)
    assert dry_run is not None, "the 2020 edition is due"
    dry = time.perf_counter() - started
    plan = dry_run.plan
    names = [*Attachment.objects.filter(entry_id__in=plan.entries).values_list("file", flat=True)]
    names += [*Submission.objects.filter(entry_id__in=plan.entries).exclude(pdf="").values_list("pdf", flat=True)]
    started = time.perf_counter()
    longest = 0.0
    queries = [0]

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        queries[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        run = retention_confirm(cycle_id=cycle.pk, actor=staff, digest=plan.digest)
        while True:
            began = time.perf_counter()
            left = retention_run_batch(run_id=run.pk, batch_size=batch)
            longest = max(longest, time.perf_counter() - began)
            if not left:
                break
    took = time.perf_counter() - started
    run = RetentionRun.objects.get(pk=run.pk)
    problems = []
    if Answer.objects.filter(entry_id__in=plan.entries).exists():
        problems.append("answers of planned entries left")
    if any(default_storage.exists(name) for name in names) or len(names) != plan.files:
        problems.append("files of planned entries left (or not the number planned)")
    if User.objects.filter(pk__in=plan.people, is_active=True).exists():
        problems.append("planned people not erased")
    if User.objects.filter(pk__in=current_people, is_active=True).count() != len(current_people):
        problems.append("people of the current edition erased")
    if winners & set(plan.entries) or not Answer.objects.filter(entry_id__in=winners).exists():
        problems.append("a published winner touched")
    if run.kept or run.finished_at is None:
        problems.append(f"run not finished as planned (kept {run.kept})")
    return {
        "dry": dry,
        "took": took,
        "longest": longest,
        "queries": queries[0],
        "steps": run.total,
        "plan": plan,
        "problems": problems,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=250)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch", type=int, default=25)
    args = parser.parse_args()
    server = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    if not server.startswith(("postgres://", "postgresql://")):
        sys.exit("This benchmark needs PostgreSQL: set DATABASE_URL to a postgres:// URL.")
    work = Path(tempfile.mkdtemp(prefix="bench-retention-"))
    media, pristine = work / "media", work / "pristine"
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "prize_portal.settings.test",
            "DATABASE_URL": urlunsplit(urlsplit(server)._replace(path=f"/{BASE}")),
            "MEDIA_ROOT": str(media),
            "AWS_STORAGE_BUCKET_NAME": "",
            "CELERY_TASK_ALWAYS_EAGER": "true",
        }
    )
    _database(server, BASE)
    import django

    django.setup()
    from django.db import connections

    say(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    started = time.perf_counter()
    _build(args.entries)
    took = time.perf_counter() - started
    say(f"built {args.entries} entries (and {max(args.entries // 5, 1)} current) in {took:.1f} s")
    shutil.copytree(media, pristine)
    results: dict[str, list[dict[str, Any]]] = {"batched": [], "one batch": []}
    try:
        for _ in range(args.rounds):
            for label, batch in (("batched", args.batch), ("one batch", 10**9)):
                connections["default"].close()
                _database(server, COPY, template=BASE)
                _use(server, COPY)
                results[label].append(_run(batch, media, pristine))
                _use(server, BASE)
    finally:
        connections["default"].close()
        _sql(server, f"DROP DATABASE IF EXISTS {COPY}", f"DROP DATABASE IF EXISTS {BASE}")
        shutil.rmtree(work, ignore_errors=True)
    plan = results["batched"][0]["plan"]
    say(
        f"plan: {len(plan.entries)} entries emptied, {len(plan.organisations)} organisations' contacts cleared, "
        f"{len(plan.people)} people erased, {plan.files} files deleted"
    )
    say(f"{'':10} {'dry run':>9} {'run':>9} {'longest tx':>11} {'queries':>8} {'per step':>9}")
    for label, runs in results.items():
        steps = runs[0]["steps"]
        queries = runs[0]["queries"]
        dry, took, longest = (statistics.median(run[key] for run in runs) for key in ("dry", "took", "longest"))
        say(f"{label:10} {dry:8.2f}s {took:8.2f}s {longest:10.2f}s {queries:8d} {queries / max(steps, 1):9.1f}")
    ratio = statistics.median(r["took"] for r in results["batched"]) / statistics.median(
        r["took"] for r in results["one batch"]
    )
    say(f"batched / one batch: {ratio:.2f} (target <= 1.5)")
    say(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    problems = [problem for runs in results.values() for run in runs for problem in run["problems"]]
    for problem in sorted(set(problems)):
        say(f"PROBLEM: {problem}")
    return 1 if problems or ratio > 1.5 else 0


if __name__ == "__main__":
    sys.exit(main())
