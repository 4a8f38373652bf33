"""The home page and every page type reachable from it, on the demo hub."""

from collections import deque
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

from tests.factories import BlogPostPageFactory, DiscussionThreadPageFactory, EventPageFactory

EVERY_PAGE_TYPE = {
    "homepage",
    "communityindexpage",
    "communitypage",
    "blogindexpage",
    "blogpostpage",
    "discussionindexpage",
    "discussionthreadpage",
    "resourcelibrarypage",
    "resourcelinkpage",
    "collectionpage",
    "eventindexpage",
    "eventpage",
    "guidanceindexpage",
    "guidancepage",
    "casestudypage",
}


@pytest.fixture
def demo_hub(db):
    call_command("load_demo", verbosity=0)


def crawl(client, start="/", limit=400):
    """Follow same-site links from the start page; return {url: response}."""
    seen, queue, responses = {start}, deque([start]), {}
    while queue and len(responses) < limit:
        url = queue.popleft()
        response = client.get(url)
        responses[url] = response
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        for link in BeautifulSoup(response.content, "html.parser").find_all("a", href=True):
            href = link["href"]
            target = urlparse(urljoin(url, href))
            if target.netloc or target.path.startswith(("/admin", "/django-admin", "/documents", "/static", "/media")):
                continue
            path = target.path + (f"?{target.query}" if target.query else "")
            if path not in seen:
                seen.add(path)
                queue.append(path)
    return responses


def test_every_page_type_is_reachable_from_the_home_page(client, demo_hub):
    responses = crawl(client)
    assert responses["/"].status_code == 200
    errors = {url: r.status_code for url, r in responses.items() if r.status_code >= 500}
    assert errors == {}
    reached = {
        r.context["page"].specific_class._meta.model_name
        for r in responses.values()
        if r.status_code == 200 and r.context and isinstance(r.context.get("page"), Page)
    }
    assert reached >= EVERY_PAGE_TYPE, EVERY_PAGE_TYPE - reached


def test_home_page_shows_what_is_new(client, demo_hub):
    response = client.get("/")
    context = response.context
    assert len(context["latest_posts"]) > 0
    assert len(context["active_threads"]) > 0
    assert len(context["upcoming_events"]) > 0
    assert len(context["communities"]) > 0
    assert b"govuk-generic-header" in response.content


def queries_for(client, url):
    """Count the queries of a warm request (the first one also fills Wagtail's site cache)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_home_page_query_count_does_not_grow_with_content(client, member, demo_hub):
    client.force_login(member)
    before = queries_for(client, "/")
    for _ in range(5):
        BlogPostPageFactory()
        DiscussionThreadPageFactory()
        EventPageFactory()
    after = queries_for(client, "/")
    assert after == before
    assert after <= 30
