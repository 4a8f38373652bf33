"""The admin's own "Log out" signs out through the hub's sign-out, posting its security token."""

import pytest

from practice.demo.builder import ADMIN_EMAIL
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser


def test_the_admins_log_out_ends_the_session(hub_server, browser_page):
    sign_in(browser_page, hub_server, ADMIN_EMAIL)
    browser_page.goto(f"{hub_server.url}/admin/")

    browser_page.locator(".sidebar-footer__account-toggle").click()
    with browser_page.expect_navigation():
        browser_page.get_by_role("button", name="Log out").click()

    assert browser_page.url == f"{hub_server.url}/"
    browser_page.goto(f"{hub_server.url}/admin/")
    assert browser_page.url == f"{hub_server.url}/accounts/sign-in/?next=/admin/"
    assert browser_page.csp_violations == []
