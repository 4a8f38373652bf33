"""SQLite: each entry's index keys beside its words, as PostgreSQL's entries hold them (migration search 0004).

The keys (search.index_keys: who may read a practice page, its type, community, topics and
audiences; an aggregated entry's source) are kept twice: as tokens in a last column of
`search_document_fts`, so that a search marked with the reader's access and filters
(search.backends.IndexKeys) is matched and counted by FTS5 alone; and those its facets are
counted from (type, community, topic, audience, source) as rows of `search_entry_key`. FTS5 cannot
add a column to a table, so the documents table is made again with the same rows. The keys are
read through the live models, as the indexer reads them, so that both write the same. On other
databases this migration does nothing.
"""

from django.db import migrations

TOKENIZE = "tokenize = 'porter unicode61 remove_diacritics 2'"
# The keys as tokens, while the documents table is made again.
KEY_TOKENS = "search_entry_key_tokens"
BATCH = 2000

ENTRY_KEYS = [
    "CREATE TABLE search_entry_key (entry_id INTEGER NOT NULL, key TEXT NOT NULL, PRIMARY KEY (entry_id, key)) "
    "WITHOUT ROWID",
    "CREATE TRIGGER search_entry_key_delete AFTER DELETE ON {entries} "
    "BEGIN DELETE FROM search_entry_key WHERE entry_id = OLD.id; END",
]
NO_ENTRY_KEYS = ["DROP TRIGGER IF EXISTS search_entry_key_delete", "DROP TABLE IF EXISTS search_entry_key"]


def remake_documents(with_keys):
    """Make search_document_fts again, with or without the keys column, copying every row's words.

    With keys, each row takes its entry's tokens from the KEY_TOKENS table (none for other entries).
    """
    columns = "title, summary, body, keys" if with_keys else "title, summary, body"
    # Statements made of this module's constants only.
    keys = f", coalesce((SELECT keys FROM temp.{KEY_TOKENS} WHERE id = old.rowid), '')" if with_keys else ""  # nosec
    return [
        "DROP TRIGGER IF EXISTS search_document_fts_delete",
        "ALTER TABLE search_document_fts RENAME TO search_document_fts_old",
        f"CREATE VIRTUAL TABLE search_document_fts USING fts5({columns}, {TOKENIZE})",
        f"INSERT INTO search_document_fts (rowid, {columns}) "  # nosec
        f"SELECT old.rowid, old.title, old.summary, old.body{keys} FROM search_document_fts_old AS old",
        "DROP TABLE search_document_fts_old",
        "CREATE TRIGGER search_document_fts_delete AFTER DELETE ON {entries} "
        "BEGIN DELETE FROM search_document_fts WHERE rowid = OLD.id; END",
    ]


def write_keys(apps, schema_editor):
    """Write each entry's keys, as the indexer writes them: rows of search_entry_key, and tokens."""
    from modelsearch.utils import get_descendants_content_types_pks

    from practice.models import ExternalItem, PracticePage
    from search.backends.sqlite.fts import facet_keys, key_tokens
    from search.index_keys import item_keys, page_keys

    entries = apps.get_model("wagtailsearch", "IndexEntry")._default_manager.using(schema_editor.connection.alias)
    schema_editor.execute(f"CREATE TEMP TABLE {KEY_TOKENS} (id INTEGER PRIMARY KEY, keys TEXT NOT NULL)")
    for model, keys_of in [(PracticePage, page_keys), (ExternalItem, item_keys)]:
        rows = list(
            entries.filter(content_type_id__in=get_descendants_content_types_pks(model)).values_list("id", "object_id")
        )
        with schema_editor.connection.cursor() as cursor:
            for start in range(0, len(rows), BATCH):
                batch = [(entry_id, int(object_id)) for entry_id, object_id in rows[start : start + BATCH]]
                held = keys_of([pk for _entry_id, pk in batch])
                cursor.executemany(
                    "INSERT INTO search_entry_key (entry_id, key) VALUES (%s, %s)",
                    [(entry_id, key) for entry_id, pk in batch for key in facet_keys(model, held.get(pk, []))],
                )
                cursor.executemany(
                    f"INSERT INTO temp.{KEY_TOKENS} (id, keys) VALUES (%s, %s)",  # noqa: S608  # nosec
                    [(entry_id, key_tokens(held.get(pk, []))) for entry_id, pk in batch],
                )


def run(statements, apps, schema_editor):
    entries = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    for statement in statements:
        schema_editor.execute(statement.format(entries=entries))


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        run(ENTRY_KEYS, apps, schema_editor)
        write_keys(apps, schema_editor)
        run([*remake_documents(with_keys=True), f"DROP TABLE temp.{KEY_TOKENS}"], apps, schema_editor)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        run([*remake_documents(with_keys=False), *NO_ENTRY_KEYS], apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("search", "0007_sqlite_title_documents")]

    operations = [migrations.RunPython(forward, backward)]
