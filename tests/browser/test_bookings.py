"""A member books a place at an event from its page with the keyboard; an editor sees them on the attendee list."""

import pytest

from practice.demo.people import HANNAH, PRIYA
from tests.browser.conftest import axe_violations, screenshot, sign_in

pytestmark = pytest.mark.browser

# An upcoming public event in the demo with a limited number of places.
EVENT_WITH_PLACES = """
from django.utils import timezone
from practice.models import EventPage
event = EventPage.objects.live().filter(visibility="public", capacity__gt=1, start__gt=timezone.now()).first()
print(event.pk, event.url)
"""


@pytest.fixture(scope="module")
def event(hub_server):
    pk, url = hub_server.manage("shell", "-c", EVENT_WITH_PLACES).strip().splitlines()[-1].split()
    return {"pk": pk, "url": url}


def test_a_member_books_a_place_and_an_editor_sees_them_going(hub_server, browser, event):
    member = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(member, hub_server, PRIYA)
    member.goto(hub_server.url + event["url"])
    assert axe_violations(member) == []

    member.get_by_role("button", name="Book a place").focus()
    with member.expect_navigation():
        member.keyboard.press("Enter")

    assert member.get_by_text("You have a place at this event.").is_visible()
    assert member.get_by_role("button", name="Cancel your place").is_visible()
    screenshot(member, "event-booked")
    assert axe_violations(member) == []

    editor = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(editor, hub_server, HANNAH)
    editor.goto(hub_server.url + event["url"])
    with editor.expect_navigation():
        editor.get_by_role("link", name="See who is going").click()
    going = editor.get_by_role("table").first
    assert going.get_by_text("Priya Shah").is_visible()
    screenshot(editor, "event-attendees")
    assert axe_violations(editor) == []
