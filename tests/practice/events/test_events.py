"""Events listings and iCalendar: filters, paging, the map's data and calendar files, within what a reader may see."""

import datetime as dt
import json
import re
import zoneinfo
from decimal import Decimal

import icalendar
import pytest

from django.utils import timezone

from practice.models.choices import AccessLevel, SecurityLevel
from tests.factories import EventIndexPageFactory, EventPageFactory, RegionFactory
from tests.practice.listings import card_titles, listed
from tests.practice.querycounts import queries_before_and_after, queries_to_render

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")


def event(listing, title, *, days=7, hours=2, **kwargs):
    """Publish an event in the listing starting some days from now (negative: in the past)."""
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=days)
    return EventPageFactory(parent=listing, title=title, start=start, end=start + dt.timedelta(hours=hours), **kwargs)


def ical_url(page):
    return f"{page.url}ical/"


@pytest.fixture
def listing():
    return EventIndexPageFactory()


@pytest.fixture
def programme(listing):
    north, south = RegionFactory(name="North East"), RegionFactory(name="South West")
    return {
        "teacamp": event(listing, "Durham teacamp", days=3, event_type="teacamp", region=north),
        "webinar": event(listing, "Alt text webinar", days=10, event_type="webinar", region=south),
        "surgery": event(listing, "Plymouth surgery", days=20, event_type="surgery", region=south),
        "past": event(listing, "Unconference 2025", days=-30, event_type="unconference", region=north),
    }


# Listing: filters


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Durham teacamp", "Alt text webinar", "Plymouth surgery"]),
        ("region=south-west", ["Alt text webinar", "Plymouth surgery"]),
        ("type=teacamp", ["Durham teacamp"]),
        ("when=past", ["Unconference 2025"]),
        ("when=past&region=south-west", []),
        ("region=north-east&when=between", ["Unconference 2025", "Durham teacamp"]),
    ],
)
def test_filters_narrow_the_events(client, listing, programme, query, expected):
    assert listed(client, f"{listing.url}?{query}") == (200, expected)


def test_a_date_range_keeps_events_that_fall_within_it(client, listing, programme):
    start = timezone.localdate() + dt.timedelta(days=5)
    end = timezone.localdate() + dt.timedelta(days=12)

    response = client.get(f"{listing.url}?date_from={start:%d/%m/%Y}&date_to={end:%Y-%m-%d}")

    assert card_titles(response) == ["Alt text webinar"]
    assert 'value="between" checked' in response.content.decode()


def test_filter_options_come_from_events_the_reader_may_see(client, listing, programme):
    event(
        listing,
        "Members' hack day",
        event_type="workshop",
        region=RegionFactory(name="Yorkshire"),
        security_level=SecurityLevel.MEMBERS,
    )

    content = client.get(listing.url).content.decode()
    assert "Yorkshire" not in content
    assert ">Workshop<" not in content
    assert ">North East<" in content
    assert ">Teacamp<" in content


@pytest.mark.parametrize(
    "query",
    [
        "when=soon",
        "date_from=31/02/2026",
        "date_from=2026-05-01&date_to=2026-04-01",
        "region=atlantis",
        "type=party",
        "page=abc",
        "page=999",
        "date_to=tomorrow",
    ],
)
def test_bad_parameters_are_ignored_not_errors(client, listing, programme, query):
    assert client.get(f"{listing.url}?{query}").status_code == 200


def test_a_date_range_that_ends_before_it_starts_is_reported(client, listing, programme):
    content = client.get(f"{listing.url}?date_from=2026-05-01&date_to=2026-04-01").content.decode()

    assert "The end date must be the same as or after the start date" in content


def test_events_come_twelve_to_a_page(client, listing):
    for day in range(1, 16):
        event(listing, f"Surgery day {day:02}", days=day)

    assert card_titles(client.get(listing.url)) == [f"Surgery day {day:02}" for day in range(1, 13)]
    assert card_titles(client.get(f"{listing.url}?page=2")) == [f"Surgery day {day:02}" for day in range(13, 16)]
    assert "15 events" in client.get(listing.url).content.decode()


def test_members_only_and_private_events_never_appear_to_anonymous_readers(client, listing, programme, communities):
    event(listing, "Members' hack day", security_level=SecurityLevel.MEMBERS)
    private_listing = EventIndexPageFactory(parent=communities[AccessLevel.PRIVATE]["community"])
    event(private_listing, "Private circle meetup")

    content = client.get(listing.url).content.decode()
    assert "Members&#x27; hack day" not in content
    assert "hack day" not in content
    assert "3 events" in content
    refused = client.get(private_listing.url)
    assert refused.status_code == 404
    assert "Private circle meetup" not in refused.content.decode()


# Listing: the map


def map_data(response):
    found = re.search(r'<script id="events-map-data" type="application/json">(.*?)</script>', response.content.decode())
    return json.loads(found.group(1)) if found else None


def test_the_map_shows_the_listed_events_that_have_coordinates(client, listing, settings):
    settings.HUB_MAP_TILE_URL = "https://tiles.example.gov.uk/{z}/{x}/{y}.png"
    settings.HUB_MAP_ATTRIBUTION = "Example Council mapping"
    durham = event(listing, "Durham teacamp", latitude=Decimal("54.776100"), longitude=Decimal("-1.573300"))
    event(listing, "Online only webinar")
    event(
        listing,
        "Members' hack day",
        latitude=Decimal("53.8"),
        longitude=Decimal("-1.55"),
        security_level=SecurityLevel.MEMBERS,
    )

    response = client.get(listing.url)
    data = map_data(response)
    content = response.content.decode()

    assert data["tileUrl"] == "https://tiles.example.gov.uk/{z}/{x}/{y}.png"
    assert data["attribution"] == "Example Council mapping"
    assert [(e["title"], e["lat"], e["lng"], e["url"]) for e in data["events"]] == [
        ("Durham teacamp", 54.7761, -1.5733, durham.url)
    ]
    assert 'aria-label="Map of the events listed below"' in content
    assert "leaflet/leaflet.css" in content
    assert "leaflet/leaflet.js" in content
    assert "js/events-map.js" in content


