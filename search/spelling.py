"""Spelling: a word that finds nothing the reader may open is corrected to a near word that does.

A reader's word is misspelt, for search, when the hub's own search for it (synonyms and other
spellings included) finds nothing the reader may open. Its corrections come from the words the
index holds (the database backend's vocabulary, search.backends.SearchEngine.words_like): those
with the same first letter, no more than one edit away for a short word, two for a longer one
(an edit: a letter added, dropped, changed, or two swapped). Of those, the nearest that the
reader's own search finds wins, and the most found among equally near ones: so a word is never
corrected to one the reader could not find, and a word found only in what the reader may not open
is never offered. A word the reader's search finds is never replaced, however rare, nor a word the index holds as
written (whoever's page holds it: leaving it as typed tells nobody anything); only the other words
are counted, so a search of real words costs one lookup.

Every count is the reader's: the same Scope of what they may open that ranking searches
(search.ranking.visible_pages), on whichever backend answers, falling back as ranking does.
"""

import re
from dataclasses import dataclass

from wagtail.search.backends import InvalidSearchBackendError, get_search_backend

from search import relaxing
from search.backends import as_engine
from search.elastic import UNREACHABLE
from search.query import build_query, synonym_sets
from search.ranking import FALLBACK_BACKEND, visible_external_items, visible_pages

# How many letters longer or shorter than the typed word a correction may be.
SPREAD = 2
# The nearest this many words the index holds are checked against the reader's search.
MAX_OPTIONS = 6
# Words are counted no further: enough to tell a common word from a rare one.
COUNT_LIMIT = 200


@dataclass(frozen=True)
class Correction:
    """A search with its misspelt words corrected: the new text, and {typed word: its correction}."""

    text: str
    words: dict


def edits(a, b):
    """Return the edits between two words: letters added, dropped, changed or two neighbours swapped."""
    previous, current = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous, current = previous, current, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
    return current[len(b)]


def most_edits(word):
    """How many edits a correction of a word may be: one for a word of up to four letters, else two."""
    return 1 if len(word) <= 4 else 2


def nearest(word, vocabulary):
    """Return the words of the vocabulary near enough to be a correction of `word`, nearest first."""
    word = word.lower()
    near = [(edits(word, known), known) for known in vocabulary if known != word]
    near = [(distance, known) for distance, known in near if distance <= most_edits(word)]
    return [known for _distance, known in sorted(near)[:MAX_OPTIONS]]


def _vocabulary_backend():
    """The backend whose vocabulary corrections come from: the database backend beside an engine, or the default."""
    try:
        return as_engine(get_search_backend(FALLBACK_BACKEND))
    except InvalidSearchBackendError:  # none of that name: the default is the database backend
        return as_engine(get_search_backend())


def reader_counts(words, search, synonyms=None):
    """Return {word: how many results the reader of `search` may open hold it}, up to COUNT_LIMIT each.

    Each word is searched as the hub searches it, with the synonym sets given (read once here if None).
    """
    synonyms = synonym_sets() if synonyms is None else synonyms
    entries = visible_external_items(search.filters) if search.external else None
    pages_for = {}

    def count(backend, word):
        engine = as_engine(backend)
        if engine not in pages_for:
            pages_for[engine] = visible_pages(search.reader, search.filters, in_sql=engine.filters_in_sql)
        query = build_query(word, synonyms=synonyms)
        return sum(
            engine.ranked_search(query, scope).count_up_to(COUNT_LIMIT)
            for scope in (pages_for[engine], entries)
            if scope is not None
        )

    counts = {}
    for word in words:
        try:
            counts[word] = count(get_search_backend(), word)
        except UNREACHABLE:
            counts[word] = count(get_search_backend(FALLBACK_BACKEND), word)
    return counts


def correction(search):
    """Return the Correction of a Search's misspelt words (outside quotes), or None if it has none to correct."""
    _phrases, words = relaxing.split(search.text)
    asked = [word for word in relaxing.meaningful_words(words) if word.isalpha() and len(word) > 2]
    if not asked:
        return None
    # A word the index holds as written is a word, never corrected; only the others are counted.
    vocabulary = _vocabulary_backend()
    written = vocabulary.written_words({word.lower() for word in asked})
    unsure = [word for word in asked if word.lower() not in written]
    if not unsure:
        return None
    synonyms = synonym_sets()
    known = reader_counts(unsure, search, synonyms)
    corrected = {}
    for word in (word for word in unsure if not known[word]):
        options = nearest(word, vocabulary.words_like(word, SPREAD))
        found = {option: n for option, n in reader_counts(options, search, synonyms).items() if n}
        if found:
            corrected[word] = min(found, key=lambda option: (edits(word.lower(), option), -found[option], option))
    if not corrected:
        return None
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, corrected)) + r")\b")
    return Correction(pattern.sub(lambda match: corrected[match.group()], search.text), corrected)
