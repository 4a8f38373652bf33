"""Search beyond the hub's own pages: entries from the wider public sector, and comments found through their page."""

import datetime as dt
import importlib
import re

import pytest
from django_comments_xtd.models import XtdComment

from django.apps import apps as django_apps
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from practice.accounts.services import account_delete
from practice.comments.services import comment_approve, comment_mark_helpful, comment_remove
from practice.models import CommentHold, Organisation
from practice.models.choices import AccessLevel
from practice.models.external import ExternalItem, FeedSource
from search import lists, ranking
from search.models import ResultClick
from search.query import SearchFilters, parse_params
from search.results import search
from tests.factories import BlogIndexPageFactory, BlogPostPageFactory, UserFactory

WORD = "Marram"  # only the material made here uses it


@pytest.fixture
def wider(db, vocabulary):
    """Two entries from a council's blog about WORD, and one an editor retired."""
    organisation = Organisation.objects.create(name="Westshire Council")
    source = FeedSource.objects.create(
        title="Westshire digital blog",
        site_url="https://digital.westshire.example/",
        feed_url="https://digital.westshire.example/feed",
        organisation=organisation,
    )
    source.topics.add(vocabulary["inclusion"])
    source.save()
    now = timezone.now()

    def entry(slug, title, summary, days_ago, **extra):
        return ExternalItem.objects.create(
            source=source,
            guid=slug,
            link=f"https://digital.westshire.example/{slug}",
            title=title,
            summary=summary,
            published=now - dt.timedelta(days=days_ago),
            organisation=organisation,
            **extra,
        )

    return {
        "dunes": entry("dunes", f"{WORD} grass on our dunes", "<p>Volunteers &amp; rangers planted it.</p>", 2),
        "signs": entry("signs", "New signs for the beach", f"<p>We explain why {WORD} matters.</p>", 5),
        "retired": entry("old", f"{WORD} survey 2019", "<p>A page that is gone.</p>", 900, retired=True),
    }


def comment(page, text, *, user=None, public=True):
    return XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(page.specific_class),
        object_pk=str(page.pk),
        site_id=1,
        user=user,
        user_name="Priya Shah",
        comment=text,
        is_public=public,
    )


def reply(to, text):
    """Post a published reply to a comment, by a visitor without an account."""
    return XtdComment.objects.create(
        content_type=to.content_type, object_pk=to.object_pk, site_id=1, user_name="Jo", comment=text, parent_id=to.pk
    )


@pytest.fixture
def private_post(communities, django_capture_on_commit_callbacks):
    """A post in the private community whose only mention of WORD is in a published comment."""
    private = communities[AccessLevel.PRIVATE]["community"]
    with django_capture_on_commit_callbacks(execute=True):
        post = BlogPostPageFactory(
            parent=BlogIndexPageFactory(parent=private), title="Storm diary", summary="What we posted overnight."
        )
        post.save_revision().publish()
        comment(post, f"We sandbagged the {WORD} dunes at dawn.")
    return post


def titles(results):
    return [hit.title for hit in results.hits]


@pytest.mark.django_db
def test_entries_from_the_wider_public_sector_are_found_linked_to_the_original(wider):
    results = search(WORD, AnonymousUser())

    assert results.count == 2
    assert titles(results) == [f"{WORD} grass on our dunes", "New signs for the beach"]
    first = results.hits[0]
    assert (first.type, first.kind_label, first.page) == ("external", "From the wider public sector", None)
    assert first.item.link == "https://digital.westshire.example/dunes"
    assert str(first.snippet) == "Volunteers &amp; rangers planted it."
    assert first.topics == ["Digital inclusion"]
    assert "<mark>Marram</mark> matters" in str(results.hits[1].snippet)


@pytest.mark.django_db
def test_retired_entries_are_never_found(wider):
    assert search("survey 2019", AnonymousUser()).count == 0
    assert "Marram survey 2019" not in titles(search(WORD, AnonymousUser(), sort="date"))


