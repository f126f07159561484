"""The public programme of an event (mounted under /<lang>/programme/): its
items and the winners' presentations (title, city, presenter where they
agreed to be named, the time in Seoul and the visitor's own), and the same
as an .ics calendar. Nothing is shown before the edition's results are
public (404)."""

from datetime import datetime

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from events.models import Event
from events.selectors.programme import public_event


def _event_or_404(pk: int) -> Event:
    event = public_event(pk)
    if event is None:
        raise Http404
    return event


@require_safe
def programme(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event_or_404(pk)
    return render(request, "events/programme/programme.html", {"event": event, "programme": event.programme.all()})


def _entry(uid: str, summary: str, starts: datetime, ends: datetime, location: str, url: str) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", uid)
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", timezone.localtime(starts))
    entry.add("dtend", timezone.localtime(ends))
    entry.add("summary", summary)
    entry.add("location", location)
    entry.add("url", url)
    return entry


@require_safe
def calendar(request: HttpRequest, pk: int) -> HttpResponse:
    """Every item and presentation, in Seoul time (the calendar shows each in its reader's own)."""
    event = _event_or_404(pk)
    host = settings.SITE_URL.split("//", 1)[-1]
    url = settings.SITE_URL + reverse("events_public:programme", args=[event.pk])
    place = ", ".join(part for part in (str(event.place), str(event.address or "")) if part)
    ics = Calendar()
    ics.add("prodid", "-//Seoul Smart City Prize//Programme//EN")
    ics.add("version", "2.0")
    ics.add("x-wr-calname", str(event.name))
    for item in event.programme.all():
        location = str(item.place or "") or place
        ics.add_component(
            _entry(f"item-{item.pk}@{host}", f"{event.name}: {item.title}", item.starts_at, item.ends_at, location, url)
        )
        for talk in item.presentations.all():
            title = talk.entry.title_en or talk.entry.reference or ""
            summary = f"{talk.entry.organisation.name_en}: {title}"
            ics.add_component(
                _entry(f"presentation-{talk.pk}@{host}", summary, talk.starts_at, talk.ends_at, location, url)
            )
    response = HttpResponse(ics.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="programme-{event.cycle.year}-{event.pk}.ics"'
    return response
