"""Booking places at events: RSVP, the waiting list, cancelling, the attendee list and the day-before reminders."""

import csv
import datetime as dt
import io
import random
import threading

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from practice.communities.services import membership_join, membership_leave
from practice.events.services import (
    booking_cancel,
    booking_create,
    send_event_reminders,
    tomorrow,
    waiting_position,
)
from practice.events.tasks import send_event_reminders_task
from practice.models import EventBooking, EventPage
from practice.models.choices import AccessLevel, SecurityLevel
from tests.factories import (
    EventBookingFactory,
    EventIndexPageFactory,
    EventPageFactory,
    MemberProfileFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.practice.querycounts import queries_to_render

pytestmark = pytest.mark.django_db

GOING, WAITING, CANCELLED = EventBooking.Status.GOING, EventBooking.Status.WAITING, EventBooking.Status.CANCELLED


def booking_url(event, page):
    """Return the address of one of the event's booking pages: "rsvp/", "cancel/", "attendees/" or "attendees.csv"."""
    return f"/bookings/events/{event.pk}/{page}"


def person(name, organisation=None):
    """A member with a profile: a display name and, if given, an organisation."""
    first, _, last = name.partition(" ")
    profile = MemberProfileFactory(
        user__first_name=first,
        user__last_name=last,
        user__username=f"{first.lower()}.{last.lower()}@example.gov.uk",
        display_name=name,
        organisation=OrganisationFactory(name=organisation) if organisation else None,
    )
    return profile.user


def event_in(community, **kwargs):
    """Publish an event in the community's events listing."""
    return EventPageFactory(parent=EventIndexPageFactory(parent=community), **kwargs)


def statuses(event):
    return {booking.member.username: booking.status for booking in EventBooking.objects.filter(event=event).live()}


def as_member(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def organiser(db):
    return person("Olu Adeyemi", "Northmoor District Council")


@pytest.fixture
def teacamp(organiser):
    """An upcoming teacamp with two places in an open community, organised by the page's owner."""
    return EventPageFactory(title="Northmoor teacamp", capacity=2, owner=organiser, venue_name="Northmoor library")


@pytest.fixture
def alice(db):
    return person("Alice Barnes", "Eastshire County Council")


@pytest.fixture
def bob(db):
    return person("Bob Carter", "Westleigh Borough Council")


@pytest.fixture
def cara(db):
    return person("Cara Doyle")


# Booking and the waiting list


def test_member_books_a_place_and_the_page_says_so(client, teacamp, alice):
    response = as_member(client, alice).post(booking_url(teacamp, "rsvp/"), follow=True)

    assert response.redirect_chain == [(teacamp.url, 302)]
    content = response.content.decode()
    assert "You have a place at Northmoor teacamp." in content
    assert "You have a place at this event." in content
    assert "1 of 2 places left." in content
    assert f'action="{booking_url(teacamp, "cancel/")}"' in content
    assert statuses(teacamp) == {alice.username: GOING}


def test_a_full_event_puts_members_on_the_waiting_list_and_tells_them_their_place(client, teacamp, alice, bob, cara):
    dan, eve = person("Dan Evans"), person("Eve Ford")
    for member in (alice, bob, cara):
        as_member(client, member).post(booking_url(teacamp, "rsvp/"))

    response = as_member(client, dan).post(booking_url(teacamp, "rsvp/"), follow=True)

    content = response.content.decode()
    assert "Northmoor teacamp is fully booked. You are number 2 on the waiting list" in content
    assert "You are number 2 on the waiting list. We will email you if a place comes free." in content
    assert "Leave the waiting list" in content
    assert statuses(teacamp) == {
        alice.username: GOING,
        bob.username: GOING,
        cara.username: WAITING,
        dan.username: WAITING,
    }

    content = as_member(client, eve).get(teacamp.url).content.decode()
    assert "Fully booked — join the waiting list" in content
    assert "and 2 people are waiting" in content
    assert ">Join the waiting list</button>" in content


def test_cancelling_gives_the_place_to_the_first_in_line_who_is_emailed_after_commit(
    client, teacamp, alice, bob, cara, mailoutbox, django_capture_on_commit_callbacks
):
    dan = person("Dan Evans")
    for member in (alice, bob, cara, dan):
        booking_create(event=teacamp, member=member)

    with django_capture_on_commit_callbacks() as callbacks:
        response = as_member(client, alice).post(booking_url(teacamp, "cancel/"), follow=True)
        assert mailoutbox == []  # nothing is sent until the booking is saved for good

    assert "You have cancelled your booking for Northmoor teacamp." in response.content.decode()
    assert statuses(teacamp) == {bob.username: GOING, cara.username: GOING, dan.username: WAITING}
    promoted = EventBooking.objects.get(event=teacamp, member=cara)
    assert promoted.promoted_at is not None
    assert waiting_position(EventBooking.objects.get(event=teacamp, member=dan)) == 1

    for callback in callbacks:
        callback()
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == [cara.email]
    assert email.subject == "You have a place at Northmoor teacamp"
    assert "a place has come free at Northmoor teacamp and it is yours" in email.body
    assert f"http://localhost{teacamp.url}" in email.body
    assert f"http://localhost{teacamp.url}ical/" in email.body
    assert "Where: Northmoor library" in email.body


def test_leaving_the_waiting_list_frees_no_place(
    teacamp, alice, bob, cara, mailoutbox, django_capture_on_commit_callbacks
):
    for member in (alice, bob, cara):
        booking_create(event=teacamp, member=member)

    with django_capture_on_commit_callbacks(execute=True):
        booking_cancel(event=teacamp, member=cara)

    assert statuses(teacamp) == {alice.username: GOING, bob.username: GOING}
    assert mailoutbox == []


def test_booking_again_after_cancelling_joins_the_back_of_the_queue(teacamp, alice, bob, cara):
    dan = person("Dan Evans")
    for member in (alice, bob, cara):
        booking_create(event=teacamp, member=member)
    booking_cancel(event=teacamp, member=cara)
    booking_create(event=teacamp, member=dan)

    again = booking_create(event=teacamp, member=cara)

    assert again.status == WAITING
    assert waiting_position(again) == 2
    assert EventBooking.objects.filter(event=teacamp, member=cara).count() == 2  # the cancelled one is kept


def test_an_event_with_no_capacity_has_no_limit(client, alice, bob, cara):
    webinar = EventPageFactory(title="Alt text webinar", capacity=None)
    for member in (alice, bob, cara):
        assert booking_create(event=webinar, member=member).status == GOING

    content = as_member(client, person("Dan Evans")).get(webinar.url).content.decode()

    assert "No limit on places: 3 people are going." in content
    assert ">Book a place</button>" in content


def test_places_an_editor_adds_go_to_those_waiting(
    teacamp, alice, bob, cara, mailoutbox, django_capture_on_commit_callbacks
):
    for member in (alice, bob, cara):
        booking_create(event=teacamp, member=member)
    teacamp.capacity = 5

    with django_capture_on_commit_callbacks(execute=True):
        teacamp.save_revision().publish()

    assert statuses(teacamp)[cara.username] == GOING
    assert [email.to for email in mailoutbox] == [[cara.email]]


def test_a_waiting_member_who_left_a_private_community_is_passed_over(
    communities, mailoutbox, django_capture_on_commit_callbacks
):
    private = communities[AccessLevel.PRIVATE]
    surgery = event_in(private["community"], title="Private surgery", capacity=1)
    leaver, stayer = UserFactory(), UserFactory()
    for member in (leaver, stayer):
        membership_join(community=private["community"], member=member)
    for member in (private["insider"], leaver, stayer):
        booking_create(event=surgery, member=member)
    membership_leave(community=private["community"], member=leaver)

    with django_capture_on_commit_callbacks(execute=True):
        booking_cancel(event=surgery, member=private["insider"])

    assert statuses(surgery) == {leaver.username: WAITING, stayer.username: GOING}
    assert [email.to for email in mailoutbox] == [[stayer.email]]


def test_one_live_booking_per_member_per_event_is_kept_by_the_database(teacamp, alice):
    EventBookingFactory(event=teacamp, member=alice, status=CANCELLED)
    EventBookingFactory(event=teacamp, member=alice, status=GOING)

    with pytest.raises(IntegrityError), transaction.atomic():
        EventBookingFactory(event=teacamp, member=alice, status=WAITING)


# Concurrency: the event's row is locked while its bookings change.


def check_invariants(event, readers):
    going = list(EventBooking.objects.filter(event=event).going())
    waiting = list(EventBooking.objects.filter(event=event).waiting())
    assert len(going) <= event.capacity
    if waiting:
        assert len(going) == event.capacity, "a place is free while someone waits"
    assert len({b.member_id for b in going + waiting}) == len(going) + len(waiting)
    assert {b.member_id for b in going + waiting} <= {member.pk for member in readers}


def test_random_bookings_and_cancellations_never_overbook_and_serve_the_queue_in_order(organiser):
    event = EventPageFactory(capacity=3, owner=organiser)
    members = [UserFactory() for _ in range(12)]
    chooser = random.Random(20260514)
    for _ in range(150):
        member = chooser.choice(members)
        booked = EventBooking.objects.live().filter(event=event, member=member).exists()
        first_in_line = EventBooking.objects.filter(event=event).waiting().first()
        was_going = booked and EventBooking.objects.filter(event=event, member=member).going().exists()
        if booked:
            booking_cancel(event=event, member=member)
            if was_going and first_in_line is not None:
                first_in_line.refresh_from_db()
                assert first_in_line.status == GOING, "the place went to someone other than the first in line"
        else:
            booking_create(event=event, member=member)
        check_invariants(event, members)


def test_two_last_place_bookings_in_turn_cannot_both_get_it(teacamp, alice, bob, cara):
    booking_create(event=teacamp, member=alice)

    second, third = booking_create(event=teacamp, member=bob), booking_create(event=teacamp, member=cara)

    assert (second.status, third.status) == (GOING, WAITING)


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite lets one writer in at a time; row locks need PostgreSQL"
)


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_second_booking_waits_for_the_first_to_commit():
    event = EventPageFactory(capacity=1)
    first, second = UserFactory(), UserFactory()
    holding, release, results = threading.Event(), threading.Event(), {}

    def book_and_hold():
        try:
            with transaction.atomic():
                results["first"] = booking_create(event=event, member=first).status
                holding.set()
                release.wait(10)
        finally:
            connection.close()

    def book():
        try:
            results["second"] = booking_create(event=event, member=second).status
        finally:
            connection.close()

    holder = threading.Thread(target=book_and_hold)
    holder.start()
    assert holding.wait(10)
    waiter = threading.Thread(target=book)
    waiter.start()
    waiter.join(1)
    assert waiter.is_alive(), "the second booking did not wait for the event's lock"
    release.set()
    holder.join(10)
    waiter.join(10)

    assert results == {"first": GOING, "second": WAITING}


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_many_members_at_once_fill_exactly_the_places():
    event = EventPageFactory(capacity=3)
    members = [UserFactory() for _ in range(10)]
    start = threading.Barrier(len(members))

    def book(member):
        try:
            start.wait(10)
            booking_create(event=event, member=member)
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(member,)) for member in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)

    assert EventBooking.objects.filter(event=event).going().count() == 3
    assert EventBooking.objects.filter(event=event).waiting().count() == 7


