"""The award decision pages of a final round: the chair and staff decide,
lock and unlock; nobody sees or decides an entry they are in conflict with."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from categories.models import AwardLevel
from judging.enums import ConflictKind, RoundKind
from judging.models import Award, Conflict
from prize_portal.accounts.roles import Role
from prize_portal.audit.models import AuditEvent
from submissions.enums import EntryStatus
from submissions.models import Entry
from tests.factories import make_judge, make_round, put_in_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def final(project: Any, entry: Any) -> Any:
    type(project).objects.filter(pk=project.pk).update(award_count=2)
    Entry.objects.filter(pk=entry.pk).update(status=EntryStatus.FINALIST)
    round_ = make_round(project, kind=RoundKind.FINAL, name_en="Final")
    put_in_round(round_, entry)
    return round_


@pytest.fixture
def gold(project: Any) -> AwardLevel:
    level = AwardLevel.objects.create(cycle=project.cycle, code="gold", name_en="Gold")
    level.categories.add(project)
    return level


@pytest.fixture
def chair_client(client: Client) -> Client:
    client.force_login(make_judge("chair@committee.example", role=Role.CHAIR))
    return client


def test_chair_decides_a_gold_locks_and_unlocks(chair_client: Client, final: Any, entry: Any, gold: Any) -> None:
    listing = chair_client.get(reverse("judging_results:decisions", args=[final.pk])).content.decode()
    assert "Not decided" in listing
    response = chair_client.post(
        reverse("judging_results:decide", args=[final.pk, entry.pk]),
        {"level": gold.pk, "citation_en": "Digital inclusion for older people.", "citation_ko": "어르신 디지털 포용."},
    )
    assert response.status_code == 302
    award = Award.objects.get(entry=entry)
    assert (award.level, award.citation_ko) == (gold, "어르신 디지털 포용.")  # type: ignore[attr-defined]
    chair_client.post(reverse("judging_results:decisions_lock", args=[final.pk]))
    assert Award.objects.get(pk=award.pk).is_locked
    refused = chair_client.post(
        reverse("judging_results:decide", args=[final.pk, entry.pk]), {"level": gold.pk, "citation_en": "Changed"}
    )
    assert "locked" in refused.content.decode()
    chair_client.post(reverse("judging_results:unlock", args=[final.pk, award.pk]), {"reason": "Citation typo"})
    assert not Award.objects.get(pk=award.pk).is_locked
    assert [event.action for event in AuditEvent.objects.filter(action__startswith="award.").order_by("pk")] == [
        "award.decide",
        "award.lock",
        "award.unlock",
    ]


def test_citation_in_english_is_required(chair_client: Client, final: Any, entry: Any, gold: Any) -> None:
    response = chair_client.post(
        reverse("judging_results:decide", args=[final.pk, entry.pk]), {"level": gold.pk, "citation_ko": "한국어만"}
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Award.objects.exists()


def test_a_conflicted_chair_neither_sees_nor_decides_the_entry(
    client: Client, final: Any, entry: Any, gold: Any
) -> None:
    chair = make_judge("chair3@committee.example", role=Role.CHAIR)
    Conflict.objects.create(judge=chair, kind=ConflictKind.COUNTRY, country="KR", reason="Adviser")
    client.force_login(chair)
    listing = client.get(reverse("judging_results:decisions", args=[final.pk])).content.decode()
    assert entry.reference not in listing
    response = client.post(
        reverse("judging_results:decide", args=[final.pk, entry.pk]), {"level": gold.pk, "citation_en": "x"}
    )
    assert response.status_code == 404
    assert not Award.objects.exists()


@pytest.mark.parametrize("role", ["anonymous", "applicant", "judge"])
def test_others_cannot_reach_the_decisions(client: Client, final: Any, entry: Any, role: str, judge: Any) -> None:
    if role == "applicant":
        client.force_login(entry.owner)
    elif role == "judge":
        client.force_login(judge)
    response = client.get(reverse("judging_results:decisions", args=[final.pk]))
    assert response.status_code == (302 if role == "anonymous" else 404)


def test_decisions_of_a_scored_round_are_404(chair_client: Client, scored_round: Any) -> None:
    assert chair_client.get(reverse("judging_results:decisions", args=[scored_round.pk])).status_code == 404


def test_special_mention_goes_to_an_eligible_entry_of_another_round(
    chair_client: Client, final: Any, project: Any
) -> None:
    from tests.factories import submit_entry

    special = AwardLevel.objects.create(cycle=project.cycle, code="special-mention", name_en="Special Mention")
    category = type(project).objects.create(
        cycle=project.cycle, code="special", reference_letter="S", name_en="Special", award_count=1
    )
    special.categories.add(category)
    other = submit_entry(project, email="bold@bold-city.example", name_en="Bold City")
    Entry.objects.filter(pk=other.pk).update(status=EntryStatus.NOT_SELECTED)
    page = chair_client.get(reverse("judging_results:decisions", args=[final.pk])).content.decode()
    assert other.reference in page  # offered in the form
    response = chair_client.post(
        reverse("judging_results:special_mention", args=[final.pk]),
        {"entry": other.pk, "level": special.pk, "citation_en": "A bold idea."},
    )
    assert response.status_code == 302
    award = Award.objects.get(entry=other)
    assert award.special_mention
    assert award.round is None
