from __future__ import annotations

from typing import Any

import pytest

from prize_portal.accounts.roles import Role
from tests.factories import make_user
from tests.factories.events import Invited, invited_world


@pytest.fixture
def invited(project: Any, privacy_texts: Any) -> Invited:
    return invited_world(project)


@pytest.fixture
def staff(db: Any) -> Any:
    return make_user(Role.STAFF, email="staff@wego.example")
