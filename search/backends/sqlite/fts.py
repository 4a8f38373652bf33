"""SQLite's FTS5 tables of index entries, and our queries and index keys written as FTS5 expressions."""

import re
from dataclasses import dataclass

from modelsearch.backends.database.sqlite.query import AndNot
from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry
from modelsearch.query import And, Boost, MatchAll, Or, Phrase, PlainText

from search import index_keys
from search.backends.roles import BODY, SUMMARY, TITLE


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

# FTS5's list of the words in WAGTAIL_FTS, as written (migration search 0014; search.spelling).
VOCABULARY = "search_vocabulary"

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
