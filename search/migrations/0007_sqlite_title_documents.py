"""SQLite: the titles and summaries of index entries in an FTS5 table of their own, `search_title_fts`.

A search's first tiers (matches in the title, then in title and summary) are matched and ranked
there, on short documents, instead of in `search_document_fts` (see search.backends.sqlite). It is
filled from the documents table, and follows deleted entries as that one does. On other databases
this migration does nothing.
"""

from django.db import migrations

from ._sql import run_sql

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE search_title_fts USING fts5("
    "title, summary, tokenize = 'porter unicode61 remove_diacritics 2')",
    "INSERT INTO search_title_fts (rowid, title, summary) SELECT rowid, title, summary FROM search_document_fts",
    "CREATE TRIGGER search_title_fts_delete AFTER DELETE ON {entries} "
    "BEGIN DELETE FROM search_title_fts WHERE rowid = OLD.id; END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_title_fts_delete",
    "DROP TABLE IF EXISTS search_title_fts",
]


forward = run_sql({"sqlite": SQLITE_FORWARD})
backward = run_sql({"sqlite": SQLITE_BACKWARD})


class Migration(migrations.Migration):
    dependencies = [("search", "0006_ranking_features")]

    operations = [migrations.RunPython(forward, backward)]
