"""Every page type, signed out and signed in, passes an axe audit in headless Chromium."""

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

from practice.models import (
    BlogPostPage,
    CaseStudyPage,
    CollectionPage,
    CommunityPage,
    DiscussionThreadPage,
    EventPage,
    GuidancePage,
    PracticePage,
    ResourceLinkPage,
)
from tests.browser.conftest import axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE_TYPES = [
    CommunityPage,
    BlogPostPage,
    DiscussionThreadPage,
    ResourceLinkPage,
    CollectionPage,
    EventPage,
    GuidancePage,
    CaseStudyPage,
]


def sample_urls():
    """Return one URL of every kind of page: the home page, indexes, one page of each type, search."""
    public = PracticePage.objects.live().filter(visibility="public")
    urls = {"home": "/", "search": "/search/?q=social+media", "search-empty": "/search/?q=zzzxqv"}
    for model in PAGE_TYPES:
        page = model.objects.live().filter(pk__in=public.values("pk")).first()
        urls[model._meta.model_name] = page.url
        parent = page.get_parent()
        urls[parent.specific_class._meta.model_name] = parent.url
    profile = get_user_model().objects.filter(profile__is_public=True).first().profile
    urls["member-profile"] = profile.get_absolute_url()
    return urls


@pytest.fixture
def demo_hub():
    call_command("load_demo", verbosity=0)


@pytest.mark.parametrize("signed_in", [False, True], ids=["signed-out", "signed-in"])
def test_every_page_type_passes_axe(demo_hub, live_server, browser_page, sign_in, signed_in):
    if signed_in:
        sign_in(browser_page, get_user_model().objects.get(username="admin"))
    failures = {}
    for name, url in sample_urls().items():
        response = browser_page.goto(live_server.url + url)
        assert response.status == 200, f"{name} {url} answered {response.status}"
        screenshot(browser_page, f"{name}-{'signed-in' if signed_in else 'signed-out'}")
        violations = axe_violations(browser_page)
        if violations:
            failures[url] = violations
    assert failures == {}


def test_home_page_looks_like_a_govuk_service(demo_hub, live_server, browser_page):
    browser_page.goto(live_server.url + "/")
    assert browser_page.locator(".govuk-header").is_visible()
    assert browser_page.locator(".govuk-phase-banner").is_visible()
    assert browser_page.locator(".govuk-footer").is_visible()
    # The GOV.UK stylesheet and its font are served from our static files.
    font_family = browser_page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Arial" in font_family or "GDS Transport" in font_family or "transport" in font_family.lower()
    assert browser_page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
    screenshot(browser_page, "home-govuk-look")


def test_skip_link_is_the_first_thing_a_keyboard_reaches(demo_hub, live_server, browser_page):
    browser_page.goto(live_server.url + "/")
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    browser_page.keyboard.press("Enter")
    assert browser_page.url.endswith("#main-content")