# Bad requests: a 4xx with a clear message, and no rows changed


def test_a_past_or_started_event_takes_no_bookings(client, alice):
    now = timezone.now()
    past = EventPageFactory(title="Last year's unconference", start=now - dt.timedelta(days=30), capacity=10)
    started = EventPageFactory(start=now - dt.timedelta(minutes=30), end=now + dt.timedelta(hours=1))
    as_member(client, alice)

    for event in (past, started):
        response = client.post(booking_url(event, "rsvp/"))
        assert response.status_code == 400
        assert "Booking has closed" in response.content.decode()
    assert not EventBooking.objects.exists()

    content = client.get(past.url).content.decode()
    assert "Booking has closed: this event has started and finished." in content
    assert "Book a place" not in content
    assert "Fully booked" not in content


def test_a_place_cannot_be_cancelled_once_the_event_has_started(client, alice):
    event = EventPageFactory(capacity=5)
    booking = booking_create(event=event, member=alice)
    type(event).objects.filter(pk=event.pk).update(start=timezone.now() - dt.timedelta(minutes=5))

    response = as_member(client, alice).post(booking_url(event, "cancel/"))

    assert response.status_code == 400
    booking.refresh_from_db()
    assert booking.status == GOING


def test_booking_twice_is_refused(client, teacamp, alice):
    as_member(client, alice).post(booking_url(teacamp, "rsvp/"))

    response = client.post(booking_url(teacamp, "rsvp/"))

    assert response.status_code == 409
    assert "You have already booked for this event." in response.content.decode()
    assert EventBooking.objects.filter(event=teacamp).count() == 1


