"""Advancement: staff preview who moves on by calibrated score, then confirm;
finalists join the target round, the others close for the cycle, audited and
(optionally) told in their own language; confirming twice changes nothing."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from judging import services
from judging.enums import AdvancementRule, RoundEntryVia, RoundKind
from judging.errors import JudgingError
from judging.models import RoundEntry
from judging.selectors import advancement
from judging.selectors.advancement import Reason
from prize_portal.accounts.models import User
from prize_portal.accounts.roles import Role
from prize_portal.audit.models import AuditEvent
from prize_portal.outbox.models import OutboxMessage
from prize_portal.outbox.rendering import render_email
from submissions.enums import EntryStatus
from submissions.models import Entry
from tests.factories import assign, give_totp, make_judge, make_round, submit_entry

pytestmark = pytest.mark.django_db

# Entry index -> (value, implementation) from each of two judges. Entry 1 ranks
# second but its value mean (2.5) is below the criterion's minimum (3).
SCORES = {0: [(4, 8), (5, 9)], 1: [(2, 10), (3, 10)], 2: [(3, 6), (3, 7)]}


@pytest.fixture
def entries(project: Any, entry: Any) -> list[Any]:
    found = [
        entry,
        submit_entry(project, email="mayor@lima.example", name_en="Lima", country="PE", title="Clean buses"),
        submit_entry(project, email="mayor@nairobi.example", name_en="Nairobi", country="KE", title="Open data"),
    ]
    User.objects.filter(pk=entry.owner_id).update(language="ko")
    return found


@pytest.fixture
def reviewed(scored_round: Any, entries: list[Any], criteria: list[Any]) -> Any:
    criteria[0].minimum = Decimal("3")
    criteria[0].save(update_fields=["minimum"])
    judges = [make_judge("hara@judges-a.example"), make_judge("lena@judges-b.example")]
    for index, reviews in SCORES.items():
        for judge, (value, implementation) in zip(judges, reviews, strict=True):
            assignment = assign(scored_round, entries[index], judge)
            services.review_submit(
                judge=judge,
                assignment_id=assignment.pk,
                version=0,
                scores={criteria[0].pk: value, criteria[1].pk: implementation},
                overall_comment="Fine",
                recommendation="yes",
            )
    Entry.objects.filter(pk__in=[entry.pk for entry in entries]).update(status=EntryStatus.IN_REVIEW)
    return scored_round


@pytest.fixture
def final(project: Any, reviewed: Any) -> Any:
    return make_round(project, kind=RoundKind.FINAL, name_en="Final round", name_ko="결선", advances_from=reviewed)


@pytest.fixture
def staff_client(client: Client, staff: Any) -> Client:
    give_totp(staff)
    client.force_login(staff)
    return client


def _params(project: Any, final: Any, **extra: Any) -> dict[str, Any]:
    return {"category": project.pk, "track": "", "rule": "top", "top": 2, "target": final.pk, "notify": "on"} | extra


def _url(round_: Any) -> str:
    return reverse("judging_results:advance", args=[round_.pk])


def _statuses(entries: list[Any]) -> list[str]:
    return [Entry.objects.get(pk=entry.pk).status for entry in entries]


def _table_refs(html: str, table: str) -> list[str]:
    found = re.search(rf'advance-table--{table}">(.*?)</table>', html, re.S)
    assert found, f"no table {table}"
    return re.findall(r'<span class="reference">([^<]+)</span>', found.group(1))


def test_preview_lists_who_advances_and_why_not(
    staff_client: Client, reviewed: Any, final: Any, project: Any, entries: list[Any]
) -> None:
    response = staff_client.get(_url(reviewed), _params(project, final))
    html = response.content.decode()
    assert response.status_code == 200
    assert _table_refs(html, "advancing") == [entries[0].reference, entries[2].reference]
    assert _table_refs(html, "staying") == [entries[1].reference]
    assert "Below the minimum on: Value generation" in html
    assert _statuses(entries) == [EntryStatus.IN_REVIEW] * 3  # a preview changes nothing
    assert re.findall(r'name="entry" value="(\d+)"', html) == [str(entries[0].pk), str(entries[2].pk)]


def test_preview_form_errors_are_summarised(staff_client: Client, reviewed: Any, final: Any, project: Any) -> None:
    html = staff_client.get(_url(reviewed), _params(project, final, top="")).content.decode()
    assert 'class="error-summary"' in html
    assert "Enter how many entries advance." in html


def _confirm(client: Client, round_: Any, project: Any, final: Any, entries: list[Any], **extra: Any) -> Any:
    data = _params(project, final, **extra) | {"entry": [entries[0].pk, entries[2].pk]}
    return client.post(_url(round_), data, follow=True)


def test_confirm_advances_closes_audits_and_notifies(
    staff_client: Client, reviewed: Any, final: Any, project: Any, entries: list[Any]
) -> None:
    response = _confirm(staff_client, reviewed, project, final, entries)
    assert response.redirect_chain[-1][0] == reverse("judging_results:round", args=[reviewed.pk])
    assert [str(m) for m in response.context["messages"]] == [
        "2 entries advanced to Final round; 1 closed for the cycle."
    ]
    assert _statuses(entries) == [EntryStatus.FINALIST, EntryStatus.NOT_SELECTED, EntryStatus.FINALIST]
    assert set(RoundEntry.objects.filter(round=final).values_list("entry_id", "via")) == {
        (entries[0].pk, RoundEntryVia.ADVANCEMENT),
        (entries[2].pk, RoundEntryVia.ADVANCEMENT),
    }
    changes = {
        (int(event.target_id), event.before["status"], event.after["status"])
        for event in AuditEvent.objects.filter(action="entry.status", after__target_round=final.pk)
    }
    assert changes == {
        (entries[0].pk, EntryStatus.IN_REVIEW, EntryStatus.FINALIST),
        (entries[1].pk, EntryStatus.IN_REVIEW, EntryStatus.NOT_SELECTED),
        (entries[2].pk, EntryStatus.IN_REVIEW, EntryStatus.FINALIST),
    }
    advance = AuditEvent.objects.get(action="round.advance")
    assert advance.after["advanced"] == [entries[0].reference, entries[2].reference]
    assert advance.after["closed"] == [entries[1].reference]
    messages = {
        message.to_email: message for message in OutboxMessage.objects.filter(template="judging/email/advancement")
    }
    assert set(messages) == {entry.owner.email for entry in entries}
    seoul = messages[entries[0].owner.email]
    assert (seoul.language, seoul.context["advanced"], seoul.context["round"]) == ("ko", True, "결선")
    assert messages[entries[1].owner.email].context["advanced"] is False
    assert messages[entries[1].owner.email].language == "en"
    email = render_email(messages[entries[1].owner.email])
    assert entries[1].reference in email.subject
    assert "did not select it for the next round" in email.body


def test_confirming_twice_changes_nothing(
    staff_client: Client, reviewed: Any, final: Any, project: Any, entries: list[Any]
) -> None:
    _confirm(staff_client, reviewed, project, final, entries)
    counts = (AuditEvent.objects.count(), OutboxMessage.objects.count(), RoundEntry.objects.filter(round=final).count())
    response = _confirm(staff_client, reviewed, project, final, entries)
    assert [str(m) for m in response.context["messages"]] == [
        "Nothing changed: this advancement had already been confirmed."
    ]
    assert (
        AuditEvent.objects.count(),
        OutboxMessage.objects.count(),
        RoundEntry.objects.filter(round=final).count(),
    ) == counts


def test_without_notify_no_mail_is_queued(
    staff_client: Client, reviewed: Any, final: Any, project: Any, entries: list[Any]
) -> None:
    data = {key: value for key, value in _params(project, final).items() if key != "notify"}
    staff_client.post(_url(reviewed), data | {"entry": [entries[0].pk, entries[2].pk]})
    assert _statuses(entries)[0] == EntryStatus.FINALIST
    assert not OutboxMessage.objects.filter(template="judging/email/advancement").exists()


def test_a_stale_preview_is_not_confirmed(
    staff_client: Client, reviewed: Any, final: Any, project: Any, entries: list[Any]
) -> None:
    response = staff_client.post(_url(reviewed), _params(project, final) | {"entry": [entries[0].pk]}, follow=True)
    assert "The results changed since the preview" in response.content.decode()
    assert _statuses(entries) == [EntryStatus.IN_REVIEW] * 3


def test_service_refuses_entries_not_under_review_or_eligible(
    reviewed: Any, final: Any, project: Any, entries: list[Any], staff: Any
) -> None:
    Entry.objects.filter(pk=entries[2].pk).update(status=EntryStatus.WITHDRAWN)
    with pytest.raises(JudgingError, match="Only entries under review or eligible can advance"):
        services.round_advance(
            actor=staff, round_id=reviewed.pk, target_round_id=final.pk, entry_ids=[entries[0].pk, entries[2].pk]
        )
    assert _statuses(entries) == [EntryStatus.IN_REVIEW, EntryStatus.IN_REVIEW, EntryStatus.WITHDRAWN]
    assert not RoundEntry.objects.filter(round=final).exists()
    assert not AuditEvent.objects.filter(action__in=["entry.status", "round.advance"]).exists()


def test_service_refuses_an_entry_below_a_criterion_minimum(
    reviewed: Any, final: Any, entries: list[Any], staff: Any
) -> None:
    with pytest.raises(JudgingError, match="below a criterion's minimum"):
        services.round_advance(actor=staff, round_id=reviewed.pk, target_round_id=final.pk, entry_ids=[entries[1].pk])
    assert not RoundEntry.objects.filter(round=final).exists()


def test_service_refuses_the_chair_and_a_target_outside_the_cycle(
    reviewed: Any, final: Any, entries: list[Any], staff: Any
) -> None:
    chair = make_judge("chair@committee.example", role=Role.CHAIR)
    with pytest.raises(JudgingError, match="Only staff"):
        services.round_advance(actor=chair, round_id=reviewed.pk, target_round_id=final.pk, entry_ids=[entries[0].pk])
    with pytest.raises(JudgingError, match="another scored or final round"):
        services.round_advance(
            actor=staff, round_id=reviewed.pk, target_round_id=reviewed.pk, entry_ids=[entries[0].pk]
        )


def test_threshold_rule_advances_every_entry_at_or_above_it(reviewed: Any, final: Any, project: Any) -> None:
    candidates = advancement.advancement_candidates(round_=reviewed, category_id=project.pk, target_round_id=final.pk)
    assert [candidate.rank for candidate in candidates] == [1, 2, 3]
    cut = candidates[2].score
    decisions = advancement.advancement_select(candidates, rule=AdvancementRule.THRESHOLD, threshold=cut)
    assert [(decision.advances, decision.reason) for decision in decisions] == [
        (True, Reason.SELECTED),
        (False, Reason.BELOW_THRESHOLD),
        (True, Reason.SELECTED),
    ]
    above = advancement.advancement_select(candidates, rule=AdvancementRule.THRESHOLD, threshold=cut + 0.1)
    assert above[2].reason == Reason.BELOW_SCORE
