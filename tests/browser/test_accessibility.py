"""Every page type, signed out and signed in, passes an axe audit in headless Chromium."""

import json

import pytest

from tests.browser.conftest import axe_violations, screenshot, sign_in

pytestmark = pytest.mark.browser

# One live, public page of every type, its parent listing, a member profile and the search page.
SAMPLE_URLS = """
import json
from practice import models
public = models.PracticePage.objects.live().filter(visibility="public")
urls = {"home": "/", "search": "/search/?q=social+media", "search-nothing": "/search/?q=zzzxqv"}
for model in [models.CommunityPage, models.BlogPostPage, models.DiscussionThreadPage, models.ResourceLinkPage,
              models.CollectionPage, models.EventPage, models.GuidancePage, models.CaseStudyPage]:
    page = model.objects.live().filter(pk__in=public.values("pk")).first()
    urls[model._meta.model_name] = page.url
    parent = page.get_parent().specific
    urls[parent._meta.model_name] = parent.url
urls["member-profile"] = models.MemberProfile.objects.filter(is_public=True).first().get_absolute_url()
# Account pages: signed out, those for members lead to the sign-in page.
urls.update({"sign-in": "/accounts/sign-in/", "sign-up": "/accounts/create-account/",
             "your-profile": "/accounts/profile/", "your-data": "/accounts/your-data/",
             "delete-account": "/accounts/delete/", "email-addresses": "/accounts/email/"})
print(json.dumps(urls))
"""


@pytest.fixture(scope="module")
def sample_urls(hub_server):
    return json.loads(hub_server.manage("shell", "-c", SAMPLE_URLS).strip().splitlines()[-1])


@pytest.mark.parametrize("signed_in", [False, True], ids=["signed-out", "signed-in"])
def test_every_page_type_passes_axe(hub_server, sample_urls, browser_page, signed_in):
    if signed_in:
        sign_in(browser_page, hub_server, "priya.shah@northmoor.gov.uk")
    failures = {}
    for name, url in sample_urls.items():
        response = browser_page.goto(hub_server.url + url)
        assert response.status == 200, f"{name} {url} answered {response.status}"
        screenshot(browser_page, f"{name}-{'signed-in' if signed_in else 'signed-out'}")
        violations = axe_violations(browser_page) + browser_page.csp_violations
        browser_page.csp_violations.clear()
        if violations:
            failures[url] = violations
    assert failures == {}


@pytest.mark.parametrize("path", ["/no-such-page/", "/communities/chief-executives-comms-circle/"])
def test_not_found_and_private_pages_pass_axe(hub_server, browser_page, path):
    response = browser_page.goto(hub_server.url + path)
    assert response.status == 404
    assert axe_violations(browser_page) == []


def test_account_forms_in_error_pass_axe(hub_server, browser_page):
    browser_page.goto(hub_server.url + "/accounts/create-account/")
    with browser_page.expect_navigation():
        browser_page.click("main button[type=submit]")
    assert browser_page.locator(".govuk-error-summary").is_visible()
    assert axe_violations(browser_page) == []

    sign_in(browser_page, hub_server, "priya.shah@northmoor.gov.uk")
    browser_page.goto(hub_server.url + "/accounts/profile/")
    browser_page.fill("textarea[name=bio]", "x" * 1001)
    with browser_page.expect_navigation():
        browser_page.click("main button[type=submit]")
    assert browser_page.locator(".govuk-error-summary").is_visible()
    screenshot(browser_page, "profile-with-errors")
    assert axe_violations(browser_page) == []


def test_home_page_looks_like_a_govuk_service(hub_server, browser_page):
    browser_page.goto(hub_server.url + "/")
    assert browser_page.locator(".govuk-generic-header").is_visible()
    assert browser_page.locator(".govuk-phase-banner").is_visible()
    assert browser_page.locator(".govuk-footer").is_visible()
    # The GOV.UK stylesheet, its font and its script are all served from our static files.
    font_family = browser_page.evaluate("getComputedStyle(document.querySelector('main h1')).fontFamily")
    assert "GDS Transport" in font_family or "Arial" in font_family
    assert browser_page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
    screenshot(browser_page, "home-govuk-look")


def test_skip_link_is_the_first_thing_a_keyboard_reaches(hub_server, browser_page):
    browser_page.goto(hub_server.url + "/")
    browser_page.keyboard.press("Tab")
    assert browser_page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    browser_page.keyboard.press("Enter")
    # The fragment changes and focus moves to <main> (GOV.UK's skip-link script makes it focusable);
    # both happen after the key event returns, so the test waits for them rather than reading once.
    browser_page.wait_for_function(
        "location.hash === '#main-content' && document.activeElement.id === 'main-content'", timeout=5000
    )


def test_keyboard_search_from_the_header(hub_server, browser_page):
    browser_page.goto(hub_server.url + "/")
    browser_page.focus("input[name=q]")
    browser_page.keyboard.type("facebook")
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")
    assert "/search/?q=facebook" in browser_page.url
    assert browser_page.locator("main h1").is_visible()
    screenshot(browser_page, "search-by-keyboard")


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/admin/", 403),
        ("/admin/pages/?q=a%00b", 400),
        ("/notifications/credits/", 200),
        ("/membership/invitations/", 200),
    ],
)
def test_a_members_refusals_credits_and_invitations_pass_axe(hub_server, browser_page, path, status):
    sign_in(browser_page, hub_server, "mark.whitfield@dunmorecvs.org.uk")
    response = browser_page.goto(hub_server.url + path)
    assert response.status == status
    screenshot(browser_page, f"member{path.replace('/', '-').split('?')[0]}{status}")
    assert axe_violations(browser_page) + browser_page.csp_violations == []
