"""SQLite: each entry's index keys in a last column of `search_document_fts`, as tokens.

A search marked with index keys (search.backends.ranked.IndexKeys: the reader's access and the
filters they chose) is then counted, and its facets' matches found, by FTS5 alone, as PostgreSQL
does with the keys in its entries (migration search 0004): no check of each match against the
page tables. FTS5 cannot add a column to a table, so the table is made again with the same rows
and each practice page's keys (practice.index_keys, read through the live models as the indexer
reads them, so that both write the same). On other databases this migration does nothing.
"""

from django.db import migrations

TOKENIZE = "tokenize = 'porter unicode61 remove_diacritics 2'"
ENTRY_KEYS = "search_entry_keys"
BATCH = 2000


def remake(with_keys):
    """Make search_document_fts again, with or without the keys column, copying every row's words.

    With keys, each row takes its entry's from the ENTRY_KEYS table (none for other entries).
    """
    columns = "title, summary, body, keys" if with_keys else "title, summary, body"
    # Statements made of this module's constants only.
    keys = f", coalesce((SELECT keys FROM temp.{ENTRY_KEYS} WHERE id = old.rowid), '')" if with_keys else ""  # nosec
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


def write_entry_keys(apps, schema_editor):
    """Hold each practice page entry's keys, as the indexer writes them, in a temporary table."""
    from modelsearch.utils import get_descendants_content_types_pks

    from practice.index_keys import keys_by_pk
    from practice.models import PracticePage
    from search.backends.sqlite import key_tokens

    entries = apps.get_model("wagtailsearch", "IndexEntry")._default_manager.using(schema_editor.connection.alias)
    rows = list(
        entries.filter(content_type_id__in=get_descendants_content_types_pks(PracticePage)).values_list(
            "id", "object_id"
        )
    )
    schema_editor.execute(f"CREATE TEMP TABLE {ENTRY_KEYS} (id INTEGER PRIMARY KEY, keys TEXT NOT NULL)")
    with schema_editor.connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            held = keys_by_pk([int(object_id) for _id, object_id in batch])
            cursor.executemany(
                f"INSERT INTO temp.{ENTRY_KEYS} (id, keys) VALUES (%s, %s)",  # noqa: S608  # nosec
                [(id_, key_tokens(held.get(int(object_id), []))) for id_, object_id in batch],
            )


def run(statements, apps, schema_editor):
    entries = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    for statement in statements:
        schema_editor.execute(statement.format(entries=entries))


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        write_entry_keys(apps, schema_editor)
        run([*remake(with_keys=True), f"DROP TABLE temp.{ENTRY_KEYS}"], apps, schema_editor)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        run(remake(with_keys=False), apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("search", "0007_sqlite_title_documents")]

    operations = [migrations.RunPython(forward, backward)]
