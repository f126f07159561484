"""The team's answer: applied before the deadline, a change for staff after
it, refused once the event has started; a stale form is refused without
changing anything; bad answers are refused with a clear message and nothing
half-saved; delegates matched by address keep what they confirmed."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from events.enums import ChangeStatus, InvitationStatus
from events.errors import AnswerConflictError, EventError
from events.models import Delegate, Invitation, InvitationChange
from events.services.answers import Answer, change_decide, invitation_answer
from events.services.invitations import booth_assign
from prize_portal.audit.models import AuditEvent
from prize_portal.outbox.models import OutboxMessage
from tests.factories.events import TWO_DELEGATES, Invited, delegate

pytestmark = pytest.mark.django_db


def _answer(invited: Invited, answer: Answer = TWO_DELEGATES, **kwargs: Any) -> Any:
    invitation = Invitation.objects.get(pk=invited.invitation.pk)
    return invitation_answer(
        invitation_id=invitation.pk,
        actor=kwargs.pop("actor", invited.gangnam.owner),
        answer=answer,
        version=kwargs.pop("version", invitation.version),
        **kwargs,
    )


def _state(invited: Invited) -> tuple[Any, ...]:
    invitation = Invitation.objects.get(pk=invited.invitation.pk)
    delegates = list(Delegate.objects.filter(invitation=invitation).values_list("email", "name", "presents"))
    return invitation.status, invitation.version, sorted(delegates), InvitationChange.objects.count()


def test_attending_with_two_delegates_sends_each_their_own_link(invited: Invited) -> None:
    invitation = _answer(invited)
    assert invitation.status == InvitationStatus.ATTENDING
    assert invitation.answered_by == invited.gangnam.owner
    delegates = list(invitation.delegates.order_by("position"))
    assert [(d.name, d.presents, d.language) for d in delegates] == [
        ("조은희", True, "ko"),
        ("Kim Minji", False, "en"),
    ]
    links = {mail.to_email: mail for mail in OutboxMessage.objects.filter(template="events/email/delegate_link")}
    assert set(links) == {"mayor.cho@gangnam.example", "kim.minji@gangnam.example"}
    assert links["mayor.cho@gangnam.example"].language == "ko"
    assert "/ko/events/delegate/" in links["mayor.cho@gangnam.example"].context["delegate_link"]
    audit = AuditEvent.objects.get(action="invitation.answer")
    assert audit.after["status"] == "attending"
    assert "조은희" not in str(audit.after)
    assert "@" not in str(audit.after)


def test_answering_again_keeps_what_delegates_confirmed_unless_it_changed(invited: Invited) -> None:
    _answer(invited)
    Delegate.objects.update(confirmed_at=invited.event.answer_by - timedelta(days=30))
    renamed = Answer(
        attending=True,
        delegates=(
            TWO_DELEGATES.delegates[0],
            replace(TWO_DELEGATES.delegates[1], name="Kim Min-ji", presents=False),
        ),
    )
    _answer(invited, renamed)
    confirmed = dict(Delegate.objects.values_list("name", "confirmed_at"))
    assert confirmed["조은희"] is not None
    assert confirmed["Kim Min-ji"] is None
    assert OutboxMessage.objects.filter(template="events/email/delegate_link").count() == 2  # nobody new


def test_the_presenter_moves_to_another_delegate(invited: Invited) -> None:
    _answer(invited)
    first, second = TWO_DELEGATES.delegates
    _answer(invited, Answer(True, (replace(first, presents=False), replace(second, presents=True))))
    assert list(Delegate.objects.filter(presents=True).values_list("name", flat=True)) == ["Kim Minji"]


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (Answer(attending=True), "at least one delegate"),
        (Answer(True, (delegate("A", "a@x.example"), delegate("B", "b@x.example"))), "one delegate who presents"),
        (
            Answer(True, (delegate("A", "a@x.example", presents=True), delegate("B", "A@x.example"))),
            "their own e-mail address",
        ),
        (
            Answer(True, tuple(delegate(f"D{i}", f"d{i}@x.example", presents=i == 0) for i in range(6))),
            "At most 5 delegates",
        ),
        (Answer(True, (replace(delegate("A", "a@x.example", presents=True), title=" "),)), "position"),
    ],
)
def test_bad_answers_are_refused_with_nothing_saved(invited: Invited, answer: Answer, message: str) -> None:
    before = _state(invited)
    with pytest.raises(EventError, match=message):
        _answer(invited, answer)
    assert _state(invited) == before
    assert not OutboxMessage.objects.filter(template="events/email/delegate_link").exists()


def test_a_stale_form_is_refused_and_changes_nothing(invited: Invited) -> None:
    _answer(invited)
    before = _state(invited)
    with pytest.raises(AnswerConflictError, match="changed this answer"):
        _answer(invited, Answer(attending=False), actor=invited.collaborator, version=1)
    assert _state(invited) == before


def test_declining_removes_the_delegates_and_frees_the_booth(invited: Invited, staff: Any) -> None:
    _answer(invited)
    booth_assign(invitation_id=invited.invitation.pk, actor=staff, place=2)
    invitation = _answer(invited, Answer(attending=False), actor=invited.collaborator)
    assert invitation.status == InvitationStatus.DECLINED
    assert invitation.booth_place is None
    assert not Delegate.objects.exists()


def test_after_the_deadline_an_answer_waits_for_staff(invited: Invited, staff: Any) -> None:
    _answer(invited)
    before = _state(invited)
    late = invited.event.answer_by + timedelta(hours=1)
    change = _answer(invited, Answer(attending=False), now=late, reason="Our mayor fell ill.")
    assert isinstance(change, InvitationChange)
    assert change.status == ChangeStatus.PENDING
    status, version, delegates, _count = _state(invited)
    assert (status, delegates) == (before[0], before[2])
    assert version == before[1] + 1
    # Asking again replaces the waiting change: one at a time.
    _answer(invited, TWO_DELEGATES, now=late, reason="She is better.")
    assert InvitationChange.objects.get().reason == "She is better."

    change_decide(change_id=change.pk, actor=staff, approve=False, note="Please come.", now=late)
    assert _state(invited)[0] == InvitationStatus.ATTENDING
    decided = OutboxMessage.objects.get(template="events/email/change_decided")
    assert decided.to_email == "mayor@gangnam.example"
    assert decided.context["approved"] is False
    with pytest.raises(EventError, match="already been decided"):
        change_decide(change_id=change.pk, actor=staff, approve=True, now=late)


def test_an_approved_change_applies(invited: Invited, staff: Any) -> None:
    _answer(invited)
    late = invited.event.answer_by + timedelta(hours=1)
    change = _answer(invited, Answer(True, (delegate("New Person", "new@gangnam.example", presents=True),)), now=late)
    change_decide(change_id=change.pk, actor=staff, approve=True, now=late)
    assert list(Delegate.objects.values_list("name", flat=True)) == ["New Person"]
    invitation = Invitation.objects.get(pk=invited.invitation.pk)
    assert invitation.answered_by == invited.gangnam.owner  # who asked, not who approved
    assert OutboxMessage.objects.filter(template="events/email/delegate_link", to_email="new@gangnam.example").exists()
    actions = list(
        AuditEvent.objects.filter(target_type__in=["events.invitation", "events.invitationchange"]).values_list(
            "action", flat=True
        )
    )
    assert {"invitation.change_ask", "invitation.change_decide", "invitation.answer"} <= set(actions)


def test_nothing_changes_once_the_event_has_started(invited: Invited, staff: Any) -> None:
    late = invited.event.answer_by + timedelta(hours=1)
    change = _answer(invited, now=late)
    started = invited.event.starts_at
    with pytest.raises(EventError, match="event has started"):
        _answer(invited, Answer(attending=False), now=started)
    with pytest.raises(EventError, match="event has started"):
        change_decide(change_id=change.pk, actor=staff, approve=True, now=started)
    assert InvitationChange.objects.get().status == ChangeStatus.PENDING
