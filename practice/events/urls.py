"""Booking places at events and the organiser's attendee list."""

from django.urls import path

from practice.events import views

urlpatterns = [
    path("events/<id:event_id>/rsvp/", views.event_rsvp, name="event_rsvp"),
    path("events/<id:event_id>/cancel/", views.event_cancel, name="event_cancel"),
    path("events/<id:event_id>/attendees/", views.event_attendees, name="event_attendees"),
    path("events/<id:event_id>/attendees.csv", views.event_attendees_csv, name="event_attendees_csv"),
]
