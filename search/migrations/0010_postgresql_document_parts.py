"""PostgreSQL: the whole-document index again, in parts, so that a count up to a limit can stop early.

A GIN index finds every match of a query before the first row is read: counting "social media"
up to 1,001 at 100,000 entries intersected two lists of 43,000 entries (11 ms) to read 1,001 rows.
Each part here indexes the documents of one entry in DOCUMENT_PARTS (by `mod(id, parts)`), and a
count reads the parts one after another until the limit is reached, usually within the first
(search.backends.postgres, `match_count`): 13 -> 4 ms for two common words, about 0.5 ms more for
a rare word that every part is asked about. The whole index stays for ranking, which needs every
match. On other databases this does nothing.
"""

from django.db import migrations

from ._sql import run_sql

# search.backends.postgres.tsearch.DOCUMENT_PARTS, as it was when these indexes were made.
PARTS = 8


create = run_sql(
    {
        "postgresql": [
            f"CREATE INDEX search_indexentry_document_part_{part} ON {{entries}} "
            f"USING gin (search_document(title, body)) WHERE mod(id, {PARTS}) = {part}"
            for part in range(PARTS)
        ]
    }
)
drop = run_sql(
    {"postgresql": [f"DROP INDEX IF EXISTS search_indexentry_document_part_{part}" for part in range(PARTS)]}
)


class Migration(migrations.Migration):
    dependencies = [("search", "0009_postgresql_external_item_keys")]

    operations = [migrations.RunPython(create, drop)]
