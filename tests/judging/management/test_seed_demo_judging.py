"""The quick start's demo committee and round (`make run`)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from judging.engine.conflicts import conflicts_between
from judging.enums import AssignmentState, ReviewState
from judging.models import Assignment, JudgeProfile, Review, Round
from judging.selectors.facts import entry_conflict_facts, judge_conflict_facts
from submissions.enums import EntryStatus
from submissions.models import Entry

# The demo judges agree to publish their profiles: an answer to a privacy text.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("privacy_texts")]


def _run(command: str, **options: Any) -> str:
    out = io.StringIO()
    call_command(command, stdout=out, **options)
    return out.getvalue()


def test_seed_demo_judging_builds_an_assigned_round_once(settings: Any) -> None:
    settings.DEBUG = True
    for command in ("seed_prize", "seed_demo_users", "seed_demo_entries"):
        _run(command)
    output = _run("seed_demo_judging")

    round_ = Round.objects.get(name_en="Demo first round")
    entries = Entry.objects.filter(round_entries__round=round_)
    assert entries.count() == 4
    assert set(entries.values_list("status", flat=True)) == {EntryStatus.IN_REVIEW}
    assert JudgeProfile.objects.count() == 5
    assignments = Assignment.objects.filter(round=round_, state=AssignmentState.ACTIVE)
    assert assignments.count() == 11
    # Every pair the engine made respects the conflict rules and the languages read.
    judges = judge_conflict_facts(assignments.values_list("judge_id", flat=True))
    facts = entry_conflict_facts(entries.values_list("pk", flat=True))
    for assignment in assignments.select_related("entry", "judge__judge_profile"):
        assert not conflicts_between(judges[assignment.judge_id], facts[assignment.entry_id], country_rule=False)
        language = assignment.entry.language
        assert language == "en" or language in assignment.judge.judge_profile.languages
    assert "judge@committee.sscp.test    reads en, ko, es     2 to review, 0 submitted" in output
    # Everyone but the demo judge has submitted, so the results page has rankings.
    submitted = Review.objects.filter(assignment__round=round_, state=ReviewState.SUBMITTED)
    assert submitted.count() == assignments.exclude(judge__email="judge@committee.sscp.test").count() > 0
    assert not submitted.filter(assignment__judge__email="judge@committee.sscp.test").exists()
    assert "nothing changed" in _run("seed_demo_judging")
    assert Assignment.objects.filter(round=round_).count() == 11


def test_seed_demo_judging_refuses_without_debug(settings: Any) -> None:
    settings.DEBUG = False
    with pytest.raises(CommandError, match="quick start only"):
        _run("seed_demo_judging")