@pytest.mark.django_db
def test_entries_are_found_and_counted_by_their_index_keys_alone_and_retiring_one_drops_its_keys(wider, vocabulary):
    by_topic = SearchFilters(topics=(vocabulary["inclusion"].slug,))
    for filters in (SearchFilters(), by_topic, SearchFilters(topics=("social-media",))):
        keyed = ranking.visible_external_items(filters)
        # The same filters without the mark: the database checks every condition itself.
        found, expected = keyed.search(WORD), keyed.all().search(WORD)
        assert set(map(str, found)) == set(map(str, expected))
        assert found.count() == expected.count() == found.count_up_to(10)
        assert dict(found.facet("source_id")) == dict(expected.facet("source_id"))

    with CaptureQueriesContext(connection) as queries:
        assert ranking.visible_external_items().search(WORD).count_up_to(10) == 2
    assert not [query for query in queries.captured_queries if "practice_externalitem" in query["sql"]]

    wider["dunes"].retired = True
    wider["dunes"].save(update_fields=["retired"])
    assert ranking.visible_external_items().search(WORD).count_up_to(10) == 1


@pytest.mark.django_db
def test_entries_count_in_the_type_and_topic_facets_and_filter_by_them(wider, library):
    library["inclusion"].title = f"{WORD} and libraries"
    library["inclusion"].save_revision().publish()

    results = search(WORD, AnonymousUser())

    assert results.count == 3
    assert {v.value: v.count for v in results.facets["type"]} == {"external": 2, "post": 1}
    assert {v.value: v.count for v in results.facets["topic"]} == {"digital-inclusion": 3}
    only_entries = parse_params(QueryDict(f"q={WORD}&type=external"), AnonymousUser())
    assert search(only_entries[0], AnonymousUser(), only_entries[1]).count == 2
    by_topic = SearchFilters(topics=("digital-inclusion",))
    assert search(WORD, AnonymousUser(), by_topic).count == 3
    assert search(WORD, AnonymousUser(), SearchFilters(topics=("social-media",))).count == 0
    # Entries belong to no community and are written for no audience.
    in_community = SearchFilters(communities=(library["inclusion"].community.slug,))
    assert titles(search(WORD, AnonymousUser(), in_community)) == [f"{WORD} and libraries"]
    assert search(WORD, AnonymousUser(), SearchFilters(types=("post",))).count == 1


@pytest.mark.django_db
def test_pages_and_entries_merge_into_one_exact_paged_list(wider, library):
    library["title_match"].summary = f"Storms and {WORD}."
    library["title_match"].save_revision().publish()
    total = search(WORD, AnonymousUser()).count
    assert total == 3

    for sort in ["relevance", "date"]:
        paged = [
            hit.title
            for page in (1, 2, 3)
            for hit in search(WORD, AnonymousUser(), page=page, per_page=1, sort=sort).hits
        ]
        assert sorted(paged) == sorted(titles(search(WORD, AnonymousUser(), per_page=10)))
        assert len(set(paged)) == total
    newest_first = titles(search(WORD, AnonymousUser(), sort="date"))
    assert newest_first[1:] == [f"{WORD} grass on our dunes", "New signs for the beach"]  # the page is newest


@pytest.mark.django_db
def test_a_member_sees_why_an_entry_is_shown(wider, interested_member):
    hit = search(WORD, interested_member).hits[0]
    assert hit.why == ["Matches your interest: Digital inclusion"]


@pytest.mark.django_db
def test_the_api_answers_entries_with_their_source(client, wider):
    data = client.get(reverse("search_api"), {"q": WORD}).json()

    assert data["count"] == 2
    first = data["results"][0]
    assert first["url"] == "https://digital.westshire.example/dunes"
    assert (first["type"], first["source"], first["organisation"]) == (
        "external",
        "Westshire digital blog",
        "Westshire Council",
    )
    assert first["topics"] == ["Digital inclusion"]
    assert {v["value"]: v["count"] for v in data["facets"]["type"]} == {"external": 2}


