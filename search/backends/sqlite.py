"""SQLite: FTS5 ranks with bm25 and limits; the queryset's filters are checked in the same query.

Documents live in our own FTS5 table, `search_document_fts` (migration search 0002), one row per
Wagtail index entry (same rowid), with title, summary and body columns and the Porter stemmer,
so "councils" finds "council" and bm25 can weigh the title above the summary above the body.
Their titles and summaries also live in `search_title_fts` (migration search 0007), where the
first tiers of a search (title, then title and summary) are matched and ranked: FTS5 reads a
word's whole list of documents whatever the columns asked for, and in the document table the
list of a word most documents hold is long (a common word's title matches: 7 -> 4 ms at 100,000
entries; two words: 6.5 -> 1.4 ms). Wagtail's own FTS table stays as it is and still serves
autocomplete.

The documents table also holds each entry's index keys (search.index_keys) in a last column
(migration search 0008), as PostgreSQL's entries do: a search given keys (the reader's
access and chosen filters, search.backends.IndexKeys) is counted by FTS5 alone (a common
word within one community, counted up to 1,001 at 100,000 entries: 22-45 -> 0.6 ms; every match
of it: 47 -> 2 ms), ranked by it alone when the reader chose filters, and its facets counted from
the keys of its matches, kept as rows of `search_entry_key`.
"""

import re
from dataclasses import dataclass

from django.db import connections, transaction
from django.db.models.expressions import RawSQL
from django.utils.functional import cached_property

from modelsearch.backends.database.sqlite.query import AndNot, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.index import AutocompleteField
from modelsearch.query import And, Boost, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from search import index_keys
from search.backends.ranked import (
    IndexEntry,
    RankedBackendMixin,
    RankedCompilerMixin,
    RankedResultsMixin,
    RankingFeaturesIndexMixin,
)
from search.backends.roles import BODY, SUMMARY, TITLE, field_role, role_texts


@dataclass(frozen=True)
class FTSTable:
    """An FTS5 table of index entries (rowid = the entry's id), its text columns and their bm25 weights.

    A table may also hold the entries' index keys, in a last column (see key_token).
    """

    name: str
    weights: dict  # text column -> weight, in the table's column order
    keys: str | None = None  # the column holding the index keys, if the table has one

    @property
    def columns(self):
        """The columns holding words."""
        return tuple(self.weights)

    @property
    def all_columns(self):
        return (*self.columns, self.keys) if self.keys else self.columns

    @property
    def bm25(self):
        weights = [*self.weights.values(), *([0.0] if self.keys else [])]
        return f"bm25({self.name}, {', '.join(str(weight) for weight in weights)})"


# A word in the title counts ten times one in the body, in the summary four.
DOCUMENTS = FTSTable("search_document_fts", {TITLE: 10.0, SUMMARY: 4.0, BODY: 1.0}, keys="keys")
TITLES = FTSTable("search_title_fts", {TITLE: 10.0, SUMMARY: 4.0})
# Wagtail's FTS table, as its migration creates it; we use its autocomplete column.
WAGTAIL_FTS = FTSTable(SQLiteFTSIndexEntry._meta.db_table, {"autocomplete": 1.0, "body": 0.0, "title": 0.0})

# Ranked candidates taken from FTS5 per result wanted before the queryset's filters are applied;
# if filters leave too few, the query is run again over every match.
CANDIDATES_PER_RESULT = 5
MIN_CANDIDATES = 100
# Above this many matches, counting lists the queryset's objects once rather than checking each match.
LARGE_MATCH = 5000
# Added to the scores of each tier above the last, so that scores order results as we return them.
TIER_STEP = 1000.0

ENTRY_KEY_INDEX = "search_indexentry_key"
# The name FTS5's best matches go by while their entries are looked up (_tier_hits).
CANDIDATES = "top"
# The name the matching entries go by while their keys are counted (key_counts).
MATCHES = "search_matches"
# Each entry's keys that facets are counted from, one row per key (migration search 0008; see facet_keys).
ENTRY_KEYS = "search_entry_key"

WORD = re.compile(r"\w")


class UnsupportedQuery(Exception):
    """A query shape we leave to Wagtail's own compiler."""


