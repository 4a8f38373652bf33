"""Discussion listings: status filter and paging, within what a reader may see."""

import datetime as dt

import pytest

from django.utils import timezone

from practice.models import DiscussionThreadPage
from practice.models.choices import SecurityLevel
from tests.factories import DiscussionIndexPageFactory, DiscussionThreadPageFactory, MemberProfileFactory
from tests.practice.listings import anonymous_then_member, card_titles, listed
from tests.practice.querycounts import queries_before_and_after, queries_to_render

pytestmark = pytest.mark.django_db

Status = DiscussionThreadPage.Status


def thread(discussions, title, *, hours_ago=0, **kwargs):
    return DiscussionThreadPageFactory(
        parent=discussions, title=title, last_activity_at=timezone.now() - dt.timedelta(hours=hours_ago), **kwargs
    )


@pytest.fixture
def discussions():
    return DiscussionIndexPageFactory()


@pytest.fixture
def threads(discussions):
    return {
        "quiet": thread(discussions, "Anyone live-posting storms?", hours_ago=1),
        "busy": thread(discussions, "Best scheduling tool", hours_ago=2, reply_count=4),
        "answered": thread(discussions, "Alt text on X", hours_ago=3, status=Status.ANSWERED, reply_count=2),
        "closed": thread(discussions, "Old TikTok question", hours_ago=4, status=Status.CLOSED, reply_count=9),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Anyone live-posting storms?", "Best scheduling tool", "Alt text on X", "Old TikTok question"]),
        ("status=open", ["Anyone live-posting storms?", "Best scheduling tool"]),
        ("status=unanswered", ["Anyone live-posting storms?"]),
        ("status=answered", ["Alt text on X"]),
        ("status=closed", ["Old TikTok question"]),
    ],
)
def test_status_filter_narrows_the_threads(client, discussions, threads, query, expected):
    assert listed(client, f"{discussions.url}?{query}") == (200, expected)


def test_pinned_threads_come_first(client, discussions, threads):
    thread(discussions, "Read this first", hours_ago=48, pinned=True)

    assert card_titles(client.get(discussions.url))[0] == "Read this first"


def test_status_options_count_only_threads_the_reader_may_see(client, discussions, threads, member):
    thread(discussions, "Members-only rota question", security_level=SecurityLevel.MEMBERS)

    anonymous, signed_in = anonymous_then_member(client, discussions.url, member)
    assert "Members-only rota question" not in anonymous
    assert "Open (2)" in anonymous
    assert "Open with no replies (1)" in anonymous
    assert "4 discussions" in anonymous
    assert "Members-only rota question" in signed_in
    assert "Open (3)" in signed_in


@pytest.mark.parametrize("query", ["status=lost", "status=", "page=abc", "page=999", "status=%00"])
def test_bad_parameters_are_ignored_not_errors(client, discussions, threads, query):
    status, titles = listed(client, f"{discussions.url}?{query}")

    assert status == 200
    assert len(titles) == 4


def test_an_unknown_status_is_reported(client, discussions, threads):
    assert "Choose a status from the list" in client.get(f"{discussions.url}?status=lost").content.decode()


def test_threads_come_twelve_to_a_page_and_paging_keeps_the_filter(client, discussions):
    for hour in range(13):
        thread(discussions, f"Question {hour:02}", hours_ago=hour)
    thread(discussions, "Closed question", status=Status.CLOSED)

    first = client.get(f"{discussions.url}?status=open")
    assert card_titles(first) == [f"Question {hour:02}" for hour in range(12)]
    assert 'href="?page=2&amp;status=open"' in first.content.decode()
    assert card_titles(client.get(f"{discussions.url}?status=open&page=2")) == ["Question 12"]


def test_empty_filter_results_say_so(client, discussions, threads):
    DiscussionThreadPage.objects.filter(status=Status.CLOSED).update(status=Status.ANSWERED)

    content = client.get(f"{discussions.url}?status=closed").content.decode()
    assert "No discussions match these filters" in content


def test_discussion_listing_queries_do_not_grow_with_the_threads(client, discussions, member):
    def answered(number):
        thread(discussions, f"More {number}", starter=MemberProfileFactory().user, status=Status.ANSWERED)

    thread(discussions, "First")
    client.force_login(member)
    few, many = queries_before_and_after(client, discussions.url, answered, times=20)

    assert few == many
    assert queries_to_render(client, f"{discussions.url}?status=answered&page=2") == many
