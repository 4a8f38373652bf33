"""Writing PostgreSQL index entries: words weighted by role, index keys as lexemes, ranking features."""

from django.db import transaction
from django.db.models.sql.subqueries import InsertQuery
from django.utils.functional import cached_property

from modelsearch.backends.database.postgres.postgres import ObjectIndexer, PostgresIndex
from modelsearch.index import AutocompleteField
from modelsearch.utils import get_content_type_pk

from search import index_keys
from search.backends.postgres.tsearch import KEY_PREFIX, ROLE_WEIGHTS, escape_lexeme
from search.backends.ranked import IndexEntry, RankingFeaturesIndexMixin
from search.backends.roles import BODY, SUMMARY, TITLE, PreparedFieldsMixin, role_texts
from search.word_forms import words

# The words of every entry, as written (migration search 0014; search.spelling).
WORDS = "search_word"


class WeightedIndexer(PreparedFieldsMixin, ObjectIndexer):
    """Wagtail's indexer, reading each field once and weighting words by ranking role."""

    @cached_property
    def roles(self):
        return role_texts(self.prepared)

    @cached_property
    def title(self):
        """The title and summary (weights A and B): short, so matching and ranking on them is quick."""
        return self.as_vector([(text, ROLE_WEIGHTS[role]) for role in (TITLE, SUMMARY) for text in self.roles[role]])

    def key_lexemes(self, keys):
        """Return the object's index keys as a tsvector's text, to be held in the title vector beside its words.

        Each key has a position (after the words, as `||` places it) with weight D, which no title or
        summary word has, so that ts_stat can count the keys alone (see key_counts).
        """
        lexemes = (KEY_PREFIX + key for key in keys.get(self.obj.pk, []))
        return " ".join(f"'{escape_lexeme(lexeme)}':1" for lexeme in lexemes)

    @cached_property
    def body(self):
        return self.as_vector([(text, ROLE_WEIGHTS[BODY]) for text in self.roles[BODY]])

    @cached_property
    def autocomplete(self):
        texts = [(value, "D") for _declared, field, value in self.prepared if isinstance(field, AutocompleteField)]
        return self.as_vector(texts, for_autocomplete=True)

    @cached_property
    def title_text(self):
        return " ".join(self.roles[TITLE])

    @cached_property
    def body_text(self):
        return " ".join(self.roles[SUMMARY] + self.roles[BODY])


class PostgresWeightedIndex(RankingFeaturesIndexMixin, PostgresIndex):
    """Wagtail's index entries, words weighted by role, written in one upsert per batch, and their ranking features."""

    indexer_class = WeightedIndexer

    def add_items(self, model, objs):
        indexers = self.indexers(model, objs)
        if not indexers:
            return
        keys = index_keys.entry_keys(model, objs)
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(IndexEntry._meta.get_field(name), getattr(indexer, name))
                sql, vector_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(vector_params)
                if name == "title":
                    vectors[-1] += " || %s::tsvector"
                    params.append(indexer.key_lexemes(keys))
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        with transaction.atomic(using=self.write_connection.alias), self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {IndexEntry._meta.db_table} "  # noqa: S608  # nosec
                "(content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text) "
                f"VALUES {', '.join(rows)} "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title, "
                "autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, "
                "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                params,
            )
            cursor.execute(
                f"INSERT INTO {WORDS} (word) SELECT unnest(%s::text[]) ON CONFLICT DO NOTHING",  # noqa: S608  # nosec
                [sorted(set().union(*(words(indexer.title_text + " " + indexer.body_text) for indexer in indexers)))],
            )
            self.write_features(model, objs, content_type_pk)

    def reset(self):
        super().reset()
        with self.write_connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {WORDS}")

    def _refresh_title_norms(self, full=False):
        """Do nothing: our ranking does not use title norms, and refreshing them reads the whole table."""