def test_no_map_and_no_inline_script_or_style(client, listing):
    event(listing, "Online only webinar")

    content = client.get(listing.url).content.decode()

    assert map_data(client.get(listing.url)) is None
    assert "leaflet" not in content
    assert " style=" not in content
    assert all("src=" in tag or "application/json" in tag for tag in re.findall(r"<script[^>]*>", content))


# iCalendar: one event


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_an_event_as_an_icalendar_file(client, listing):
    start = dt.datetime(2030, 6, 12, 10, 0, tzinfo=LONDON)
    durham = EventPageFactory(
        parent=listing,
        title="Durham teacamp",
        summary="Tea, cake and live-posting tips.",
        start=start,
        end=start + dt.timedelta(hours=3),
        time_zone="Europe/London",
        venue_name="Durham Town Hall",
        address="Market Place\nDurham DH1 3NJ",
        latitude=Decimal("54.776100"),
        longitude=Decimal("-1.573300"),
        online_url="",
        event_type="teacamp",
    )

    calendar = parse(client.get(ical_url(durham)))
    [vevent] = calendar.events

    assert vevent["uid"] == f"event-{durham.pk}@localhost"
    assert vevent["summary"] == "Durham teacamp"
    assert vevent["description"] == "Tea, cake and live-posting tips."
    assert vevent["location"] == "Durham Town Hall, Market Place, Durham DH1 3NJ"
    assert vevent["url"] == f"http://localhost{durham.url}"
    assert vevent.decoded("dtstart") == start
    assert vevent.decoded("dtend") == start + dt.timedelta(hours=3)
    assert vevent["dtstart"].params["TZID"] == "Europe/London"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    assert (vevent["geo"].latitude, vevent["geo"].longitude) == (54.7761, -1.5733)
    assert "DTSTAMP" in vevent
    assert f'href="{ical_url(durham)}"' in client.get(durham.url).content.decode()


def test_an_online_event_gives_its_joining_link_as_location_and_keeps_its_own_time_zone(client, listing):
    start = dt.datetime(2030, 1, 15, 9, 0, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
    webinar = EventPageFactory(
        parent=listing,
        title="Transatlantic webinar",
        start=start,
        end=start + dt.timedelta(hours=1),
        time_zone="America/New_York",
        online_url="https://meet.example.org/hub",
    )

    [vevent] = parse(client.get(ical_url(webinar))).events

    assert vevent["location"] == "https://meet.example.org/hub"
    assert vevent["dtstart"].params["TZID"] == "America/New_York"
    assert vevent.decoded("dtstart") == start
    assert "GEO" not in vevent


def test_the_icalendar_file_of_an_event_is_refused_to_those_who_may_not_open_it(client, listing, member, communities):
    hack_day = event(listing, "Members' hack day", security_level=SecurityLevel.MEMBERS)
    private = event(EventIndexPageFactory(parent=communities[AccessLevel.PRIVATE]["community"]), "Circle meetup")

    refused = client.get(ical_url(hack_day))
    assert refused.status_code == 403
    assert b"BEGIN:VCALENDAR" not in refused.content
    assert client.get(ical_url(private)).status_code == 404

    client.force_login(member)
    assert parse(client.get(ical_url(hack_day))).events[0]["summary"] == "Members' hack day"


# iCalendar: a listing's upcoming events


def test_the_listing_feed_has_its_upcoming_events_the_reader_may_see(client, listing, programme, member):
    event(listing, "Members' hack day", security_level=SecurityLevel.MEMBERS)
    event(EventIndexPageFactory(), "Another listing's event")

    calendar = parse(client.get(ical_url(listing)))
    summaries = sorted(str(vevent["summary"]) for vevent in calendar.events)

    assert summaries == ["Alt text webinar", "Durham teacamp", "Plymouth surgery"]
    assert {str(vevent["uid"]) for vevent in calendar.events} == {
        f"event-{programme[key].pk}@localhost" for key in ["teacamp", "webinar", "surgery"]
    }
    assert f'href="{ical_url(listing)}"' in client.get(listing.url).content.decode()

    client.force_login(member)
    signed_in = {str(vevent["summary"]) for vevent in parse(client.get(ical_url(listing))).events}
    assert "Members' hack day" in signed_in


def test_an_empty_listing_feed_is_still_a_calendar(client, listing):
    assert parse(client.get(ical_url(listing))).events == []


# Query counts


def test_events_listing_queries_do_not_grow_with_the_events(client, listing, member):
    def surgery(day):
        event(
            listing,
            f"Later {day}",
            days=day + 1,
            region=RegionFactory(),
            event_type="surgery",
            latitude=Decimal("51.4"),
            longitude=Decimal("-2.5"),
        )

    region = RegionFactory(name="North East")
    event(listing, "First", region=region, latitude=Decimal("54.7"), longitude=Decimal("-1.5"))
    client.force_login(member)
    few, many = queries_before_and_after(client, listing.url, surgery, times=20)

    assert few == many
    assert queries_to_render(client, f"{listing.url}?type=surgery&page=2") == many


def test_listing_feed_queries_do_not_grow_with_the_events(client, listing):
    def later(day):
        event(listing, f"Later {day}", days=day + 1)

    event(listing, "First")
    few, many = queries_before_and_after(client, ical_url(listing), later, times=10)
    assert few == many
