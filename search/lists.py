"""Short lists ranked as any search is: "related" on every page, a member's "for you", autocomplete."""

import re

from wagtail.search.backends import get_search_backend

from practice.models import PracticePage
from search import personal
from search.elastic import UNREACHABLE
from search.models import MAX_QUERY_LENGTH
from search.query import Search, expansions
from search.ranking import FALLBACK_BACKEND, rank
from search.results import search

# Words too common to say what a page is about, left out of "related" queries: Lucene's English stop
# words, the ones our Elasticsearch analyzer drops (search.elastic, "_english_").
STOP_WORDS = {
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
    "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
    "will", "with",
}  # fmt: skip


def related(page, reader, limit=3):
    """Return other pages like this one that the reader may open: its title's words, its topics.

    Ranked as any search is (search.ranking.rank), for pages with any of those words, personal
    boosts and all; one more is asked for, so that the page itself can be left out.
    """
    topics = " ".join(page.topics.values_list("name", flat=True))
    words = [word for word in re.findall(r"\w{3,}", f"{page.title} {topics}") if word.lower() not in STOP_WORDS]
    text = " ".join(words)[:MAX_QUERY_LENGTH]
    if not text:
        return []
    # A title is no reader's words: the editors' synonyms would only blur what the page is about.
    asked = Search(text, reader, per_page=limit + 1, external=False, operator="or", count=False, synonyms=False)
    ranked = rank(asked)
    keys = [pk for pk, _score, _kind in ranked.order if pk != page.pk][:limit]
    # A related page is shown by its title, link and kind, all on the generic page: one query.
    pages = ranked.pages.objects.in_bulk(keys) if keys else {}
    return [pages[pk] for pk in keys if pk in pages]


def for_you(reader, limit=5):
    """Return the reader's "for you" list: recent material ranked by their interests, role and communities."""
    signals = personal.reader_signals(reader)
    if signals is None or signals.empty:
        return []
    results = search("", reader, per_page=limit, facets=False, external=False, count=False)
    return [hit for hit in results.hits if hit.why]


def autocomplete(text, reader, limit=8):
    """Return pages the reader may open whose titles start with what they have typed, or with a synonym of it.

    What was typed comes first (in British spelling, search.word_forms); if it fills fewer than
    `limit`, each of the editors' synonyms for it (search.query.expansions) is asked in turn.
    """
    pages = PracticePage.objects.live().visible_to(reader, in_sql=False)
    found = {}
    for variant in expansions(text):
        if len(found) >= limit:
            break
        for page in _titles_starting(variant, pages, limit):
            found.setdefault(page.pk, page)
    keys = list(found)[:limit]
    specific = {page.pk: page for page in PracticePage.objects.filter(pk__in=keys).specific()}
    return [specific[pk] for pk in keys if pk in specific]


def _titles_starting(text, pages, limit):
    try:
        return list(get_search_backend().autocomplete(text, pages)[:limit])
    except UNREACHABLE:
        return list(get_search_backend(FALLBACK_BACKEND).autocomplete(text, pages)[:limit])
