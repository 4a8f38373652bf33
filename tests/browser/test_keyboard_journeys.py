"""Keyboard only: a member posts a comment and starts a discussion without touching the mouse."""

import json

import pytest

from tests.browser.conftest import axe_violations, screenshot, sign_in

pytestmark = pytest.mark.browser

MEMBER = "priya.shah@northmoor.gov.uk"

PLACES = f"""
import json
from django.contrib.auth import get_user_model
from practice.models import BlogPostPage, DiscussionIndexPage, Membership
member = get_user_model().objects.get(email="{MEMBER}")
post = BlogPostPage.objects.live().filter(visibility="public", comments_open=True).first()
community = Membership.objects.active().filter(member=member).first().community
discussions = DiscussionIndexPage.objects.child_of(community).get()
print(json.dumps({{"post": post.url, "discussions": discussions.url}}))
"""


@pytest.fixture(scope="module")
def places(hub_server):
    return json.loads(hub_server.manage("shell", "-c", PLACES).strip().splitlines()[-1])


def tab_to(page, condition, limit=400):
    """Press Tab until the focused element meets the JavaScript condition on `el`, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => Boolean({condition}))(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {condition}")


def named(text):
    return f"el.textContent.trim().startsWith({json.dumps(text)})"


def test_posting_a_comment_by_keyboard(hub_server, browser_page, places):
    sign_in(browser_page, hub_server, MEMBER)
    browser_page.goto(hub_server.url + places["post"])

    tab_to(browser_page, "el.name === 'comment'")
    browser_page.keyboard.type("We tried this at our libraries too: short posts at lunchtime did best.")
    tab_to(browser_page, named("Post comment"))
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")

    comment = browser_page.locator(".hub-comment").filter(has_text="short posts at lunchtime did best")
    assert comment.is_visible()
    screenshot(browser_page, "keyboard-comment-posted")
    assert axe_violations(browser_page) == []
    assert browser_page.csp_violations == []


def test_starting_a_discussion_by_keyboard(hub_server, browser_page, places):
    sign_in(browser_page, hub_server, MEMBER)
    browser_page.goto(hub_server.url + places["discussions"])

    tab_to(browser_page, named("Start a discussion"))
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")
    tab_to(browser_page, "el.name === 'title'")
    browser_page.keyboard.type("Who answers the out-of-hours inbox?")
    tab_to(browser_page, "el.name === 'body'")
    browser_page.keyboard.type("Our social inbox gets storm questions at night. How do other councils cover it?")
    tab_to(browser_page, named("Start the discussion"))
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")

    assert browser_page.get_by_role("heading", level=1).inner_text() == "Who answers the out-of-hours inbox?"
    screenshot(browser_page, "keyboard-discussion-started")
    assert axe_violations(browser_page) == []
    assert browser_page.csp_violations == []
