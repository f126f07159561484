from __future__ import annotations

from typing import Any

import pytest

from judging.models import Assignment
from tests.factories import assign


@pytest.fixture
def assignment(scored_round: Any, entry: Any, judge: Any, staff: Any) -> Assignment:
    return assign(scored_round, entry, judge, actor=staff)