@pytest.mark.django_db
def test_clicking_an_entry_is_logged_and_leads_to_the_original(client, wider):
    page = client.get(reverse("search"), {"q": WORD}).content.decode()
    (click,) = [url for url in _hrefs(page) if "/external/" in url and f"/{wider['dunes'].pk}/?sig=" in url]
    unsigned = click.split("?sig=")[0]

    for forged in (unsigned, click.replace(f"/{wider['dunes'].pk}/", f"/{wider['signs'].pk}/")):
        assert client.get(forged).status_code == 302
    assert not ResultClick.objects.exists()
    response = client.get(click)

    assert response.status_code == 302
    assert response["Location"] == "https://digital.westshire.example/dunes"
    assert ResultClick.objects.get().item == wider["dunes"]
    assert "From the wider public sector" in page
    retired = click.replace(f"/{wider['dunes'].pk}/", f"/{wider['retired'].pk}/")
    assert client.get(retired).status_code == 404


def _hrefs(html):
    return re.findall(r'href="([^"]+)"', html)


@pytest.mark.django_db
def test_a_pages_published_comments_find_it_only_for_readers_of_the_page(client, communities, private_post):
    insider = communities[AccessLevel.PRIVATE]["insider"]
    outsider = communities[AccessLevel.OPEN]["insider"]

    for reader in [AnonymousUser(), outsider]:
        results = search(WORD, reader)
        assert (results.count, results.hits, results.facets["type"]) == (0, [], [])
        assert lists.autocomplete("Storm d", reader) == []
    client.force_login(outsider)
    data = client.get(reverse("search_api"), {"q": WORD}).json()
    assert (data["count"], data["results"]) == (0, [])
    page = client.get(reverse("search"), {"q": WORD}).content.decode()
    assert "sandbagged" not in page and "Storm diary" not in page and "No results" in page

    (hit,) = search(WORD, insider).hits
    assert hit.page.pk == private_post.pk
    assert "sandbagged the <mark>Marram</mark> dunes" in str(hit.snippet)


@pytest.mark.django_db
def test_held_and_removed_comments_are_never_searchable(communities, library, django_capture_on_commit_callbacks):
    editor = UserFactory(is_superuser=True)
    post = library["inclusion"]
    with django_capture_on_commit_callbacks(execute=True):
        held = comment(post, "Try the Sphagnum moss workshop.", public=False)
        CommentHold.objects.create(comment=held, reason="first comment")
        published = comment(post, "The Bracken group met on Tuesday.")
        reply(published, "Bracken again next month, and Heather too.")
    assert search("Sphagnum", AnonymousUser()).count == 0
    assert search("Heather", AnonymousUser()).count == 1

    with django_capture_on_commit_callbacks(execute=True):
        comment_approve(comment=held, by=editor)
    assert titles(search("Sphagnum", AnonymousUser())) == [post.title]

    with django_capture_on_commit_callbacks(execute=True):
        comment_remove(comment=published, by=editor)
    # The removed comment and the reply below it, which readers no longer see either.
    assert search("Bracken", AnonymousUser()).count == 0
    assert search("Heather", AnonymousUser()).count == 0

    with django_capture_on_commit_callbacks(execute=True):
        XtdComment.objects.filter(pk=held.pk).get().delete()
    assert search("Sphagnum", AnonymousUser()).count == 0


@pytest.mark.django_db
def test_query_count_is_fixed_with_pages_and_entries(wider, library, interested_member, django_assert_max_num_queries):
    source = wider["dunes"].source
    for number in range(15):
        ExternalItem.objects.create(
            source=source,
            guid=f"more-{number}",
            link=f"https://digital.westshire.example/more-{number}",
            title=f"{WORD} note {number}",
            published=timezone.now(),
        )
        BlogPostPageFactory(parent=library["inclusion"].get_parent(), title=f"{WORD} page {number}")
    with django_assert_max_num_queries(48):
        results = search(WORD, interested_member, page=2)
    assert results.count == 32
    assert len(results.hits) == 10