def fts_string(text, prefix=False):
    """Quote text as an FTS5 string (a word, or a phrase if it tokenises into several)."""
    quoted = '"' + text.replace('"', '""') + '"'
    return quoted + "*" if prefix else quoted


def key_token(key):
    """An index key ("community 12") as one token ("keycommunity12"): the tokenizer splits at spaces.

    A reader's word cannot match it: words are only looked for in the text columns.
    """
    return "key" + key.replace(" ", "")


def key_tokens(keys):
    """The text of an entry's keys column."""
    return " ".join(key_token(key) for key in keys)


def facet_keys(model, keys):
    """The keys of a model's entry that its searches' facets are counted from (search.index_keys.facet_kinds).

    Only those are written to the key table (ENTRY_KEYS): about half of an entry's keys, and half the
    rows a facet count reads (a member's 40,000 matches at 100,000 entries: 174 -> 90 ms).
    """
    kinds = set(index_keys.facet_kinds(model))
    return [key for key in keys if key.partition(" ")[0] in kinds]


def keys_expression(required, column):
    """An FTS5 expression matching entries whose keys hold, for each tuple of keys, one of its keys (see IndexKeys)."""
    either = ["(" + " OR ".join(fts_string(key_token(key)) for key in keys) + ")" for keys in required]
    return "{" + column + "} : (" + " AND ".join(either) + ")"


def fts_expression(query, prefix_last=False):
    """Translate a normalised Wagtail query into an FTS5 query expression, or None for "nothing to find"."""
    if isinstance(query, PlainText):
        words = [word for word in query.query_string.split() if WORD.search(word)]
        if not words:
            return None
        strings = [fts_string(word) for word in words[:-1]] + [fts_string(words[-1], prefix=prefix_last)]
        joiner = " AND " if query.operator.lower() == "and" else " OR "
        return "(" + joiner.join(strings) + ")"
    if isinstance(query, Phrase):
        return fts_string(query.query_string) if WORD.search(query.query_string) else None
    if isinstance(query, Boost):
        return fts_expression(query.subquery, prefix_last)
    if isinstance(query, (And, Or)):
        parts = [part for part in (fts_expression(sub, prefix_last) for sub in query.subqueries) if part]
        if not parts:
            return None
        return "(" + (" AND " if isinstance(query, And) else " OR ").join(parts) + ")"
    if isinstance(query, AndNot) and not isinstance(query.subquery_a, MatchAll):
        wanted = fts_expression(query.subquery_a, prefix_last)
        unwanted = fts_expression(query.subquery_b, prefix_last)
        if wanted is None or unwanted is None:
            return wanted
        return f"({wanted} NOT {unwanted})"
    raise UnsupportedQuery(query)


class DocumentIndexer(ObjectIndexer):
    """Wagtail's indexer, reading each field once and also splitting the text by ranking role."""

    @cached_property
    def prepared(self):
        return [
            (declared, field, value)
            for declared in self.search_fields
            for field, value in self.prepare_field(self.obj, declared)
        ]

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

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [DocumentIndexer(obj, self.backend) for obj in objs]
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


