"""The search page, autocomplete, clicks, the personalisation switch and the fallback."""

import re

import pytest

from practice.models.choices import AccessLevel, SecurityLevel
from search import ranking
from search.models import BestBet, QueryLog, ResultClick, SearchPreference
from tests.factories import (
    BlogIndexPageFactory,
    BlogPostPageFactory,
    DiscussionIndexPageFactory,
    DiscussionThreadPageFactory,
    ReplyFactory,
)
from tests.practice.querycounts import queries_to_render
from tests.search.conftest import make_engine_unreachable


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


@pytest.mark.django_db
def test_bad_parameters_show_an_error_summary(client):
    content = client.get("/search/", {"q": "storm", "sort": "loudest"}).content.decode()
    assert "There is a problem" in content and 'href="#search-sort"' in content


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/search/?q=gritting", "/api/search/?q=gritting"])
def test_a_page_of_results_takes_as_many_queries_for_two_results_as_for_eight(
    client, communities, member, url, django_capture_on_commit_callbacks
):
    community = communities[AccessLevel.OPEN]["community"]
    blog = BlogIndexPageFactory(parent=community)
    discussions = DiscussionIndexPageFactory(parent=community)

    def publish(count):
        # Posts and threads, whose snippets are read from their replies.
        with django_capture_on_commit_callbacks(execute=True):
            for number in range(count):
                if number % 2:
                    BlogPostPageFactory(parent=blog, title="Gritting routes on the map").save_revision().publish()
                else:
                    thread = DiscussionThreadPageFactory(parent=discussions, title="Gritting routes on the map")
                    ReplyFactory(thread=thread, body="We share ours as a map layer.")
                    thread.save_revision().publish()

    client.force_login(member)
    publish(2)
    two = queries_to_render(client, url)
    publish(6)
    assert client.get(url).content.decode().count("Gritting routes on the map") == 8
    assert queries_to_render(client, url) == two


@pytest.mark.django_db
def test_page_shows_facets_snippets_and_logs_clicks(client, library):
    content = client.get("/search/", {"q": "libraries"}).content.decode()
    assert 'name="topic" type="checkbox" value="digital-inclusion"' in content
    assert 'Digital inclusion <span class="hub-meta">(1)</span>' in content
    assert "get online at <mark>libraries</mark>." in content
    log = QueryLog.objects.get()
    assert (log.query, log.result_count, log.signed_in) == ("libraries", 2, False)
    page = library["inclusion"]
    (link,) = [link for link in result_links(content) if link.startswith(f"/search/go/{log.pk}/1/{page.pk}/?sig=")]
    response = client.get(link)
    assert response.status_code == 302 and response.url == page.url
    assert ResultClick.objects.get().page_id == page.pk


def result_links(content):
    return re.findall(r'href="(/search/go/[^"]+)"', content)


@pytest.mark.django_db
def test_a_click_link_the_hub_did_not_sign_records_nothing_but_leads_where_the_reader_may_go(
    client, communities, library
):
    private = BlogPostPageFactory(parent=BlogIndexPageFactory(parent=communities[AccessLevel.PRIVATE]["community"]))
    client.get("/search/", {"q": "storm"})
    content = client.get("/search/", {"q": "libraries"}).content.decode()
    earlier, log = QueryLog.objects.order_by("pk")
    page, other = library["inclusion"], library["libraries_comms"]
    (link,) = [link for link in result_links(content) if link.startswith(f"/search/go/{log.pk}/1/{page.pk}/")]
    signature = link.split("?sig=")[1]

    forged = {
        f"/search/go/{log.pk}/1/{page.pk}/": page,
        f"/search/go/{log.pk}/1/{page.pk}/?sig=made-up": page,
        f"/search/go/{log.pk}/1/{page.pk}/?sig={signature[:-1]}": page,
        f"/search/go/{log.pk}/9/{page.pk}/?sig={signature}": page,
        f"/search/go/{earlier.pk}/1/{page.pk}/?sig={signature}": page,
        f"/search/go/{log.pk}/1/{other.pk}/?sig={signature}": other,
    }
    for url, target in forged.items():
        response = client.get(url)
        assert (response.status_code, response.url) == (302, target.url), url
    assert client.get(f"/search/go/{log.pk}/1/{private.pk}/?sig={signature}").status_code == 404
    assert not ResultClick.objects.exists()

    assert client.get(link).url == page.url
    assert ResultClick.objects.get().position == 1


@pytest.mark.django_db
def test_current_best_bets_come_first_and_expired_ones_do_not(client, library):
    from django.utils import timezone

    now = timezone.now()
    BestBet.objects.create(
        query="libraries", page=library["thread"], note="Start here", ends_at=now + timezone.timedelta(days=1)
    )
    BestBet.objects.create(query="libraries", page=library["body_match"], ends_at=now - timezone.timedelta(days=1))
    content = client.get("/search/", {"q": "  Libraries "}).content.decode()
    picks = content.split("Editors’ picks")[1].split("results-heading")[0]
    assert library["thread"].title in picks and "Start here" in picks
    assert library["body_match"].title not in picks


@pytest.mark.django_db
def test_members_switch_personalisation_off_and_on(client, library, interested_member):
    client.force_login(interested_member)
    assert "Matches your interest" in client.get("/search/", {"q": "libraries"}).content.decode()
    response = client.post("/search/personalisation/", {"personalise": "off", "next": "/search/?q=libraries"})
    assert response.status_code == 302 and response.url == "/search/?q=libraries"
    assert not SearchPreference.objects.get(user=interested_member).personalise
    assert "Matches your interest" not in client.get("/search/", {"q": "libraries"}).content.decode()
    assert client.post("/search/personalisation/", {"personalise": "maybe"}).status_code == 400
    client.post("/search/personalisation/", {"personalise": "on", "next": "https://evil.example/"})
    assert SearchPreference.objects.get(user=interested_member).personalise


@pytest.mark.django_db
def test_autocomplete_offers_titles(client, library):
    data = client.get("/search/autocomplete/", {"q": "Libr"}).json()
    assert {s["title"] for s in data["suggestions"]} == {"Libraries helping people online", "Libraries on social media"}
    assert client.get("/search/autocomplete/", {"q": "L"}).json()["suggestions"] == []
    assert client.get("/search/autocomplete/", {"q": "x" * 300}).status_code == 400


@pytest.mark.django_db
def test_an_unreachable_cluster_falls_back_to_the_database(client, library, monkeypatch):
    make_engine_unreachable(monkeypatch, ranking)
    content = client.get("/search/", {"q": "libraries"}).content.decode()
    assert "results may be incomplete" in content
    assert "Libraries on social media" in content


@pytest.mark.django_db
def test_the_search_page_has_one_search_box_where_other_pages_have_the_sites(client, posts):
    search_page = client.get("/search/", {"q": "floodline"}).content.decode()
    assert 'id="site-search-q"' not in search_page and search_page.count('name="q"') == 1
    assert 'id="search-q"' in search_page and 'value="floodline"' in search_page
    home = client.get("/").content.decode()
    assert 'id="site-search-q"' in home and 'role="search"' in home
