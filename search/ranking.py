"""The one way a result gets in front of a reader: search page, API, "related" lists and "for you".

`search()` takes the query, the reader and the filters. The access filter goes into the queryset the
search backend runs on, so that the count, the facets and every page of results are over what the
reader may open, on every backend. Personal and general boosts (search.personal) either go into the
engine's own query (backends whose results offer `personalised()`, see search.elastic) or re-rank
the engine's best text matches here.
"""

import difflib
import logging
import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import timezone

from wagtail.search.backends import get_search_backend
from wagtail.search.query import MATCH_ALL, And, Or, Phrase, PlainText

from practice.models import (
    AudienceRole,
    BlogPostPage,
    CaseStudyPage,
    CollectionPage,
    CommunityPage,
    DiscussionThreadPage,
    EventPage,
    GuidancePage,
    PracticePage,
    ResourceLinkPage,
    Topic,
)

from . import personal
from .elastic import UNREACHABLE
from .models import MAX_QUERY_LENGTH, BestBet, SynonymSet, normalise_query
from .snippets import query_terms, snippet

logger = logging.getLogger(__name__)

PER_PAGE = 10
MAX_PAGE = 100
# The database backends re-rank this many of the engine's best text matches with personal boosts.
RERANK_WINDOW = 200
MAX_EXPANSIONS = 6
FALLBACK_BACKEND = "database"

# What readers filter by, with the words in URLs and the API.
TYPES = {
    "post": BlogPostPage,
    "discussion": DiscussionThreadPage,
    "resource": ResourceLinkPage,
    "collection": CollectionPage,
    "event": EventPage,
    "guidance": GuidancePage,
    "case-study": CaseStudyPage,
    "community": CommunityPage,
}
SORTS = {"relevance": "Relevance", "date": "Newest first"}


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


@dataclass
class Hit:
    page: PracticePage
    score: float
    why: list
    snippet: str
    published: object
    type: str


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResults:
    query: str
    hits: list
    count: int
    page: int
    per_page: int
    sort: str
    facets: dict = field(default_factory=dict)
    best_bets: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)
    personalised: bool = False
    incomplete: bool = False

    @property
    def page_obj(self):
        """A Django page of these hits, for the GOV.UK pagination component."""
        return Paginator(_CountedHits(self), self.per_page).get_page(self.page)


class _CountedHits:
    """The paginator's view of a result set: its full count, and the one page we fetched."""

    def __init__(self, results):
        self.results = results

    def count(self):
        return self.results.count

    def __getitem__(self, key):
        return self.results.hits


def type_slug(page):
    model = page.specific_class
    return next((slug for slug, candidate in TYPES.items() if candidate is model), "page")


def parse_params(params, reader):
    """Read the query, filters, page and sort from request parameters, or raise InvalidSearch."""
    errors = {}
    query = " ".join(params.get("q", "").split())
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

    topics = params.getlist("topic")
    audiences = params.getlist("audience")
    communities = params.getlist("community")
    types = slugs("type", TYPES.keys(), "content type")
    topics = slugs("topic", set(Topic.objects.filter(slug__in=topics[:21]).values_list("slug", flat=True)), "topic")
    audiences = slugs(
        "audience", set(AudienceRole.objects.filter(slug__in=audiences[:21]).values_list("slug", flat=True)), "audience"
    )
    # Only communities the reader may see are known: a private one is as unknown as a made-up one.
    visible_communities = CommunityPage.objects.live().visible_to(reader).filter(slug__in=communities[:21])
    communities = slugs("community", set(visible_communities.values_list("slug", flat=True)), "community")

    page = params.get("page", "1")
    if not (page.isdigit() and 1 <= int(page) <= MAX_PAGE):
        errors["page"] = f"Give a page number from 1 to {MAX_PAGE}."
    sort = params.get("sort") or "relevance"
    if sort not in SORTS:
        errors["sort"] = "Sort by relevance or date."
    if errors:
        raise InvalidSearch(errors)
    return query, SearchFilters(types, topics, communities, audiences), int(page), sort


def visible_pages(reader, filters=SearchFilters()):
    """Return the live practice pages the reader may open, narrowed by the filters."""
    pages = PracticePage.objects.live().visible_to(reader)
    if filters.types:
        models = [TYPES[slug] for slug in filters.types]
        pages = pages.filter(content_type__in=list(ContentType.objects.get_for_models(*models).values()))
    # Matched on path, not id: search backends drop filters on a page type's pointer key, and the
    # Elasticsearch backends resolve these subqueries to lists.
    if filters.topics:
        pages = pages.filter(path__in=PracticePage.objects.filter(topics__slug__in=filters.topics).values("path"))
    if filters.audiences:
        pages = pages.filter(path__in=PracticePage.objects.filter(audiences__slug__in=filters.audiences).values("path"))
    if filters.communities:
        pages = pages.filter(
            community__in=list(CommunityPage.objects.filter(slug__in=filters.communities).values_list("pk", flat=True))
        )
    return pages


