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

from django.db import connections
from django.db.models.expressions import RawSQL
from django.utils.functional import cached_property

from modelsearch.backends.database.sqlite.query import normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not

from search.backends.ranked import IndexEntry, RankedBackendMixin, RankedCompilerMixin, RankedResultsMixin
from search.backends.roles import SUMMARY, TITLE, field_role
from search.backends.sqlite.fts import (
    CANDIDATES,
    CANDIDATES_PER_RESULT,
    DOCUMENTS,
    ENTRY_KEY_INDEX,
    ENTRY_KEYS,
    LARGE_MATCH,
    MATCHES,
    MIN_CANDIDATES,
    TIER_STEP,
    TITLES,
    VOCABULARY,
    WAGTAIL_FTS,
    UnsupportedQuery,
    fts_expression,
    keys_expression,
)
from search.backends.sqlite.index import SQLiteDocumentIndex
from search.relaxing import by_coverage


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
    prefix_last = False

    @property
    def tiers(self):
        """Title, then title and summary, then anywhere; one tier for a search of any words (search.relaxing)."""
        if by_coverage(self.query):
            return (DOCUMENTS.columns,)
        return ((TITLE,), (TITLE, SUMMARY), DOCUMENTS.columns)

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
    # FTS5's own list of the words in Wagtail's table, unstemmed (migration search 0014).
    vocabulary = (VOCABULARY, "term")


SearchBackend = SQLiteRankedSearchBackend