def test_no_one_can_cancel_a_booking_that_is_not_theirs(client, teacamp, alice, bob):
    booking = booking_create(event=teacamp, member=alice)

    response = as_member(client, bob).post(booking_url(teacamp, "cancel/"), {"booking": booking.pk, "member": alice.pk})

    assert response.status_code == 409
    assert "You have no place or waiting-list turn at this event to cancel." in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == GOING


@pytest.mark.parametrize("page", ["rsvp/", "cancel/"])
def test_the_booking_endpoints_take_only_post(client, teacamp, alice, page):
    booking_create(event=teacamp, member=alice)

    response = as_member(client, alice).get(booking_url(teacamp, page))

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "Use the buttons on the event" in response.content.decode()
    assert statuses(teacamp) == {alice.username: GOING}


def test_forged_event_ids_are_not_found(client, teacamp, alice):
    draft = EventPageFactory(live=False)
    as_member(client, alice)

    for page_id in (999999, teacamp.get_parent().pk, draft.pk):
        assert client.post(f"/bookings/events/{page_id}/rsvp/").status_code == 404
        assert client.post(f"/bookings/events/{page_id}/cancel/").status_code == 404
    assert client.post("/bookings/events/not-a-number/rsvp/").status_code == 404
    assert not EventBooking.objects.exists()


