"""What a reader asked for: the words, filters, page and sort read from a request, and the engine query.

`parse_params` reads and checks a request's parameters; a `Search` carries one search to ranking
(search.ranking.rank), whoever asked (the search page, the API, "related" and "for you" lists).
`build_query` turns the reader's words into the engine's query, with the editors' synonyms and
acronyms swapped in.
"""

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from wagtail.search.query import MATCH_ALL, And, Or, Phrase, PlainText

from hub.converters import parse_id
from practice.models import (
    AudienceRole,
    BlogPostPage,
    CaseStudyPage,
    CollectionPage,
    CommunityPage,
    DiscussionThreadPage,
    EventPage,
    GuidancePage,
    ResourceLinkPage,
    Topic,
)
from practice.models.external import ExternalItem
from search.models import MAX_QUERY_LENGTH, SynonymSet
from search.relaxing import ANY, AnyWords, meaningful_words
from search.word_forms import british_text, joined_variants

PER_PAGE = 10
MAX_PAGE = 100
MAX_EXPANSIONS = 6

# What readers filter by, with the words in URLs and the API.
EXTERNAL = "external"
PAGE_TYPES = {
    "post": BlogPostPage,
    "discussion": DiscussionThreadPage,
    "resource": ResourceLinkPage,
    "collection": CollectionPage,
    "event": EventPage,
    "guidance": GuidancePage,
    "case-study": CaseStudyPage,
    "community": CommunityPage,
}
TYPES = {**PAGE_TYPES, EXTERNAL: ExternalItem}
TYPE_LABELS = {
    **{slug: model._meta.verbose_name.capitalize() for slug, model in PAGE_TYPES.items()},
    EXTERNAL: "From the wider public sector",
}
SORTS = {"relevance": "Relevance", "date": "Newest first"}
# `spelling=as-typed`: search the words as typed, without correcting them.
AS_TYPED = "as-typed"

# What no one types into a search box: C0 and C1 control characters and DEL. A NUL ends SQLite FTS5's
# string early and PostgreSQL refuses it in any text; tabs and line breaks only part words.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# The words of a query or a synonym, for telling quickly which synonyms a query may hold.
WORDS = re.compile(r"[\w']+")
# What names a topic, an audience or a community in a filter.
SLUG = re.compile(r"[-\w]+")


