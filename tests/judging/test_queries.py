"""The reviewer pages make as many queries for three assignments, rounds,
criteria, files or peer reviews as for one, and never more than 20 (the
project's bar for every page). Each test counts the same page before and after the data
grows from one item to three."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from categories.models import Criterion, RubricLevel
from judging.enums import PeerVisibility
from judging.models import Assignment, Round
from judging.services import review_save_draft, review_submit
from prize_portal.accounts.models import User
from submissions.services import entry_submit
from tests.factories import BEFORE_DEADLINE, PDF_BYTES, assign, make_judge, make_round, submit_entry
from tests.factories.submissions import attachment_add_checked

pytestmark = pytest.mark.django_db

MAX_QUERIES = 20


def _queries(client: Client, url: str) -> tuple[list[str], str]:
    """The SQL of one request of ``url`` (after a first request has warmed
    the process-wide caches), and the page."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in context.captured_queries], response.content.decode()


def _shape(sql: str) -> str:
    return re.sub(r"\b\d+\b", "N", sql)


def _repeated(one: list[str], three: list[str]) -> str:
    """The queries the larger page makes more often, for the failure message."""
    extra = Counter(_shape(sql) for sql in three) - Counter(_shape(sql) for sql in one)
    return "\n".join(f"{count} more: {sql[:300]}" for sql, count in extra.items())


def _assert_flat(one: list[str], three: list[str]) -> None:
    assert len(three) == len(one), _repeated(one, three)
    assert len(one) <= MAX_QUERIES, "\n".join(one)


def _entry(project: Any, number: int) -> Any:
    return submit_entry(
        project, email=f"mayor@city-{number}.example", name_en=f"City {number}", name_native=f"도시 {number}"
    )


def _draft(assignment: Assignment, criteria: list[Any]) -> None:
    review_save_draft(judge=assignment.judge, assignment_id=assignment.pk, version=0, scores={criteria[0].pk: 3})


def _submit(assignment: Assignment, criteria: list[Criterion], score: int = 4) -> None:
    review_submit(
        judge=assignment.judge,
        assignment_id=assignment.pk,
        version=0,
        scores={criterion.pk: criterion.scale_max - (score % 2) for criterion in criteria},
        overall_comment="Convincing.",
        recommendation="yes",
    )


def test_dashboard_queries_flat_in_assignments(
    judge_client: Client, judge: User, project: Any, scored_round: Round, staff: User, criteria: list[Any]
) -> None:
    first = assign(scored_round, _entry(project, 1), judge, actor=staff)
    _draft(first, criteria)
    one, html = _queries(judge_client, reverse("judging:dashboard"))
    assert "0 of 1 reviews submitted · 1 draft" in html

    for number in (2, 3):
        _draft(assign(scored_round, _entry(project, number), judge, actor=staff), criteria)
    three, html = _queries(judge_client, reverse("judging:dashboard"))
    assert "0 of 3 reviews submitted · 3 drafts" in html

    _assert_flat(one, three)


def test_dashboard_queries_flat_in_rounds(
    judge_client: Client, judge: User, project: Any, scored_round: Round, staff: User, criteria: list[Any]
) -> None:
    entry = _entry(project, 1)
    assign(scored_round, entry, judge, actor=staff)
    one, html = _queries(judge_client, reverse("judging:dashboard"))
    assert html.count('<li class="panel">') == 1

    for name in ("Second round", "Third round"):
        assign(make_round(project, name_en=name), entry, judge, actor=staff)
    three, html = _queries(judge_client, reverse("judging:dashboard"))
    assert html.count('<li class="panel">') == 3
    assert all(name in html for name in ("First round", "Second round", "Third round"))

    _assert_flat(one, three)


@pytest.mark.parametrize("query", ["", "?sort=title&progress=in_progress"], ids=["default", "filtered"])
def test_round_page_queries_flat_in_assignments(
    judge_client: Client,
    judge: User,
    project: Any,
    scored_round: Round,
    staff: User,
    criteria: list[Any],
    query: str,
) -> None:
    url = reverse("judging:round", args=[scored_round.pk]) + query
    _draft(assign(scored_round, _entry(project, 1), judge, actor=staff), criteria)
    one, html = _queries(judge_client, url)
    assert html.count('href="/en/judging/assignments/') == 2  # the row and "Next entry to review"

    for number in (2, 3):
        _draft(assign(scored_round, _entry(project, number), judge, actor=staff), criteria)
    three, html = _queries(judge_client, url)
    assert html.count('href="/en/judging/assignments/') == 4

    _assert_flat(one, three)


