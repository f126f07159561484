"""Committee members through the real services: invitations and profile changes."""

from __future__ import annotations

from typing import Any

import pytest

from judging import services
from judging.enums import AssignmentState
from judging.errors import JudgingError

pytestmark = pytest.mark.django_db


def test_invitation_to_an_address_invited_in_other_case_is_refused(staff: Any) -> None:
    services.judge_invite(actor=staff, email="Expert@Univ.example", name="Expert", language="en")
    with pytest.raises(JudgingError, match="already been invited"):
        services.judge_invite(actor=staff, email="expert@univ.example", name="Expert", language="en")


def test_profile_change_that_creates_a_conflict_recuses(assignment: Any, judge: Any) -> None:
    services.judge_profile_update(user=judge, email_domain="gangnam.example")
    assignment.refresh_from_db()
    assert assignment.state == AssignmentState.RECUSED
    assert assignment.recusal_reason == "The judge's profile now shows a conflict of interest."
