"""Our database search backends (search/backends/) through Wagtail's query API.

These run on whichever database the suite runs on: SQLite by default, PostgreSQL under
`make test-postgres`. Each test builds its own small hub of posts with chosen words.
"""

import importlib
import re

import pytest

from django.apps import apps as django_apps
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Not, Or, Phrase, PlainText

from practice.access import staff_groups
from practice.models import BlogPostPage, PracticePage
from practice.models.choices import AccessLevel, SecurityLevel, Visibility
from search import ranking
from search import results as search_results
from search.backends.postgres.tsearch import (
    DOCUMENT_PARTS,
    BuiltQuery,
    document,
    document_pairs,
    in_part,
    phrase_pairs,
)
from search.backends.postgres.tsearch import tsquery as tsquery_of
from search.backends.ranked import IndexEntry
from search.query import SearchFilters
from tests.factories import (
    AudienceRoleFactory,
    BlogIndexPageFactory,
    BlogPostPageFactory,
    GuidancePageFactory,
    TopicFactory,
)

index_keys_migration = importlib.import_module("search.migrations.0004_postgresql_index_keys")
weighted_keys_migration = importlib.import_module("search.migrations.0005_postgresql_index_keys_weighted")
parts_migration = importlib.import_module("search.migrations.0010_postgresql_document_parts")
pairs_migration = importlib.import_module("search.migrations.0011_postgresql_word_pairs")
title_words_migration = importlib.import_module("search.migrations.0012_postgresql_title_words")

FILLER = "Notes from the monthly meeting about newsletters, rotas and the shared calendar."


@pytest.fixture
def blogs(communities):
    return {level: BlogIndexPageFactory(parent=communities[level]["community"]) for level in AccessLevel}


@pytest.fixture
def blog(blogs):
    return blogs[AccessLevel.OPEN]


def post(blog, title, summary="A short note.", body=FILLER, **kwargs):
    return BlogPostPageFactory(
        parent=blog, title=title, summary=summary, body=[("paragraph", RichText(f"<p>{body}</p>"))], **kwargs
    )


def titles(results):
    return [page.title for page in results]


def search(query, user=None, **kwargs):
    queryset = BlogPostPage.objects.live().visible_to(user or AnonymousUser())
    return queryset.search(query, **kwargs)


@pytest.mark.django_db
def test_the_default_backend_is_ours_for_the_database_in_use():
    expected = {"sqlite": "search.backends.sqlite", "postgresql": "search.backends.postgres"}[connection.vendor]
    assert type(get_search_backend()).__module__ == expected


@pytest.mark.django_db
def test_a_title_match_ranks_above_a_summary_match_above_a_body_match(blog):
    post(blog, "Budget notes", body=f"{FILLER} Flooding came up, flooding again, and flooding once more.")
    post(blog, "Quarterly update", summary="Our flooding work this quarter.")
    post(blog, "Flooding response")
    post(blog, "Nothing to see")

    results = search("flooding")

    assert titles(results) == ["Flooding response", "Quarterly update", "Budget notes"]
    assert results.count() == 3


@pytest.mark.django_db
def test_a_title_holding_every_word_ranks_above_a_title_and_summary_holding_them_between_them(blog):
    post(blog, "Flooding update", summary="Flooding plan: the flooding plan, a flooding plan, our flooding plan.")
    post(blog, "Flooding plan")
    post(blog, "Depot news", body=f"{FILLER} The flooding plan again.")

    assert titles(search("flooding plan")) == ["Flooding plan", "Flooding update", "Depot news"]


@pytest.mark.django_db
def test_scores_fall_in_rank_order_and_pages_follow_on(blog):
    for number in range(4):
        post(blog, f"Recycling plan {number}")
        post(blog, f"Plan {number}", summary="Recycling at the depot.")
        post(blog, f"Depot {number}", body=f"{FILLER} We also talked about recycling.")

    everything = list(search("recycling").annotate_score("score"))
    pages = [list(search("recycling")[start : start + 5]) for start in range(0, 12, 5)]

    assert [page.title for chunk in pages for page in chunk] == titles(everything)
    assert [page.title.split()[0] for page in everything] == ["Recycling"] * 4 + ["Plan"] * 4 + ["Depot"] * 4
    scores = [page.score for page in everything]
    assert scores == sorted(scores, reverse=True)
    assert search("recycling")[10:20].count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "title"),
    [("councils", "Council newsletter"), ("engaging", "Community engagement"), ("consulted", "How we consult")],
)
def test_stemming_finds_other_forms_of_a_word(blog, query, title):
    post(blog, title)
    post(blog, "Something else entirely")

    assert titles(search(query)) == [title]


