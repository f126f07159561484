from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from prize_portal.accounts.roles import Role
from tests.factories import add_criteria, assign, make_judge, make_round, make_user, submit_entry


@pytest.fixture
def criteria(project: Any) -> list[Any]:
    """Two criteria with rubrics on the project category: value (0 to 5, weight 2) and implementation (1 to 10)."""
    return add_criteria(project)


@pytest.fixture
def staff(db: Any) -> Any:
    return make_user(Role.STAFF, email="staff@wego.example")


@pytest.fixture
def judge(db: Any) -> Any:
    return make_judge("judge@univ.example", languages=["ko"], country="DE", organisation="Example University")


@pytest.fixture
def scored_round(project: Any, criteria: Any, staff: Any) -> Any:
    """An open scored round on the project category (3 judges per entry)."""
    return make_round(project)


@pytest.fixture
def entry(project: Any) -> Any:
    """A submitted entry of a Korean city, written in English."""
    return submit_entry(project, email="mayor@gangnam.example", name_en="Gangnam District", name_native="강남구")


@pytest.fixture
def assignment(scored_round: Any, entry: Any, judge: Any, staff: Any) -> Any:
    """The judge assigned to the entry in the scored round (through the service)."""
    return assign(scored_round, entry, judge, actor=staff)


@pytest.fixture
def judge_client(client: Client, judge: Any) -> Client:
    client.force_login(judge)
    return client
