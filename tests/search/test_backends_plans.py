"""The queries our database backends send are ones the database can answer from its indexes."""

import pytest

from django.contrib.auth.models import AnonymousUser
from django.db import connection

from practice.models import PracticePage
from practice.models.choices import AccessLevel
from tests.factories import BlogIndexPageFactory, BlogPostPageFactory


@pytest.fixture
def compiler(communities):
    blog = BlogIndexPageFactory(parent=communities[AccessLevel.OPEN]["community"])
    BlogPostPageFactory(parent=blog, title="Council flooding plan")
    results = PracticePage.objects.live().visible_to(AnonymousUser()).search("flooding")
    return results, results.query_compiler


def plan(sql, params, prefix):
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan")
def test_sqlite_ranks_inside_fts5_and_reads_entries_by_their_key_index(compiler):
    _results, query_compiler = compiler
    entries_sql, entries_params = query_compiler._sql(query_compiler.entries_in_queryset())
    sql = (
        f"SELECT e.object_id FROM search_document_fts JOIN ({entries_sql}) AS e ON e.id = search_document_fts.rowid "  # noqa: S608
        "WHERE search_document_fts MATCH %s"
    )

    steps = plan(sql, [*entries_params, query_compiler.match], "EXPLAIN QUERY PLAN ")

    assert "SCAN search_document_fts VIRTUAL TABLE INDEX" in steps
    assert "COVERING INDEX search_indexentry_key" in steps


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plan")
def test_postgres_matches_documents_through_the_document_index(compiler):
    results, query_compiler = compiler
    query_compiler.bind(results.backend)
    matching = query_compiler._matching(query_compiler.model_entries())
    sql, params = matching.values("object_id").query.sql_with_params()
    # The compiler matches on the indexed expression...
    assert "search_document(" in sql

    # ...and that expression is answered from the GIN index. (On a handful of rows, with the content
    # type also filtered, the planner may well prefer another index: ask about the text condition alone.)
    text_condition = (
        "SELECT id FROM wagtailsearch_indexentry WHERE search_document(title, body) @@ plainto_tsquery('english', %s)"
    )
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        try:
            steps = plan(text_condition, ["flooding"], "EXPLAIN ")
        finally:
            cursor.execute("RESET enable_seqscan")

    assert "search_indexentry_document_gin" in steps


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's storage")
def test_postgres_entries_keep_only_their_title_vector_in_the_row(compiler):
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = 'wagtailsearch_indexentry'")
        options = cursor.fetchone()[0]
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = 'wagtailsearch_indexentry'::regclass "
            "AND attname IN ('title', 'body', 'body_text')"
        )
        storage = dict(cursor.fetchall())
        cursor.execute("SELECT max(pg_column_size(e.*)) FROM wagtailsearch_indexentry AS e")
        widest_row = cursor.fetchone()[0]

    assert "toast_tuple_target=256" in options
    assert storage == {"title": "m", "body": "x", "body_text": "x"}
    # The entries written (a community, a post) are rows of a few hundred bytes, their text out of line.
    assert widest_row < 1000
