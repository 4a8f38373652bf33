"""PostgreSQL index entries of practice pages carry their index keys (see search.index_keys).

Entries written from now on carry them (search.backends.postgres.index.PostgresWeightedIndex); this adds
them to the entries already written, by the same rules, so that searches find what they found
before, and the function searches combine words and keys with. On other databases it does nothing.

It also keeps each entry's row small: a word most entries hold is ranked by reading the title
vector of every entry whose title or summary holds it, and with the body's text and vector in the
row (about 4 KB) that read one 8 KB page per entry. Rows over 256 bytes now keep only the title
vector in place and the rest out of line (100k entries: 471 MB of rows -> 47 MB; the common-word
title tier ranked in about 10 ms instead of 22). The keys' update rewrites every practice entry so.
"""

from django.db import migrations

from ._sql import run_sql

# search.index_keys.page_keys, in SQL, for every practice page's entry: nothing unless live; then
# its access keys (practice.access.entry_access_keys), its type, community, topics and audiences.
ADD_KEYS = """
UPDATE {entries} AS entry
SET title = entry.title || array_to_tsvector(page_keys.keys)
FROM (
    SELECT page.id,
        CASE WHEN NOT page.live THEN ARRAY[]::text[]
        ELSE ARRAY['key live', 'key type ' || page.content_type_id]
            || CASE practice.visibility
                WHEN 'public' THEN ARRAY['key public']
                WHEN 'members' THEN ARRAY['key members']
                WHEN 'groups' THEN ARRAY(
                    SELECT 'key group ' || viewer.group_id FROM practice_practicepage_view_groups AS viewer
                    WHERE viewer.practicepage_id = page.id
                )
                ELSE ARRAY[]::text[] END
            || CASE WHEN practice.community_id IS NULL THEN ARRAY[]::text[]
                ELSE ARRAY['key community ' || practice.community_id] END
            || ARRAY(
                SELECT 'key topic ' || topic.topic_id FROM practice_practicepage_topics AS topic
                WHERE topic.practicepage_id = page.id
            )
            || ARRAY(
                SELECT 'key audience ' || audience.audiencerole_id FROM practice_practicepage_audiences AS audience
                WHERE audience.practicepage_id = page.id
            )
        END AS keys
    FROM wagtailcore_page AS page JOIN practice_practicepage AS practice ON practice.page_ptr_id = page.id
) AS page_keys
WHERE entry.object_id = page_keys.id::text
AND entry.content_type_id IN (SELECT id FROM django_content_type WHERE app_label = 'practice')
"""


# Words and keys together; but words that give no lexeme at all (a search for `"`) match nothing,
# where `&&` would leave the keys alone to match every entry.
WITH_KEYS = (
    "CREATE OR REPLACE FUNCTION search_with_keys(words tsquery, keys tsquery) RETURNS tsquery "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE WHEN numnode(words) = 0 THEN words ELSE words && keys END $$"
)


SMALL_ROWS = [
    "ALTER TABLE {entries} SET (toast_tuple_target = 256)",
    "ALTER TABLE {entries} ALTER COLUMN title SET STORAGE MAIN",
]
USUAL_ROWS = [
    "ALTER TABLE {entries} RESET (toast_tuple_target)",
    "ALTER TABLE {entries} ALTER COLUMN title SET STORAGE EXTENDED",
]


add_keys = run_sql({"postgresql": [WITH_KEYS, ADD_KEYS]})


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_result_clicks_on_external_items"),
        ("practice", "0013_image_files_indexed"),
    ]

    operations = [
        migrations.RunPython(run_sql({"postgresql": SMALL_ROWS}), run_sql({"postgresql": USUAL_ROWS})),
        migrations.RunPython(
            add_keys, run_sql({"postgresql": ["DROP FUNCTION IF EXISTS search_with_keys(tsquery, tsquery)"]})
        ),
    ]