def _synonym_sets():
    return [synonyms.term_list() for synonyms in SynonymSet.objects.all()]


def expansions(query):
    """Return the query and its variants with each synonym or acronym the editors keep swapped in."""
    variants = [query.lower()]
    for terms in _synonym_sets():
        for variant in list(variants):
            for term in terms:
                if re.search(rf"\b{re.escape(term)}\b", variant):
                    for other in terms:
                        if other != term:
                            variants.append(re.sub(rf"\b{re.escape(term)}\b", other, variant))
                    break
    return list(dict.fromkeys(variants))[:MAX_EXPANSIONS]


def _parse(text):
    """One query from the reader's words: quoted phrases as phrases, other words all required."""
    phrases = re.findall(r'"([^"]+)"', text)
    words = re.sub(r'"[^"]*"', " ", text).replace('"', " ").split()
    parts = [Phrase(phrase) for phrase in phrases if phrase.strip()]
    if words:
        parts.append(PlainText(" ".join(words), operator="and"))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def build_query(text):
    """Return the engine query for the reader's words, with the editors' synonyms and acronyms swapped in."""
    if not text:
        return MATCH_ALL
    variants = expansions(text)
    queries = [query for query in (_parse(variant) for variant in variants) if query is not None]
    if not queries:
        return MATCH_ALL
    return queries[0] if len(queries) == 1 else Or(queries)


def _engine(backend, text, pages, sort, start, stop, signals, now, with_facets=True):
    """Ask one backend: the count, the facets and the (page, score) pairs from start to stop."""
    query = build_query(text)
    # Without words or a reader to rank for, newest first is the only order that means anything.
    by_date = sort == "date" or query is MATCH_ALL and signals is None
    if by_date:
        results = backend.search(query, pages.order_by("-first_published_at", "-path"), order_by_relevance=False)
    else:
        results = backend.search(query, pages)
    count = results.count()
    facets = {name: results.facet(attname) for name, attname in FACET_FIELDS.items()} if count and with_facets else {}
    if by_date:
        window = list(results[start:stop])
        scored = [(page, 1.0 / (1 + position)) for position, page in enumerate(window, start)]
    elif hasattr(results, "personalised"):
        ranked = results.personalised(signals, now).annotate_score("_score")
        scored = [(page, page._score) for page in ranked[start:stop]]
    elif start < RERANK_WINDOW:
        window = list(results[:RERANK_WINDOW]) if query is not MATCH_ALL else _recent_window(pages)
        ranked, _ = personal.rerank(window, signals, now, terms=query_terms(text))
        scored = ranked[start:stop]
        if stop > len(ranked) and len(ranked) == RERANK_WINDOW:
            scored += [(page, 0.0) for page in results[RERANK_WINDOW:stop]]
    else:
        scored = [(page, 0.0) for page in results[start:stop]]
    return count, facets, scored


def _recent_window(pages):
    """The candidates for a reader's "for you" list: the most recent pages they may open."""
    return list(pages.order_by("-first_published_at", "-path")[:RERANK_WINDOW])


FACET_FIELDS = {"type": "content_type_id", "topic": "topics", "community": "community_id", "audience": "audiences"}


def _facet_values(raw, filters, reader):
    """Turn the engine's facet counts (by id) into labelled values, keeping only what the reader may see."""
    facets = {}
    type_by_ct = {
        ct.pk: slug
        for slug, ct in zip(TYPES, ContentType.objects.get_for_models(*TYPES.values()).values(), strict=True)
    }
    types = [
        FacetValue(
            type_by_ct[ct_id],
            TYPES[type_by_ct[ct_id]]._meta.verbose_name.capitalize(),
            n,
            type_by_ct[ct_id] in filters.types,
        )
        for ct_id, n in raw.get("type", {}).items()
        if ct_id in type_by_ct and n
    ]
    facets["type"] = sorted(types, key=lambda v: (-v.count, v.label))
    for name, model, chosen in [("topic", Topic, filters.topics), ("audience", AudienceRole, filters.audiences)]:
        counts = {key: n for key, n in raw.get(name, {}).items() if key and n}
        terms = model.objects.filter(pk__in=counts).values_list("pk", "slug", "name")
        facets[name] = sorted(
            (FacetValue(slug, label, counts[pk], slug in chosen) for pk, slug, label in terms),
            key=lambda v: (-v.count, v.label),
        )
    counts = {key: n for key, n in raw.get("community", {}).items() if key and n}
    communities = (
        CommunityPage.objects.live().visible_to(reader).filter(pk__in=counts).values_list("pk", "slug", "title")
    )
    facets["community"] = sorted(
        (FacetValue(slug, label, counts[pk], slug in filters.communities) for pk, slug, label in communities),
        key=lambda v: (-v.count, v.label),
    )
    return facets


