"""A delegate's own link and details: the link names one delegate at one
address and stops working when the address changes or a month after the
event; needs are kept only with the delegate's consent, deleted when it is
taken back and when the event is over, and never written to the audit trail."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from events.errors import EventError
from events.links import delegate_for_token, delegate_token
from events.models import Delegate
from events.services.answers import Answer, invitation_answer
from events.services.delegates import DelegateDetails, delegate_needs_purge, delegate_update_own
from prize_portal.audit.models import AuditEvent
from tests.factories.events import TWO_DELEGATES, Invited

pytestmark = pytest.mark.django_db

NEEDS = "Wheelchair access; halal meals."


@pytest.fixture
def cho(invited: Invited) -> Delegate:
    invitation_answer(invitation_id=invited.invitation.pk, actor=invited.gangnam.owner, answer=TWO_DELEGATES, version=1)
    return Delegate.objects.get(email="mayor.cho@gangnam.example")


def _details(**changes: object) -> DelegateDetails:
    details = DelegateDetails(name="조은희", title="Mayor", organisation="Gangnam District", language="ko")
    return replace(details, **changes)  # type: ignore[arg-type]


def test_the_link_opens_its_delegate_only_while_valid(invited: Invited, cho: Delegate) -> None:
    token = delegate_token(cho)
    assert delegate_for_token(token) == cho
    assert delegate_for_token(token[:-2] + "xx") is None
    assert delegate_for_token(token, now=invited.event.ends_at + timedelta(days=31)) is None
    # The team gives her another address: the old link stops working.
    first, second = TWO_DELEGATES.delegates
    invitation_answer(
        invitation_id=invited.invitation.pk,
        actor=invited.gangnam.owner,
        answer=Answer(True, (replace(first, email="cho@seoul.example"), second)),
        version=2,
    )
    assert delegate_for_token(token) is None


def test_the_delegate_corrects_and_confirms_their_details(cho: Delegate) -> None:
    delegate = delegate_update_own(delegate_id=cho.pk, details=_details(title="Mayor", language="en"))
    assert delegate.title == "Mayor"
    assert delegate.language == "en"
    assert delegate.confirmed_at is not None
    assert delegate.needs == ""
    assert delegate.needs_consent_at is None


def test_needs_are_kept_only_with_consent(cho: Delegate, privacy_texts: object) -> None:
    with pytest.raises(EventError, match="tick the box"):
        delegate_update_own(delegate_id=cho.pk, details=_details(needs=NEEDS))
    assert Delegate.objects.get(pk=cho.pk).confirmed_at is None  # nothing half-saved
    delegate = delegate_update_own(delegate_id=cho.pk, details=_details(needs=NEEDS, needs_consent=True))
    assert delegate.needs == NEEDS
    assert delegate.needs_consent_text.code == "delegate-needs"
    # Taking the consent back deletes the needs.
    delegate = delegate_update_own(delegate_id=cho.pk, details=_details(needs=NEEDS, needs_consent=False))
    assert delegate.needs == ""
    assert delegate.needs_consent_at is None
    trail = str(list(AuditEvent.objects.values_list("before", "after", "target_repr")))
    assert "Wheelchair" not in trail
    assert "조은희" not in trail


def test_needs_are_deleted_when_the_event_is_over(invited: Invited, cho: Delegate) -> None:
    delegate_update_own(delegate_id=cho.pk, details=_details(needs=NEEDS, needs_consent=True))
    assert delegate_needs_purge(now=invited.event.ends_at - timedelta(minutes=1)) == 0
    assert delegate_needs_purge(now=invited.event.ends_at) == 1
    assert Delegate.objects.get(pk=cho.pk).needs == ""
    assert AuditEvent.objects.filter(action="delegate.needs_deleted").count() == 1
    assert delegate_needs_purge(now=invited.event.ends_at) == 0
    with pytest.raises(EventError, match="event is over"):
        delegate_update_own(delegate_id=cho.pk, details=_details(), now=invited.event.ends_at)
