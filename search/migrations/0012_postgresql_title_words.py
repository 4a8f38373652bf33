"""PostgreSQL: an index of the words of each entry's title alone, so that title matches come first and cheaply.

An entry's title vector holds its title's words (weight A), its summary's (B) and its index keys
(D). A word most entries hold is in 13,000 title vectors at 100,000 entries, and ranking them read
every one: 16 ms. Most of those hold it in the summary only; 2,900 in the title itself. Here the
title vector is indexed without its summary, `search_title_words(title)` (words and keys, so that
a reader's access is looked up with the words), and a search ranks those matches first, then the
title and summary, then the whole document (search.backends.postgres, `_ranked`), the tiers
SQLite's backend ranks in. On other databases this does nothing.
"""

from django.db import migrations

from ._sql import run_sql

TITLE_WORDS = """
CREATE OR REPLACE FUNCTION search_title_words(title tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ts_filter(title, '{{a,d}}') $$
"""
INDEX = "CREATE INDEX search_indexentry_title_words_gin ON {entries} USING gin (search_title_words(title))"
UNDO = ["DROP INDEX IF EXISTS search_indexentry_title_words_gin", "DROP FUNCTION IF EXISTS search_title_words(tsvector)"]


forward = run_sql({"postgresql": [TITLE_WORDS, INDEX]})
backward = run_sql({"postgresql": UNDO})


class Migration(migrations.Migration):
    dependencies = [("search", "0011_postgresql_word_pairs")]

    operations = [migrations.RunPython(forward, backward)]
