"""An entry whose people refuse disclosure to committee members outside Korea
is judged in Korea only: judges elsewhere (or with no country) are in
conflict with it, and a withdrawal frees their open assignments at once."""

from __future__ import annotations

from typing import Any

import pytest

from judging.engine.conflicts import EntryTies, JudgeTies, conflicts_between, forbidden_pairs
from judging.enums import AssignmentState, ConflictKind
from judging.selectors import facts
from judging.selectors.conflicts import round_conflicts
from prize_portal.privacy.enums import ConsentSource
from prize_portal.privacy.services.consents import consents_record
from submissions.services import invitation_accept, invitation_create
from tests.factories import answer_consents, assign, make_judge, make_round, make_user, put_in_round

pytestmark = pytest.mark.django_db


def test_the_rule_keeps_a_refusing_entry_from_judges_outside_korea() -> None:
    refusing = EntryTies(entry_id=1, organisation_id=1, abroad_refused=True)
    willing = EntryTies(entry_id=2, organisation_id=2)
    seoul, lima, unknown = (JudgeTies(judge_id=n, country=c) for n, c in [(1, "KR"), (2, "PE"), (3, "")])

    assert conflicts_between(seoul, refusing, country_rule=False) == []
    assert [found.kind for found in conflicts_between(lima, refusing, country_rule=False)] == ["abroad_refused"]
    assert [found.kind for found in conflicts_between(unknown, refusing, country_rule=False)] == ["abroad_refused"]
    assert conflicts_between(lima, willing, country_rule=False) == []
    assert forbidden_pairs([seoul, lima, unknown], [refusing, willing], country_rule=False) == {(1, 2), (1, 3)}


@pytest.mark.usefixtures("privacy_texts")
def test_the_facts_read_the_owner_and_the_collaborators_answers(entry: Any) -> None:
    assert facts.entry_conflict_facts([entry.pk])[entry.pk].abroad_refused is False
    collaborator = make_user(email="lee@gangnam.example")
    answer_consents(collaborator)
    invitation = invitation_create(entry_id=entry.pk, user=entry.owner, email=collaborator.email, language="en")
    invitation_accept(token=invitation.token, user=collaborator, consents={"transfer-abroad": False})

    assert facts.entry_conflict_facts([entry.pk])[entry.pk].abroad_refused is True


@pytest.mark.usefixtures("privacy_texts")
def test_withdrawing_frees_the_assignments_of_judges_abroad_at_once(project: Any, entry: Any) -> None:
    round_ = make_round(project)
    put_in_round(round_, entry)
    abroad = make_judge("ana@univ.example", country="PE")
    home = make_judge("kim@univ.example", country="KR")
    for judge in (abroad, home):
        assign(round_, entry, judge)
    owner = entry.owner
    answer_consents(owner)

    consents_record(user=owner, answers={"transfer-abroad": False}, source=ConsentSource.CONSENTS_PAGE)

    states = dict(round_.assignments.values_list("judge__email", "state"))
    assert states == {"ana@univ.example": AssignmentState.RECUSED, "kim@univ.example": AssignmentState.ACTIVE}
    reason = round_.assignments.get(judge=abroad).recusal_reason
    assert "withdrew their consent to committee members outside Korea" in reason
    kinds = {(row.judge.email, row.kind) for row in round_conflicts(round_) if row.kind == ConflictKind.ABROAD_REFUSED}
    assert kinds == {("ana@univ.example", ConflictKind.ABROAD_REFUSED)}