class InvalidSearch(ValueError):
    """The reader's parameters cannot be searched with; `errors` maps each parameter to what is wrong."""

    def __init__(self, errors):
        super().__init__("; ".join(f"{name}: {message}" for name, message in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class SearchFilters:
    types: tuple = ()
    topics: tuple = ()
    communities: tuple = ()
    audiences: tuple = ()

    def __bool__(self):
        return bool(self.types or self.topics or self.communities or self.audiences)


NO_FILTERS = SearchFilters()


@dataclass(frozen=True)
class Search:
    """One search, as ranking is asked it: the reader's words and filters, and what the asker will show.

    Every word must match, or with `operator="or"` any of them. Without `count`, matches are
    neither counted nor faceted (a list that shows neither); without `facets`, not faceted;
    without `external`, aggregated entries are left out.
    """

    text: str
    reader: object
    filters: SearchFilters = NO_FILTERS
    page: int = 1
    sort: str = "relevance"
    per_page: int = PER_PAGE
    personalise: bool = True
    facets: bool = True
    count: bool = True
    external: bool = True
    operator: str = "and"
    correct: bool = True  # whether misspelt words may be corrected (search.spelling)
    synonyms: bool = True  # whether the editors' synonyms widen the words (not for a page's own title)

    @property
    def start(self):
        return (self.page - 1) * self.per_page

    @property
    def stop(self):
        return self.page * self.per_page


class Params(NamedTuple):
    """A request's search parameters, checked (see parse_params)."""

    text: str
    filters: SearchFilters
    page: int
    sort: str
    correct: bool = True  # False with spelling=as-typed: "search instead for" the words as typed

    def search(self, reader, **options):
        """Return the Search these parameters ask for, as `reader`."""
        return Search(self.text, reader, self.filters, self.page, self.sort, correct=self.correct, **options)


def search_text(raw):
    """Return the words a reader searched for, single-spaced, with control characters left out."""
    words = (CONTROL_CHARACTERS.sub("", word) for word in raw.split())
    return " ".join(word for word in words if word)


def parse_params(params, reader):
    """Read the query, filters, page and sort from request parameters (a Params), or raise InvalidSearch."""
    errors = {}
    query = search_text(params.get("q", ""))
    if len(query) > MAX_QUERY_LENGTH:
        errors["q"] = f"Search for {MAX_QUERY_LENGTH} characters or fewer."

    def slugs(name, known, noun):
        chosen = tuple(dict.fromkeys(value for value in params.getlist(name) if value))
        unknown = [value for value in chosen if value not in known]
        if len(chosen) > 20:
            errors[name] = f"Choose 20 {noun}s or fewer."
        elif unknown:
            errors[name] = f"There is no {noun} called ‘{unknown[0][:40]}’."
        return chosen

    # Only slugs are looked up: anything else (a NUL, which PostgreSQL refuses) is unknown without asking.
    topics, audiences, communities = (
        [value for value in params.getlist(name) if SLUG.fullmatch(value)]
        for name in ("topic", "audience", "community")
    )
    types = slugs("type", TYPES.keys(), "content type")
    topics = slugs("topic", set(Topic.objects.filter(slug__in=topics[:21]).values_list("slug", flat=True)), "topic")
    audiences = slugs(
        "audience", set(AudienceRole.objects.filter(slug__in=audiences[:21]).values_list("slug", flat=True)), "audience"
    )
    # Only communities the reader may see are known: a private one is as unknown as a made-up one.
    visible_communities = CommunityPage.objects.live().visible_to(reader).filter(slug__in=communities[:21])
    communities = slugs("community", set(visible_communities.values_list("slug", flat=True)), "community")

    page = parse_id(params.get("page", "1"))
    if page is None or not 1 <= page <= MAX_PAGE:
        errors["page"] = f"Give a page number from 1 to {MAX_PAGE}."
    sort = params.get("sort") or "relevance"
    if sort not in SORTS:
        errors["sort"] = "Sort by relevance or date."
    if errors:
        raise InvalidSearch(errors)
    correct = params.get("spelling") != AS_TYPED
    return Params(query, SearchFilters(types, topics, communities, audiences), page, sort, correct)


def synonym_sets():
    """Return the editors' synonyms, each set as its list of terms: read once for all of a search's queries."""
    return [SynonymSet.terms_in(terms) for terms in SynonymSet.objects.values_list("terms", flat=True)]


@functools.cache
def _term(term):
    """Return (its words, a pattern finding it whole) of a synonym term, made once per term."""
    return frozenset(WORDS.findall(term)), re.compile(rf"\b{re.escape(term)}\b")


def forms_of(query):
    """Return the query in British spelling, and with its hyphenated words joined up if it has any.

    See search.word_forms.
    """
    spelt = british_text(query).lower()
    return list(dict.fromkeys([spelt, joined_variants(spelt)]))


def expansions(query, sets=None):
    """Return the query and its variants with each synonym or acronym the editors keep swapped in.

    `sets` as synonym_sets() gives them (read here if None). American words are read as British, and
    hyphenated words are also tried joined up (search.word_forms).
    """
    variants = forms_of(query)
    for terms in synonym_sets() if sets is None else sets:
        for variant in list(variants):
            held = set(WORDS.findall(variant))
            for term in terms:
                words, pattern = _term(term)
                if words <= held and pattern.search(variant):
                    variants += [pattern.sub(other, variant) for other in terms if other != term]
                    break
    return list(dict.fromkeys(variants))[:MAX_EXPANSIONS]


def _parse(text, operator="and"):
    """One query from the reader's words: quoted phrases as phrases, other words all required.

    With "or", any of the other words; with ANY, any of those that carry meaning, ranked by how many
    a result holds (search.relaxing.AnyWords): a synonym swapped in brings its own little words.
    """
    phrases = re.findall(r'"([^"]+)"', text)
    words = re.sub(r'"[^"]*"', " ", text).replace('"', " ").split()
    parts = [Phrase(phrase) for phrase in phrases if phrase.strip()]
    if words and operator == ANY:
        parts.append(AnyWords(" ".join(meaningful_words(words))))
    elif words:
        parts.append(PlainText(" ".join(words), operator=operator))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def build_query(text, operator="and", synonyms=None):
    """Return the engine query for the reader's words, with the editors' synonyms and acronyms swapped in.

    `synonyms`: the sets to swap in, as synonym_sets() gives them (read here if None); with none,
    the words alone, in their British spelling and with compounds joined up too.
    """
    if not text:
        return MATCH_ALL
    variants = expansions(text, synonyms)
    queries = [query for query in (_parse(variant, operator) for variant in variants) if query is not None]
    if not queries:
        return MATCH_ALL
    return queries[0] if len(queries) == 1 else Or(queries)