@pytest.mark.django_db
def test_a_phrase_matches_its_words_together_and_in_order(blog):
    post(blog, "Social media surgery")
    post(blog, "Media for social care")
    post(blog, "A surgery", body="Bring your questions about social media to the drop-in.")

    assert set(titles(search(Phrase("social media")))) == {"Social media surgery", "A surgery"}
    assert search(Phrase("social media")).count() == 2


@pytest.mark.django_db
def test_and_needs_every_word_and_or_needs_one(blog):
    post(blog, "Flood wardens")
    post(blog, "Volunteer wardens")
    post(blog, "Flood volunteers", summary="Volunteer flood wardens in every ward.")

    assert set(titles(search("flood wardens"))) == {"Flood wardens", "Flood volunteers"}
    assert set(titles(search("flood wardens", operator="and"))) == {"Flood wardens", "Flood volunteers"}
    assert set(titles(search("flood wardens", operator="or"))) == {
        "Flood wardens",
        "Volunteer wardens",
        "Flood volunteers",
    }
    assert search("flood wardens", operator="or").count() == 3


@pytest.mark.django_db
def test_filter_fields_narrow_results_counts_and_facets(blogs, communities):
    open_community = communities[AccessLevel.OPEN]["community"]
    post(blogs[AccessLevel.OPEN], "Winter gritting plan")
    post(blogs[AccessLevel.OPEN], "Gritting routes", security_level=SecurityLevel.MEMBERS)
    guide = GuidancePageFactory(title="Gritting guidance", summary="How we grit.")

    in_community = PracticePage.objects.live().filter(community=open_community).search("gritting")
    everywhere = PracticePage.objects.live().search("gritting")
    public = PracticePage.objects.live().filter(security_level=SecurityLevel.PUBLIC).search("gritting")

    assert set(titles(in_community)) == {"Winter gritting plan", "Gritting routes"}
    assert in_community.count() == 2
    assert everywhere.count() == 3
    assert set(titles(public)) == {"Winter gritting plan", "Gritting guidance"}
    assert everywhere.facet("community_id") == {open_community.pk: 2, guide.community_id: 1}


@pytest.mark.django_db
def test_each_reader_finds_and_counts_only_what_they_may_open(blogs, communities, member):
    post(blogs[AccessLevel.OPEN], "Heatwave public plan")
    post(blogs[AccessLevel.OPEN], "Heatwave members plan", security_level=SecurityLevel.MEMBERS)
    post(blogs[AccessLevel.OPEN], "Heatwave community plan", security_level=SecurityLevel.COMMUNITY)
    post(blogs[AccessLevel.RESTRICTED], "Heatwave restricted plan")
    post(blogs[AccessLevel.PRIVATE], "Heatwave private plan")
    private_insider = communities[AccessLevel.PRIVATE]["insider"]

    def found(user):
        results = search("heatwave", user=user)
        return {title.split()[1] for title in titles(results)}, results.count(), results.facet("security_level")

    assert found(None) == ({"public"}, 1, {SecurityLevel.PUBLIC: 1})
    assert found(member) == ({"public", "members"}, 2, {SecurityLevel.PUBLIC: 1, SecurityLevel.MEMBERS: 1})
    assert found(private_insider)[:2] == ({"public", "members", "private"}, 3)
    assert found(communities[AccessLevel.OPEN]["insider"])[:2] == ({"public", "members", "community"}, 3)
    assert search("heatwave", user=member)[1:].count() == 1


@pytest.mark.django_db
def test_results_follow_edits_unpublishing_and_deletion(blog):
    renamed = post(blog, "Library opening hours")
    unpublished = post(blog, "Library van timetable")
    deleted = post(blog, "Library card renewals")

    renamed.title = "Museum opening hours"
    renamed.save()
    unpublished.unpublish()
    deleted.delete()

    assert titles(search("library")) == []
    assert titles(search("museum")) == ["Museum opening hours"]
    assert search("library").count() == 0