class FTSQueryCompilerMixin(RankedCompilerMixin):
    """Rank with FTS5's bm25 and LIMIT inside the engine, then join to the queryset's filters.

    Results come in tiers: matches in the title first, then in title and summary, then anywhere,
    each tier matched and ordered by bm25 in the first of `tier_tables` holding its columns (the
    first two in the titles table, the last over whole documents). That is the order we promise
    readers, and it keeps common words fast: FTS5 scores every row a MATCH finds, so we first ask
    for the few title matches and only go further down when they do not fill the page. (FTS5's
    bm25 also gives a word found in most documents an IDF of almost nothing, which would make its
    order noise.)
    """

    table = DOCUMENTS  # what counts and the matching entries are found in
    tier_tables = (TITLES, DOCUMENTS)
    tiers = ((TITLE,), (TITLE, SUMMARY), DOCUMENTS.columns)
    prefix_last = False

    @cached_property
    def expression(self):
        """Return the FTS5 query expression, None if nothing can match, or raise UnsupportedQuery."""
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)):
            raise UnsupportedQuery(query)
        return fts_expression(query, prefix_last=self.prefix_last)

    def in_columns(self, columns, table=None):
        table = table or self.table
        if set(columns) == set(table.all_columns):
            return self.expression
        return "{" + " ".join(columns) + "} : " + self.expression

    @property
    def match(self):
        """The FTS5 MATCH string over every searched column."""
        return self.in_columns(self.searched_columns())

    @cached_property
    def keyed_match(self):
        """The MATCH string with the search's index keys, if it was given them and the table holds keys; else None.

        The entries it finds are exactly the queryset's objects that match (see IndexKeys), without
        checking each one against the queryset's filters: FTS5 steps through the words' and the
        keys' lists together, so a common word within one community costs about what the
        community's own entries do.
        """
        if self.index_keys is None or not self.table.keys or self.expression is None:
            return None
        return f"({self.match}) AND {keys_expression(self.index_keys.required, self.table.keys)}"

    @property
    def narrowly_keyed(self):
        """Whether the search was given keys few entries carry (filters a reader chose) that the table holds."""
        return self.keyed_match is not None and bool(self.index_keys.narrow)

    def tier_matches(self, keyed=False):
        """Return (table, MATCH string) per tier: the expression in the tier's columns, in the first table holding them.

        A tier's MATCH also finds what the tiers before it found; _ranked leaves those out by key, which
        costs FTS5 less than a MATCH excluding them (a phrase: 31 -> 19 ms at 100k entries). `keyed`:
        every tier in the table holding the queryset's keys, with them (see _keyed_tier_hits).
        """
        searched = self.searched_columns()
        keys = keys_expression(self.index_keys.required, self.table.keys) if keyed else None
        matches, before = [], []
        for tier in self.tiers:
            columns = [column for column in tier if column in searched]
            if not columns or columns == before:
                continue
            if keyed:
                matches.append((self.table, f"({self.in_columns(columns, self.table)}) AND {keys}"))
            else:
                table = next(table for table in self.tier_tables if set(columns) <= set(table.columns))
                matches.append((table, self.in_columns(columns, table)))
            before = columns
        return matches

    def searched_columns(self):
        return list(self.table.columns)

    def is_ranked_here(self):
        try:
            self.expression  # noqa: B018
        except UnsupportedQuery:
            return False
        return True

    def _sql(self, queryset):
        """Return the SQL of an entries queryset, reading entries through their key index (migration 0001)."""
        sql, params = queryset.values("id", "object_id").query.get_compiler(using=self.database_alias).as_sql()
        table = connections[self.database_alias].ops.quote_name(IndexEntry._meta.db_table)
        return sql.replace(f"FROM {table}", f"FROM {table} INDEXED BY {ENTRY_KEY_INDEX}", 1), params

    def _rows(self, sql, params):
        with connections[self.database_alias].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _count(self, sql, params):
        return self._rows(sql, params)[0][0]

    def _tier_hits(self, entries, table, match, limit, tier_bonus, seen):
        """Return up to `limit` (object_id, score) of one tier's entries, best first, leaving out those `seen`."""

        def scored(rows):
            return [(object_id, tier_bonus - rank) for object_id, rank in rows if object_id not in seen]

        if limit is not None:
            # Usually FTS5's best few hundred hold what is wanted, whatever the filters; the first row
            # says how many candidates there were (fewer than asked for: every match was a candidate).
            # Each candidate's entry is looked up by its id, filters and all, as a correlated subquery:
            # joined instead, SQLite (with statistics, and taking FTS5 for a large table) may build a
            # Bloom filter over every entry that passes the filters first (a common word: 10 -> 90 ms).
            # The best candidates are looked up first, the rest only if too few of those pass: a reader
            # who may open most entries has about as many looked up as are wanted.
            wanted = limit + len(seen)
            depth = max(wanted * CANDIDATES_PER_RESULT, MIN_CANDIDATES)
            first = wanted + wanted // 2
            candidate = RawSQL(f"{CANDIDATES}.rowid", ())  # noqa: S611  # nosec
            lookup_sql, lookup_params = self._sql(entries.filter(id=candidate))
            lookup = f"(SELECT e.object_id FROM ({lookup_sql}) AS e)"  # noqa: S608  # nosec
            sql = (
                f"WITH {CANDIDATES} AS MATERIALIZED (SELECT rowid, rank, row_number() OVER (ORDER BY rank, rowid) AS n "  # noqa: S608  # nosec
                f"FROM (SELECT rowid, {table.bm25} AS rank FROM {table.name} "
                f"WHERE {table.name} MATCH %s ORDER BY rank, rowid LIMIT %s)), "
                f"best AS MATERIALIZED (SELECT rowid, rank, {lookup} AS object_id FROM {CANDIDATES} WHERE n <= %s), "
                f"rest AS MATERIALIZED (SELECT rowid, rank, {lookup} AS object_id FROM {CANDIDATES} "
                "WHERE n > %s AND (SELECT count(object_id) FROM best) < %s), "
                "found AS (SELECT * FROM best UNION ALL SELECT * FROM rest) "
                f"SELECT 0, NULL, count(*), NULL FROM {CANDIDATES} UNION ALL "
                "SELECT * FROM (SELECT 1, object_id, rank, rowid FROM found WHERE object_id IS NOT NULL "
                "ORDER BY rank, rowid LIMIT %s) "
                "ORDER BY 1, 3, 4"
            )
            params = [match, depth, *lookup_params, first, *lookup_params, first, wanted, wanted]
            (_first, _none, candidates, _no_id), *rows = self._rows(sql, params)
            hits = scored((object_id, rank) for _hit, object_id, rank, _id in rows)
            if len(hits) >= limit or candidates < depth:
                return hits[:limit]
        entries_sql, entries_params = self._sql(entries)
        sql = (
            f"SELECT e.object_id, {table.bm25} AS rank FROM {table.name} "  # noqa: S608  # nosec
            f"JOIN ({entries_sql}) AS e ON e.id = {table.name}.rowid "
            f"WHERE {table.name} MATCH %s ORDER BY rank, e.id LIMIT %s"
        )
        hits = scored(self._rows(sql, [*entries_params, match, -1 if limit is None else limit + len(seen)]))
        return hits if limit is None else hits[:limit]

    def _keyed_tier_hits(self, table, match, limit, tier_bonus, seen):
        """Return up to `limit` (object_id, score) of one tier's matches of words and keys, best first, but `seen`.

        The keys select the queryset's objects, so FTS5's best matches are the results: no entry is
        checked against the queryset's filters.
        """
        entries = connections[self.database_alias].ops.quote_name(IndexEntry._meta.db_table)
        sql = (
            f"SELECT e.object_id, found.rank FROM (SELECT rowid, {table.bm25} AS rank FROM {table.name} "  # noqa: S608  # nosec
            f"WHERE {table.name} MATCH %s ORDER BY rank, rowid LIMIT %s) AS found "
            f"JOIN {entries} AS e ON e.id = found.rowid ORDER BY found.rank, found.rowid"
        )
        rows = self._rows(sql, [match, -1 if limit is None else limit + len(seen)])
        hits = [(object_id, tier_bonus - rank) for object_id, rank in rows if object_id not in seen]
        return hits if limit is None else hits[:limit]

    def _ranked(self, entries, stop=None, enough=None, keyed=False):
        """Return (object_id, score) of the entries' matches, tier by tier; `keyed`: found by words and keys alone."""
        if self.expression is None:
            return []
        hits = []
        tiers = self.tier_matches(keyed)
        for number, (table, match) in enumerate(tiers):
            wanted = None if stop is None else stop - len(hits)
            if wanted is not None and wanted <= 0 or enough is not None and len(hits) >= enough:
                break
            # Each tier is only left once it has no more to give, so `seen` is all an earlier tier matched.
            seen = {object_id for object_id, _score in hits}
            tier_bonus = TIER_STEP * (len(tiers) - 1 - number)
            if keyed:
                hits += self._keyed_tier_hits(table, match, wanted, tier_bonus, seen)
            else:
                hits += self._tier_hits(entries, table, match, wanted, tier_bonus, seen)
        return hits[:stop]

    def ranked_hits(self, start, stop, enough=None):
        # With filters chosen, words and keys together find few entries in the documents table,
        # where looking FTS5's best title matches up one by one found most of them outside the
        # filters (a common word in one community, type and topic at 100,000 entries: 112 -> 5 ms).
        # bm25 there weighs a title match by the whole document's length, the titles table by the
        # title's: the order within a tier can differ a little from the same search without filters.
        hits = self._ranked(self.entries_in_queryset(), stop, enough, keyed=self.narrowly_keyed)
        self.saw(hits, stop, enough)
        return hits[start:]

    def scores_for(self, keys):
        return self._ranked(self.model_entries().filter(object_id__in=[str(key) for key in keys]))

    def match_count(self, limit=None):
        if self.expression is None:
            return 0
        table = self.table.name
        if self.keyed_match is not None:
            matches = f"SELECT 1 FROM {table} WHERE {table} MATCH %s LIMIT %s"  # noqa: S608  # nosec
            return self._count(f"SELECT count(*) FROM ({matches})", [self.keyed_match, -1 if limit is None else limit])  # noqa: S608  # nosec
        all_matches = f"SELECT count(*) FROM {table} WHERE {table} MATCH %s"  # noqa: S608  # nosec
        if limit is None and self._count(all_matches, [self.match]) > LARGE_MATCH:
            entries = self.entries_in_queryset_set()
        else:
            # Counting no further than a limit, the entries are checked one by one until it is reached.
            entries = self.entries_in_queryset()
        entries_sql, entries_params = self._sql(entries)
        matches = (
            f"SELECT 1 FROM {table} JOIN ({entries_sql}) AS e ON e.id = {table}.rowid "  # noqa: S608  # nosec
            f"WHERE {table} MATCH %s LIMIT %s"
        )
        sql = f"SELECT count(*) FROM ({matches})"  # noqa: S608  # nosec
        return self._count(sql, [*entries_params, self.match, -1 if limit is None else limit])

    def matching_entries(self):
        if self.expression is None:
            return self.model_entries().none()
        table = self.table.name
        match = self.keyed_match or self.match
        rowids = RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [match])  # noqa: S608, S611  # nosec
        return self.model_entries().filter(id__in=rowids)

    @property
    def holds_keys(self):
        return self.table.keys is not None

    def key_counts(self):
        """Return {key: how many matching entries carry it}, for a search given index keys.

        FTS5 finds the matches (words, access and filters) and each one's keys are read from the key
        table, by its primary key: the 33,000 matches of a word most of 100,000 entries hold are
        counted by community, type, topic and audience in about 70 ms, where reading them from the
        page tables took 160.
        """
        if self.expression is None:
            return {}
        table = self.table.name
        sql = (
            f"WITH {MATCHES} AS MATERIALIZED (SELECT rowid FROM {table} WHERE {table} MATCH %s) "  # noqa: S608  # nosec
            f"SELECT held.key, count(*) FROM {MATCHES} JOIN {ENTRY_KEYS} AS held ON held.entry_id = {MATCHES}.rowid "
            "GROUP BY held.key"
        )
        return dict(self._rows(sql, [self.keyed_match]))