def test_signing_in_comes_before_booking(client, teacamp):
    response = client.post(booking_url(teacamp, "rsvp/"))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")
    assert not EventBooking.objects.exists()
    content = client.get(teacamp.url).content.decode()
    assert "Sign in to book a place" in content
    assert "2 of 2 places left." in content


def test_only_readers_of_the_event_may_book_it(client, communities, member):
    restricted = event_in(communities[AccessLevel.RESTRICTED]["community"], capacity=5)
    private = event_in(communities[AccessLevel.PRIVATE]["community"], capacity=5)
    members_only = EventPageFactory(security_level=SecurityLevel.MEMBERS)
    as_member(client, member)

    assert client.post(booking_url(restricted, "rsvp/")).status_code == 403
    assert client.post(booking_url(private, "rsvp/")).status_code == 404
    assert not EventBooking.objects.exists()

    assert client.post(booking_url(members_only, "rsvp/")).status_code == 302
    insider = communities[AccessLevel.PRIVATE]["insider"]
    assert as_member(client, insider).post(booking_url(private, "rsvp/")).status_code == 302
    assert EventBooking.objects.going().count() == 2


# The attendee list


@pytest.fixture
def booked_teacamp(teacamp, alice, bob, cara):
    for member in (alice, bob, cara):
        booking_create(event=teacamp, member=member)
    booking_cancel(event=teacamp, member=bob)  # Cara gets Bob's place
    booking_create(event=teacamp, member=person("=HYPERLINK Evans", "@Formula Council"))
    return teacamp


def test_the_organiser_sees_who_is_going_and_who_is_waiting(client, booked_teacamp, organiser):
    response = as_member(client, organiser).get(booking_url(booked_teacamp, "attendees/"))

    assert response.status_code == 200
    content = response.content.decode()
    going, waiting = content.split("Waiting list (1)")
    assert "Going (2)" in going
    assert going.index("Alice Barnes") < going.index("Cara Doyle")
    assert "Eastshire County Council" in going
    assert "Bob Carter" not in content  # cancelled
    assert "Place given" in going
    assert "=HYPERLINK Evans" in waiting
    assert "2 of 2 places taken, 1 on the waiting list." in content