@pytest.mark.django_db
def test_ordering_by_a_field_instead_of_relevance(blog):
    older = post(blog, "Parks budget", summary="Parks and open spaces.")
    newer = post(blog, "Parks events")
    BlogPostPage.objects.filter(pk=older.pk).update(date=newer.date.replace(year=newer.date.year - 1))

    by_date = BlogPostPage.objects.live().order_by("-date").search("parks", order_by_relevance=False)
    oldest_first = BlogPostPage.objects.live().order_by("date").search("parks", order_by_relevance=False)

    assert titles(by_date) == ["Parks events", "Parks budget"]
    assert titles(oldest_first) == ["Parks budget", "Parks events"]
    assert [page.score > 0 for page in by_date.annotate_score("score")] == [True, True]


@pytest.mark.django_db
def test_autocomplete_finds_words_from_their_beginning(blog):
    post(blog, "Flooding response")
    post(blog, "Floor plans")
    post(blog, "Budget")

    assert set(titles(BlogPostPage.objects.live().autocomplete("floo"))) == {"Flooding response", "Floor plans"}
    assert titles(BlogPostPage.objects.live().autocomplete("flood")) == ["Flooding response"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ['"', 'social "media', "NOT", "*", "- --", "council AND", "(", "title:council", "O'Neill's", "naïve café"],
)
def test_odd_queries_answer_without_error(blog, query):
    post(blog, "Council café for O'Neill's naïve social media")

    for results in [search(query), marked(AnonymousUser()).search(query)]:
        assert results.count() == len(list(results))
    facets = marked(AnonymousUser()).search(query).facet("community_id")
    assert sum(facets.values()) == (1 if len(list(search(query))) else 0)


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL's english configuration keeps accents")
def test_accents_are_folded_on_sqlite(blog):
    post(blog, "Naïve café questions")

    assert titles(search("naive cafe")) == ["Naïve café questions"]


@pytest.mark.django_db
def test_a_search_takes_the_same_number_of_queries_whatever_the_matches(blog, django_assert_max_num_queries):
    for number in range(30):
        post(blog, f"Transport note {number}", summary="Bus and rail.")

    with django_assert_max_num_queries(8):
        results = search("transport")[:10]
        assert len(list(results)) == 10
        assert results.count() == 10


def marked(user, **filters):
    """The search entry point's queryset: access as a filter, and as index keys for backends that hold them."""
    return ranking.visible_pages(user, SearchFilters(**filters), in_sql=True)


@pytest.mark.django_db
def test_index_keys_find_and_count_what_the_querysets_filters_do(
    blogs, communities, member, editor, superuser, django_capture_on_commit_callbacks
):
    topic, audience = TopicFactory(name="Heat"), AudienceRoleFactory(name="Public health officer")
    with django_capture_on_commit_callbacks(execute=True):
        for level, blog in blogs.items():
            for security in SecurityLevel:
                page = post(blog, f"Heatwave {level} {security} plan", security_level=security)
                if security != SecurityLevel.MEMBERS:
                    page.topics.add(topic)
                    page.audiences.add(audience)
                    page.save_revision().publish()
        GuidancePageFactory(title="Heatwave guidance", summary="Keeping cool.", topics=[topic])
        post(blogs[AccessLevel.OPEN], "Heatwave draft plan").unpublish()
    readers = [AnonymousUser(), member, editor, superuser] + [
        user for level in AccessLevel for user in (communities[level]["insider"], communities[level]["facilitator"])
    ]
    choices = [
        {},
        {
            "communities": (
                communities[AccessLevel.OPEN]["community"].slug,
                communities[AccessLevel.PRIVATE]["community"].slug,
            )
        },
        {"types": ("post",)},
        {"types": ("guidance", "event")},
        {"topics": (topic.slug,)},
        {"audiences": (audience.slug,), "communities": (communities[AccessLevel.RESTRICTED]["community"].slug,)},
    ]

    for reader in readers:
        for filters in choices:
            keyed = marked(reader, **filters)
            # The same filters without the mark: the database checks every condition itself.
            found, expected = keyed.search("heatwave"), keyed.all().search("heatwave")

            assert set(titles(found)) == set(titles(expected)), (reader, filters)
            assert found.count() == expected.count() == len(titles(expected))
            assert found.count_up_to(2) == min(2, expected.count())
            for field in ("content_type_id", "community_id", "topics", "audiences"):
                # Facet values as the search page reads them: pages with none (no community) uncounted.
                assert {key: n for key, n in found.facet(field).items() if key} == {
                    key: n for key, n in expected.facet(field).items() if key
                }
            newest_first = keyed.order_by("-first_published_at", "-path").search("heatwave", order_by_relevance=False)
            assert titles(newest_first) == titles(
                keyed.all().order_by("-first_published_at", "-path").search("heatwave", order_by_relevance=False)
            )
            assert newest_first.count() == expected.count()
    assert {"Heatwave open public plan", "Heatwave guidance"} <= set(titles(marked(AnonymousUser()).search("heatwave")))


