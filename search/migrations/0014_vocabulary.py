"""The words the index holds, as typed, for correcting misspelt searches (search.spelling).

SQLite: an fts5vocab table over Wagtail's own FTS5 table, whose tokenizer does not stem, so its
terms are words as written; FTS5 keeps it current as entries change. PostgreSQL: a table of words,
added to as entries are written (search.backends.postgres.index) and emptied when the index is
rebuilt; a word whose last page is gone stays until then. Neither is ever shown as it is: a
correction is offered only if the reader's own search for it finds something they may open.
"""

from django.db import migrations

from ._sql import run_sql

forward = run_sql(
    {
        "sqlite": ["CREATE VIRTUAL TABLE search_vocabulary USING fts5vocab(wagtailsearch_indexentry_fts, 'row')"],
        "postgresql": ["CREATE TABLE search_word (word text PRIMARY KEY COLLATE \"C\")"],
    }
)
backward = run_sql(
    {
        "sqlite": ["DROP TABLE IF EXISTS search_vocabulary"],
        "postgresql": ["DROP TABLE IF EXISTS search_word"],
    }
)


class Migration(migrations.Migration):
    dependencies = [("search", "0013_thesaurus")]

    operations = [migrations.RunPython(forward, backward)]
