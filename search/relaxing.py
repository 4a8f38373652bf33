"""No dead ends: when no result has every word, search again for any of the words that carry meaning.

People type questions ("how do I wipe old laptops before giving them to a charity"), and a search
that needs every word finds nothing: no page says "how", "do", "I" and "them" as well as "wipe" and
"laptops". `attempts()` lists the searches to try in turn, and search.ranking keeps the first that
finds anything:

1. every word, as typed;
2. any of the words that carry meaning (words any page could hold, STOP_WORDS such as "what", "how",
   "should", "do" and "I", need not match), a result ranked by how much of the question it
   answers: the more of the words it holds, and the rarer they are, the higher (AnyWords; the
   engine's BM25 weighs each word by how rare it is). A page holding most of the words comes
   before one holding a few.

Measured on the natural queries (bench/natural_queries.py), going from all words to any of them
at once answered better than going through "all the meaningful words" and "all but one" on the way:
a step that still finds one page that happens to hold every word stops there, with a worse page
than the ranking by coverage puts first (success@3 0.73 against 0.77).

Quoted phrases stay strict in every step: a phrase someone took the trouble to quote must match.
The looser step's Attempt says which words it looked for, so the page can say it is showing results
for some of the words.
"""

import re
from dataclasses import dataclass

from wagtail.search.query import Boost, PlainText

# Words any page could hold: they add nothing to what a search is about.
STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "cannot",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "get",
        "gets",
        "getting",
        "got",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "might",
        "more",
        "most",
        "must",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "ought",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "shall",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "anyone",
        "anything",
        "someone",
        "something",
        "somebody",
        "way",
        "ways",
        "best",
        "good",
        "need",
        "needs",
        "want",
        "wants",
        "please",
        "tips",
        "advice",
        "help",
        "know",
        "use",
        "using",
        "used",
        "one",
        "thing",
        "things",
        "go",
        "going",
        "make",
        "making",
        "much",
        "many",
        "ever",
        "also",
        "really",
    ]
)
# Questions longer than this are searched by their first words that carry meaning.
MAX_MEANINGFUL = 8

# The operator of a search of any of its words, ranked by how many a result holds (AnyWords).
ANY = "any"

PHRASE = re.compile(r'"([^"]+)"')
# What may stand around a word as typed ("online?", "(FOI)").
PUNCTUATION = "?!.,;:'()[]"
WORD = re.compile(r"\w")


class AnyWords(PlainText):
    """Any of the words, a result ranked by how much of them it holds, weighted by how rare each is.

    Our database backends rank it over the whole document at once (title, summary and body by their
    weights), not title matches first: a title holding one of the words is no better a match than a
    page holding most of them.
    """

    def __init__(self, query_string):
        super().__init__(query_string, operator="or")


def by_coverage(query):
    """Whether a query asks for any of some words (AnyWords), to be ranked by how many a result holds."""
    if isinstance(query, AnyWords):
        return True
    inner = [query.subquery] if isinstance(query, Boost) else getattr(query, "subqueries", [])
    return any(map(by_coverage, inner))


@dataclass(frozen=True)
class Attempt:
    """One search to try: its words and operator, and for the looser step, the words that carry meaning."""

    text: str  # the words, phrases quoted
    operator: str = "and"
    meaningful: tuple = ()  # the words that carry meaning, for the looser step

    @property
    def relaxed(self):
        """Whether a result may lack some of the words searched for."""
        return self.operator == ANY


def split(text):
    """Return (quoted phrases, other words) of a search."""
    phrases = [phrase for phrase in PHRASE.findall(text) if WORD.search(phrase)]
    words = [word for word in PHRASE.sub(" ", text).replace('"', " ").split() if WORD.search(word)]
    return phrases, words


def meaningful_words(words):
    """Return the words that carry meaning, each once, in the order typed, without punctuation around them.

    If none carries meaning, all of them count.
    """
    bare = [word.strip(PUNCTUATION) for word in words]
    bare = [word for word in bare if WORD.search(word)]
    kept = list(dict.fromkeys(word for word in bare if word.lower() not in STOP_WORDS))
    return (kept or list(dict.fromkeys(bare)))[:MAX_MEANINGFUL]


def _text(phrases, words):
    return " ".join([*(f'"{phrase}"' for phrase in phrases), *words])


def attempts(text, operator="and"):
    """Return the Attempts for a search, strictest first (see the module docstring).

    A search of any words already (operator "or"), or with no words outside quotes, is tried once.
    """
    phrases, words = split(text)
    if operator != "and" or not words:
        return [Attempt(text, operator)]
    meaningful = meaningful_words(words)
    found = [Attempt(text)]
    if len(meaningful) > 1 or len(meaningful) < len(words):
        found.append(Attempt(_text(phrases, meaningful), ANY, tuple(meaningful)))
    return found
