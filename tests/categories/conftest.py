"""Fixtures of the prize configuration's tests."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from categories.models import Cycle


@pytest.fixture
def seeded_2026() -> Cycle:
    """The 2026 edition as production's ``seed_prize`` writes it."""
    call_command("seed_prize", stdout=io.StringIO())
    return Cycle.objects.get(year=2026)
