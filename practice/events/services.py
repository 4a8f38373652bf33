"""Booking places at events: RSVP, the waiting list, cancelling, and the day-before reminders.

Every change to an event's bookings first locks the event's row, so two members asking for the last
place are served one after the other: the second finds it taken and joins the waiting list.
"""

import datetime as dt
import logging
import smtplib
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from practice.access import facilitates, is_staff_member, may_read
from practice.common.addresses import absolute_url
from practice.common.mail import send_templated_mail
from practice.models import EventBooking, EventPage

logger = logging.getLogger(__name__)


class BookingRefused(Exception):
    """A booking request the event's state does not allow; the message is written for the member."""

    def __init__(self, message, *, status=409):
        super().__init__(message)
        self.message = message
        self.status = status


def member_may_read(event, member):
    """Say whether the member may open the event page now (they may have left its community since booking)."""
    if not member.is_active:
        return False
    return may_read(member, event)


def may_manage_bookings(event, user):
    """Say whether the user may see who is coming: the page's owner or organiser, its facilitators, hub staff."""
    if user.is_authenticated and user.pk in (event.owner_id, event.organiser_id):
        return True
    return facilitates(user, event.community_id) if event.community_id is not None else is_staff_member(user)


def bookings_open(event):
    """Say whether members may still book or cancel: until the event starts."""
    return event.start > timezone.now()


def waiting_position(booking):
    """Return the booking's place in the waiting list, counting from 1."""
    return EventBooking.objects.ahead_of(booking).count() + 1


@dataclass
class BookingSummary:
    """What the event page says about booking: places, the reader's own booking, and who may see the list."""

    open: bool
    capacity: int | None
    going: int
    waiting: int
    own: EventBooking | None = None
    own_position: int | None = None
    may_manage: bool = False

    @property
    def places_left(self):
        return None if self.capacity is None else max(self.capacity - self.going, 0)

    @property
    def full(self):
        return self.capacity is not None and self.places_left == 0


def booking_summary(event, user):
    """Return the event page's booking panel for this reader, in a fixed number of queries."""
    counts = EventBooking.objects.filter(event=event).counts()
    summary = BookingSummary(
        open=bookings_open(event), capacity=event.capacity, going=counts["going"], waiting=counts["waiting"]
    )
    if user.is_authenticated:
        summary.own = EventBooking.objects.live().filter(event=event, member=user).first()
        if summary.own is not None and summary.own.status == EventBooking.Status.WAITING:
            summary.own_position = waiting_position(summary.own)
        summary.may_manage = may_manage_bookings(event, user)
    return summary


def _locked(event):
    """Return the event freshly read with its row locked until the transaction ends (a no-op on SQLite,
    which lets one writer in at a time anyway)."""
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


def _check_open(event):
    if not bookings_open(event):
        raise BookingRefused("Booking has closed: this event has already started or taken place.", status=400)


def _fill_free_places(event):
    """Give free places to the waiting list in the order members joined it, and return those promoted.

    Members who may no longer open the event (they left a private community) keep their turn but are
    passed over until they can.
    """
    waiting = EventBooking.objects.filter(event=event).waiting().select_related("member")
    if event.capacity is None:
        free = None
    else:
        free = event.capacity - EventBooking.objects.filter(event=event).going().count()
        if free <= 0:
            return []
    promoted, now = [], timezone.now()
    for booking in waiting:
        if free is not None and len(promoted) >= free:
            break
        if not member_may_read(event, booking.member):
            continue
        booking.status, booking.promoted_at = EventBooking.Status.GOING, now
        booking.save(update_fields=["status", "promoted_at"])
        promoted.append(booking)
    for booking in promoted:
        transaction.on_commit(lambda booking=booking: notify_place_offered(booking))
    return promoted


@transaction.atomic
def booking_create(*, event, member):
    """Book the member a place, or a turn on the waiting list if the event is full; refuse a second booking."""
    event = _locked(event)
    _check_open(event)
    if EventBooking.objects.live().filter(event=event, member=member).exists():
        raise BookingRefused("You have already booked for this event.")
    # Places an editor has added since the last booking go to those already waiting, not to a newcomer.
    _fill_free_places(event)
    going = EventBooking.objects.filter(event=event).going().count()
    full = event.capacity is not None and going >= event.capacity
    status = EventBooking.Status.WAITING if full else EventBooking.Status.GOING
    try:
        with transaction.atomic():
            return EventBooking.objects.create(event=event, member=member, status=status)
    except IntegrityError as error:
        raise BookingRefused("You have already booked for this event.") from error


