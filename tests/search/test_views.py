"""The search page finds only what the reader may open."""

import pytest

from practice.access import AccessLevel, SecurityLevel
from tests.factories import BlogIndexPageFactory, BlogPostPageFactory


@pytest.fixture
def posts(communities):
    open_blog = BlogIndexPageFactory(parent=communities[AccessLevel.OPEN]["community"])
    private_blog = BlogIndexPageFactory(parent=communities[AccessLevel.PRIVATE]["community"])
    return {
        "public": BlogPostPageFactory(parent=open_blog, title="Floodline public notes"),
        "members": BlogPostPageFactory(
            parent=open_blog, title="Floodline members notes", security_level=SecurityLevel.MEMBERS
        ),
        "community": BlogPostPageFactory(
            parent=open_blog, title="Floodline community notes", security_level=SecurityLevel.COMMUNITY
        ),
        "private": BlogPostPageFactory(parent=private_blog, title="Floodline private notes"),
    }


def titles_found(client):
    content = client.get("/search/", {"q": "floodline"}).content.decode()
    return {kind for kind in ["public", "members", "community", "private"] if f"Floodline {kind} notes" in content}


@pytest.mark.django_db
def test_each_reader_finds_exactly_what_they_may_open(client, communities, posts, member):
    assert titles_found(client) == {"public"}
    client.force_login(member)
    assert titles_found(client) == {"public", "members"}
    client.force_login(communities[AccessLevel.OPEN]["insider"])
    assert titles_found(client) == {"public", "members", "community"}
    client.force_login(communities[AccessLevel.PRIVATE]["insider"])
    assert titles_found(client) == {"public", "members", "private"}


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", " ", "x" * 5000, "<script>alert(1)</script>", "page=abc"])
def test_odd_queries_never_fail(client, query):
    response = client.get("/search/", {"q": query, "page": "abc"})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content
