"""Community blogs: filters, paging, reading time, more posts and previous/next, within what a reader may see."""

import datetime as dt
import re

import pytest

from django.utils import timezone

from wagtail.rich_text import RichText

from practice.models import posts
from practice.models.choices import SecurityLevel
from tests.factories import (
    BlogIndexPageFactory,
    BlogPostPageFactory,
    MemberProfileFactory,
    TopicFactory,
)
from tests.practice.listings import anonymous_then_member, card_titles, listed
from tests.practice.querycounts import queries_before_and_after, queries_to_render

pytestmark = pytest.mark.django_db


def post(blog, title, *, topics=(), tags=(), authors=(), days_ago=0, **kwargs):
    """Publish a post in the blog with the given classification."""
    page = BlogPostPageFactory(parent=blog, title=title, date=timezone.now() - dt.timedelta(days=days_ago), **kwargs)
    page.topics.set(topics)
    page.authors.set(authors)
    page.tags.add(*tags)
    page.save()
    return page


@pytest.fixture
def blog():
    return BlogIndexPageFactory()


@pytest.fixture
def vocabulary():
    alt_text, live_posting = TopicFactory(name="Alt text"), TopicFactory(name="Live posting")
    priya = MemberProfileFactory(display_name="Priya Shah", slug="priya-shah").user
    tom = MemberProfileFactory(display_name="Tom Webb", slug="tom-webb").user
    return {"alt": alt_text, "live": live_posting, "priya": priya, "tom": tom}


@pytest.fixture
def classified(blog, vocabulary):
    v = vocabulary
    return {
        "storm": post(blog, "Storm night on X", topics=[v["live"]], tags=["storm"], authors=[v["priya"]], days_ago=3),
        "images": post(blog, "Describing images", topics=[v["alt"]], tags=["images"], authors=[v["tom"]], days_ago=40),
        "floods": post(blog, "Flood updates", topics=[v["live"]], tags=["storm"], authors=[v["tom"]], days_ago=80),
    }


# Listing: filters


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Storm night on X", "Describing images", "Flood updates"]),
        ("topic=live-posting", ["Storm night on X", "Flood updates"]),
        ("tag=images", ["Describing images"]),
        ("author=tom-webb", ["Describing images", "Flood updates"]),
        ("topic=live-posting&author=tom-webb", ["Flood updates"]),
    ],
)
def test_filters_narrow_the_blog(client, blog, classified, query, expected):
    response = client.get(f"{blog.url}?{query}")

    assert response.status_code == 200
    assert card_titles(response) == expected
    assert f"{len(expected)} post{'s' if len(expected) != 1 else ''}" in response.content.decode()


def test_month_filter_keeps_posts_of_that_month(client, blog, classified):
    month = timezone.localtime(classified["images"].date)
    response = client.get(f"{blog.url}?month={month:%Y-%m}")

    assert "Describing images" in card_titles(response)
    assert all(
        timezone.localtime(p.date).month == month.month for p in classified.values() if p.title in card_titles(response)
    )


def test_filter_options_name_only_what_the_reader_may_see(client, blog, classified, member):
    secret_topic = TopicFactory(name="Emergency planning")
    post(blog, "Members-only rota", topics=[secret_topic], tags=["rota"], security_level=SecurityLevel.MEMBERS)

    anonymous, signed_in = anonymous_then_member(client, blog.url, member)
    for members_only in ["Emergency planning", ">rota", "Members-only rota"]:
        assert members_only not in anonymous
    assert "Live posting (2)" in anonymous  # options count only what the reader may open
    assert "3 posts" in anonymous
    assert "Emergency planning (1)" in signed_in
    assert "Members-only rota" in signed_in
    assert "4 posts" in signed_in


def test_a_blog_of_many_authors_offers_its_most_prolific_and_still_filters_by_anyone(client, blog, monkeypatch):
    monkeypatch.setattr("practice.filters.MAX_AUTHOR_OPTIONS", 3)
    writers = [MemberProfileFactory(display_name=f"Writer {n}", slug=f"writer-{n}").user for n in range(5)]
    for number, writer in enumerate(writers):
        for count in range(5 - number):  # Writer 0 wrote five posts, Writer 4 one
            post(blog, f"Post {count} by writer {number}", authors=[writer])

    options = re.findall(r'<option value="(writer-\d)"', client.get(blog.url).content.decode())
    assert options == ["writer-0", "writer-1", "writer-2"]
    assert "The 3 people who have written most here" in client.get(blog.url).content.decode()

    response = client.get(f"{blog.url}?author=writer-4")
    assert card_titles(response) == ["Post 0 by writer 4"]
    assert '<option value="writer-4" selected>Writer 4 (1)</option>' in response.content.decode()


