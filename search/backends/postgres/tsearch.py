"""PostgreSQL text search as our backend writes it: whole documents, index keys and word pairs as lexemes."""

from functools import lru_cache

from django.contrib.postgres.search import SearchQuery, SearchQueryField, SearchVectorField
from django.db import connections
from django.db.models import BooleanField, F, Func, Value
from django.db.models.functions import Cast

from search.backends.roles import BODY, SUMMARY, TITLE

ROLE_WEIGHTS = {TITLE: "A", SUMMARY: "B", BODY: "C"}
# ts_rank's weights for D, C, B, A.
RANK_WEIGHTS = [0.1, 0.2, 0.4, 1.0]
DEFAULT_SEARCH_CONFIG = "english"
# Added to the scores of title and summary matches, so that scores order results as we return them.
TIER_STEP = 1000.0
# The whole-document index is also kept in this many parts, an entry in part `mod(id, parts)`
# (migration search 0010), for counts that stop at a limit.
DOCUMENT_PARTS = 8


# An index key is held as one lexeme with a space in it, which no word a reader types can give.
KEY_PREFIX = "key "
# As are the pairs of neighbouring words of each document (migration search 0011): "pair social media".
PAIR_PREFIX = "pair "


def escape_lexeme(lexeme):
    """Escape a lexeme for a quoted place in a tsvector's or tsquery's text."""
    return lexeme.replace("\\", "\\\\").replace("'", "''")


def quoted(lexeme):
    """Return a lexeme quoted for a tsquery's text."""
    return f"'{escape_lexeme(lexeme)}'"


def tsquery(text):
    """A tsquery from its text, written here of lexemes `quoted` (keys; a phrase's pairs, as the database parsed it)."""
    return Cast(Value(text), output_field=SearchQueryField())


def keys_query(required):
    """A tsquery matching the entries that carry, for each tuple of keys, one of its keys (see IndexKeys)."""
    either = [f"({' | '.join(quoted(KEY_PREFIX + key) for key in keys)})" for keys in required]
    return tsquery(" & ".join(either))


class BuiltQuery(SearchQuery):
    """A tsquery built in SQL, as a SearchQuery so that Django's `@@` lookup takes it as it is instead of parsing it."""

    template = "%(expressions)s"

    def __init__(self, *expressions):
        Func.__init__(self, *expressions, output_field=SearchQueryField())
        self.config = None
        self.invert = False


class WithKeys(BuiltQuery):
    """The words' tsquery and the keys', both required (search_with_keys, migration search 0004)."""

    function = "search_with_keys"
    template = Func.template


def document():
    """An entry's whole document, as indexed by migration search 0001: its title and body vectors."""
    return Func(F("title"), F("body"), function="search_document", output_field=SearchVectorField())


def in_part(sql, part):
    """Return SQL for the entries a query (its SQL, selecting `id`) finds in one part of the document index.

    The part's number is written in the condition, as in its index's (migration search 0010), so
    that the planner matches the two and reads that part's index.
    """
    return f"SELECT id FROM ({sql}) AS matching WHERE mod(id, {DOCUMENT_PARTS}) = {int(part)}"  # noqa: S608  # nosec


def document_pairs():
    """The pairs of neighbouring words in an entry's document, as indexed by migration search 0011."""
    return Func(document(), function="search_pairs", output_field=SearchVectorField())


def matches(vector, query):
    """`vector @@ query` as a function: checked on each row found, never looked up in an index."""
    return Func(vector, query, function="ts_match_vq", output_field=BooleanField())


@lru_cache(maxsize=1024)
def phrase_pairs(alias, config, phrase):
    """Return the pair lexemes (see document_pairs) an entry holds if it holds the phrase: its neighbouring words.

    The phrase is parsed by the database as its query is (phraseto_tsquery): a word it drops (a stop
    word) leaves a gap, and words either side of a gap make no pair.
    """
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT lexeme, unnest(positions) FROM unnest(to_tsvector(%s::regconfig, %s))", [config, phrase])
        at = {}
        for lexeme, position in cursor.fetchall():
            at.setdefault(position, set()).add(lexeme)
    pairs = {(word, following) for p in at if p + 1 in at for word in at[p] for following in at[p + 1]}
    return tuple(sorted(f"{PAIR_PREFIX}{word} {following}" for word, following in pairs))
