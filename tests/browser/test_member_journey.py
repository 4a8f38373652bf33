"""The main member journey, end to end in headless Chromium against the demo hub.

A new person signs up, confirms their email address from the email the hub sends, completes their
profile, joins an open community and starts a discussion. Another member replies in a browser of their
own, the starter marks the reply as the accepted answer, and a third member who follows the community
and then the discussion finds it all on their notifications page and in their digest email.
"""

import re

import pytest

from practice.demo.builder import ADMIN_EMAIL
from practice.demo.people import MARK, ROB
from tests.browser.conftest import axe_violations, new_tab, screenshot, sign_in

pytestmark = pytest.mark.browser

COMMUNITY = "#localgov gets social"
NEWCOMER = {
    "name": "Sam Okafor",
    "email": "sam.okafor@westbrook.example.org",
    "password": "kettle-harbour-lantern-42",
}
THREAD_TITLE = "How do you announce bin collection changes over a bank holiday?"
REPLY = "We post the new dates a week before, pin the post, and answer every comment with the date itself."


def audited(page, name):
    """Save a screenshot of the page and return its axe and Content Security Policy problems."""
    screenshot(page, f"journey-{name}")
    problems = axe_violations(page) + page.csp_violations
    page.csp_violations.clear()
    return problems


def submit(page, button_name):
    """Press a form's button as a keyboard user would, and wait for the page it leads to."""
    page.get_by_role("button", name=button_name).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def success_banner(page):
    return page.locator(".govuk-notification-banner--success")


def header_notifications_link(page):
    return page.locator("header").get_by_role("link", name=re.compile(r"^Notifications"))


def unread_count_link(page, count):
    """The header's link to the notifications page, named with the number of unread notifications."""
    return page.locator("header").get_by_role(
        "link", name=re.compile(rf"^Notifications\s*: {count} unread notifications?$")
    )


