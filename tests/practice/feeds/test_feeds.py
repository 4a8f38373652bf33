"""RSS and Atom feeds list public content only, whoever asks, in a fixed number of queries."""

import datetime as dt

import feedparser
import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from practice.communities.services import membership_join
from practice.models.choices import AccessLevel, SecurityLevel
from tests.factories import (
    BlogIndexPageFactory,
    BlogPostPageFactory,
    DiscussionThreadPageFactory,
    EventPageFactory,
    MemberProfileFactory,
    TopicFactory,
)

OPEN, RESTRICTED, PRIVATE = AccessLevel.OPEN, AccessLevel.RESTRICTED, AccessLevel.PRIVATE
FORMATS = {"rss": "rss20", "atom": "atom10"}
SECRET_TITLES = [
    "Members-only storm notes",
    "Community-only storm notes",
    "Restricted community storm notes",
    "Private community storm notes",
]


def post(parent, title, *, author, topics=(), security_level=SecurityLevel.PUBLIC, **kwargs):
    page = BlogPostPageFactory(parent=parent, title=title, security_level=security_level, **kwargs)
    page.authors.set([author])
    page.topics.set(topics)
    page.save()
    return page


@pytest.fixture
def storm(communities):
    """One author, a member of every community, writing a public post and posts nobody outside may read."""
    author = MemberProfileFactory(slug="morgan-ellis", display_name="Morgan Ellis").user
    for level in AccessLevel:
        membership_join(community=communities[level]["community"], member=author)
    topic = TopicFactory(name="Emergency comms", slug="emergency-comms")
    blogs = {level: BlogIndexPageFactory(parent=communities[level]["community"]) for level in AccessLevel}
    public = post(
        blogs[OPEN],
        "Our public storm plan",
        author=author,
        topics=[topic],
        summary="How we posted through the storm.",
        date=timezone.now() - dt.timedelta(days=2),
    )
    secrets = [
        post(blogs[OPEN], SECRET_TITLES[0], author=author, topics=[topic], security_level=SecurityLevel.MEMBERS),
        post(blogs[OPEN], SECRET_TITLES[1], author=author, topics=[topic], security_level=SecurityLevel.COMMUNITY),
        post(blogs[RESTRICTED], SECRET_TITLES[2], author=author, topics=[topic]),
        post(blogs[PRIVATE], SECRET_TITLES[3], author=author, topics=[topic]),
    ]
    return {"author": author, "topic": topic, "blogs": blogs, "public": public, "secrets": secrets}


def thread(community, title="Has anyone tried this?", *, topics=(), **kwargs):
    """Start a discussion, published now (factories skip Wagtail's publishing, which dates a page)."""
    page = DiscussionThreadPageFactory(
        parent__parent=community, title=title, first_published_at=timezone.now(), **kwargs
    )
    if topics:
        page.topics.set(topics)
        page.save()
    return page


def feed_paths(communities):
    open_slug = communities[OPEN]["community"].slug
    return [
        "/feeds/{fmt}/",
        f"/feeds/communities/{open_slug}/{{fmt}}/",
        "/feeds/topics/emergency-comms/{fmt}/",
        "/feeds/members/morgan-ellis/{fmt}/",
    ]


