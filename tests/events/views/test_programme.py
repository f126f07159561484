"""The public programme and its calendar: nothing before the results are
public; each presentation with its city and, only with the presenter's
consent, their name; the .ics holds every item and presentation in Seoul
time; the same number of queries for one presentation as for three. And
the team's slides form and staff's scheduling from their pages."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from events.models import Delegate, Invitation, Presentation
from events.services.answers import Answer, invitation_answer
from judging.models import Publication
from tests.factories import PDF_BYTES, answer_consents, make_jpeg, sign_in_staff
from tests.factories.events import Invited, delegate, presentations_item, scheduled

pytestmark = pytest.mark.django_db


def _programme(invited: Invited) -> str:
    return reverse("events_public:programme", args=[invited.event.pk])


def test_nothing_before_the_results_are_public(client: Client, invited: Invited, staff: Any) -> None:
    scheduled(invited, staff)
    Publication.objects.update(visible_from=timezone.now() + timedelta(days=1))
    assert client.get(_programme(invited)).status_code == 404
    assert client.get(reverse("events_public:calendar", args=[invited.event.pk])).status_code == 404


def test_the_programme_names_the_presenter_only_with_consent(client: Client, invited: Invited, staff: Any) -> None:
    scheduled(invited, staff)
    page = client.get(_programme(invited)).content.decode()
    assert "Gangnam District" in page
    assert "Winners&#x27; presentations" in page
    assert "조은희" not in page
    Delegate.objects.filter(presents=True).update(name_public=True)
    assert "Presented by 조은희" in client.get(_programme(invited)).content.decode()


def test_the_calendar_holds_the_items_and_presentations_in_seoul_time(
    client: Client, invited: Invited, staff: Any
) -> None:
    talk = scheduled(invited, staff)
    response = client.get(reverse("events_public:calendar", args=[invited.event.pk]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = Calendar.from_ical(response.content).walk("VEVENT")
    summaries = [str(event["summary"]) for event in events]
    assert len(events) == 3  # two programme items and one presentation
    assert "Gangnam District: Digital companions" in summaries
    start = next(event for event in events if "Gangnam" in str(event["summary"]))["dtstart"].dt
    assert start == talk.starts_at
    assert str(start.tzinfo) == "Asia/Seoul"


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_presentations(client: Client, invited: Invited, staff: Any) -> None:
    from tests.factories.winners import project_winner

    scheduled(invited, staff)
    pages = [_programme(invited), reverse("events_public:calendar", args=[invited.event.pk])]
    one = [_queries(client, url) for url in pages]
    item = presentations_item(invited.event)
    for minutes, city in ((60, "Lyon"), (90, "Quito")):
        entry = project_winner(invited.world, f"mayor@{city.lower()}.example", name_en=city, name_native=city)
        invitation = Invitation.objects.create(event=invited.event, entry=entry)
        invitation_answer(
            invitation_id=invitation.pk,
            actor=entry.owner,
            answer=Answer(True, (delegate(city, f"{city}@x.example", presents=True),)),
            version=1,
        )
        starts = item.starts_at + timedelta(minutes=minutes)
        Presentation.objects.create(item=item, entry=entry, starts_at=starts, ends_at=starts + timedelta(minutes=20))
    assert [_queries(client, url) for url in pages] == one


def test_the_team_uploads_slides_from_its_page(client: Client, invited: Invited, staff: Any) -> None:
    talk = scheduled(invited, staff)
    answer_consents(invited.gangnam.owner)
    client.force_login(invited.gangnam.owner)
    url = reverse("events:slides", args=[invited.invitation.pk])
    page = client.get(reverse("events:invitation", args=[invited.invitation.pk])).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert "Your presentation" in page
    photo = SimpleUploadedFile("photo.jpg", make_jpeg(), content_type="image/jpeg")
    refused = client.post(url, {"slides": photo, "video_url": "https://video.example/x", "version": "1"})
    assert refused.status_code == 400
    assert "Upload your slides as a PDF" in refused.content.decode()
    assert 'value="https://video.example/x"' in refused.content.decode()  # what was typed is kept
    slides = SimpleUploadedFile("slides.pdf", PDF_BYTES, content_type="application/pdf")
    assert client.post(url, {"slides": slides, "video_url": "", "version": "1"}).status_code == 302
    talk.refresh_from_db()
    assert talk.slides_name == "slides.pdf"


def test_staff_schedule_from_the_event_page(client: Client, invited: Invited) -> None:
    staff = sign_in_staff(client)
    answer_consents(staff)
    invitation_answer(
        invitation_id=invited.invitation.pk,
        actor=invited.gangnam.owner,
        answer=Answer(True, (delegate("조은희", "cho@gangnam.example", presents=True),)),
        version=1,
    )
    page = client.get(reverse("events_staff:event", args=[invited.event.pk])).content.decode()
    assert "Schedule the presentation" in page
    item = presentations_item(invited.event)
    local = timezone.localtime(item.starts_at)
    url = reverse("events_staff:schedule", args=[invited.event.pk, invited.invitation.pk])
    data = {
        "item": item.pk,
        "starts_at": f"{local:%Y-%m-%dT%H:%M}",
        "ends_at": f"{local + timedelta(hours=5):%Y-%m-%dT%H:%M}",
    }
    client.post(url, data)
    assert not Presentation.objects.exists()  # longer than the session: refused
    data["ends_at"] = f"{local + timedelta(minutes=20):%Y-%m-%dT%H:%M}"
    client.post(url, data)
    assert Presentation.objects.get().starts_at == item.starts_at
