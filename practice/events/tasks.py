"""Background work for event bookings, run by the task worker (immediately in development and tests)."""

from django_tasks import task

from practice.events.services import send_event_reminders


@task()
def send_event_reminders_task():
    """Send the day-before reminders that are due and return how many were sent, skipped and failed."""
    return send_event_reminders().as_dict()
