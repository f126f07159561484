"""Every page of invitations for every kind of visitor: the exact answer, and
nothing changed by a refused request. A winner sees only their own
organisation's invitations and delegates; anyone else gets 404."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events.links import delegate_token
from events.models import Delegate, Invitation, InvitationChange
from events.services.answers import invitation_answer
from prize_portal.accounts.roles import Role
from tests.factories import answer_consents, give_totp, make_judge, make_user
from tests.factories.events import TWO_DELEGATES, Invited

pytestmark = pytest.mark.django_db

VISITORS = [
    "anonymous",
    "other_winner",
    "applicant",
    "contact",
    "collaborator",
    "member",
    "delegate",
    "judge",
    "staff",
]


def _visitor(invited: Invited, name: str) -> Any:
    from submissions.enums import MembershipRole
    from submissions.models import Membership

    if name == "anonymous":
        return None
    if name == "other_winner":
        return invited.mexico.owner
    if name == "applicant":
        return invited.loser.owner
    if name == "contact":
        return invited.gangnam.owner
    if name == "collaborator":
        return invited.collaborator
    if name == "member":  # of Gangnam's organisation, not on the entry's team
        user = make_user(email="member@gangnam.example")
        Membership.objects.create(organisation=invited.gangnam.organisation, user=user, role=MembershipRole.MEMBER)
        return user
    if name == "delegate":  # a delegate with an account of their own: the link is their way in, not the page
        return make_user(email="kim.minji@gangnam.example")
    if name == "judge":
        return make_judge("judge@univ.example")
    user = make_user(Role.STAFF, email="secretariat@example.org")
    give_totp(user)
    return user


@pytest.fixture
def answered(invited: Invited) -> Invited:
    invitation_answer(invitation_id=invited.invitation.pk, actor=invited.gangnam.owner, answer=TWO_DELEGATES, version=1)
    return invited


def _state() -> tuple[Any, ...]:
    return (
        list(Invitation.objects.order_by("pk").values_list("status", "version", "booth_place", "reminded_at")),
        list(Delegate.objects.order_by("pk").values_list("name", "confirmed_at", "needs")),
        InvitationChange.objects.count(),
    )


def _answer_post(invited: Invited) -> dict[str, str]:
    return {
        "attending": "no",
        "version": "2",
        "delegates-TOTAL_FORMS": "0",
        "delegates-INITIAL_FORMS": "0",
    }


REQUESTS: dict[str, tuple[str, Callable[[Invited], str], Callable[[Invited], dict[str, str]] | None]] = {
    "mine": ("get", lambda i: reverse("events:mine"), None),
    "invitation": ("get", lambda i: reverse("events:invitation", args=[i.invitation.pk]), None),
    "answer": ("post", lambda i: reverse("events:invitation", args=[i.invitation.pk]), _answer_post),
    "staff_events": ("get", lambda i: reverse("events_staff:events"), None),
    "staff_event": ("get", lambda i: reverse("events_staff:event", args=[i.event.pk]), None),
    "invite": ("post", lambda i: reverse("events_staff:invite", args=[i.event.pk]), lambda i: {}),
    "remind": ("post", lambda i: reverse("events_staff:remind", args=[i.event.pk]), lambda i: {}),
    "booth": (
        "post",
        lambda i: reverse("events_staff:booth", args=[i.event.pk, i.invitation.pk]),
        lambda i: {"place": "4"},
    ),
    "attendance": ("get", lambda i: reverse("events_staff:attendance", args=[i.event.pk, "csv"]), None),
}

# What each visitor gets: 302 is "sign in first"; a saved POST redirects back to its page.
# Who reads an invitation (its letters too): its team, its organisation's members, staff.
READERS = {
    "anonymous": 302,
    "other_winner": 404,
    "applicant": 404,
    "contact": 200,
    "collaborator": 200,
    "member": 200,
    "delegate": 404,
    "judge": 404,
    "staff": 200,
}
# Who writes it (the answer, the slides): the entry's team only.
TEAM = {**dict.fromkeys(VISITORS, 404), "anonymous": 302, "contact": 302, "collaborator": 302}


def staff_only(method: str, visitors: list[str] = VISITORS) -> dict[str, int]:
    return {**dict.fromkeys(visitors, 404), "anonymous": 302, "staff": 302 if method == "post" else 200}


EXPECTED: dict[str, dict[str, int]] = {
    "mine": {"anonymous": 302, **dict.fromkeys(VISITORS[1:], 200)},
    "invitation": READERS,
    "answer": TEAM,
    **{
        name: staff_only(method)
        for name, (method, _url, _data) in REQUESTS.items()
        if name in ("staff_events", "staff_event", "invite", "remind", "booth", "attendance")
    },
}

CHANGES = {("answer", "contact"), ("answer", "collaborator"), ("booth", "staff"), ("remind", "staff")}


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize("request_name", list(REQUESTS))
def test_every_page_for_every_visitor(answered: Invited, request_name: str, visitor: str) -> None:
    client = Client()
    user = _visitor(answered, visitor)
    if user is not None:
        answer_consents(user)
        client.force_login(user)
    method, url, data = REQUESTS[request_name]
    before = _state()
    response = getattr(client, method)(url(answered), data(answered) if data else None)
    assert response.status_code == EXPECTED[request_name][visitor]
    if (request_name, visitor) not in CHANGES:
        assert _state() == before


@pytest.mark.parametrize("visitor", VISITORS)
def test_the_delegate_link_is_the_only_way_in(answered: Invited, visitor: str) -> None:
    """The link works for whoever holds it (it is the credential) and a
    broken one for nobody; the page names only its own delegate."""
    client = Client()
    user = _visitor(answered, visitor)
    if user is not None:
        answer_consents(user)
        client.force_login(user)
    cho = Delegate.objects.get(email="mayor.cho@gangnam.example")
    response = client.get(reverse("events:delegate", args=[delegate_token(cho)]))
    assert response.status_code == 200
    assert "조은희" in response.content.decode()
    assert "Kim Minji" not in response.content.decode()
    assert response["Referrer-Policy"] == "same-origin"
    assert client.get(reverse("events:delegate", args=["not-a-token"])).status_code == 404


def test_mine_lists_only_my_organisations_invitations(answered: Invited) -> None:
    client = Client()
    answer_consents(answered.mexico.owner)
    client.force_login(answered.mexico.owner)
    page = client.get(reverse("events:mine")).content.decode()
    assert reverse("events:invitation", args=[answered.other.pk]) in page
    assert reverse("events:invitation", args=[answered.invitation.pk]) not in page


LETTER_EXPECTED = {
    # The letter prints passport details: its team (and organisation) and staff only.
    "letter": READERS,
    "letter_issue": staff_only("post"),
}


@pytest.fixture
def lettered(answered: Invited) -> tuple[Invited, Any]:
    from datetime import date

    from events.services.delegates import DelegateDetails, delegate_update_own
    from events.services.letters import Passport, letter_issue, passport_save
    from judging.services.certificates import certificate_render

    kim = Delegate.objects.get(email="kim.minji@gangnam.example")
    delegate_update_own(
        delegate_id=kim.pk,
        details=DelegateDetails(name="Kim Minji", title="Director", organisation="Gangnam", language="en"),
    )
    passport_save(
        delegate_id=kim.pk,
        passport=Passport("KIM MINJI", "KR", "M7654321", date(1990, 1, 2), date(2030, 10, 5), date(2030, 10, 7), ""),
    )
    cho = Delegate.objects.get(email="mayor.cho@gangnam.example")
    delegate_update_own(
        delegate_id=cho.pk, details=DelegateDetails(name="조은희", title="Mayor", organisation="Gangnam", language="ko")
    )
    passport_save(
        delegate_id=cho.pk,
        passport=Passport("CHO EUN HEE", "KR", "M1234567", date(1962, 3, 4), date(2030, 10, 5), date(2030, 10, 7), ""),
    )
    staff = make_user(Role.STAFF, email="issuer@wego.example")
    letter = letter_issue(delegate_id=kim.pk, actor=staff)
    certificate_render(certificate_id=letter.certificate_id)
    return answered, cho


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize("request_name", list(LETTER_EXPECTED))
def test_the_letters_for_every_visitor(lettered: tuple[Invited, Any], request_name: str, visitor: str) -> None:
    from events.models import VisaLetter

    invited, cho = lettered
    client = Client()
    user = _visitor(invited, visitor)
    if user is not None:
        answer_consents(user)
        client.force_login(user)
    letters = VisaLetter.objects.count()
    if request_name == "letter":
        code = VisaLetter.objects.get().certificate.code
        response = client.get(reverse("events:letter", args=[code]))
    else:
        response = client.post(reverse("events_staff:letter_issue", args=[invited.event.pk, cho.pk]))
    assert response.status_code == LETTER_EXPECTED[request_name][visitor]
    issued = request_name == "letter_issue" and visitor == "staff"
    assert VisaLetter.objects.count() == letters + (1 if issued else 0)


PRESENTATION_EXPECTED = {
    "slides": TEAM,
    "schedule": staff_only("post"),
    # The public programme and its calendar: the same for everyone once the results are public.
    "programme": dict.fromkeys(VISITORS, 200),
    "calendar": dict.fromkeys(VISITORS, 200),
}


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize("request_name", list(PRESENTATION_EXPECTED))
def test_the_presentations_for_every_visitor(answered: Invited, request_name: str, visitor: str) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from events.models import Presentation
    from tests.factories import PDF_BYTES
    from tests.factories.events import presentations_item, scheduled

    talk = scheduled(answered, make_user(Role.STAFF, email="planner@wego.example"))
    client = Client()
    user = _visitor(answered, visitor)
    if user is not None:
        answer_consents(user)
        client.force_login(user)
    before = list(Presentation.objects.values_list("starts_at", "slides", "version"))
    if request_name == "slides":
        slides = SimpleUploadedFile("slides.pdf", PDF_BYTES, content_type="application/pdf")
        response = client.post(
            reverse("events:slides", args=[answered.invitation.pk]), {"slides": slides, "version": "1"}
        )
    elif request_name == "schedule":
        item = presentations_item(answered.event)
        starts, ends = (timezone.localtime(moment) for moment in (talk.starts_at, talk.ends_at))
        data = {"item": item.pk, "starts_at": f"{starts:%Y-%m-%dT%H:%M}", "ends_at": f"{ends:%Y-%m-%dT%H:%M}"}
        response = client.post(reverse("events_staff:schedule", args=[answered.event.pk, answered.invitation.pk]), data)
    else:
        name = "events_public:programme" if request_name == "programme" else "events_public:calendar"
        response = client.get(reverse(name, args=[answered.event.pk]))
    assert response.status_code == PRESENTATION_EXPECTED[request_name][visitor]
    changed = (request_name == "slides" and visitor in ("contact", "collaborator")) or (
        request_name == "schedule" and visitor == "staff"  # the same slot again: a new version, told again
    )
    assert (list(Presentation.objects.values_list("starts_at", "slides", "version")) != before) == changed


COURSE_VISITORS = [*VISITORS, "nominee"]
COURSE_EXPECTED = {
    "courses": {"anonymous": 302, **dict.fromkeys(COURSE_VISITORS[1:], 200)},
    # Only the team (or members) of an organisation that won may nominate.
    "nominate": {
        **dict.fromkeys(COURSE_VISITORS, 404),
        "anonymous": 302,
        "other_winner": 302,  # Mexico City won too: it nominates for itself
        "contact": 302,
        "collaborator": 302,
        "member": 302,
    },
    # An accepted nomination: its nominee and staff only.
    "nomination": {**dict.fromkeys(COURSE_VISITORS, 404), "anonymous": 302, "nominee": 200, "staff": 200},
    "certificate": {**dict.fromkeys(COURSE_VISITORS, 404), "anonymous": 302, "nominee": 200, "staff": 200},
    "staff_course": staff_only("get", COURSE_VISITORS),
    "course_confirm": staff_only("post", COURSE_VISITORS),
}


@pytest.fixture
def nominated(answered: Invited) -> tuple[Invited, Any, Any]:
    from events.services.courses import (
        nomination_accept,
        nomination_attended,
        nomination_complete,
        nomination_create,
        nominations_confirm,
    )
    from judging.services.certificates import certificate_render
    from tests.factories.events import make_course, nominee

    course = make_course(answered.world.cycle, capacity=5)
    nomination = nomination_create(
        course_id=course.pk,
        organisation_id=answered.gangnam.organisation.pk,
        actor=answered.gangnam.owner,
        name="Park Ji-won",
        email="park@gangnam.example",
        language="en",
    )
    person = nominee("park@gangnam.example")
    nomination_accept(token=nomination.token, user=person, position="Director", department="Policy")
    staff = make_user(Role.STAFF, email="courses@wego.example")
    nominations_confirm(course_id=course.pk, actor=staff)
    nomination_attended(nomination_id=nomination.pk, actor=staff, attended=True)
    nomination = nomination_complete(nomination_id=nomination.pk, actor=staff)
    certificate_render(certificate_id=nomination.certificate_id)
    return answered, course, person


@pytest.mark.parametrize("visitor", COURSE_VISITORS)
@pytest.mark.parametrize("request_name", list(COURSE_EXPECTED))
def test_the_courses_for_every_visitor(nominated: tuple[Invited, Any, Any], request_name: str, visitor: str) -> None:
    from events.models import Nomination

    invited, course, person = nominated
    client = Client()
    user = person if visitor == "nominee" else _visitor(invited, visitor)
    if user is not None:
        answer_consents(user)
        client.force_login(user)
    nomination = Nomination.objects.get()
    before = list(Nomination.objects.values_list("status", "attended"))
    count = Nomination.objects.count()
    if request_name == "nominate":
        organisation = invited.mexico.organisation if visitor == "other_winner" else invited.gangnam.organisation
        data = {
            f"course-{course.pk}-organisation": organisation.pk,
            f"course-{course.pk}-name": "Another Official",
            f"course-{course.pk}-email": f"official-{visitor}@example.org",
            f"course-{course.pk}-language": "en",
        }
        response = client.post(reverse("events:nominate", args=[course.pk]), data)
    elif request_name == "course_confirm":
        response = client.post(reverse("events_staff:course_confirm", args=[course.pk]))
    else:
        url = {
            "courses": reverse("events:courses"),
            "nomination": reverse("events:nomination", args=[nomination.token]),
            "certificate": reverse("events:course_certificate", args=[nomination.certificate.code]),
            "staff_course": reverse("events_staff:course", args=[course.pk]),
        }[request_name]
        response = client.get(url)
    assert response.status_code == COURSE_EXPECTED[request_name][visitor]
    made = request_name == "nominate" and COURSE_EXPECTED["nominate"][visitor] == 302 and visitor != "anonymous"
    assert Nomination.objects.count() == count + (1 if made else 0)
    assert list(Nomination.objects.values_list("status", "attended"))[: len(before)] == before


STAFF_ACTIONS = {
    "decide": staff_only("post", COURSE_VISITORS),
    "course_attendance": staff_only("post", COURSE_VISITORS),
    "cities": staff_only("get", COURSE_VISITORS),
    "city": staff_only("get", COURSE_VISITORS),
}


@pytest.mark.parametrize("visitor", COURSE_VISITORS)
@pytest.mark.parametrize("request_name", list(STAFF_ACTIONS))
def test_the_other_staff_pages_for_every_visitor(
    nominated: tuple[Invited, Any, Any], request_name: str, visitor: str
) -> None:
    from events.enums import ChangeStatus
    from events.models import Nomination

    invited, course, person = nominated
    change = InvitationChange.objects.create(
        invitation=invited.invitation,
        proposal={"attending": False, "delegates": []},
        requested_by=invited.gangnam.owner,
    )
    client = Client()
    user = person if visitor == "nominee" else _visitor(invited, visitor)
    if user is not None:
        answer_consents(user)
        client.force_login(user)
    nomination = Nomination.objects.get()
    if request_name == "decide":
        url = reverse("events_staff:decide", args=[invited.event.pk, change.pk])
        response = client.post(url, {"decision": "refuse", "note": "Please come."})
    elif request_name == "course_attendance":
        url = reverse("events_staff:nomination", args=[course.pk, nomination.pk])
        response = client.post(url, {"attended": "0"})
    else:
        args = [] if request_name == "cities" else [invited.gangnam.organisation.pk]
        response = client.get(reverse(f"events_staff:{request_name}", args=args))
    assert response.status_code == STAFF_ACTIONS[request_name][visitor]
    change.refresh_from_db()
    nomination.refresh_from_db()
    by_staff = visitor == "staff"
    assert (change.status == ChangeStatus.REFUSED) == (by_staff and request_name == "decide")
    assert nomination.attended == (not (by_staff and request_name == "course_attendance"))
