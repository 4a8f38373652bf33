"""The editors' admin works under its Content Security Policy: nothing it needs is blocked."""

import pytest

from practice.demo.builder import ADMIN_EMAIL
from tests.browser.conftest import DEMO_PASSWORD, screenshot

pytestmark = pytest.mark.browser

FIRST_BLOG_POST = """
from practice.models import BlogPostPage
print(BlogPostPage.objects.live().first().pk)
"""


def test_admin_pages_load_without_policy_violations(hub_server, browser_page):
    # The admin sends whoever is not signed in to the hub's one sign-in, and back once they are.
    browser_page.goto(f"{hub_server.url}/admin/")
    assert browser_page.url == f"{hub_server.url}/accounts/sign-in/?next=/admin/"
    browser_page.fill("input[name=login]", ADMIN_EMAIL)
    browser_page.fill("input[name=password]", DEMO_PASSWORD)
    with browser_page.expect_navigation():
        browser_page.press("input[name=password]", "Enter")
    assert browser_page.url == f"{hub_server.url}/admin/"
    post_id = hub_server.manage("shell", "-c", FIRST_BLOG_POST).strip().splitlines()[-1]

    for path in ["/admin/", "/admin/pages/", f"/admin/pages/{post_id}/edit/", "/admin/images/"]:
        response = browser_page.goto(hub_server.url + path)
        browser_page.wait_for_load_state("networkidle")
        assert response.status == 200, path
        assert browser_page.csp_violations == [], path
    screenshot(browser_page, "admin-under-csp")