def open_community(page, hub_server):
    page.goto(f"{hub_server.url}/communities/")
    with page.expect_navigation():
        page.get_by_role("link", name=COMMUNITY, exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == COMMUNITY


def sign_up(page, hub_server):
    """Fill in the sign-up form with the keyboard, from the first field to pressing Enter."""
    page.goto(f"{hub_server.url}/accounts/create-account/")
    assert audited(page, "1-sign-up") == []
    page.get_by_label("Your name").focus()
    page.keyboard.type(NEWCOMER["name"])
    page.keyboard.press("Tab")
    page.keyboard.type(NEWCOMER["email"])
    page.keyboard.press("Tab")
    page.keyboard.type(NEWCOMER["password"])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", level=1).inner_text() == "Check your email"
    assert audited(page, "2-check-your-email") == []


def confirmation_link(hub_server):
    """Return the link in the one email the newcomer has been sent, to confirm their address."""
    emails = hub_server.emails_to(NEWCOMER["email"])
    assert len(emails) == 1, [message["Subject"] for message in emails]
    body = emails[0].get_body(preferencelist=("plain",)).get_content()
    links = re.findall(rf"{re.escape(hub_server.url)}/accounts/confirm-email/[-:\w]+/", body)
    assert len(links) == 1, body
    return links[0]


def confirm_email(page, hub_server):
    page.goto(confirmation_link(hub_server))
    assert page.get_by_text(f"Confirm that {NEWCOMER['email']} is your email address.").is_visible()
    assert audited(page, "3-confirm-email") == []
    submit(page, "Confirm")
    # Confirming signs them in and takes them to their profile to finish it.
    assert page.url == f"{hub_server.url}/accounts/profile/"
    assert page.get_by_role("heading", level=1).inner_text() == "Your profile"
    assert header_notifications_link(page).is_visible()


def complete_profile(page):
    assert page.get_by_label("Your name").input_value() == NEWCOMER["name"]
    assert audited(page, "4-profile") == []
    page.get_by_label("Organisation", exact=True).select_option(label="Harbourside City Council")
    page.get_by_label("Job role").select_option(label="Comms officer")
    page.get_by_label("Region").select_option(label="South West")
    interests = page.get_by_role("group", name="Interests")
    interests.get_by_label("Social media").check()
    interests.get_by_label("Crisis communications").check()
    page.get_by_label("About you").fill("Runs the council's social media channels and its out-of-hours posts.")
    page.get_by_label("Show my profile page to everyone").check()
    submit(page, "Save profile")

    assert success_banner(page).is_visible()
    # What was saved comes back in the form.
    assert page.get_by_label("Organisation", exact=True).locator("option:checked").inner_text() == (
        "Harbourside City Council"
    )
    assert page.get_by_label("Job role").locator("option:checked").inner_text() == "Comms officer"
    assert page.get_by_label("Region").locator("option:checked").inner_text() == "South West"
    assert page.get_by_role("group", name="Interests").get_by_label("Social media").is_checked()
    assert page.get_by_role("group", name="Interests").get_by_label("Crisis communications").is_checked()
    assert not page.get_by_role("group", name="Interests").get_by_label("Video").is_checked()
    assert audited(page, "5-profile-saved") == []


def follow_community(page, hub_server):
    open_community(page, hub_server)
    submit(page, "Follow this community")
    assert success_banner(page).get_by_text(f"You are following {COMMUNITY}.").is_visible()
    assert page.get_by_role("button", name="Stop following this community").is_visible()
    assert audited(page, "0-follower-follows-community") == []


def join_community(page, hub_server):
    open_community(page, hub_server)
    submit(page, "Join this community")
    assert page.get_by_text("You are a member of this community.").is_visible()
    assert page.get_by_role("button", name="Leave this community").is_visible()
    assert audited(page, "6-joined-community") == []


def start_thread(page):
    """Go from the community to its discussions, start one, and return its address."""
    with page.expect_navigation():
        page.get_by_role("navigation", name="In this community").get_by_role("link", name="Discussions").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Start a discussion").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Start a discussion"
    assert audited(page, "7-start-discussion") == []
    page.get_by_label("Title").fill(THREAD_TITLE)
    page.get_by_label("Your message").fill(
        "Our garden waste round moves by a day after the bank holiday and every year people miss it. "
        "What has worked for you?"
    )
    submit(page, "Start the discussion")

    # A newcomer's first discussion waits for a moderator.
    assert page.get_by_role("heading", level=1).inner_text() == "Your discussion is waiting for review"
    assert audited(page, "8-discussion-waiting") == []
    return page.url


def approve_first_discussion(page, hub_server):
    """A moderator approves the newcomer's discussion from the review queue in the admin."""
    sign_in(page, hub_server, ADMIN_EMAIL)
    page.goto(f"{hub_server.url}/admin/comments/review/")
    held = page.locator("tr").filter(has_text=THREAD_TITLE)
    assert held.get_by_text("Held: First discussion from this member").is_visible()
    with page.expect_navigation():
        held.get_by_role("button", name=re.compile(r"^Approve")).click()
    assert page.locator("tr").filter(has_text=THREAD_TITLE).count() == 0
    screenshot(page, "journey-8-moderator-approved")


def open_started_thread(page, hub_server):
    """The newcomer finds their approved discussion in the community's list and returns its address."""
    open_community(page, hub_server)
    with page.expect_navigation():
        page.get_by_role("navigation", name="In this community").get_by_role("link", name="Discussions").click()
    with page.expect_navigation():
        page.get_by_role("link", name=THREAD_TITLE).click()
    assert page.get_by_role("heading", level=1).inner_text() == THREAD_TITLE
    # Starting a discussion follows it.
    assert page.get_by_role("button", name="Stop following this discussion").is_visible()
    assert audited(page, "8-discussion-started") == []
    return page.url


def follow_thread_from_notification(page, hub_server):
    """The follower of the community hears of the new discussion, opens it and follows it too."""
    page.goto(f"{hub_server.url}/notifications/")
    notification = page.locator("main li").filter(has_text=THREAD_TITLE)
    assert notification.get_by_text(f"{NEWCOMER['name']} started a discussion:").is_visible()
    assert notification.get_by_text("You follow its community").is_visible()
    with page.expect_navigation():
        notification.get_by_role("link", name=THREAD_TITLE).click()
    submit(page, "Follow this discussion")
    assert success_banner(page).get_by_text(f"You are following {THREAD_TITLE}.").is_visible()
    assert audited(page, "8-follower-follows-discussion") == []


def reply(page, thread_url):
    page.goto(thread_url)
    page.get_by_label("Your reply").fill(REPLY)
    submit(page, "Post reply")
    assert success_banner(page).get_by_text("Your reply has been posted.").is_visible()
    assert page.get_by_role("heading", level=2, name="1 reply").is_visible()
    assert page.locator(".hub-reply").get_by_text(REPLY).is_visible()
    assert audited(page, "9-replied") == []


def accept_answer(page, thread_url):
    page.goto(thread_url)
    # The starter follows their discussion, so the header tells them of the reply.
    assert unread_count_link(page, 1).is_visible()
    screenshot(page, "journey-10-reply-to-accept")
    # Chromium names the button with a space before its visually hidden part: "answer : the reply by".
    submit(page, re.compile(r"^Mark as the accepted answer\s*: the reply by Rob Tierney$"))
    assert success_banner(page).get_by_text("The reply is marked as the accepted answer.").is_visible()
    accepted = page.locator(".hub-reply--accepted")
    assert accepted.get_by_text(REPLY).is_visible()
    assert accepted.get_by_text("Accepted answer").is_visible()
    assert page.locator(".hub-meta").get_by_text("Answered", exact=True).is_visible()
    assert audited(page, "11-answer-accepted") == []


def check_notifications(page, hub_server):
    page.goto(f"{hub_server.url}/notifications/")
    assert unread_count_link(page, 3).locator(".govuk-tag").inner_text() == "3"
    items = page.locator("main ol.hub-card-list > li")
    texts = [" ".join(text.split()) for text in items.all_inner_texts()]
    # Newest first: the accepted answer and the reply in the discussion they follow, then the new discussion.
    expected = [
        (f"Unread {NEWCOMER['name']} marked an accepted answer in {THREAD_TITLE}", "You follow this"),
        (f"Unread Rob Tierney replied in {THREAD_TITLE}", "You follow this"),
        (f"Unread {NEWCOMER['name']} started a discussion: {THREAD_TITLE}", "You follow its community"),
    ]
    assert len(texts) == len(expected), texts
    for text, (what, why) in zip(texts, expected, strict=True):
        assert text.startswith(what), text
        assert f"· {why}" in text, text
    assert audited(page, "12-follower-notifications") == []


def check_digest(hub_server, thread_url):
    """Send the due digests as cron would, and find the follower's lines about the discussion in theirs."""
    report = hub_server.manage("send_digests")
    assert f"{MARK}: sent a weekly digest" in report, report
    digest = hub_server.emails_to(MARK)[-1]
    assert digest["Subject"] == "Your weekly Practice Hub digest: 3 updates"
    body = digest.get_body(preferencelist=("plain",)).get_content()
    lines = [line for line in body.splitlines() if line.startswith("- ")]
    link = re.escape(thread_url)
    expected = [
        rf"- {NEWCOMER['name']} started a discussion: {re.escape(THREAD_TITLE)} \(.+\): {link}$",
        rf"- Rob Tierney replied in {re.escape(THREAD_TITLE)} \(.+\): {link}#reply-\d+$",
        rf"- {NEWCOMER['name']} marked an accepted answer in {re.escape(THREAD_TITLE)} \(.+\): {link}#reply-\d+$",
    ]
    assert len(lines) == len(expected), body
    for line, pattern in zip(lines, expected, strict=True):
        assert re.match(pattern, line), line


def test_a_newcomer_asks_a_question_and_a_follower_hears_about_the_answer(hub_server, browser):
    newcomer, replier, follower, moderator = (new_tab(browser) for _ in range(4))
    try:
        sign_in(follower, hub_server, MARK)
        follow_community(follower, hub_server)

        sign_up(newcomer, hub_server)
        confirm_email(newcomer, hub_server)
        complete_profile(newcomer)
        join_community(newcomer, hub_server)
        start_thread(newcomer)
        approve_first_discussion(moderator, hub_server)
        thread_url = open_started_thread(newcomer, hub_server)

        follow_thread_from_notification(follower, hub_server)

        sign_in(replier, hub_server, ROB)
        reply(replier, thread_url)

        accept_answer(newcomer, thread_url)

        check_notifications(follower, hub_server)
        check_digest(hub_server, thread_url)
        for page in (newcomer, replier, follower):
            assert page.csp_violations == []
    finally:
        for page in (newcomer, replier, follower, moderator):
            page.context.close()
