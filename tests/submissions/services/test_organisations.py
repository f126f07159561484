"""Organisations through the real services."""

from __future__ import annotations

from typing import Any

import pytest

from submissions.enums import MembershipRole
from submissions.models import Membership

pytestmark = pytest.mark.django_db(transaction=True)


def test_organisation_creator_is_its_owner(applicant: Any, organisation: Any) -> None:
    assert Membership.objects.get(organisation=organisation).role == MembershipRole.OWNER
    assert list(organisation.members.all()) == [applicant]
