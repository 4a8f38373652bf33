"""PostgreSQL: the index entries of aggregated entries (ExternalItem) carry their index keys.

An entry readers may open (all but those an editor retired) carries `external` and its source's
key (search.index_keys.item_keys), with a position and weight D like a page's keys (migration
search 0005), so that a search for aggregated entries is matched inside the index and its sources
counted from the keys. Entries written from now on carry them (search.backends.postgres); this
adds them to those written before, by the same rules. On SQLite migration search 0008 wrote them;
on other databases this does nothing.
"""

from django.db import migrations

from ._sql import run_sql

ADD_KEYS = """
UPDATE {entries} AS entry
SET title = entry.title || ('''key external'':1 ''key source ' || item.source_id || ''':1')::tsvector
FROM practice_externalitem AS item
WHERE entry.object_id = item.id::text AND NOT item.retired
AND entry.content_type_id IN (
    SELECT id FROM django_content_type WHERE app_label = 'practice' AND model = 'externalitem'
)
"""
REMOVE_KEYS = """
UPDATE {entries}
SET title = ts_delete(title, ARRAY(SELECT lexeme FROM unnest(title) WHERE lexeme LIKE %s))
WHERE content_type_id IN (SELECT id FROM django_content_type WHERE app_label = 'practice' AND model = 'externalitem')
"""


add_keys = run_sql({"postgresql": [ADD_KEYS]})
remove_keys = run_sql({"postgresql": [REMOVE_KEYS]}, ["key %"])


class Migration(migrations.Migration):
    dependencies = [("search", "0008_sqlite_document_keys"), ("practice", "0013_image_files_indexed")]

    operations = [migrations.RunPython(add_keys, remove_keys)]
