"""PostgreSQL: one indexed document per entry, ranked by ts_rank with LIMIT in SQL.

Wagtail's query matches `title || body` while its GIN indexes cover title and body apart, so every
search read the whole table (wagtail#6546). Migration search 0001 indexes the whole document
through a function, `search_document(title, body)` (`search_indexentry_document_gin`), and this
compiler matches and ranks on it. The indexer weighs words by role, title A, summary B, body C
(autocomplete D), and keeps the title and summary in the entry's `title` vector, so that matches
there are found and ranked first through Wagtail's own GIN index on it; ts_rank weighs A, B, C as
1, 0.4, 0.2. Matches in the title itself come before those: they are found through an index of
the title vector's title words (migration search 0012), and ranked without reading the many
entries that hold a common word in their summary only.

The title vector of a practice page's entry also holds its index keys (search.index_keys) as
lexemes no typed word can give. A search given keys (search.backends.IndexKeys,
as search.ranking gives the reader's pages) is matched by words and keys together in the
GIN index: a member's search no longer joins 100,000 entries to the pages they may read. The
keys have weight D, which no word in that vector has, so a search's facets are counted from the
keys alone. Migrations search 0004 and 0005 added the keys to entries written before.

Two more indexes serve what GIN does slowly. A count up to a limit reads the document index in
parts (migration search 0010), stopping at the limit instead of listing every match first. A phrase
is found through an index of each document's pairs of neighbouring words (migration search 0011),
where the words' index would list every entry holding both words, each then read to check their
positions ("housing budget" at 100,000 entries: 15,000 entries hold both words, 81 the phrase).
"""

from django.db import connections
from django.db.models import F
from django.utils.functional import cached_property

from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase

from search.backends.postgres.index import WORDS, PostgresWeightedIndex
from search.backends.postgres.tsearch import (
    DEFAULT_SEARCH_CONFIG,
    DOCUMENT_PARTS,
    KEY_PREFIX,
    RANK_WEIGHTS,
    TIER_STEP,
    BuiltQuery,
    WithKeys,
    document,
    document_pairs,
    in_part,
    keys_query,
    matches,
    phrase_pairs,
    quoted,
    tsquery,
)
from search.backends.ranked import IndexEntry, RankedBackendMixin, RankedCompilerMixin, RankedResultsMixin
from search.relaxing import by_coverage