def _criterion(category: Any, number: int) -> Criterion:
    criterion = Criterion.objects.create(
        category=category, code=f"criterion-{number}", name_en=f"Criterion {number}", weight=Decimal("1"), order=number
    )
    for score in (criterion.scale_min, criterion.scale_max):
        RubricLevel.objects.create(
            criterion=criterion, score=score, label_en=f"Level {score}", descriptor_en=f"Rubric {number}.{score}"
        )
    return criterion


def test_assignment_page_queries_flat_in_criteria(
    judge_client: Client, judge: User, project: Any, staff: User, entry: Any
) -> None:
    scored_round = make_round(project)
    assignment = assign(scored_round, entry, judge, actor=staff)
    first = _criterion(project, 1)
    review_save_draft(judge=judge, assignment_id=assignment.pk, version=0, scores={first.pk: 1})
    url = reverse("judging:assignment", args=[assignment.pk])
    one, html = _queries(judge_client, url)
    assert html.count("Rubric 1.") == 2

    more = [_criterion(project, number) for number in (2, 3)]
    review_save_draft(
        judge=judge, assignment_id=assignment.pk, version=1, scores={first.pk: 1, **{c.pk: 2 for c in more}}
    )
    three, html = _queries(judge_client, url)
    assert [html.count(f"Rubric {number}.") for number in (1, 2, 3)] == [2, 2, 2]

    _assert_flat(one, three)


def test_assignment_page_queries_flat_in_files(
    judge_client: Client, judge: User, project: Any, scored_round: Round, staff: User, criteria: list[Any]
) -> None:
    entry = _entry(project, 1)
    assignment = assign(scored_round, entry, judge, actor=staff)
    url = reverse("judging:assignment", args=[assignment.pk])

    def add_file(number: int) -> None:
        upload = SimpleUploadedFile(f"plan-{number}.pdf", PDF_BYTES, content_type="application/pdf")
        attachment_add_checked(entry_id=entry.pk, user=entry.owner, upload=upload, now=BEFORE_DEADLINE)

    add_file(1)
    entry_submit(entry_id=entry.pk, user=entry.owner, now=BEFORE_DEADLINE)
    one, html = _queries(judge_client, url)
    assert html.count("plan-") == 1

    add_file(2)
    add_file(3)
    entry_submit(entry_id=entry.pk, user=entry.owner, now=BEFORE_DEADLINE)
    three, html = _queries(judge_client, url)
    assert [f"plan-{number}.pdf" in html for number in (1, 2, 3)] == [True, True, True]

    _assert_flat(one, three)


def test_assignment_page_queries_flat_in_peer_reviews(
    judge_client: Client, judge: User, project: Any, scored_round: Round, staff: User, criteria: list[Any]
) -> None:
    Round.objects.filter(pk=scored_round.pk).update(peer_visibility=PeerVisibility.ALWAYS)
    entry = _entry(project, 1)
    assignment = assign(scored_round, entry, judge, actor=staff)
    url = reverse("judging:assignment", args=[assignment.pk])

    def peer(number: int) -> None:
        other = make_judge(f"peer-{number}@peers-{number}.example", name=f"Peer Judge {number}")
        _submit(assign(scored_round, entry, other, actor=staff), criteria, score=number)

    peer(1)
    one, html = _queries(judge_client, url)
    assert html.count("Peer Judge ") == 1

    peer(2)
    peer(3)
    three, html = _queries(judge_client, url)
    assert [f"Peer Judge {number}" in html for number in (1, 2, 3)] == [True, True, True]

    _assert_flat(one, three)


def test_the_declaration_check_adds_no_query_to_the_entry_page(
    judge_client: Client, judge: User, project: Any, scored_round: Round, staff: User, criteria: list[Any]
) -> None:
    from judging.services.declarations import declaration_accept
    from tests.factories import publish_declaration

    assignment = assign(scored_round, _entry(project, 1), judge, actor=staff)
    url = reverse("judging:assignment", args=[assignment.pk])
    without, _ = _queries(judge_client, url)
    text = publish_declaration()
    declaration_accept(judge=judge, cycle_id=scored_round.cycle_id, text_id=text.pk, language="en")
    declared, html = _queries(judge_client, url)
    assert assignment.entry.title_en in html
    assert len(declared) == len(without), _repeated(without, declared)
    assert len(declared) <= MAX_QUERIES