def test_the_attendee_list_downloads_as_csv(client, booked_teacamp, organiser):
    response = as_member(client, organiser).get(booking_url(booked_teacamp, "attendees.csv"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["status", "waiting list position", "name", "organisation", "booked at", "place given at"]
    assert [row[:4] for row in rows[1:]] == [
        ["Going", "", "Alice Barnes", "Eastshire County Council"],
        ["Going", "", "Cara Doyle", ""],
        ["On the waiting list", "1", "'=HYPERLINK Evans", "'@Formula Council"],
    ]
    assert rows[1][5] == "" and rows[2][5] != ""  # Cara's place came from the waiting list


def test_facilitators_editors_and_the_named_organiser_may_see_the_attendee_list(client, communities, editor):
    level = communities[AccessLevel.RESTRICTED]
    named_organiser = UserFactory()
    membership_join(community=level["community"], member=named_organiser)
    event = event_in(level["community"], capacity=5, organiser=named_organiser)

    for user in (level["facilitator"], editor, named_organiser):
        assert as_member(client, user).get(booking_url(event, "attendees/")).status_code == 200
        assert client.get(booking_url(event, "attendees.csv")).status_code == 200

    content = as_member(client, level["facilitator"]).get(event.url).content.decode()
    assert f'href="{booking_url(event, "attendees/")}"' in content


def test_others_may_not_see_the_attendee_list(client, communities, booked_teacamp, alice):
    private_event = event_in(communities[AccessLevel.PRIVATE]["community"], capacity=5)
    as_member(client, alice)

    assert client.get(booking_url(booked_teacamp, "attendees/")).status_code == 403
    assert client.get(booking_url(booked_teacamp, "attendees.csv")).status_code == 403
    assert f'href="{booking_url(booked_teacamp, "attendees/")}"' not in client.get(booked_teacamp.url).content.decode()
    assert client.get(booking_url(private_event, "attendees/")).status_code == 404
    assert client.get(booking_url(private_event, "attendees.csv")).status_code == 404
    insider = communities[AccessLevel.PRIVATE]["insider"]
    assert as_member(client, insider).get(booking_url(private_event, "attendees/")).status_code == 403

    client.logout()
    response = client.get(booking_url(booked_teacamp, "attendees/"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")


def test_a_new_event_previewed_before_it_is_saved_has_no_booking_panel(rf, member):
    start = timezone.now() + dt.timedelta(days=3)
    event = EventPage(title="Draft teacamp", start=start, end=start + dt.timedelta(hours=2), capacity=3)
    request = rf.get("/")
    request.user = member

    assert event.get_context(request)["booking"] is None


# Query counts do not grow with the bookings


def add_bookings(event, count, *, status=WAITING):
    organisation = OrganisationFactory(name="Bulk Borough Council")
    for _ in range(count):
        member = MemberProfileFactory(organisation=organisation).user
        EventBookingFactory(event=event, member=member, status=status)


def test_the_event_page_takes_the_same_queries_whatever_the_bookings(client, teacamp, organiser, alice):
    teacamp.capacity = 1
    teacamp.save()
    booking_create(event=teacamp, member=person("First Comer"))
    booking_create(event=teacamp, member=alice)  # waiting: the page counts who is ahead of her
    counts = {}
    for viewer in (alice, organiser):
        as_member(client, viewer)
        counts[viewer, 1] = queries_to_render(client, teacamp.url)
    add_bookings(teacamp, 49)
    for viewer in (alice, organiser):
        as_member(client, viewer)
        counts[viewer, 50] = queries_to_render(client, teacamp.url)

    assert counts[alice, 1] == counts[alice, 50]
    assert counts[organiser, 1] == counts[organiser, 50]
    assert "You are number 1 on the waiting list" in as_member(client, alice).get(teacamp.url).content.decode()


@pytest.mark.parametrize("page", ["attendees/", "attendees.csv"])
def test_the_attendee_list_takes_the_same_queries_whatever_the_bookings(client, teacamp, organiser, page):
    booking_create(event=teacamp, member=person("First Comer", "Firstshire Council"))
    as_member(client, organiser)
    with_one = queries_to_render(client, booking_url(teacamp, page))

    add_bookings(teacamp, 49)

    assert queries_to_render(client, booking_url(teacamp, page)) == with_one


# The day-before reminders


def event_tomorrow(title, *, hour=10, **kwargs):
    start = tomorrow()[0] + dt.timedelta(hours=hour)
    return EventPageFactory(title=title, start=start, end=start + dt.timedelta(hours=2), **kwargs)


@pytest.fixture
def tomorrows_surgery(alice, bob, cara):
    surgery = event_tomorrow(
        "Social media surgery",
        capacity=1,
        venue_name="Town hall",
        address="1 High Street\nNorthmoor",
        online_url="https://meet.example.org/surgery",
        time_zone="Europe/London",
    )
    EventBookingFactory(event=surgery, member=alice, status=GOING)
    EventBookingFactory(event=surgery, member=bob, status=WAITING)
    EventBookingFactory(event=surgery, member=cara, status=CANCELLED)
    return surgery


def test_reminders_go_once_to_those_going_to_tomorrows_events(tomorrows_surgery, alice, mailoutbox):
    later = EventPageFactory(start=tomorrow()[1] + dt.timedelta(hours=1))  # the day after tomorrow
    sooner = EventPageFactory(start=tomorrow()[0] - dt.timedelta(seconds=1))  # today, at any hour the test runs
    unpublished = event_tomorrow("Draft surgery", live=False)
    for event in (later, sooner, unpublished):
        EventBookingFactory(event=event, member=alice, status=GOING)
    out = io.StringIO()

    call_command("send_event_reminders", stdout=out)

    assert [email.to for email in mailoutbox] == [[alice.email]]
    email = mailoutbox[0]
    assert email.subject == "Tomorrow: Social media surgery"
    start = tomorrows_surgery.local_start
    assert f"When: {start:%A} {start.day} {start:%B %Y}, 10:00 to 12:00 (Europe/London time)" in email.body
    assert "Where: Town hall, 1 High Street, Northmoor" in email.body
    assert "Join online: https://meet.example.org/surgery" in email.body
    assert f"Add it to your calendar: http://localhost{tomorrows_surgery.url}ical/" in email.body
    assert f"Reminded Social media surgery: {alice.email}" in out.getvalue()
    assert "1 reminder sent, 0 skipped, 0 failed." in out.getvalue()
    assert EventBooking.objects.get(event=tomorrows_surgery, member=alice).reminded_at is not None

    out = io.StringIO()
    call_command("send_event_reminders", stdout=out)
    assert len(mailoutbox) == 1
    assert "0 reminders sent" in out.getvalue()


def test_a_dry_run_sends_nothing(tomorrows_surgery, alice, mailoutbox):
    out = io.StringIO()

    call_command("send_event_reminders", "--dry-run", stdout=out)

    assert mailoutbox == []
    assert f"Would remind Social media surgery: {alice.email}" in out.getvalue()
    assert EventBooking.objects.get(member=alice).reminded_at is None


def test_no_reminder_for_a_member_who_may_no_longer_read_the_event(communities, mailoutbox):
    private = communities[AccessLevel.PRIVATE]
    leaver = UserFactory()
    membership_join(community=private["community"], member=leaver)
    surgery = event_tomorrow("Private surgery", parent=EventIndexPageFactory(parent=private["community"]))
    for member in (private["insider"], leaver):
        EventBookingFactory(event=surgery, member=member, status=GOING)
    membership_leave(community=private["community"], member=leaver)

    report = send_event_reminders()

    assert [email.to for email in mailoutbox] == [[private["insider"].email]]
    assert report.as_dict() == {"sent": 1, "skipped": 1, "failed": 0}
    assert EventBooking.objects.get(member=leaver).reminded_at is None  # reminded if they rejoin in time


def test_a_reminder_that_fails_to_send_is_tried_again_next_time(tomorrows_surgery, alice, mailoutbox, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("practice.events.services.send_templated_mail", refuse)
    with pytest.raises(CommandError, match="could not be sent"):
        call_command("send_event_reminders", stdout=io.StringIO(), stderr=io.StringIO())
    assert EventBooking.objects.get(member=alice).reminded_at is None

    monkeypatch.undo()
    assert send_event_reminders().as_dict() == {"sent": 1, "skipped": 0, "failed": 0}
    assert len(mailoutbox) == 1


def test_tomorrow_is_a_calendar_day_in_london():
    late_evening = dt.datetime(2026, 3, 28, 23, 30, tzinfo=dt.UTC)  # 23:30 GMT; clocks go forward overnight

    start, end = tomorrow(late_evening)

    assert start.isoformat() == "2026-03-29T00:00:00+00:00"
    assert end.isoformat() == "2026-03-30T00:00:00+01:00"
    assert end.astimezone(dt.UTC) - start.astimezone(dt.UTC) == dt.timedelta(hours=23)  # a short day


def test_the_reminder_task_sends_them_through_the_task_backend(tomorrows_surgery, alice, mailoutbox):
    result = send_event_reminders_task.enqueue()

    assert result.return_value == {"sent": 1, "skipped": 0, "failed": 0}
    assert [email.to for email in mailoutbox] == [[alice.email]]
