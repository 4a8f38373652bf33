"""Members' bookings for events: a place, or a turn on the waiting list."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone


class EventBookingQuerySet(models.QuerySet):
    def live(self):
        """Return the bookings that still hold a place or a turn on the waiting list."""
        return self.exclude(status=EventBooking.Status.CANCELLED)

    def going(self):
        return self.filter(status=EventBooking.Status.GOING)

    def waiting(self):
        """Return the waiting list, first in line first."""
        return self.filter(status=EventBooking.Status.WAITING).order_by("created_at", "pk")

    def ahead_of(self, booking):
        """Return the waiting bookings for the same event that joined the list before this one."""
        return (
            self.waiting()
            .filter(event_id=booking.event_id)
            .filter(Q(created_at__lt=booking.created_at) | Q(created_at=booking.created_at, pk__lt=booking.pk))
        )

    def with_profiles(self):
        return self.select_related("member", "member__profile", "member__profile__organisation")

    def counts(self):
        """Return how many are going and how many are waiting, in one query."""
        return self.aggregate(
            going=Count("pk", filter=Q(status=EventBooking.Status.GOING)),
            waiting=Count("pk", filter=Q(status=EventBooking.Status.WAITING)),
        )


class EventBooking(models.Model):
    """A member's RSVP to an event: going, waiting for a place, or cancelled (kept for the record)."""

    class Status(models.TextChoices):
        GOING = "going", "Going"
        WAITING = "waiting", "On the waiting list"
        CANCELLED = "cancelled", "Cancelled"

    event = models.ForeignKey("practice.EventPage", on_delete=models.CASCADE, related_name="bookings")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_bookings")
    status = models.CharField(max_length=10, choices=Status.choices)
    # The waiting list is served in the order members booked, so this is set once, when they book.
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    promoted_at = models.DateTimeField(null=True, blank=True, help_text="When a freed place went to this member.")
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, help_text="When the day-before reminder was sent.")

    objects = EventBookingQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["event", "member"],
                condition=~Q(status="cancelled"),
                name="one_live_booking_per_member_per_event",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"], name="booking_event_status_created")]

    def __str__(self):
        return f"{self.member} for {self.event_id} ({self.get_status_display()})"