class SQLiteRankedQueryCompiler(FTSQueryCompilerMixin, SQLiteSearchQueryCompiler):
    def searched_columns(self):
        if self.fields is None:
            return list(self.table.columns)
        # Restricting to named fields works by role: the body column holds every unboosted field.
        roles = {field_role(self.get_search_field(name)) for name in self.fields}
        return [column for column in self.table.columns if column in roles]


class SQLiteRankedAutocompleteCompiler(FTSQueryCompilerMixin, SQLiteAutocompleteQueryCompiler):
    table = WAGTAIL_FTS
    tier_tables = (WAGTAIL_FTS,)
    tiers = (("autocomplete",),)
    prefix_last = True

    def searched_columns(self):
        return ["autocomplete"]


class SQLiteRankedResults(RankedResultsMixin, SQLiteSearchResults):
    """Wagtail's SQLite results, ranked and counted by our compiler (see RankedResultsMixin)."""


class SQLiteRankedSearchBackend(RankedBackendMixin, SQLiteSearchBackend):
    query_compiler_class = SQLiteRankedQueryCompiler
    autocomplete_query_compiler_class = SQLiteRankedAutocompleteCompiler
    index_class = SQLiteDocumentIndex
    results_class = SQLiteRankedResults


SearchBackend = SQLiteRankedSearchBackend