@pytest.fixture
def keyed_pages(blogs, communities, django_capture_on_commit_callbacks):
    """Posts of each security level (the public one with a topic and an audience) and a draft: {pk: keys expected}."""
    topic, audience = TopicFactory(name="Winter"), AudienceRoleFactory(name="Highways officer")
    with django_capture_on_commit_callbacks(execute=True):
        pages = {
            security: post(blogs[AccessLevel.OPEN], f"Gritting {security}", security_level=security)
            for security in SecurityLevel
        }
        pages[SecurityLevel.PUBLIC].topics.add(topic)
        pages[SecurityLevel.PUBLIC].audiences.add(audience)
        pages[SecurityLevel.PUBLIC].save_revision().publish()
        pages["draft"] = post(blogs[AccessLevel.OPEN], "Gritting draft")
        pages["draft"].unpublish()
    community = communities[AccessLevel.OPEN]["community"]
    described = {"live", f"type {pages['draft'].content_type_id}", f"community {community.pk}"}
    groups = {f"group {pk}" for pk in [community.members_group_id, *staff_groups().values_list("pk", flat=True)]}
    return {
        str(pages[SecurityLevel.PUBLIC].pk): described | {"public", f"topic {topic.pk}", f"audience {audience.pk}"},
        str(pages[SecurityLevel.MEMBERS].pk): described | {"members"},
        str(pages[SecurityLevel.COMMUNITY].pk): described | groups,
        str(pages["draft"].pk): set(),
    }


KEY_LEXEMES = "SELECT lexeme FROM unnest(title) WHERE lexeme LIKE 'key %%'"


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="Our PostgreSQL index holds index keys")
def test_postgres_entries_carry_index_keys_of_weight_d_and_the_upgrades_write_the_same(keyed_pages):

    def keys():
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT object_id, array({KEY_LEXEMES}) FROM wagtailsearch_indexentry")  # noqa: S608
            return {object_id: set(lexemes) for object_id, lexemes in cursor.fetchall()}

    def vectors():
        with connection.cursor() as cursor:
            cursor.execute("SELECT object_id, title::text FROM wagtailsearch_indexentry")
            return dict(cursor.fetchall())

    written, written_vectors = keys(), vectors()
    # The keys alone have weight D, which ts_stat counts facets by.
    with connection.cursor() as cursor:
        cursor.execute("SELECT word FROM ts_stat('SELECT title FROM wagtailsearch_indexentry', 'd')")
        assert {word for (word,) in cursor.fetchall()} == set().union(*written.values())
    for object_id, expected in keyed_pages.items():
        assert written[object_id] == {f"key {key}" for key in expected}

    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE wagtailsearch_indexentry SET title = ts_delete(title, array({KEY_LEXEMES}))")  # noqa: S608
    assert not any(keys().values())
    with connection.schema_editor() as schema_editor:
        index_keys_migration.add_keys(django_apps, schema_editor)
        assert keys() == written
        weighted_keys_migration.place_keys(weighted_keys_migration.WITH_POSITIONS)(django_apps, schema_editor)
    assert vectors() == written_vectors


@pytest.mark.django_db
def test_a_page_closed_without_the_index_knowing_is_never_shown(blog):
    closed = post(blog, "Bin collection changes")
    # Access changed behind the index's back (as if its update had not run yet).
    PracticePage.objects.filter(pk=closed.pk).update(visibility=Visibility.HIDDEN)

    results = marked(AnonymousUser()).search("bin")

    assert titles(results) == []
    assert search_results.search("bin", AnonymousUser()).hits == []


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner and FTS5")
def test_sqlite_looks_each_candidate_up_instead_of_filtering_every_entry_first(blog, member):
    for number in range(30):
        post(blog, f"Gritting route {number}", security_level=SecurityLevel.MEMBERS if number % 3 else "public")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # With statistics, a join to the entries let SQLite filter all of them first.

    with CaptureQueriesContext(connection) as queries:
        found = titles(marked(member).search("gritting")[:5])

    assert len(found) == 5
    ranked = [query["sql"] for query in queries.captured_queries if "MATERIALIZED" in query["sql"]]
    assert ranked
    with connection.cursor() as cursor:
        for sql in ranked:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            plan = " / ".join(row[-1] for row in cursor.fetchall())
            assert "BLOOM FILTER" not in plan, plan


