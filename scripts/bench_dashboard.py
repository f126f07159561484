"""Benchmark of the reviewer dashboard: the server time of a judge's pages
when the judge has 500 assignments, on PostgreSQL.

    .venv/bin/python scripts/bench_dashboard.py [--assignments 500] [--runs 20] [--target-ms 300]
    make bench-judging

It works in its own database (``bench_judging`` on the DATABASE_URL server,
default postgres://postgres@127.0.0.1:5432/), dropped and created afresh on
each run, so no other database is touched:

1. migrate; one cycle, a Project category with the six criteria and rubrics;
2. ``--assignments`` submitted entries of as many organisations, all in one
   open scored round and assigned to one judge; a third of the reviews are
   drafts and a third submitted, with a score per criterion;
3. with a signed-in test client (the whole Django stack: middleware, MFA
   check, permissions, templates), each page is requested twice to warm up,
   then ``--runs`` times; the median and the slowest time and the number of
   queries are printed per page.

Exit status 1 when a page's median is above the target, or a page does not
answer 200.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from benchlib import say

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = "bench_judging"


def _server_url() -> str:
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("This benchmark needs PostgreSQL: set DATABASE_URL to a postgres:// URL.")
    return url


def _recreate_database(server_url: str) -> str:
    import psycopg2

    parts = urlsplit(server_url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    connection = psycopg2.connect(admin)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {DATABASE}")
        cursor.execute(f"CREATE DATABASE {DATABASE}")
    connection.close()
    return urlunsplit(parts._replace(path=f"/{DATABASE}"))


def _build(count: int) -> tuple[Any, Any, Any]:
    """The data: returns (judge, round, one assignment)."""
    from datetime import timedelta

    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.core.management import call_command
    from django.utils import timezone

    from categories.models import Category, Criterion
    from judging.enums import ReviewState
    from judging.models import Assignment, Review, ReviewScore, Round, RoundEntry
    from judging.services import judge_profile_update
    from prize_portal.accounts.roles import Role
    from prize_portal.accounts.services import user_create_verified
    from submissions.enums import EntryStatus
    from submissions.models import Entry, Organisation, Submission

    call_command("migrate", verbosity=0)
    call_command("seed_prize", verbosity=0)
    category = Category.objects.select_related("cycle").get(code="project")
    criteria = list(Criterion.objects.filter(category=category))
    password = "bench-password-2026"  # noqa: S105  (a throw-away database)
    owner = user_create_verified(email="owner@bench.example", password=password, role=Role.APPLICANT)
    now = timezone.now()
    organisations = Organisation.objects.bulk_create(
        Organisation(
            type="city",
            name_en=f"City {i}",
            name_native=f"도시 {i}",
            country="KR",
            city=f"City {i}",
            contact_name="Contact",
        )
        for i in range(count)
    )
    tracks = list(category.tracks.all())
    entries = Entry.objects.bulk_create(
        Entry(
            cycle=category.cycle,
            category=category,
            track=tracks[i % len(tracks)] if tracks else None,
            organisation=organisations[i],
            owner=owner,
            language="en",
            title_en=f"Entry number {i}",
            summary_en="A summary.",
            status=EntryStatus.IN_REVIEW,
            sequence=i + 1,
            reference=f"SSCP-{category.cycle.year}-P-{i + 1:04d}",
            submitted_at=now,
        )
        for i in range(count)
    )
    Submission.objects.bulk_create(
        Submission(entry=entry, number=1, submitted_at=now, content={"title_en": entry.title_en, "answers": {}})
        for entry in entries
    )
    # Another domain than the applicants': the same domain would be a conflict of interest.
    judge = user_create_verified(email="judge@bench-university.example", password=password, role=Role.JUDGE)
    judge_profile_update(user=judge, languages=["ko"], organisation="Bench University")
    TOTP.activate(judge, generate_totp_secret())
    round_ = Round.objects.create(
        cycle=category.cycle, name="Bench round", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=10)
    )
    round_.categories.add(category)
    RoundEntry.objects.bulk_create(RoundEntry(round=round_, entry=entry, via="eligibility") for entry in entries)
    assignments = Assignment.objects.bulk_create(
        Assignment(round=round_, entry=entry, judge=judge) for entry in entries
    )
    reviews = Review.objects.bulk_create(
        Review(
            assignment=assignment,
            state=ReviewState.SUBMITTED if i % 3 == 0 else ReviewState.DRAFT,
            submitted_at=now if i % 3 == 0 else None,
            recommendation="yes" if i % 3 == 0 else "",
            overall_comment="Comment",
        )
        for i, assignment in enumerate(assignments)
        if i % 3 != 2
    )
    ReviewScore.objects.bulk_create(
        ReviewScore(review=review, criterion=criterion, score=criterion.scale_min)
        for review in reviews
        for criterion in criteria
    )
    return judge, round_, assignments[0]


def _time(client: Any, url: str, runs: int) -> tuple[float, float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _warm in range(2):
        client.get(url)
    times = []
    status = 200
    queries = 0
    for _run in range(runs):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        status = response.status_code
        queries = len(captured)
    return statistics.median(times), max(times), queries, status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--assignments", type=int, default=500)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--target-ms", type=float, default=300.0)
    args = parser.parse_args()

    os.environ["DATABASE_URL"] = _recreate_database(_server_url())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prize_portal.settings.test")
    os.environ.pop("REDIS_URL", None)  # eager Celery: the benchmark needs no worker
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    started = time.perf_counter()
    judge, round_, assignment = _build(args.assignments)
    say(
        f"data: {args.assignments} assignments of one judge built in {time.perf_counter() - started:.1f} s "
        f"(PostgreSQL database {DATABASE})"
    )
    client = Client()
    client.force_login(judge)
    pages = {
        "dashboard": reverse("judging:dashboard"),
        "round page (all assignments)": reverse("judging:round", args=[round_.pk]),
        "assignment page": reverse("judging:assignment", args=[assignment.pk]),
    }
    failed = False
    for name, url in pages.items():
        median, slowest, queries, status = _time(client, url, args.runs)
        verdict = "PASS" if status == 200 and median <= args.target_ms else "FAIL"
        failed |= verdict == "FAIL"
        say(
            f"{name:30s} HTTP {status}  median {median:7.1f} ms  max {slowest:7.1f} ms  "
            f"{queries:2d} queries  target {args.target_ms:.0f} ms  {verdict}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