def _best_bets(text, reader):
    if not text:
        return []
    visible = PracticePage.objects.live().visible_to(reader).values("pk")
    bets = BestBet.objects.current().filter(query=normalise_query(text), page__in=visible).order_by("sort_order", "pk")
    pages = {page.pk: page for page in PracticePage.objects.filter(pk__in=[bet.page_id for bet in bets]).specific()}
    return [(pages[bet.page_id], bet.note) for bet in bets if bet.page_id in pages]


def suggestions(text, reader, limit=3):
    """Offer other searches when nothing matched: close spellings from titles and topics the reader may see."""
    words = re.findall(r"\w+", text.lower())
    if not words:
        return []
    vocabulary = set()
    titles = PracticePage.objects.live().visible_to(reader).order_by("-first_published_at")[:2000]
    for title in titles.values_list("title", flat=True):
        vocabulary.update(word for word in re.findall(r"\w+", title.lower()) if len(word) > 2)
    for name in Topic.objects.values_list("name", flat=True):
        vocabulary.update(re.findall(r"\w+", name.lower()))
    corrected = [(difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75) or [word])[0] for word in words]
    offered = []
    if corrected != words:
        offered.append(" ".join(corrected))
    offered += [
        name
        for name in Topic.objects.filter(Q(name__icontains=words[0]) | Q(slug__icontains=words[0])).values_list(
            "name", flat=True
        )[:limit]
        if name.lower() != text.lower()
    ]
    return offered[:limit]


def search(
    query,
    reader,
    filters=SearchFilters(),
    page=1,
    sort="relevance",
    personalise=True,
    per_page=PER_PAGE,
    with_facets=True,
):
    """Search everything the reader may open; see the module docstring."""
    now = timezone.now()
    signals = personal.reader_signals(reader) if personalise else None
    pages = visible_pages(reader, filters)
    start, stop = (page - 1) * per_page, page * per_page
    backend = get_search_backend()
    incomplete = False
    try:
        count, raw_facets, scored = _engine(backend, query, pages, sort, start, stop, signals, now, with_facets)
    except UNREACHABLE as error:
        logger.warning("Search engine unreachable, answering from the database: %s", error)
        incomplete = True
        fallback = get_search_backend(FALLBACK_BACKEND)
        count, raw_facets, scored = _engine(fallback, query, pages, sort, start, stop, signals, now, with_facets)
    found = PracticePage.objects.filter(pk__in=[p.pk for p, _ in scored]).specific().prefetch_related("topics")
    specific = {p.pk: p for p in found}
    features = personal.candidate_features([p for p, _ in scored])
    hits = [
        Hit(
            page=specific[p.pk],
            score=round(score, 4),
            why=personal.reasons(features[p.pk], signals),
            snippet=snippet(specific[p.pk], query),
            published=features[p.pk].date,
            type=type_slug(specific[p.pk]),
        )
        for p, score in scored
        if p.pk in specific
    ]
    return SearchResults(
        query=query,
        hits=hits,
        count=count,
        page=page,
        per_page=per_page,
        sort=sort,
        facets=_facet_values(raw_facets, filters, reader),
        best_bets=_best_bets(query, reader) if page == 1 else [],
        suggestions=suggestions(query, reader) if count == 0 and query else [],
        personalised=signals is not None and not signals.empty,
        incomplete=incomplete,
    )


def related(page, reader, limit=3):
    """Return other pages like this one that the reader may open: its title's words, its topics."""
    words = " ".join(re.findall(r"\w{3,}", page.title))
    topics = " ".join(page.topics.values_list("name", flat=True))
    text = " ".join(f"{words} {topics}".split())[:MAX_QUERY_LENGTH]
    if not text:
        return []
    backend = get_search_backend()
    pages = PracticePage.objects.live().visible_to(reader).exclude(path=page.path)
    query = PlainText(text, operator="or")
    try:
        found = list(backend.search(query, pages)[:limit])
    except UNREACHABLE:
        found = list(get_search_backend(FALLBACK_BACKEND).search(query, pages)[:limit])
    specific = {p.pk: p for p in PracticePage.objects.filter(pk__in=[p.pk for p in found]).specific()}
    return [specific[p.pk] for p in found if p.pk in specific]


def for_you(reader, limit=5):
    """Return the reader's "for you" list: recent material ranked by their interests, role and communities."""
    signals = personal.reader_signals(reader)
    if signals is None or signals.empty:
        return []
    results = search("", reader, per_page=limit, with_facets=False)
    return [hit for hit in results.hits if hit.why]


def autocomplete(text, reader, limit=8):
    """Return pages the reader may open whose titles start with what they have typed."""
    pages = PracticePage.objects.live().visible_to(reader)
    try:
        found = list(get_search_backend().autocomplete(text, pages)[:limit])
    except UNREACHABLE:
        found = list(get_search_backend(FALLBACK_BACKEND).autocomplete(text, pages)[:limit])
    specific = {p.pk: p for p in PracticePage.objects.filter(pk__in=[p.pk for p in found]).specific()}
    return [specific[p.pk] for p in found if p.pk in specific]