@pytest.mark.django_db
def test_a_deleted_members_answered_comment_stops_finding_its_page(library, django_capture_on_commit_callbacks):
    leaving = UserFactory()
    post = library["inclusion"]
    with django_capture_on_commit_callbacks(execute=True):
        theirs = comment(post, "Our Samphire pilot ran all summer.", user=leaving)
        reply(theirs, "Thanks for this.")
    assert search("Samphire", AnonymousUser()).count == 1

    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=leaving, delete_contributions=True)

    assert search("Samphire", AnonymousUser()).count == 0


@pytest.mark.django_db
def test_a_page_whose_comments_members_found_helpful_rises_and_says_so(library, django_capture_on_commit_callbacks):
    blog = library["inclusion"].get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        plain = BlogPostPageFactory(parent=blog, title="Marram grass walks", summary="A route guide.")
        helped = BlogPostPageFactory(parent=blog, title="Marram grass walks", summary="A route guide.")
        useful = comment(helped, "We printed the route for the library.")
        for _ in range(5):
            comment_mark_helpful(comment=useful, by=UserFactory())

    results = search("marram", AnonymousUser())

    assert [hit.page.pk for hit in results.hits] == [helped.pk, plain.pk]
    assert "Members found its comments helpful" in results.hits[0].why
    assert "Members found its comments helpful" not in results.hits[1].why
    assert helped.specific.helpfulness() == 5
    with django_capture_on_commit_callbacks(execute=True):
        useful.is_removed = True
        useful.save()
    assert helped.specific.helpfulness() == 0


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="Our PostgreSQL index holds index keys")
def test_postgres_entries_of_aggregated_items_carry_their_keys_and_the_upgrade_writes_the_same(wider):
    upgrade = importlib.import_module("search.migrations.0009_postgresql_external_item_keys")
    content_type = ContentType.objects.get_for_model(ExternalItem)

    def vectors():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT object_id, title::text FROM wagtailsearch_indexentry WHERE content_type_id = %s",
                [content_type.pk],
            )
            return dict(cursor.fetchall())

    written = vectors()
    source = wider["dunes"].source_id
    assert f"'key source {source}':" in written[str(wider["dunes"].pk)]
    assert "'key external':" in written[str(wider["dunes"].pk)]
    assert "'key " not in written[str(wider["retired"].pk)]

    with connection.schema_editor() as schema_editor:
        upgrade.remove_keys(django_apps, schema_editor)
        assert not any("'key " in vector for vector in vectors().values())
        upgrade.add_keys(django_apps, schema_editor)
    assert vectors() == written


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's documents table")
def test_sqlite_entries_of_aggregated_items_carry_their_keys_and_the_upgrade_writes_the_same(wider):
    from tests.search.test_backends import MigrationEditor

    upgrade = importlib.import_module("search.migrations.0008_sqlite_document_keys")

    def keys():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT entry.object_id, fts.keys FROM search_document_fts AS fts "
                "JOIN wagtailsearch_indexentry AS entry ON entry.id = fts.rowid "
                "JOIN django_content_type AS type ON type.id = entry.content_type_id AND type.model = 'externalitem'"
            )
            tokens = dict(cursor.fetchall())
            cursor.execute("SELECT entry_id, key FROM search_entry_key ORDER BY entry_id, key")
            return tokens, cursor.fetchall()

    written = keys()
    source = wider["dunes"].source_id
    assert written[0][str(wider["dunes"].pk)] == f"keyexternal keysource{source}"
    assert written[0][str(wider["retired"].pk)] == ""

    upgrade.backward(django_apps, MigrationEditor())
    upgrade.forward(django_apps, MigrationEditor())

    assert keys() == written