@transaction.atomic
def booking_cancel(*, event, member):
    """Cancel the member's place or turn on the waiting list; a freed place goes to the first in line."""
    event = _locked(event)
    booking = EventBooking.objects.live().filter(event=event, member=member).first()
    if booking is None:
        raise BookingRefused("You have no place or waiting-list turn at this event to cancel.")
    _check_open(event)
    was_going = booking.status == EventBooking.Status.GOING
    booking.status, booking.cancelled_at = EventBooking.Status.CANCELLED, timezone.now()
    booking.save(update_fields=["status", "cancelled_at"])
    if was_going:
        _fill_free_places(event)
    return booking


@transaction.atomic
def bookings_fill_free_places(*, event):
    """Offer any free places to the waiting list, e.g. after an editor raised the capacity."""
    event = _locked(event)
    if not bookings_open(event):
        return []
    return _fill_free_places(event)


def email_context(booking):
    """Return what the booking emails say about the event: when, where, and links to its page and calendar file."""
    event = booking.event
    page_url = event.get_full_url() or absolute_url(event.url or "/")
    place = [event.venue_name, *event.address.splitlines()]
    return {
        "booking": booking,
        "event": event,
        "member": booking.member,
        "place": ", ".join(part.strip() for part in place if part.strip()),
        "page_url": page_url,
        "ical_url": page_url.rstrip("/") + "/" + event.reverse_subpage("ical"),
    }


def email_booker(booking, *, subject, template):
    """Email the member who holds the booking about it, from a template given the booking's email_context."""
    send_templated_mail(
        subject=subject, template=template, context=email_context(booking), recipients=[booking.member.email]
    )


def notify_place_offered(booking):
    """Tell a member on the waiting list that a place has come free and is now theirs."""
    email_booker(
        booking,
        subject=f"You have a place at {booking.event.title}",
        template="practice/emails/booking_place_offered.txt",
    )


# Reminders: sent to those going to an event that starts tomorrow, as a calendar day in the hub's own
# time zone (settings.TIME_ZONE, Europe/London). Run the command daily (or hourly: each booking is
# reminded once, so bookings made late in the day are still reminded) from cron or the task worker.


def tomorrow(now=None):
    """Return the start and end of tomorrow in the hub's time zone, as aware datetimes."""
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    today = timezone.localtime(now or timezone.now(), zone).date()
    start = dt.datetime.combine(today + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    end = dt.datetime.combine(today + dt.timedelta(days=2), dt.time.min, tzinfo=zone)
    return start, end


@dataclass
class ReminderReport:
    sent: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    failed: list = field(default_factory=list)

    def as_dict(self):
        return {"sent": len(self.sent), "skipped": len(self.skipped), "failed": len(self.failed)}


def due_reminders(now=None):
    """Return the places not yet reminded at live events starting tomorrow."""
    start, end = tomorrow(now)
    return (
        EventBooking.objects.going()
        .filter(reminded_at__isnull=True, event__live=True, event__start__gte=start, event__start__lt=end)
        .select_related("event", "member")
        .order_by("event__start", "event_id", "created_at")
    )


def send_event_reminders(*, now=None, dry_run=False):
    """Remind everyone going to an event tomorrow, once each, if they may still open the event."""
    report = ReminderReport()
    for booking in due_reminders(now):
        line = f"{booking.event.title}: {booking.member.email}"
        if not member_may_read(booking.event, booking.member):
            report.skipped.append(line)
            continue
        if dry_run:
            report.sent.append(line)
            continue
        # Claim the booking first, so that two runs at once cannot both send it.
        claimed = EventBooking.objects.filter(pk=booking.pk, reminded_at__isnull=True).update(
            reminded_at=timezone.now()
        )
        if not claimed:
            continue
        try:
            send_reminder(booking)
        except (smtplib.SMTPException, OSError):
            logger.exception("Could not send the event reminder for booking %s", booking.pk)
            EventBooking.objects.filter(pk=booking.pk).update(reminded_at=None)
            report.failed.append(line)
        else:
            report.sent.append(line)
    return report


def send_reminder(booking):
    """Email the member the day-before reminder for their place."""
    email_booker(booking, subject=f"Tomorrow: {booking.event.title}", template="practice/emails/event_reminder.txt")