def test_filters_without_a_match_say_so_and_offer_to_clear_them(client, blog, classified):
    response = client.get(f"{blog.url}?tag=images&author=priya-shah")
    content = response.content.decode()

    assert "No posts match these filters" in content
    assert f'href="{blog.url}">Clear filters</a>' in content


@pytest.mark.parametrize(
    "query",
    [
        "topic=no-such-topic",
        "month=2024-13",
        "month=last-week",
        "author=nobody",
        "tag=%00",
        "page=abc",
        "page=999",
        "page=-1",
        "topic=live-posting&page=abc",
    ],
)
def test_bad_parameters_are_ignored_not_errors(client, blog, classified, query):
    status, titles = listed(client, f"{blog.url}?{query}")

    assert status == 200
    assert len(titles) >= 1


def test_an_unknown_filter_value_is_reported_and_the_rest_still_apply(client, blog, classified):
    response = client.get(f"{blog.url}?topic=live-posting&month=2024-13")
    content = response.content.decode()

    assert "Choose a month from the list" in content
    assert "govuk-form-group--error" in content
    assert card_titles(response) == ["Storm night on X", "Flood updates"]


# Listing: paging


def test_posts_come_twelve_to_a_page_and_paging_keeps_the_filters(client, blog, vocabulary):
    for day in range(15):
        post(blog, f"Weekly note {day:02}", topics=[vocabulary["live"]], days_ago=day)

    first = client.get(f"{blog.url}?topic=live-posting")
    second = client.get(f"{blog.url}?topic=live-posting&page=2")
    too_far = client.get(f"{blog.url}?topic=live-posting&page=999")

    assert card_titles(first) == [f"Weekly note {day:02}" for day in range(12)]
    assert card_titles(second) == [f"Weekly note {day:02}" for day in range(12, 15)]
    assert card_titles(too_far) == card_titles(second)
    assert "15 posts" in first.content.decode()
    assert 'href="?page=2&amp;topic=live-posting"' in first.content.decode()


# Listing: access


def test_members_only_and_community_posts_never_appear_to_anonymous_readers(client, blog, classified):
    post(blog, "Members-only rota", security_level=SecurityLevel.MEMBERS)
    post(blog, "Community-only debrief", security_level=SecurityLevel.COMMUNITY)

    for query in ["", "page=2", "tag=storm"]:
        content = client.get(f"{blog.url}?{query}").content.decode()
        assert "Members-only rota" not in content
        assert "Community-only debrief" not in content


# Post page: reading time


def test_reading_time_counts_the_words_of_the_body_at_200_a_minute(blog):
    page = post(blog, "Long read")
    page.body = [
        ("paragraph", RichText("<p>" + "word " * 390 + "</p>")),
        ("heading", {"text": "Five words in this heading", "level": "h2"}),
        ("quote", {"quote": "one two three four five", "citation": "A comms lead"}),
    ]
    assert page.reading_time == 3  # 403 words

    page.body = []
    assert page.reading_time == 1


def test_post_page_shows_its_reading_time(client, blog):
    page = post(blog, "Short read")
    page.body = [("paragraph", RichText("<p>" + "word " * 450 + "</p>"))]
    page.save()

    assert "3 minute read" in client.get(page.url).content.decode()


# Post page: more posts, previous and next


def more_posts_titles(response):
    return card_titles(response, after='id="more-posts-heading"')


def test_more_posts_puts_shared_topics_before_shared_authors(client, vocabulary):
    v = vocabulary
    blog, other_blog = BlogIndexPageFactory(), BlogIndexPageFactory()
    page = post(blog, "This post", topics=[v["live"], v["alt"]], authors=[v["priya"]], days_ago=5)
    post(other_blog, "Both topics", topics=[v["live"], v["alt"]], days_ago=50)
    post(blog, "One topic", topics=[v["alt"]], days_ago=1)
    post(blog, "Same author", authors=[v["priya"]], days_ago=2)
    post(blog, "Unrelated", days_ago=0)

    assert more_posts_titles(client.get(page.url)) == ["Both topics", "One topic", "Same author"]


