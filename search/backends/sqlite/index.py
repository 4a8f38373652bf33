"""Writing SQLite index entries: Wagtail's entry, our FTS5 rows with the text split by role, index keys, features."""

from django.db import transaction
from django.utils.functional import cached_property

from modelsearch.backends.database.sqlite.sqlite import ObjectIndexer, SQLiteIndex
from modelsearch.index import AutocompleteField
from modelsearch.utils import get_content_type_pk

from search import index_keys
from search.backends.ranked import IndexEntry, RankingFeaturesIndexMixin
from search.backends.roles import BODY, SUMMARY, TITLE, PreparedFieldsMixin, role_texts
from search.backends.sqlite.fts import DOCUMENTS, ENTRY_KEYS, TITLES, facet_keys, key_tokens


class DocumentIndexer(PreparedFieldsMixin, ObjectIndexer):
    """Wagtail's indexer, reading each field once and also splitting the text by ranking role."""

    @cached_property
    def roles(self):
        return {role: " ".join(texts) for role, texts in role_texts(self.prepared).items()}

    @cached_property
    def title(self):
        return self.roles[TITLE]

    @cached_property
    def body(self):
        return " ".join(text for text in (self.roles[SUMMARY], self.roles[BODY]) if text)

    @cached_property
    def autocomplete(self):
        return " ".join(value for _declared, field, value in self.prepared if isinstance(field, AutocompleteField))


class SQLiteDocumentIndex(RankingFeaturesIndexMixin, SQLiteIndex):
    """Wagtail's index entries, plus a row per entry in our FTS5 table and its ranking features, in one transaction."""

    indexer_class = DocumentIndexer

    def add_items(self, model, objs):
        indexers = self.indexers(model, objs)
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        by_id = {indexer.id: indexer for indexer in indexers}
        alias = self.write_connection.alias
        with transaction.atomic(using=alias):
            existing = {
                entry.object_id: entry
                for entry in self.entries.filter(content_type_id=content_type_pk, object_id__in=list(by_id))
            }
            for object_id, entry in existing.items():
                indexer = by_id[object_id]
                entry.title, entry.body, entry.autocomplete = indexer.title, indexer.body, indexer.autocomplete
            IndexEntry._default_manager.using(alias).bulk_update(
                existing.values(), ["title", "body", "autocomplete"], batch_size=500
            )
            created = IndexEntry._default_manager.using(alias).bulk_create(
                [
                    IndexEntry(
                        content_type_id=content_type_pk,
                        object_id=object_id,
                        title=indexer.title,
                        body=indexer.body,
                        autocomplete=indexer.autocomplete,
                    )
                    for object_id, indexer in by_id.items()
                    if object_id not in existing
                ],
                batch_size=500,
            )
            entries = [*existing.values(), *created]
            held = {str(pk): keys for pk, keys in index_keys.entry_keys(model, objs).items()}
            with self.write_connection.cursor() as cursor:
                cursor.executemany(f"DELETE FROM {ENTRY_KEYS} WHERE entry_id = %s", [(entry.pk,) for entry in entries])  # noqa: S608  # nosec
                cursor.executemany(
                    f"INSERT INTO {ENTRY_KEYS} (entry_id, key) VALUES (%s, %s)",  # noqa: S608  # nosec
                    [(entry.pk, key) for entry in entries for key in facet_keys(model, held.get(entry.object_id, []))],
                )
                for table in (DOCUMENTS, TITLES):
                    rows = [
                        (
                            entry.pk,
                            *(by_id[entry.object_id].roles[column] for column in table.columns),
                            *([key_tokens(held.get(entry.object_id, []))] if table.keys else []),
                        )
                        for entry in entries
                    ]
                    cursor.executemany(f"DELETE FROM {table.name} WHERE rowid = %s", [(row[0],) for row in rows])  # noqa: S608  # nosec
                    cursor.executemany(
                        f"INSERT INTO {table.name} (rowid, {', '.join(table.all_columns)}) "  # noqa: S608  # nosec
                        f"VALUES (%s, {', '.join(['%s'] * len(table.all_columns))})",
                        rows,
                    )
            self.write_features(model, objs, content_type_pk)

    def _refresh_title_norms(self, full=False):
        """Do nothing: bm25 normalises for length itself, and rewriting every entry is slow."""
