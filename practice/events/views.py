"""Booking a place at an event, cancelling it, and the organiser's attendee list."""

import csv
import functools
from typing import NamedTuple

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from hub.ratelimit import rate_limited
from practice.access import page_readable
from practice.common.names import member_name
from practice.common.refusals import refusal
from practice.events.services import (
    BookingRefused,
    booking_cancel,
    booking_create,
    may_manage_bookings,
    waiting_position,
)
from practice.models import EventBooking, EventPage
from practice.models.choices import AccessLevel


def post_only(view):
    """Answer anything but POST with 405 and a page that says how to book, rather than a blank error."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            response = _refused(request, None, "Use the buttons on the event's page to book or cancel a place.", 405)
            response["Allow"] = "POST"
            return response
        return view(request, *args, **kwargs)

    return wrapper


def _event_for(request, event_id):
    """Return the live event the user may read; 404 for unknown ids and outsiders of a private community."""
    event = EventPage.objects.live().select_related("community").filter(pk=event_id).first()
    if event is None:
        raise Http404("No such event.")
    if not page_readable(event, request):
        if event.community is not None and event.community.access_level == AccessLevel.PRIVATE:
            raise Http404("No such event.")
        raise PermissionDenied("Only members who may read this event can book it.")
    return event


def _refused(request, event, message, status):
    """Say why the booking was not changed, with the way back to the event if there is one."""
    back = (event.get_url(request), f"Go back to {event.title}") if event is not None else None
    return refusal(request, message, status=status, heading="Your booking was not changed", back=back)


def booking_change(view):
    """Make a view of a member's POST that changes their booking: the view is given the event they may read.

    A BookingRefused from the view says, on a page of its own, why the booking was not changed.
    """

    @post_only
    @login_required
    @rate_limited("booking")
    @functools.wraps(view)
    def checked(request, event_id):
        event = _event_for(request, event_id)
        try:
            return view(request, event)
        except BookingRefused as refused:
            return _refused(request, event, refused.message, refused.status)

    return checked


@booking_change
def event_rsvp(request, event):
    """Book a place at the event, or join its waiting list when it is full."""
    booking = booking_create(event=event, member=request.user)
    if booking.status == EventBooking.Status.GOING:
        messages.success(request, f"You have a place at {event.title}.")
    else:
        position = waiting_position(booking)
        messages.info(
            request,
            f"{event.title} is fully booked. You are number {position} on the waiting list: "
            "we will email you if a place comes free.",
        )
    return redirect(event.url)


@booking_change
def event_cancel(request, event):
    """Give up the member's own place or turn on the waiting list."""
    booking_cancel(event=event, member=request.user)
    messages.success(request, f"You have cancelled your booking for {event.title}.")
    return redirect(event.url)


def _managed_event(request, event_id):
    event = _event_for(request, event_id)
    if not may_manage_bookings(event, request.user):
        raise PermissionDenied("Only the event's organiser, its community's facilitators and editors can see this.")
    return event


class Attendee(NamedTuple):
    booking: EventBooking
    name: str
    organisation: str
    position: int | None  # on the waiting list


def attendee(booking, position=None):
    profile = getattr(booking.member, "profile", None)  # None for members who have not made a profile
    organisation = profile.organisation.name if profile and profile.organisation else ""
    return Attendee(booking, member_name(booking.member), organisation, position)


def _attendees(event):
    """Return who is going and who is waiting, each in the order they booked."""
    bookings = list(EventBooking.objects.filter(event=event).live().with_profiles().order_by("created_at", "pk"))
    going = [attendee(booking) for booking in bookings if booking.status == EventBooking.Status.GOING]
    waiting = [booking for booking in bookings if booking.status == EventBooking.Status.WAITING]
    return going, [attendee(booking, position) for position, booking in enumerate(waiting, 1)]


@login_required
def event_attendees(request, event_id):
    """The organiser's list of who is going and who is waiting."""
    event = _managed_event(request, event_id)
    going, waiting = _attendees(event)
    context = {"event": event, "going": going, "waiting": waiting}
    return TemplateResponse(request, "practice/event_attendees.html", context)


def spreadsheet_safe(value):
    """Keep a member's text from being read as a formula when the CSV is opened in a spreadsheet."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@login_required
def event_attendees_csv(request, event_id):
    """The attendee list as a CSV file for a spreadsheet."""
    event = _managed_event(request, event_id)
    going, waiting = _attendees(event)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-attendees.csv"'
    writer = csv.writer(response)
    writer.writerow(["status", "waiting list position", "name", "organisation", "booked at", "place given at"])
    for row in going + waiting:
        writer.writerow(
            [
                row.booking.get_status_display(),
                row.position or "",
                spreadsheet_safe(row.name),
                spreadsheet_safe(row.organisation),
                _local(row.booking.created_at),
                _local(row.booking.promoted_at),
            ]
        )
    return response


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""
