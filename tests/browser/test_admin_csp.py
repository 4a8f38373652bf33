"""The editors' admin works under its Content Security Policy: nothing it needs is blocked."""

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

FIRST_BLOG_POST = """
from practice.models import BlogPostPage
print(BlogPostPage.objects.live().first().pk)
"""


def test_admin_pages_load_without_policy_violations(hub_server, browser_page):
    browser_page.goto(f"{hub_server.url}/admin/login/")
    browser_page.fill("input[name=username]", "admin")
    browser_page.fill("input[name=password]", "practicehub")
    with browser_page.expect_navigation():
        browser_page.press("input[name=password]", "Enter")
    post_id = hub_server.manage("shell", "-c", FIRST_BLOG_POST).strip().splitlines()[-1]

    for path in ["/admin/", "/admin/pages/", f"/admin/pages/{post_id}/edit/", "/admin/images/"]:
        response = browser_page.goto(hub_server.url + path)
        browser_page.wait_for_load_state("networkidle")
        assert response.status == 200, path
        assert browser_page.csp_violations == [], path
    screenshot(browser_page, "admin-under-csp")