class MigrationEditor:
    """What a migration asks of a schema editor (SQLite opens none inside a test's transaction)."""

    def __init__(self):
        self.connection = connection

    def execute(self, sql, params=()):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's titles table")
def test_sqlite_titles_table_is_rebuilt_from_the_documents_by_its_migration(blog):
    post(blog, "Gritting routes this winter", summary="Which roads we grit first.")
    post(blog, "Winter newsletter", summary="Gritting, bins and the library van.")
    before = titles(search("gritting"))

    titles_migration = importlib.import_module("search.migrations.0007_sqlite_title_documents")
    titles_migration.backward(django_apps, MigrationEditor())
    titles_migration.forward(django_apps, MigrationEditor())

    assert before == ["Gritting routes this winter", "Winter newsletter"]
    assert titles(search("gritting")) == before
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_title_fts WHERE search_title_fts MATCH 'gritting'")
        assert cursor.fetchone()[0] == 2


@pytest.mark.django_db
def test_a_filter_that_the_best_matches_fail_still_finds_the_ones_further_down(blogs, communities):
    # Twenty title matches outside the community rank above five body matches in it.
    for number in range(20):
        post(blogs[AccessLevel.OPEN], f"Gritting note {number}")
    inside = [
        post(blogs[AccessLevel.RESTRICTED], f"Depot rota {number}", body=f"Gritting crews, week {number}.")
        for number in range(5)
    ]
    queryset = PracticePage.objects.live().filter(community=communities[AccessLevel.RESTRICTED]["community"])

    found = titles(queryset.search("gritting")[:3])

    assert len(found) == 3
    assert set(found) <= {page.title for page in inside}
    assert queryset.search("gritting").count() == 5


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's documents table")
def test_sqlite_documents_hold_index_keys_and_their_migration_writes_the_same(keyed_pages):

    def keys():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT entry.object_id, fts.keys FROM search_document_fts AS fts "
                "JOIN wagtailsearch_indexentry AS entry ON entry.id = fts.rowid"
            )
            return {object_id: set(keys.split()) for object_id, keys in cursor.fetchall()}

    def key_rows():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT entry.object_id, held.key FROM search_entry_key AS held "
                "JOIN wagtailsearch_indexentry AS entry ON entry.id = held.entry_id"
            )
            return sorted(cursor.fetchall())

    from search.backends.sqlite.fts import key_token  # Its module reads SQLite's own models.

    written, written_rows = keys(), key_rows()
    # The same keys, as tokens for FTS5, and those facets are counted from as rows.
    assert {object_id for object_id, keys in written.items() if keys} == {object_id for object_id, _key in written_rows}
    for object_id, key in written_rows:
        assert key_token(key) in written[object_id]
    assert {key.split()[0] for _object_id, key in written_rows} == {"type", "community", "topic", "audience"}
    for object_id, expected in keyed_pages.items():
        assert written[object_id] == {key_token(key) for key in expected}

    keys_migration = importlib.import_module("search.migrations.0008_sqlite_document_keys")
    keys_migration.backward(django_apps, MigrationEditor())
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM pragma_table_info('search_document_fts')")
        assert [name for (name,) in cursor.fetchall()] == ["title", "summary", "body"]
        cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'search_entry_key'")
        assert cursor.fetchone()[0] == 0
    keys_migration.forward(django_apps, MigrationEditor())

    assert (keys(), key_rows()) == (written, written_rows)
    assert marked(AnonymousUser()).search("gritting").count() == 1
    assert titles(search("gritting")) == ["Gritting public"]


@pytest.mark.django_db
def test_a_marked_search_is_counted_in_the_index_alone(blogs, member):
    for number in range(3):
        post(blogs[AccessLevel.OPEN], f"Pothole report {number}")
    keyed = marked(member)

    with CaptureQueriesContext(connection) as queries:
        assert keyed.search("pothole").count() == 3
        assert keyed.search("pothole").count_up_to(2) == 2

    # Without the keys, each match is checked against the pages' access and state.
    assert queries.captured_queries
    assert not [query["sql"] for query in queries.captured_queries if "practice_practicepage" in query["sql"]]
    assert keyed.all().search("pothole").count() == 3


