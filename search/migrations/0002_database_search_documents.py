"""Database search that ranks and answers fast: an FTS5 table on SQLite, a document index on PostgreSQL.

See search/backends/. On other databases this migration does nothing. After it, `manage.py
update_index` writes every document with its summary apart (until then SQLite ranks summaries as
body text).
"""

from django.db import migrations

from ._sql import run_sql

SQLITE_FORWARD = [
    # Porter stemming over Unicode words, accents folded: "councils" finds "council".
    "CREATE VIRTUAL TABLE search_document_fts USING fts5("
    "title, summary, body, tokenize = 'porter unicode61 remove_diacritics 2')",
    "INSERT INTO search_document_fts (rowid, title, summary, body) "
    "SELECT id, title, '', coalesce(body, '') FROM {entries}",
    # Entries are deleted by Wagtail (unpublishing, deleting, update_index's clean-up): follow them.
    # Small rows to find an entry's object by its FTS rowid, without reading its stored text.
    "CREATE INDEX search_indexentry_key ON {entries} (id, object_id, content_type_id)",
    "CREATE TRIGGER search_document_fts_delete AFTER DELETE ON {entries} "
    "BEGIN DELETE FROM search_document_fts WHERE rowid = OLD.id; END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_document_fts_delete",
    "DROP INDEX IF EXISTS search_indexentry_key",
    "DROP TABLE IF EXISTS search_document_fts",
]
# An entry's whole document, as a function the planner believes costly (and cannot inline): it
# then reads matches from the GIN index below instead of concatenating every row's vectors.
POSTGRES_FORWARD = [
    "CREATE FUNCTION search_document(title tsvector, body tsvector) RETURNS tsvector "
    "LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 1000 AS $$ BEGIN RETURN title || body; END $$",
    "CREATE INDEX search_indexentry_document_gin ON {entries} USING gin (search_document(title, body))",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_indexentry_document_gin",
    "DROP FUNCTION IF EXISTS search_document(tsvector, tsvector)",
]

class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_search_curation_and_logs"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunPython(
            run_sql({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run_sql({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