class PostgresRankedQueryCompiler(RankedCompilerMixin, PostgresSearchQueryCompiler):
    """Match on the indexed document, rank with ts_rank, order and LIMIT in SQL."""

    config = DEFAULT_SEARCH_CONFIG
    holds_keys = True

    def bind(self, backend):
        self.config = self.get_config(backend)
        return self

    def is_ranked_here(self):
        query = self.query
        if self.fields is not None or isinstance(query, (MatchAll, Fuzzy)):
            return False
        return not (isinstance(query, Not) and isinstance(query.subquery, MatchAll))

    @property
    def search_query(self):
        """The reader's words as a tsquery: what results are ranked by."""
        return self.build_tsquery(self.query, config=self.config)

    @property
    def match_query(self):
        """What entries must match: the words, and the search's index keys if it was given them."""
        if self.index_keys is None:
            return self.search_query
        return WithKeys(self.search_query, keys_query(self.index_keys.required))

    def _pairs(self, query):
        """Return the text of a tsquery of word pairs every entry matching `query` holds; None if there is none.

        A phrase gives its neighbouring pairs (phrase_pairs); `and` needs the pairs of each part
        that has some, `or` those of one of its parts if every part has some; words alone, or a
        part inverted, can match an entry whatever its pairs.
        """
        if isinstance(query, Phrase):
            pairs = phrase_pairs(self.database_alias, self.config, query.query_string)
            return " & ".join(quoted(pair) for pair in pairs) or None
        if isinstance(query, Boost):
            return self._pairs(query.subquery)
        if isinstance(query, And):
            parts = [part for part in map(self._pairs, query.subqueries) if part]
            return " & ".join(f"({part})" for part in parts) or None
        if isinstance(query, Or):
            parts = list(map(self._pairs, query.subqueries))
            return " | ".join(f"({part})" for part in parts) if all(parts) else None
        return None

    @cached_property
    def pairs_query(self):
        """The word pairs of the query's phrases, as a tsquery every matching entry's pairs match; None if no phrase."""
        text = self._pairs(self.query)
        return BuiltQuery(tsquery(text)) if text else None

    def _matching(self, entries):
        """Return the entries matching the words and keys; with a phrase, found by its pairs, checked on each row."""
        entries = entries.alias(document=document())
        if self.pairs_query is not None:
            found = entries.alias(pairs=document_pairs()).filter(pairs=self.pairs_query)
            return found.filter(matches(F("document"), self.match_query))
        return entries.filter(document=self.match_query)

    def _expression_sql(self, expression):
        """Return (sql, params) of an expression over index entries (a tsquery), to be written into a statement."""
        query = IndexEntry._default_manager.using(self.database_alias).all().query
        compiler = query.get_compiler(using=self.database_alias)
        return compiler.compile(expression.resolve_expression(query))

    def _tiers(self):
        """Return [(condition, score)] of the three tiers, as SQL (with params) over an entry `e`, best tier first.

        Matches in the title come first, found through the index of title words (migration search
        0012); then those in the title and summary together, found through Wagtail's GIN index on
        the title column (which holds both); both ranked on that column alone, so that even a word
        most documents contain is ranked in milliseconds, with weights that put the title above the
        summary. The remaining matches follow, ranked on the whole document: found through its
        index, or for a phrase through its pairs' index and then checked (see _matching). A search
        of any of its words (search.relaxing.AnyWords) is that last tier alone.
        """
        words, words_params = self._expression_sql(self.search_query)
        match, match_params = self._expression_sql(self.match_query)
        whole = "search_document(e.title, e.body)"
        if self.pairs_query is None:
            in_document, document_params = f"{whole} @@ ({match})", match_params
        else:
            pairs, pairs_params = self._expression_sql(self.pairs_query)
            in_document = f"search_pairs({whole}) @@ ({pairs}) AND ts_match_vq({whole}, ({match}))"
            document_params = [*pairs_params, *match_params]

        def rank(vector, bonus):
            return f"ts_rank(%s::float4[], {vector}, ({words})) + {bonus}", [RANK_WEIGHTS, *words_params]

        if by_coverage(self.query):
            # Any of the words (search.relaxing): one tier, the whole document ranked by how much it holds.
            return [((in_document, document_params), rank(whole, 0.0))]
        return [
            ((f"search_title_words(e.title) @@ ({match})", match_params), rank("e.title", 2 * TIER_STEP)),
            (
                (
                    f"e.title @@ ({match}) AND NOT search_title_words(e.title) @@ ({words})",
                    [*match_params, *words_params],
                ),
                rank("e.title", TIER_STEP),
            ),
            ((f"{in_document} AND NOT e.title @@ ({words})", [*document_params, *words_params]), rank(whole, 0.0)),
        ]

    def _ranked(self, entries, stop=None, enough=None):
        """Return ([(object_id, score)] of matching entries, best first, tier by tier as SQLite ranks; title matches).

        The tiers are one statement, each a CTE over the entries asked about, and only those a page
        needs are read: the database reads the next tier only when the ones before it have given
        fewer than `stop` results (a UNION ALL reads its parts in order, never in parallel here, and
        stops at its LIMIT) and, with `enough`, fewer than `enough` (a condition on their counts,
        checked before the tier is read). Compiling and sending a statement per tier cost as much
        as reading a small tier. The title tier is read whole to be ranked, so it counts its matches
        on the way (see RankedCompilerMixin.saw). A query of no words (punctuation alone) matches nothing.
        """
        if self.search_query is None:
            return [], 0
        base, base_params = entries.order_by().values("id", "object_id", "title", "body").query.sql_with_params()
        limit = "" if stop is None else f" LIMIT {int(stop)}"
        ctes, params, selects = [], [], []
        for number, ((condition, condition_params), (score, score_params)) in enumerate(self._tiers()):
            gate = ""
            if enough is not None and number:
                counted = " + ".join(f"(SELECT count(*) FROM tier_{before})" for before in range(number))  # noqa: S608  # nosec
                gate = f" AND {counted} < {int(enough)}"
            # The title tier is read whole to be ranked, so it counts its matches on the way: below
            # the count (OFFSET 0 keeps them there), so that the rows counted hold no title vectors.
            scored = f"SELECT e.id, e.object_id, {score} AS score FROM ({base}) AS e WHERE {condition}{gate} OFFSET 0"  # noqa: S608  # nosec
            total = "count(*) OVER ()" if number == 0 else "NULL::bigint"
            ctes.append(
                f"tier_{number} AS (SELECT object_id, score, {total} AS total FROM ({scored}) AS scored "  # noqa: S608  # nosec
                f"ORDER BY score DESC, id{limit})"
            )
            params += [*score_params, *base_params, *condition_params]
            selects.append(f"SELECT object_id, score, total FROM tier_{number}")  # noqa: S608  # nosec
        with connections[self.database_alias].cursor() as cursor:
            cursor.execute(f"WITH {', '.join(ctes)} {' UNION ALL '.join(selects)}{limit}", params)
            rows = cursor.fetchall()
        title_matches = max((total for _id, _score, total in rows if total is not None), default=0)
        return [(object_id, score) for object_id, score, _total in rows], title_matches

    def entries_in_queryset(self):
        """Return the index entries of the queryset's objects: all of them if the keys select them."""
        if self.index_keys is not None:
            return self.model_entries()
        return super().entries_in_queryset()

    def ranked_hits(self, start, stop, enough=None):
        hits, title_matches = self._ranked(self.entries_in_queryset(), stop, enough)
        self.saw(hits, stop, enough, at_least=title_matches)
        return hits[start:]

    def scores_for(self, keys):
        hits, _title_matches = self._ranked(self.model_entries().filter(object_id__in=[str(key) for key in keys]))
        return hits

    def match_count(self, limit=None):
        """Count matches, no further than `limit`.

        A count to a limit reads the parts of the document index (migration search 0010) one after
        another, each part's matches cut at the limit, and stops once the limit is reached: a GIN
        index lists every match before a row is read, so a common word's count read the whole of its
        list where an eighth of it was enough. The first part is asked alone, the others together
        only if it falls short: a word most entries hold reaches the limit in the first, and a
        statement of one part is planned in a quarter of the time eight take (a member's common word
        at 100,000 entries: 7.5 -> 4.3 ms; a rare word pays one round trip more, under 1 ms). Words
        and index keys are looked up together in each part (a part's list of a reader's access key
        is an eighth as long too); checking access on each row found instead read four rows for each
        one counted on bench/dataset.py's hub, where many matches are closed to the reader. The
        matching query is compiled once, each part a condition around it that the planner moves down
        to the index (compiling the eight parts as querysets took as long as running them).
        """
        entries = self.entries_in_queryset()
        if limit is None:
            return self._matching(entries).count()
        if self.pairs_query is not None:  # Found through the pairs' index: few, and every one is read.
            return self._matching(entries)[:limit].count()
        sql, params = self._matching(entries).values("id").query.sql_with_params()
        counted = 0
        for parts in (range(1), range(1, DOCUMENT_PARTS)):
            counted += self._count_in_parts(sql, params, parts, limit - counted)
            if counted >= limit:
                break
        return counted

    def _count_in_parts(self, sql, params, parts, limit):
        """Count the matches (`sql` selecting their ids) in these parts of the document index, up to `limit`."""
        matching = " UNION ALL ".join(f"({in_part(sql, part)} LIMIT %s)" for part in parts)
        with connections[self.database_alias].cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM ({matching}) AS found LIMIT %s) AS counted",  # noqa: S608  # nosec
                [*(value for _part in parts for value in (*params, limit)), limit],
            )
            return cursor.fetchone()[0]

    def matching_entries(self):
        return self._matching(self.model_entries())

    def key_counts(self):
        """Return {key: how many matching entries carry it}, for a search given index keys.

        PostgreSQL's ts_stat counts the lexemes of the vectors a query returns, in C, and only those
        of weight D, the keys' (a member's 40,000 matches at 100k entries: 270 ms unnesting each
        vector, 131 ms with ts_stat over every lexeme, 50 ms over the keys). It takes the query as
        text, so the query's parameters are bound into it by the driver, and the text passed as a
        parameter.
        """
        connection = connections[self.database_alias]
        sql, params = self._matching(self.entries_in_queryset()).values("title").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word, ndoc FROM ts_stat(%s, 'd') WHERE word LIKE %s",
                [connection.ops.compose_sql(sql, params), KEY_PREFIX + "%"],
            )
            return {lexeme.removeprefix(KEY_PREFIX): count for lexeme, count in cursor.fetchall()}


class PostgresRankedResults(RankedResultsMixin, PostgresSearchResults):
    def _ranked_here(self):
        if not isinstance(self.query_compiler, PostgresRankedQueryCompiler):
            return False  # Autocomplete: Wagtail's own compiler, on its own GIN index.
        self.query_compiler.bind(self.backend)
        return super()._ranked_here()


class PostgresRankedSearchBackend(RankedBackendMixin, PostgresSearchBackend):
    query_compiler_class = PostgresRankedQueryCompiler
    index_class = PostgresWeightedIndex
    results_class = PostgresRankedResults
    # The table of the entries' words (migration search 0014).
    vocabulary = (WORDS, "word")

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": DEFAULT_SEARCH_CONFIG, **params})


SearchBackend = PostgresRankedSearchBackend
