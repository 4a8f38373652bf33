"""The events map draws the listed events with Leaflet and still passes an axe audit."""

import pytest

from tests.browser.conftest import axe_violations, screenshot

pytestmark = pytest.mark.browser

# The demo's site-wide events listing, which has several public events with coordinates.
LISTING_WITH_MAP = """
from practice.models import EventIndexPage, EventPage
for listing in EventIndexPage.objects.live().order_by("depth", "path"):
    public = EventPage.objects.child_of(listing).live().filter(visibility="public", latitude__isnull=False)
    if public.count() > 1:
        print(listing.url)
        break
"""


@pytest.fixture(scope="module")
def listing_url(hub_server):
    return hub_server.manage("shell", "-c", LISTING_WITH_MAP).strip().splitlines()[-1]


def test_events_map_shows_a_marker_per_listed_event_and_passes_axe(hub_server, browser_page, listing_url):
    errors = []
    browser_page.on("pageerror", lambda error: errors.append(str(error)))

    response = browser_page.goto(f"{hub_server.url}{listing_url}?when=between")

    assert response.status == 200
    assert browser_page.locator("#events-map").is_visible()
    browser_page.wait_for_selector(".leaflet-marker-icon")
    assert browser_page.locator(".leaflet-marker-icon").count() > 1
    assert errors == []
    screenshot(browser_page, "events-map")
    assert axe_violations(browser_page) == []
