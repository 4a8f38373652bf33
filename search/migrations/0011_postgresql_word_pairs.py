"""PostgreSQL: an index of the word pairs in each entry's document, so that a phrase is found without reading bodies.

A GIN index of a document's words says which entries hold a phrase's words, not whether they are
next to each other: that is checked on each entry's positions, read out of line. At 100,000
entries, "housing budget" has both words in 15,000 entries and as a phrase in 81; counting it
took 150 ms and its first ten 70. Each pair of words one after the other (at positions p and
p + 1) is a lexeme here, "pair housing budget" (stemmed, as in the document; no word a reader
types holds a space), so an entry holding a phrase holds each of its neighbouring pairs, and the
pairs' index finds the few entries a phrase's positions are then checked on
(search.backends.postgres, `pairs_query`). On other databases this does nothing.
"""

from django.db import migrations

from ._sql import run_sql

# Index keys (lexemes "key ...", held with weight D in the title vector) make no pairs.
PAIRS = """
CREATE OR REPLACE FUNCTION search_pairs(document tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    WITH placed AS (
        SELECT lexeme, unnest(positions) AS position FROM unnest(document) WHERE lexeme NOT LIKE '%% %%'
    )
    SELECT coalesce(array_to_tsvector(array_agg(DISTINCT 'pair ' || here.lexeme || ' ' || next.lexeme)), '')
    FROM placed AS here JOIN placed AS next ON next.position = here.position + 1
$$
"""
INDEX = "CREATE INDEX search_indexentry_pairs_gin ON {entries} USING gin (search_pairs(search_document(title, body)))"
UNDO = ["DROP INDEX IF EXISTS search_indexentry_pairs_gin", "DROP FUNCTION IF EXISTS search_pairs(tsvector)"]


forward = run_sql({"postgresql": [PAIRS, INDEX]})
backward = run_sql({"postgresql": UNDO})


class Migration(migrations.Migration):
    dependencies = [("search", "0010_postgresql_document_parts")]

    operations = [migrations.RunPython(forward, backward)]