def fetch(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
    return response, parsed


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("reader", ["anonymous", "author", "editor"])
def test_every_feed_is_valid_and_lists_only_public_posts_whoever_asks(client, communities, storm, editor, fmt, reader):
    if reader != "anonymous":
        client.force_login(storm["author"] if reader == "author" else editor)

    for template in feed_paths(communities):
        path = template.format(fmt=fmt)
        response, parsed = fetch(client, path)

        assert parsed.version == FORMATS[fmt], path
        assert [entry.title for entry in parsed.entries] == ["Our public storm plan"], path
        for title in SECRET_TITLES:
            assert title.encode() not in response.content, (path, title)


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_an_item_carries_link_summary_date_author_and_topics(client, communities, storm, fmt):
    public = storm["public"]
    expected_link = public.get_full_url()

    _, parsed = fetch(client, f"/feeds/{fmt}/")

    [entry] = parsed.entries
    assert entry.link == expected_link
    assert entry.id == expected_link
    assert entry.summary == "How we posted through the storm."
    assert entry.published_parsed[:6] == public.date.utctimetuple()[:6]
    assert entry.author == "Morgan Ellis"
    assert [tag.term for tag in entry.tags] == ["Emergency comms"]
    assert parsed.feed.link.startswith("http://")


@pytest.mark.django_db
def test_the_site_feed_dates_events_by_their_start_and_threads_by_publication(client, communities):
    start = timezone.now() + dt.timedelta(days=10)
    event = EventPageFactory(parent__parent=communities[OPEN]["community"], title="Storm comms surgery", start=start)
    started = thread(communities[OPEN]["community"], "Who live-posted?")

    _, parsed = fetch(client, "/feeds/rss/")

    by_title = {entry.title: entry for entry in parsed.entries}
    assert by_title["Storm comms surgery"].published_parsed[:6] == event.start.utctimetuple()[:6]
    assert by_title["Who live-posted?"].published_parsed[:6] == started.first_published_at.utctimetuple()[:6]


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_a_private_community_has_no_feed_even_for_its_members(client, communities, storm, fmt):
    slug = communities[PRIVATE]["community"].slug
    assert client.get(f"/feeds/communities/{slug}/{fmt}/").status_code == 404
    client.force_login(communities[PRIVATE]["insider"])
    assert client.get(f"/feeds/communities/{slug}/{fmt}/").status_code == 404
    assert client.get(f"/feeds/communities/no-such-community/{fmt}/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_a_restricted_community_has_a_valid_feed_with_nothing_in_it(client, communities, storm, fmt):
    client.force_login(communities[RESTRICTED]["insider"])
    slug = communities[RESTRICTED]["community"].slug

    response, parsed = fetch(client, f"/feeds/communities/{slug}/{fmt}/")

    assert parsed.version == FORMATS[fmt]
    assert parsed.entries == []
    assert b"Restricted community storm notes" not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_a_profile_the_member_keeps_private_has_no_feed(client, communities, storm, fmt):
    profile = storm["author"].profile
    profile.is_public = False
    profile.save()

    assert client.get(f"/feeds/members/{profile.slug}/{fmt}/").status_code == 404
    assert client.get(f"/feeds/members/nobody/{fmt}/").status_code == 404


@pytest.mark.django_db
def test_a_topic_feed_lists_only_items_with_that_topic(client, communities, storm):
    other = post(storm["blogs"][OPEN], "Choosing a scheduling tool", author=storm["author"])
    thread(communities[OPEN]["community"], "Storm hashtags?", topics=[storm["topic"]])

    _, topic_feed = fetch(client, "/feeds/topics/emergency-comms/rss/")
    _, site_feed = fetch(client, "/feeds/rss/")

    assert {entry.title for entry in topic_feed.entries} == {"Our public storm plan", "Storm hashtags?"}
    assert other.title in {entry.title for entry in site_feed.entries}
    assert client.get("/feeds/topics/no-such-topic/rss/").status_code == 404


@pytest.mark.django_db
def test_a_member_feed_lists_their_posts_and_the_discussions_they_started(client, communities, storm):
    author = storm["author"]
    thread(communities[OPEN]["community"], "Storm hashtags?", starter=author)
    thread(communities[OPEN]["community"], "Someone else's question")

    _, parsed = fetch(client, "/feeds/members/morgan-ellis/atom/")

    assert {entry.title for entry in parsed.entries} == {"Our public storm plan", "Storm hashtags?"}
    assert all(entry.author == "Morgan Ellis" for entry in parsed.entries)


def add_public_items(communities, author, topic, count):
    blog = BlogIndexPageFactory(parent=communities[OPEN]["community"])
    for number in range(count):
        post(blog, f"Post {number}", author=author, topics=[topic])
        if number % 3 == 0:
            thread(communities[OPEN]["community"], f"Question {number}", topics=[topic], starter=author)


def count_queries(client, path):
    client.get(path)  # warm up per-process caches (sites, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), len(feedparser.parse(response.content).entries)


@pytest.mark.django_db
def test_each_feed_costs_the_same_queries_for_three_items_as_for_twenty(client, communities, storm):
    paths = [template.format(fmt="rss") for template in feed_paths(communities)]
    author, topic = storm["author"], storm["topic"]

    add_public_items(communities, author, topic, 2)
    few = {path: count_queries(client, path) for path in paths}
    add_public_items(communities, author, topic, 17)
    many = {path: count_queries(client, path) for path in paths}

    for path in paths:
        assert few[path][1] <= 5 < 20 <= many[path][1], path
        assert many[path][0] == few[path][0], path
