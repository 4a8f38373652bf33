"""Posting, following, booking and the search API stop at their limits with a 429 and write nothing."""

import pytest
from allauth.core.internal.ratelimit import parse_rates
from django_comments_xtd.models import XtdComment

from hub.settings.base import HUB_RATE_LIMITS
from practice.models import DiscussionThreadPage, EventBooking, Follow, Reply
from tests.factories import CommentFactory
from tests.security.conftest import comment_data

pytestmark = pytest.mark.django_db

LIMITS = {
    "post": "2/m/user",
    "follow": "2/m/user",
    "booking": "2/m/user",
    "search_api": "3/m/ip",
    "autocomplete": "3/m/ip",
}


@pytest.fixture(autouse=True)
def tight_limits(settings):
    settings.HUB_RATE_LIMITS = LIMITS


def assert_html_429(response):
    assert response.status_code == 429
    html = response.content.decode()
    assert "You have done that too many times" in html
    assert "Nothing was saved" in html


def test_a_member_posting_comments_too_fast_is_stopped_and_the_comment_is_not_saved(client, hub):
    client.force_login(hub.alice)
    for text in ("First thought", "Second thought"):
        assert client.post("/comments/post/", comment_data(hub.post, hub.alice, text)).status_code == 302
    response = client.post("/comments/post/", comment_data(hub.post, hub.alice, "Third thought"))
    assert_html_429(response)
    assert not XtdComment.objects.filter(comment="Third thought").exists()


def test_the_limit_is_per_member(client, hub):
    client.force_login(hub.alice)
    for text in ("One", "Two", "Three"):
        client.post("/comments/post/", comment_data(hub.post, hub.alice, text))
    client.force_login(hub.bob)
    assert client.post("/comments/post/", comment_data(hub.post, hub.bob, "Bob's turn")).status_code == 302
    assert XtdComment.objects.filter(comment="Bob's turn").exists()


def test_starting_threads_too_fast_is_stopped_and_showing_the_form_is_not_counted(client, hub):
    client.force_login(hub.alice)
    url = f"/discussions/start/{hub.community.pk}/"
    for _ in range(5):
        assert client.get(url).status_code == 200
    for title in ("First question", "Second question"):
        assert client.post(url, {"title": title, "body": "Anyone?"}).status_code == 302
    assert_html_429(client.post(url, {"title": "Third question", "body": "Anyone?"}))
    assert not DiscussionThreadPage.objects.filter(title="Third question").exists()


def test_replies_and_edits_share_the_posting_limit(client, hub):
    client.force_login(hub.alice)
    reply_url = f"/discussions/{hub.thread.pk}/reply/"
    assert client.post(reply_url, {"body": "A reply"}).status_code == 302
    assert client.post(f"/discussions/{hub.thread.pk}/edit/", {"body": "Edited message"}).status_code == 302
    assert_html_429(client.post(reply_url, {"body": "One reply too many"}))
    assert not Reply.objects.filter(body="One reply too many").exists()


def test_reporting_comments_too_fast_is_stopped(client, hub):
    comments = [CommentFactory(page=hub.post, user=hub.alice, comment=f"Comment {n}") for n in range(3)]
    client.force_login(hub.bob)
    for comment in comments[:2]:
        assert client.post(f"/comments/{comment.pk}/report/").status_code == 302
    assert_html_429(client.post(f"/comments/{comments[2].pk}/report/"))
    assert not comments[2].flags.exists()


def test_following_and_unfollowing_too_fast_is_stopped(client, hub):
    client.force_login(hub.bob)
    assert client.post(f"/following/pages/{hub.thread.pk}/follow/").status_code == 302
    assert client.post(f"/following/pages/{hub.thread.pk}/unfollow/").status_code == 302
    assert_html_429(client.post(f"/following/pages/{hub.thread.pk}/follow/"))
    assert not Follow.objects.filter(follower=hub.bob, page=hub.thread).exists()


def test_booking_and_cancelling_too_fast_is_stopped(client, hub):
    client.force_login(hub.bob)
    assert client.post(f"/bookings/events/{hub.event.pk}/rsvp/").status_code == 302
    assert client.post(f"/bookings/events/{hub.event.pk}/cancel/").status_code == 302
    assert_html_429(client.post(f"/bookings/events/{hub.event.pk}/rsvp/"))
    assert not EventBooking.objects.filter(event=hub.event, member=hub.bob).live().exists()


def test_the_search_api_answers_429_in_json_past_its_limit_per_address(client, hub):
    for _ in range(3):
        assert client.get("/api/search/", {"q": "storm"}).status_code == 200
    response = client.get("/api/search/", {"q": "storm"})
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert "Too many requests" in response.json()["error"]
    other_address = client.get("/api/search/", {"q": "storm"}, REMOTE_ADDR="192.0.2.7")
    assert other_address.status_code == 200


def test_autocomplete_answers_429_in_json_past_its_limit(client, hub):
    for _ in range(3):
        assert client.get("/search/autocomplete/", {"q": "li"}).status_code == 200
    response = client.get("/search/autocomplete/", {"q": "li"})
    assert response.status_code == 429
    assert "error" in response.json()


def test_the_default_limits_are_allauth_rates_that_parse():
    for action in ("post", "follow", "booking", "search_api", "autocomplete"):
        assert parse_rates(HUB_RATE_LIMITS[action]), action