@pytest.mark.django_db
def test_index_keys_follow_a_restriction_added_after_publishing(
    blogs, communities, member, django_capture_on_commit_callbacks
):
    blog = blogs[AccessLevel.OPEN]
    with django_capture_on_commit_callbacks(execute=True):
        post(blog, "Salt barn stock take")
    assert marked(AnonymousUser()).search("salt").count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=blog, restriction_type=PageViewRestriction.LOGIN)

    anonymous = marked(AnonymousUser()).search("salt")
    assert (anonymous.count(), titles(anonymous), dict(anonymous.facet("community_id"))) == (0, [], {})
    assert marked(member).search("salt").count() == 1


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN index")
def test_postgres_looks_words_access_and_filters_up_together_in_a_limited_count(blogs, communities):
    for number in range(3):
        post(blogs[AccessLevel.OPEN], "Weekly update", body=f"Pothole repairs, week {number}.")
    post(blogs[AccessLevel.OPEN], "Members' update", body="Pothole repairs.", security_level=SecurityLevel.MEMBERS)
    community = communities[AccessLevel.OPEN]["community"]

    with CaptureQueriesContext(connection) as queries:
        assert marked(AnonymousUser(), communities=(community.slug,)).search("pothole").count_up_to(10) == 3

    count = queries.captured_queries[-1]["sql"]
    assert "search_document(" in count and "ts_match_vq(" not in count
    keyed = count.split("search_with_keys(")[1]
    assert "key public" in keyed and f"key community {community.pk}" in keyed


@pytest.mark.django_db
def test_a_ranking_that_saw_every_match_answers_the_count_asked_after_it(blog):
    for number in range(3):
        post(blog, f"Weekly update {number}", body="Pothole repairs this week.")
    post(blog, "Depot news", body="Pothole patrols.")
    post(blog, "Members' update", body="Pothole repairs.", security_level=SecurityLevel.MEMBERS)
    anonymous = marked(AnonymousUser())

    everything = anonymous.search("pothole")
    assert len(everything.ranked_keys(10, enough=10)) == 4
    with CaptureQueriesContext(connection) as queries:
        assert (everything.count_up_to(100), everything.count_up_to(2)) == (4, 2)
    assert queries.captured_queries == []

    # A ranking cut short, by its length or by `enough`, leaves the count to the database.
    for stop, enough in [(2, None), (10, 2)]:
        some = anonymous.search("pothole")
        some.ranked_keys(stop, enough=enough)
        with CaptureQueriesContext(connection) as queries:
            assert some.count_up_to(100) == 4
        assert queries.captured_queries
    # So does a query matching by a word's absence: a title without it can be a document with it.
    without = anonymous.search(And([PlainText("pothole"), Not(PlainText("repairs"))]))
    without.ranked_keys(10, enough=10)
    with CaptureQueriesContext(connection) as queries:
        assert without.count_up_to(100) == 1
    assert queries.captured_queries


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's tier statement")
def test_postgres_counts_the_title_tier_while_ranking_it_so_a_common_word_needs_no_count(blog):
    for number in range(5):
        post(blog, f"Pothole update {number}")
    post(blog, "Depot news", body="Pothole patrols.")
    anonymous = marked(AnonymousUser())

    results = anonymous.search("pothole")
    assert len(results.ranked_keys(2, enough=2)) == 2

    # Five title matches were ranked: a count to three needs no query, a count to a hundred does.
    with CaptureQueriesContext(connection) as queries:
        assert results.count_up_to(3) == 3
    assert queries.captured_queries == []
    assert results.count_up_to(100) == 6


