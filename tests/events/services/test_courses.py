"""The training programme: nominations by an eligible organisation's team,
accepted by the nominee with a profile and consents; places confirmed in the
order of nomination up to the capacity and the places per organisation;
a withdrawal offers the place to the next one waiting, with a deadline, and
an offer not taken in time moves on; attendance and completion issue a
certificate that verifies. Every refusal says why and saves nothing."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from events.enums import NominationStatus
from events.errors import EventError
from events.models import Nomination
from events.services.courses import (
    course_offers_sweep,
    nomination_accept,
    nomination_attended,
    nomination_complete,
    nomination_create,
    nomination_take_offer,
    nomination_withdraw,
    nominations_confirm,
)
from judging.services.certificates import certificate_render
from prize_portal.outbox.models import OutboxMessage
from prize_portal.privacy.models import Consent
from tests.events.services.test_letters import pdf_text
from tests.factories.events import Invited, make_course, nominee

pytestmark = pytest.mark.django_db

NOW = datetime(2031, 3, 1, 9, 0).astimezone()


def _nominate(
    invited: Invited, course: Any, email: str, *, organisation: Any = None, language: str = "ko"
) -> Nomination:
    return nomination_create(
        course_id=course.pk,
        organisation_id=(organisation or invited.gangnam.organisation).pk,
        actor=invited.gangnam.owner,
        name=email.split("@")[0].title(),
        email=email,
        language=language,
        now=NOW,
    )


def _accepted(invited: Invited, course: Any, email: str, **kwargs: Any) -> Nomination:
    nomination = _nominate(invited, course, email, **kwargs)
    return nomination_accept(
        token=nomination.token,
        user=nominee(email),
        position="Director",
        department="Smart City Policy",
        consents={"nominee-data": True, "training-provider": True},
        now=NOW,
    )


def test_a_winning_organisation_nominates_and_the_nominee_is_mailed(invited: Invited) -> None:
    course = make_course(invited.world.cycle)
    nomination = _nominate(invited, course, "park@gangnam.example")
    mail = OutboxMessage.objects.get(template="events/email/nomination")
    assert (mail.to_email, mail.language) == ("park@gangnam.example", "ko")
    assert mail.context["course"] == "스마트시티 서울"
    assert nomination.token in mail.context["link"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"organisation": "loser"}, "cannot nominate"),
        ({"now": datetime(2031, 5, 1).astimezone()}, "have closed"),
        ({"email": "park@gangnam.example"}, "nominated to this course already"),
    ],
)
def test_nominations_refused_with_nothing_saved(invited: Invited, change: dict[str, Any], message: str) -> None:
    course = make_course(invited.world.cycle)
    _nominate(invited, course, "park@gangnam.example")
    organisation = invited.loser.organisation if change.get("organisation") == "loser" else invited.gangnam.organisation
    with pytest.raises(EventError, match=message):
        nomination_create(
            course_id=course.pk,
            organisation_id=organisation.pk,
            actor=invited.gangnam.owner,
            name="Someone",
            email=change.get("email", "other@gangnam.example"),
            language="en",
            now=change.get("now", NOW),
        )
    assert Nomination.objects.count() == 1


def test_the_nominee_accepts_with_a_profile_and_consents(invited: Invited) -> None:
    course = make_course(invited.world.cycle)
    nomination = _nominate(invited, course, "park@gangnam.example")
    with pytest.raises(EventError, match="another e-mail address"):
        nomination_accept(token=nomination.token, user=nominee("someone@else.example"), position="x", department="y")
    user = nominee("park@gangnam.example")
    with pytest.raises(EventError, match="position and department"):
        nomination_accept(token=nomination.token, user=user, position=" ", department="")
    accepted = nomination_accept(
        token=nomination.token,
        user=user,
        position="Director",
        department="Smart City Policy",
        consents={"nominee-data": True, "training-provider": True},
    )
    assert (accepted.status, accepted.nominee, accepted.position) == (NominationStatus.WAITING, user, "Director")
    assert Consent.objects.filter(user=user, code="training-provider", given=True).exists()
    with pytest.raises(EventError, match="already been accepted"):
        nomination_accept(token=nomination.token, user=user, position="Director", department="Policy")


def test_places_go_in_order_up_to_the_capacity_and_per_organisation(invited: Invited, staff: Any) -> None:
    course = make_course(invited.world.cycle, capacity=2, per_organisation=1)
    first = _accepted(invited, course, "first@gangnam.example")
    second = _accepted(invited, course, "second@gangnam.example")  # Gangnam's second: over its one place
    mexico = _accepted(invited, course, "third@mexico.example", organisation=invited.mexico.organisation)
    late = _nominate(invited, course, "late@gangnam.example")  # not accepted: not waiting
    assert nominations_confirm(course_id=course.pk, actor=staff) == 2
    statuses = dict(Nomination.objects.values_list("pk", "status"))
    assert statuses[first.pk] == statuses[mexico.pk] == NominationStatus.CONFIRMED
    assert statuses[second.pk] == NominationStatus.WAITING
    assert statuses[late.pk] == NominationStatus.INVITED
    assert nominations_confirm(course_id=course.pk, actor=staff) == 0  # full


def test_a_withdrawal_offers_the_place_to_the_next_one_waiting(invited: Invited, staff: Any) -> None:
    course = make_course(invited.world.cycle, capacity=1, offer_days=5)
    first = _accepted(invited, course, "first@gangnam.example")
    second = _accepted(invited, course, "second@gangnam.example")
    third = _accepted(invited, course, "third@gangnam.example")
    nominations_confirm(course_id=course.pk, actor=staff)
    nomination_withdraw(nomination_id=first.pk, actor=first.nominee, now=NOW)
    second.refresh_from_db()
    assert second.status == NominationStatus.OFFERED
    assert second.offered_until == NOW + timedelta(days=5)
    offer = OutboxMessage.objects.get(template="events/email/nomination_offer")
    assert offer.to_email == "second@gangnam.example"
    # The offer runs out: the third is offered the place.
    assert course_offers_sweep(now=NOW + timedelta(days=4)) == 0
    assert course_offers_sweep(now=NOW + timedelta(days=5)) == 1
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.status, third.status) == (NominationStatus.EXPIRED, NominationStatus.OFFERED)
    with pytest.raises(EventError, match="no place offered"):
        nomination_take_offer(nomination_id=second.pk, actor=second.nominee)
    nomination_take_offer(nomination_id=third.pk, actor=third.nominee, now=NOW + timedelta(days=6))
    third.refresh_from_db()
    assert third.status == NominationStatus.CONFIRMED


def test_completion_issues_a_certificate_that_verifies(
    invited: Invited, staff: Any, tmp_path: Path, client: Client
) -> None:
    course = make_course(invited.world.cycle)
    nomination = _accepted(invited, course, "park@gangnam.example")
    nominations_confirm(course_id=course.pk, actor=staff)
    with pytest.raises(EventError, match="attendance first"):
        nomination_complete(nomination_id=nomination.pk, actor=staff)
    nomination_attended(nomination_id=nomination.pk, actor=staff, attended=True)
    nomination = nomination_complete(nomination_id=nomination.pk, actor=staff)
    assert nomination_complete(nomination_id=nomination.pk, actor=staff).certificate_id == nomination.certificate_id
    certificate = certificate_render(certificate_id=nomination.certificate_id)
    with certificate.file.open("rb") as handle:
        text = " ".join(pdf_text(handle.read(), tmp_path).split())
    assert "Park" in text
    assert certificate.code in text
    assert "Smart City Seoul" in text
    assert "스마트시티 서울" in text
    page = client.get(reverse("judging_verify:certificate", args=[certificate.code])).content.decode()
    assert "Valid course certificate" in page
    assert "Park" in page
    assert "Smart City Seoul" in page
