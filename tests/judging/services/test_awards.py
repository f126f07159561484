"""Decisions: award levels with citations, within the published number of
awards, locked and unlocked on the record."""

from __future__ import annotations

from typing import Any

import pytest

from categories.models import AwardLevel
from judging import services
from judging.enums import ConflictKind, RoundKind
from judging.errors import JudgingError
from judging.models import Award, Conflict
from prize_portal.accounts.roles import Role
from prize_portal.audit.models import AuditEvent
from submissions.enums import EntryStatus
from submissions.models import Entry
from tests.factories import make_judge, make_round, make_user, put_in_round, submit_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def gold(project: Any) -> AwardLevel:
    level = AwardLevel.objects.create(cycle=project.cycle, code="gold", name_en="Gold")
    level.categories.add(project)
    return level


@pytest.fixture
def final(project: Any, entry: Any) -> Any:
    type(project).objects.filter(pk=project.pk).update(award_count=1)
    Entry.objects.filter(pk=entry.pk).update(status=EntryStatus.FINALIST)
    round_ = make_round(project, kind=RoundKind.FINAL, name_en="Final")
    put_in_round(round_, entry)
    return round_


def _decide(actor: Any, entry: Any, level: Any, round_: Any, **extra: Any) -> Award:
    citation = extra.pop("citation", {"en": "For older people's digital inclusion.", "ko": "어르신 디지털 포용."})
    return services.award_decide(
        actor=actor, entry_id=entry.pk, level_id=level.pk, citation=citation, round_id=round_.pk, **extra
    )


def test_chair_decides_a_gold_with_a_translated_citation(final: Any, entry: Any, gold: Any) -> None:
    chair = make_judge("chair@committee.example", role=Role.CHAIR)
    award = _decide(chair, entry, gold, final)
    assert (award.level, award.citation_en, award.citation_ko) == (
        gold,
        "For older people's digital inclusion.",
        "어르신 디지털 포용.",
    )  # type: ignore[attr-defined]
    event = AuditEvent.objects.get(action="award.decide")
    assert event.after["level"] == "gold"


def test_the_published_number_of_awards_is_never_exceeded(
    project: Any, final: Any, entry: Any, gold: Any, staff: Any
) -> None:
    _decide(staff, entry, gold, final)
    second = submit_entry(project, email="lima@lima.example", name_en="Lima")
    Entry.objects.filter(pk=second.pk).update(status=EntryStatus.FINALIST)
    put_in_round(final, second)
    with pytest.raises(JudgingError, match="gives 1 awards"):
        _decide(staff, second, gold, final)
    assert Award.objects.count() == 1


def test_locked_decisions_change_only_after_a_recorded_unlock(final: Any, entry: Any, gold: Any, staff: Any) -> None:
    award = _decide(staff, entry, gold, final)
    assert services.awards_lock(actor=staff, cycle_id=final.cycle_id) == 1
    with pytest.raises(JudgingError, match="locked"):
        _decide(staff, entry, gold, final, citation={"en": "Changed"})
    services.award_unlock(actor=staff, award_id=award.pk, reason="Citation typo")
    changed = _decide(staff, entry, gold, final, citation={"en": "Changed"})
    assert changed.citation_en == "Changed"  # type: ignore[attr-defined]
    assert AuditEvent.objects.get(action="award.unlock").after == {"reason": "Citation typo"}


def test_award_needs_the_final_round_and_a_level_of_the_category(
    project: Any, entry: Any, gold: Any, staff: Any
) -> None:
    scored = make_round(project)
    put_in_round(scored, entry)
    with pytest.raises(JudgingError, match="final round"):
        _decide(staff, entry, gold, scored)
    other = AwardLevel.objects.create(cycle=project.cycle, code="bronze", name_en="Bronze")
    final = make_round(project, kind=RoundKind.FINAL, name_en="Final")
    put_in_round(final, entry)
    with pytest.raises(JudgingError, match="not given in the entry's category"):
        _decide(staff, entry, other, final)
    assert not Award.objects.exists()


def test_special_mention_goes_to_any_eligible_entry(project: Any, entry: Any, staff: Any) -> None:
    special = AwardLevel.objects.create(cycle=project.cycle, code="special-mention", name_en="Special Mention")
    special_category = type(project).objects.create(
        cycle=project.cycle, code="special", reference_letter="S", name_en="Special", award_count=1
    )
    special.categories.add(special_category)
    with pytest.raises(JudgingError, match="eligible entry"):
        services.award_decide(
            actor=staff, entry_id=entry.pk, level_id=special.pk, citation={"en": "Bold"}, special_mention=True
        )
    Entry.objects.filter(pk=entry.pk).update(status=EntryStatus.ELIGIBLE)
    award = services.award_decide(
        actor=staff, entry_id=entry.pk, level_id=special.pk, citation={"en": "Bold"}, special_mention=True
    )
    assert award.round is None
    assert award.special_mention


def test_nobody_decides_on_an_entry_they_are_in_conflict_with(final: Any, entry: Any, gold: Any) -> None:
    chair = make_judge("chair2@committee.example")
    Conflict.objects.create(judge=chair, kind=ConflictKind.COUNTRY, country="KR", reason="Adviser to Korea")
    with pytest.raises(JudgingError, match="conflict of interest"):
        _decide(chair, entry, gold, final)


def test_citation_in_english_is_required(final: Any, entry: Any, gold: Any) -> None:
    staff = make_user(email="s@wego.example")
    with pytest.raises(JudgingError, match="English"):
        _decide(staff, entry, gold, final, citation={"ko": "한국어만"})