def bitmap_plan(sql, params):
    """Return PostgreSQL's plan for a query read through bitmap scans only (on a test's few rows it might read a
    btree index or the table instead), to show which GIN index it can use."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row for (row,) in cursor.fetchall())


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN index in parts")
def test_postgres_counts_to_a_limit_part_by_part_of_the_document_index(blogs):
    for number in range(20):
        post(blogs[AccessLevel.OPEN], f"Weekly update {number}", body="Pothole repairs this week.")
    post(blogs[AccessLevel.OPEN], "Members' update", body="Pothole repairs.", security_level=SecurityLevel.MEMBERS)
    anonymous = marked(AnonymousUser())

    with CaptureQueriesContext(connection) as queries:
        counts = [anonymous.search("pothole").count_up_to(limit) for limit in (1, 5, 20, 21, 100)]

    assert counts == [1, 5, 20, 20, 20]
    assert anonymous.search("pothole").count() == 20
    # The first part is asked alone (its two or three posts reach a limit of one), the other parts
    # together when it falls short.
    statements = [query["sql"] for query in queries.captured_queries if "count(*)" in query["sql"]]
    assert [statement.count("UNION ALL") for statement in statements] == [0] + [0, DOCUMENT_PARTS - 2] * 4
    assert f"mod(id, {DOCUMENT_PARTS}) = 0" in statements[0]
    # Each part's condition is the predicate of its index (migration search 0010), so the planner can use it.
    sql, params = (
        IndexEntry.objects.alias(document=document()).filter(document="pothole").values("id").query.sql_with_params()
    )
    for part in range(DOCUMENT_PARTS):
        assert f"search_indexentry_document_part_{part} " in bitmap_plan(in_part(sql, part), params)


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's index of title words")
def test_postgres_ranks_title_matches_first_through_the_title_words_index_with_the_readers_keys(blog):
    in_title = post(blog, "Gritting routes", summary="Winter work.")
    post(blog, "Winter work", summary="Gritting routes for the depot.")
    post(blog, "Members' gritting", security_level=SecurityLevel.MEMBERS)
    anonymous = marked(AnonymousUser())

    with CaptureQueriesContext(connection) as queries:
        first = anonymous.search("gritting").ranked_keys(10, enough=1)

    # The title tier gave enough: the summary and the rest of the document were not read.
    assert first == [in_title.pk]
    (ranking_query,) = [query["sql"] for query in queries.captured_queries if "ts_rank(" in query["sql"]]
    assert "search_title_words(" in ranking_query and "key public" in ranking_query
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF) {ranking_query}")
        plan = [row for (row,) in cursor.fetchall()]
    # One node reads the entries for each tier (however the planner reads them: a bitmap, an index, the table).
    tier_scans = [row for row in plan if re.search(r"Scan .*\bon wagtailsearch_indexentry\b", row)]
    assert len(tier_scans) == 3 and ["never executed" in row for row in tier_scans] == [False, True, True]
    assert len(anonymous.search("gritting").ranked_keys(10)) == 2
    # Title words keep the keys (weight D) and leave the summary's words (weight B) out...
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_title_words(title)::text FROM wagtailsearch_indexentry WHERE object_id = %s",
            [str(in_title.pk)],
        )
        (words,) = cursor.fetchone()
    assert "'grit'" in words and "'rout'" in words and "'key public'" in words and "'winter'" not in words
    # ...and are matched on the expression migration search 0012 indexes.
    title_words = "SELECT id FROM wagtailsearch_indexentry WHERE search_title_words(title) @@ %s::tsquery"
    assert "search_indexentry_title_words_gin" in bitmap_plan(title_words, ["'grit' & 'key public'"])


PHRASE_TEXTS = [
    ("Social media surgery", "Bring your questions about social media."),
    ("Media for social care", "Care homes and the media. Social workers too."),
    ("The council is good at listening", "Residents say the council listens."),
    ("Council, good news", "Our council has good news about e-mail newsletters."),
    ("Good council", "Listening council: good at it, social by default."),
    ("E-mail newsletters", "Council e-mail newsletters, week by week, media by media."),
]


def phrase_sql(phrase):
    return f"phraseto_tsquery('english', '{phrase}')"


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's index of word pairs")
@pytest.mark.parametrize(
    ("query", "tsquery", "by_pairs"),
    [
        *[
            (Phrase(phrase), phrase_sql(phrase), by_pairs)
            for phrase, by_pairs in [
                ("social media", True),
                ("media social", True),
                ("e-mail newsletters", True),
                # One word, or words either side of a stop word, make no pair.
                ("council is good", False),
                ("week by week", False),
                ("the council", False),
                ("media", False),
            ]
        ],
        (
            Or([Phrase("social media"), Phrase("e-mail newsletters")]),
            f"{phrase_sql('social media')} || {phrase_sql('e-mail newsletters')}",
            True,
        ),
        (
            And([Phrase("social media"), PlainText("surgery")]),
            f"{phrase_sql('social media')} && plainto_tsquery('english', 'surgery')",
            True,
        ),
        (Or([Phrase("social media"), PlainText("care")]), f"{phrase_sql('social media')} || 'care'", False),
    ],
)
def test_postgres_finds_a_phrase_by_its_word_pairs_exactly_as_by_its_positions(blog, query, tsquery, by_pairs):
    for title, body in PHRASE_TEXTS:
        post(blog, title, body=body)
    with connection.cursor() as cursor:
        cursor.execute(
            # The test's own constants.
            "SELECT title FROM wagtailcore_page WHERE id::text IN (SELECT object_id FROM wagtailsearch_indexentry "  # noqa: S608
            f"WHERE search_document(title, body) @@ ({tsquery}))"
        )
        expected = {title for (title,) in cursor.fetchall()}
    anonymous = marked(AnonymousUser())

    with CaptureQueriesContext(connection) as queries:
        found = set(titles(anonymous.search(query)))
        counted = anonymous.search(query).count_up_to(100)

    assert expected and (found, counted) == (expected, len(expected))
    assert any("search_pairs(" in query["sql"] for query in queries.captured_queries) == by_pairs
    # The pairs are matched on the expression migration search 0011 indexes.
    pairs = IndexEntry.objects.alias(pairs=document_pairs()).filter(pairs=BuiltQuery(tsquery_of("'pair social media'")))
    assert "search_indexentry_pairs_gin" in bitmap_plan(*pairs.values("id").query.sql_with_params())


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's index of word pairs")
def test_postgres_word_pairs_are_neighbouring_lexemes_and_index_keys_make_none():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_pairs(%s::tsvector || to_tsvector('english', 'Social media for council teams'))::text",
            ["'key public':1 'key community 4':1"],
        )
        assert cursor.fetchone()[0] == "'pair council team' 'pair social media'"
    assert phrase_pairs(connection.alias, "english", "the social media of a council") == ("pair social media",)
    assert phrase_pairs(connection.alias, "english", "councils") == ()


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's indexes")
def test_postgres_parts_pairs_and_title_words_migrations_undo_and_redo_their_indexes(blog):
    for title, body in PHRASE_TEXTS:
        post(blog, title, body=body)
    anonymous = marked(AnonymousUser())

    def answers():
        return (
            set(titles(anonymous.search(Phrase("social media")))),
            anonymous.search("council").count_up_to(3),
            anonymous.search("council").ranked_keys(10),
        )

    def indexes():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'search_indexentry_document_part_%' "
                "OR indexname IN ('search_indexentry_pairs_gin', 'search_indexentry_title_words_gin') "
                "ORDER BY indexname"
            )
            return [name for (name,) in cursor.fetchall()]

    before, made = answers(), indexes()
    assert made == [
        *(f"search_indexentry_document_part_{part}" for part in range(DOCUMENT_PARTS)),
        "search_indexentry_pairs_gin",
        "search_indexentry_title_words_gin",
    ]

    # CREATE INDEX refuses a table with deferred checks pending, as a test's new rows have.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    title_words_migration.backward(django_apps, MigrationEditor())
    pairs_migration.backward(django_apps, MigrationEditor())
    parts_migration.drop(django_apps, MigrationEditor())
    assert indexes() == []
    parts_migration.create(django_apps, MigrationEditor())
    pairs_migration.forward(django_apps, MigrationEditor())
    title_words_migration.forward(django_apps, MigrationEditor())

    assert (answers(), indexes()) == (before, made)


@pytest.mark.django_db
def test_a_search_with_filters_chosen_is_ranked_in_the_index_alone(blogs, communities, member):
    blog = blogs[AccessLevel.OPEN]
    in_body = post(blog, "Depot rota", body="Gritting crews this week.")
    in_title = post(blog, "Gritting routes")
    post(blog, "Gritting for members", security_level=SecurityLevel.MEMBERS)
    post(blogs[AccessLevel.RESTRICTED], "Gritting in the other community")
    community = communities[AccessLevel.OPEN]["community"]

    keyed = marked(AnonymousUser(), communities=(community.slug,))
    with CaptureQueriesContext(connection) as queries:
        ranked = keyed.search("gritting").ranked_keys(10)

    assert ranked == [in_title.pk, in_body.pk]
    assert not [query["sql"] for query in queries.captured_queries if "practice_practicepage" in query["sql"]]
    assert len(marked(member, communities=(community.slug,)).search("gritting").ranked_keys(10)) == 3