def test_more_posts_stops_at_three_and_leaves_out_the_post_itself(client, blog, vocabulary):
    page = post(blog, "This post", topics=[vocabulary["live"]])
    for number in range(5):
        post(blog, f"Related {number}", topics=[vocabulary["live"]], days_ago=number + 1)

    assert more_posts_titles(client.get(page.url)) == ["Related 0", "Related 1", "Related 2"]


def test_more_posts_ranks_the_newest_related_posts_only(client, blog, vocabulary, monkeypatch):
    v = vocabulary
    monkeypatch.setattr(posts, "MORE_POSTS_CANDIDATES", 2)
    page = post(blog, "This post", topics=[v["live"], v["alt"]], days_ago=5)
    post(blog, "Old, both topics", topics=[v["live"], v["alt"]], days_ago=90)
    post(blog, "Newer, one topic", topics=[v["alt"]], days_ago=2)
    post(blog, "Newest, both topics", topics=[v["live"], v["alt"]], days_ago=1)

    assert more_posts_titles(client.get(page.url)) == ["Newest, both topics", "Newer, one topic"]


def test_more_posts_and_previous_next_leave_out_what_the_reader_may_not_open(client, blog, vocabulary, member):
    older = post(blog, "Older public post", days_ago=10)
    post(blog, "Hidden older rota", topics=[vocabulary["live"]], days_ago=5, security_level=SecurityLevel.MEMBERS)
    page = post(blog, "Middle post", topics=[vocabulary["live"]], days_ago=4)
    post(blog, "Hidden newer rota", topics=[vocabulary["live"]], days_ago=3, security_level=SecurityLevel.COMMUNITY)
    newer = post(blog, "Newer public post", days_ago=1)
    post(
        BlogIndexPageFactory(),
        "Hidden related elsewhere",
        topics=[vocabulary["live"]],
        security_level=SecurityLevel.MEMBERS,
    )

    content = client.get(page.url).content.decode()
    assert "Hidden" not in content
    assert f'href="{older.url}" rel="prev"' in content
    assert f'href="{newer.url}" rel="next"' in content

    client.force_login(member)
    content = client.get(page.url).content.decode()
    assert "Hidden older rota" in content  # previous, and related by topic
    assert "Hidden related elsewhere" in content
    assert "Hidden newer rota" not in content  # community members only


def test_first_and_last_posts_have_only_one_neighbour(client, blog):
    first = post(blog, "First", days_ago=2)
    last = post(blog, "Last", days_ago=1)

    first_content = client.get(first.url).content.decode()
    assert 'rel="prev"' not in first_content
    assert f'href="{last.url}" rel="next"' in first_content
    assert 'rel="next"' not in client.get(last.url).content.decode()


# Query counts


def test_blog_listing_queries_do_not_grow_with_the_posts(client, blog, vocabulary, member):
    def monthly(number):
        post(
            blog,
            f"Later {number}",
            topics=[vocabulary["live"], TopicFactory()],
            tags=[f"later{number}", "common"],
            authors=[vocabulary["priya"], MemberProfileFactory().user],
            days_ago=number * 31,
        )

    for number in range(2):
        post(blog, f"Early {number}", topics=[vocabulary["live"]], tags=[f"tag{number}"], authors=[vocabulary["tom"]])
    client.force_login(member)
    few, many = queries_before_and_after(client, blog.url, monthly, times=20)

    assert few == many
    assert queries_to_render(client, f"{blog.url}?topic=live-posting&page=2") == many


def test_post_page_queries_do_not_grow_with_related_posts(client, blog, vocabulary):
    def related(number):
        post(
            blog,
            f"More {number}",
            topics=[vocabulary["live"]],
            authors=[MemberProfileFactory().user, vocabulary["tom"]],
            days_ago=number,
        )

    page = post(blog, "This post", topics=[vocabulary["live"]], authors=[vocabulary["priya"]], days_ago=10)
    post(blog, "Before", topics=[vocabulary["live"]], days_ago=20)
    post(blog, "After", authors=[vocabulary["priya"]], days_ago=5)
    few, many = queries_before_and_after(client, page.url, related, times=10)

    assert few == many
