"""Keep an event's bookings in step with its page: places an editor adds go to the waiting list."""

from django.dispatch import receiver

from wagtail.signals import page_published

from practice.events.services import bookings_fill_free_places
from practice.models import EventPage


@receiver(page_published, sender=EventPage)
def offer_added_places(sender, instance, **kwargs):
    bookings_fill_free_places(event=instance)
