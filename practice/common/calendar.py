"""iCalendar files for events: one event, or the upcoming events of a listing."""

import datetime as dt

import icalendar

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags

from wagtail.models import Site

PRODUCT_ID = "-//Practice Hub//Events//EN"


def event_location(event):
    """Return where the event is, in one line: its venue and address, or its online joining link."""
    place = [event.venue_name, *event.address.splitlines()]
    return ", ".join(part.strip() for part in place if part.strip()) or event.online_url


def event_component(event, *, request, host):
    """Return one event as a VEVENT, its times in its own time zone."""
    component = icalendar.Event()
    component.add("uid", f"event-{event.pk}@{host}")
    component.add("dtstamp", event.last_published_at or timezone.now())
    component.add("dtstart", event.local_start)
    component.add("dtend", event.local_end)
    component.add("summary", event.title)
    description = event.summary or strip_tags(event.description).strip()
    if description:
        component.add("description", description)
    location = event_location(event)
    if location:
        component.add("location", location)
    component.add("url", event.get_full_url(request))
    component.add("categories", [event.get_event_type_display()])
    if event.has_coordinates:
        component.add("geo", (float(event.latitude), float(event.longitude)))
    return component


def build_calendar(events, *, request, name):
    """Return an iCalendar of the events, with a VTIMEZONE for every time zone they use."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    site = Site.find_for_request(request)
    host = site.hostname if site else request.get_host().split(":")[0]
    events = list(events)
    for event in events:
        calendar.add_component(event_component(event, request=request, host=host))
    if events:
        # Time zone rules only for the years the events span, not the default half century.
        first = min(event.local_start.date() for event in events) - dt.timedelta(days=366)
        last = max(event.local_end.date() for event in events) + dt.timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar


def calendar_response(request, events, *, name, filename):
    """Answer with the events as a downloadable .ics file."""
    calendar = build_calendar(events, request=request, name=name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
