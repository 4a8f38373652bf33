"""The one way a result gets in front of a reader: search page, API, "related" lists and "for you".

`rank()` takes the query, the reader and the filters, and `search()` reads the page of results it
ranked (pages, snippets, reasons). The access filter goes into the queryset the search backend runs
on, so that the count, the facets and every page of results are over what the reader may open, on
every backend. Personal and general boosts (search.personal) either go into the engine's own query
(backends whose results offer `personalised()`, see search.elastic) or re-rank the engine's best
text matches here.

Results are of two kinds, searched apart because they live in different tables and indexes: the
practice pages the reader may open (a page's search text includes its replies and its published
comments, so those are found through their page), and the entries aggregated from public-sector
blogs (`ExternalItem`, public, all but those editors retired). For page N each kind is asked for
its count, its facets and its first N * per_page results; the two lists are merged by score, each
score divided by the best of its own list (engines' scores are not comparable across indexes), an
entry weighted by EXTERNAL_WEIGHT so that the hub's own material leads a tie; sorted by date, they
merge by date. The count is the sum of the two counts, and the slice for page N is exact because
every page is cut from the same merged order. A search asks each kind a fixed number of queries.
"""

import difflib
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.utils import timezone

from wagtail.search.backends import get_search_backend
from wagtail.search.query import MATCH_ALL, And, Or, Phrase, PlainText

from hub.converters import parse_id
from practice.access import pages_named_by, reader_access_keys
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
from practice.models.external import ExternalItem, FeedSource
from practice.models.threads import prefetch_published_replies
from search import features, personal
from search.backends.ranked import reordered, with_index_keys
from search.elastic import UNREACHABLE
from search.index_keys import EXTERNAL as EXTERNAL_KEY
from search.index_keys import (
    FACET_KEYS,
    ITEM_FACET_KEYS,
    NOTHING,
    audience_key,
    community_key,
    source_key,
    topic_key,
    type_key,
)
from search.models import MAX_QUERY_LENGTH, BestBet, SynonymSet, normalise_query
from search.snippets import html_text, query_terms, snippet, text_snippet

logger = logging.getLogger(__name__)

PER_PAGE = 10
MAX_PAGE = 100
# Results are counted up to what a reader can page through; a search with more says "more than".
COUNT_LIMIT = MAX_PAGE * PER_PAGE
# The database backends re-rank at most this many of the engine's best text matches with personal
# boosts (fewer when boosts could not lift a match from further down onto the page: personal.reach).
RERANK_WINDOW = 200
MAX_EXPANSIONS = 6
FALLBACK_BACKEND = "database"
# Words too common to say what a page is about, left out of "related" queries: Lucene's English stop
# words, the ones our Elasticsearch analyzer drops (search.elastic, "_english_").
STOP_WORDS = {
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
    "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
    "will", "with",
}  # fmt: skip

# An aggregated entry's score against a page's, at the same place in their own lists.
EXTERNAL_WEIGHT = 0.9

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
    """One result: a practice page, or an entry from the wider public sector (`item`)."""

    page: PracticePage | None
    score: float
    why: list
    snippet: str
    published: object
    type: str
    topics: list = field(default_factory=list)  # names, A to Z
    community: str | None = None  # the title of a page's community
    item: ExternalItem | None = None

    @property
    def title(self):
        return self.page.title if self.page is not None else self.item.title

    @property
    def kind_label(self):
        return TYPE_LABELS.get(self.type) or self.page.kind_label


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
    more: bool = False  # more matches than `count` (see COUNT_LIMIT)

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
    return next((slug for slug, candidate in PAGE_TYPES.items() if candidate is model), "page")


# What no one types into a search box: C0 and C1 control characters and DEL. A NUL ends SQLite FTS5's
# string early and PostgreSQL refuses it in any text; tabs and line breaks only part words.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# What names a topic, an audience or a community in a filter.
SLUG = re.compile(r"[-\w]+")


def search_text(raw):
    """Return the words a reader searched for, single-spaced, with control characters left out."""
    words = (CONTROL_CHARACTERS.sub("", word) for word in raw.split())
    return " ".join(word for word in words if word)


def parse_params(params, reader):
    """Read the query, filters, page and sort from request parameters, or raise InvalidSearch."""
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
    return query, SearchFilters(types, topics, communities, audiences), page, sort


def visible_pages(reader, filters=SearchFilters(), in_sql=False):
    """Return the live practice pages the reader may open, narrowed by the filters; None if they allow no page.

    `in_sql` when the backend runs the queryset as SQL (see practice.access.visibility_filter). The
    queryset is marked with the same conditions as index keys, for backends that hold those
    (search.index_keys, search.backends.ranked.IndexKeys).
    """
    pages = PracticePage.objects.live().visible_to(reader, in_sql=in_sql)
    required = [reader_access_keys(reader)]
    if filters.types:
        models = [PAGE_TYPES[slug] for slug in filters.types if slug in PAGE_TYPES]
        if not models:
            return None
        content_types = [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]
        pages = pages.filter(content_type__in=content_types)
        required.append([type_key(pk) for pk in content_types])
    for slugs, model, through, key in [
        (filters.topics, Topic, PracticePage.topics.through, topic_key),
        (filters.audiences, AudienceRole, PracticePage.audiences.through, audience_key),
    ]:
        if slugs:
            chosen = list(model.objects.filter(slug__in=slugs).values_list("pk", flat=True))
            tagged = through.objects.filter(**{f"{model._meta.model_name}__in": chosen})
            pages = pages.filter(pages_named_by(tagged, in_sql))
            required.append([key(pk) for pk in chosen] or [NOTHING])
    if filters.communities:
        chosen = list(CommunityPage.objects.filter(slug__in=filters.communities).values_list("pk", flat=True))
        pages = pages.filter(community__in=chosen)
        required.append([community_key(pk) for pk in chosen] or [NOTHING])
    return with_index_keys(pages, required, FACET_KEYS, broad=1)


def visible_external_items(filters=SearchFilters()):
    """Return the aggregated entries anyone may open, narrowed by the filters; None if they allow no entry.

    Entries are public, all but those an editor retired. They belong to no community and are written
    for no audience, so filtering by either leaves none; their topics are their source's.
    """
    if filters.types and EXTERNAL not in filters.types or filters.communities or filters.audiences:
        return None
    items = ExternalItem.objects.current()
    # Every entry carries EXTERNAL: but entries are few beside the pages, so it is no broad key.
    required = [[EXTERNAL_KEY]]
    if filters.topics:
        sources = list(FeedSource.objects.filter(topics__slug__in=filters.topics).values_list("pk", flat=True))
        items = items.filter(source__in=sources)
        required.append([source_key(pk) for pk in sources] or [NOTHING])
    return with_index_keys(items, required, ITEM_FACET_KEYS)


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


def _parse(text, operator="and"):
    """One query from the reader's words: quoted phrases as phrases, other words all required (or any, with "or")."""
    phrases = re.findall(r'"([^"]+)"', text)
    words = re.sub(r'"[^"]*"', " ", text).replace('"', " ").split()
    parts = [Phrase(phrase) for phrase in phrases if phrase.strip()]
    if words:
        parts.append(PlainText(" ".join(words), operator=operator))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def build_query(text, operator="and"):
    """Return the engine query for the reader's words, with the editors' synonyms and acronyms swapped in."""
    if not text:
        return MATCH_ALL
    variants = expansions(text)
    queries = [query for query in (_parse(variant, operator) for variant in variants) if query is not None]
    if not queries:
        return MATCH_ALL
    return queries[0] if len(queries) == 1 else Or(queries)


FACET_FIELDS = {"type": "content_type_id", "topic": "topics", "community": "community_id", "audience": "audiences"}


@dataclass(frozen=True, eq=False)
class _Kind:
    """How one kind of result is searched: its facets, its newest-first order, what ranking knows of it."""

    model: type
    facets: dict
    date_order: tuple
    date: object  # object -> the date it is sorted by
    features: object  # objects -> {pk: features.Features}
    boosted_by_engine: bool  # whether an engine's own boosts (search.elastic) know its fields
    merge_rank: int  # which kind comes first when the two tie
    window_fields: tuple  # what `features` reads of a candidate, besides its pk


PAGES = _Kind(
    PracticePage,
    FACET_FIELDS,
    ("-first_published_at", "-path"),
    lambda page: page.first_published_at,
    features.candidate_features,
    True,
    0,
    ("title", "community_id", "first_published_at"),
)
ENTRIES = _Kind(
    ExternalItem,
    {"source": "source_id"},
    ("-published", "-id"),
    lambda item: item.published,
    features.external_features,
    False,
    1,
    ("title", "organisation_id", "region_id", "published", "source_id"),
)


@dataclass
class _Found:
    objects: object = None  # the queryset searched: what the reader may open of this kind
    count: int = 0
    more: bool = False  # more matches than COUNT_LIMIT, of which `count` says only the limit
    facets: dict = field(default_factory=dict)
    scored: list = field(default_factory=list)  # (pk, score), best first, from the first result
    features: dict = field(default_factory=dict)  # what re-ranking read of its candidates, by pk
    dates: dict = field(default_factory=dict)  # pk -> date, when sorted by date


def _orders_by_date(query, sort, signals):
    # Without words or a reader to rank for, newest first is the only order that means anything.
    return sort == "date" or query is MATCH_ALL and signals is None


def _engine(backend, query, terms, objects, kind, sort, stop, signals, now, with_facets=True, with_count=True):
    """Ask one backend about one kind of result: its count, its facets and its first `stop` (pk, score)."""
    if objects is None:
        return _Found()
    by_date = _orders_by_date(query, sort, signals)
    if by_date:
        results = backend.search(query, reordered(objects, *kind.date_order), order_by_relevance=False)
    else:
        results = backend.search(query, objects)
    found = _Found(objects)
    if by_date:
        newest = results[:stop]
        found.scored = [(obj.pk, 1.0 / (1 + position)) for position, obj in enumerate(newest)]
        found.dates = {obj.pk: kind.date(obj) for obj in newest}
    elif kind.boosted_by_engine and hasattr(results, "personalised"):
        ranked = results.personalised(signals, now).annotate_score("_score")
        found.scored = [(obj.pk, obj._score) for obj in ranked[:stop]]
    else:
        # Only the matches that boosts could lift into the first `stop` are re-ranked.
        size = min(RERANK_WINDOW, personal.reach(stop, signals))
        keys, found.features = _window(query, results, objects, kind, stop, size)
        scored = personal.rerank(keys, found.features, signals, now, terms)
        if stop > len(scored) and len(keys) == size:
            scored += [(obj.pk, 0.0) for obj in results[size:stop]]
        found.scored = scored[:stop]
    if with_count:
        # Counted after ranking: a ranking that saw every match, or more than are counted, answers it.
        count_up_to = getattr(results, "count_up_to", None)
        count = count_up_to(COUNT_LIMIT + 1) if count_up_to else results.count()
        if not count:
            return _Found(objects)
        found.count, found.more = min(count, COUNT_LIMIT), count > COUNT_LIMIT
        if with_facets:
            found.facets = {name: results.facet(attname) for name, attname in kind.facets.items()}
    return found


def _window(query, results, objects, kind, stop, size):
    """Return the candidates to re-rank, as (keys, best text match first; {key: Features}).

    They are the engine's best `size` text matches; with no words (a member's "for you"), the
    most recent candidates. Our backends give their keys, and keep their features beside the index
    (search.features.stored_features): one query, where reading them from the page tables took six.
    The features of objects indexed before they were kept, and of other backends' results, are
    read from their tables. Our backends rank in tiers (title, summary, the rest): when the title
    matches alone fill the page asked for, boosts re-rank among them, so a title match always stays
    above a body match.
    """
    if query is MATCH_ALL:
        keys = list(objects.order_by(*kind.date_order).values_list("pk", flat=True)[:size])
    else:
        ranked_keys = getattr(results, "ranked_keys", None)
        keys = ranked_keys(size, enough=stop) if ranked_keys else None
        if keys is None:
            candidates = list(results[:size])
            return [obj.pk for obj in candidates], kind.features(candidates)
    found = features.stored_features(kind.model, keys)
    missing = [key for key in keys if key not in found]
    if missing:
        rows = objects.filter(pk__in=missing).order_by().values("pk", *kind.window_fields)
        found.update(kind.features([SimpleNamespace(**row) for row in rows]))
    return [key for key in keys if key in found], found


def _merged(pages, entries, by_date):
    """Merge the two kinds' ranked lists into one order: [(pk, score, kind)], best first.

    By relevance, each score is divided by the best of its list and an entry's weighted by
    EXTERNAL_WEIGHT; by date, the newer comes first. Ties keep pages first and each list's own order.
    """
    merged = []
    for kind, found, weight in [(PAGES, pages, 1.0), (ENTRIES, entries, EXTERNAL_WEIGHT)]:
        top = max((score for _pk, score in found.scored), default=0.0)
        for position, (pk, score) in enumerate(found.scored):
            relative = weight * score / top if top > 0 else 0.0
            if by_date:
                date = found.dates[pk]
                key = -date.timestamp() if date else float("inf")
            else:
                key = -relative
            merged.append((key, kind.merge_rank, position, pk, relative, kind))
    merged.sort(key=lambda row: row[:3])
    return [(pk, score, kind) for _key, _rank, _position, pk, score, kind in merged]


def _nonzero(counts):
    return {key: n for key, n in (counts or {}).items() if key and n}


def _facet_values(raw, raw_entries, entry_count, filters, reader):
    """Turn the engines' facet counts (by id) into labelled values, keeping only what the reader may see.

    Entries count under their own type and under each of their source's topics.
    """
    facets = {}
    type_by_ct = {
        ct.pk: slug
        for slug, ct in zip(PAGE_TYPES, ContentType.objects.get_for_models(*PAGE_TYPES.values()).values(), strict=True)
    }
    types = [
        FacetValue(type_by_ct[ct_id], TYPE_LABELS[type_by_ct[ct_id]], n, type_by_ct[ct_id] in filters.types)
        for ct_id, n in raw.get("type", {}).items()
        if ct_id in type_by_ct and n
    ]
    topic_counts = Counter(_nonzero(raw.get("topic")))
    if raw_entries:
        types.append(FacetValue(EXTERNAL, TYPE_LABELS[EXTERNAL], entry_count, EXTERNAL in filters.types))
        by_source = _nonzero(raw_entries.get("source"))
        source_topics = FeedSource.topics.through.objects.filter(feedsource_id__in=by_source)
        for source_id, topic_id in source_topics.values_list("feedsource_id", "topic_id"):
            topic_counts[topic_id] += by_source[source_id]
    facets["type"] = sorted(types, key=lambda v: (-v.count, v.label))
    for name, model, chosen, counts in [
        ("topic", Topic, filters.topics, topic_counts),
        ("audience", AudienceRole, filters.audiences, _nonzero(raw.get("audience"))),
    ]:
        terms = model.objects.filter(pk__in=counts).values_list("pk", "slug", "name")
        facets[name] = sorted(
            (FacetValue(slug, label, counts[pk], slug in chosen) for pk, slug, label in terms),
            key=lambda v: (-v.count, v.label),
        )
    counts = _nonzero(raw.get("community"))
    communities = (
        CommunityPage.objects.live().visible_to(reader).filter(pk__in=counts).values_list("pk", "slug", "title")
    )
    facets["community"] = sorted(
        (FacetValue(slug, label, counts[pk], slug in filters.communities) for pk, slug, label in communities),
        key=lambda v: (-v.count, v.label),
    )
    return facets


def _best_bets(text, reader):
    """Return the editors' current picks for the query, as (page, note), among pages the reader may open."""
    if not text:
        return []
    bets = list(BestBet.objects.current().filter(query=normalise_query(text)).order_by("sort_order", "pk"))
    if not bets:
        return []
    picked = PracticePage.objects.live().visible_to(reader).filter(pk__in=[bet.page_id for bet in bets])
    pages = {page.pk: page for page in picked.specific()}
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


@dataclass
class Ranking:
    """A search ranked, before its results are read: what each kind's engine found, and the page's order."""

    pages: _Found
    entries: _Found
    order: list  # (pk, score, kind) of the page asked for, best first
    signals: personal.ReaderSignals | None
    incomplete: bool  # answered by the database because the search engine was unreachable

    @property
    def count(self):
        return min(self.pages.count + self.entries.count, COUNT_LIMIT)

    @property
    def more(self):
        return self.pages.more or self.entries.more or self.pages.count + self.entries.count > COUNT_LIMIT


def rank(
    query,
    reader,
    filters=SearchFilters(),
    page=1,
    sort="relevance",
    personalise=True,
    per_page=PER_PAGE,
    with_facets=True,
    external=True,
    operator="and",
    with_count=True,
):
    """Rank everything the reader may open (pages, and unless `external` is False, aggregated entries).

    Every word of the query must match, or with `operator="or"` any of them. Without `with_count`,
    matches are neither counted nor faceted (a list that shows neither). See the module docstring
    for how the two kinds are merged.
    """
    now = timezone.now()
    signals = personal.reader_signals(reader) if personalise else None
    entries = visible_external_items(filters) if external else None
    engine_query = build_query(query, operator)
    terms = query_terms(query)
    start, stop = (page - 1) * per_page, page * per_page

    def ask(backend):
        pages = visible_pages(reader, filters, in_sql=getattr(backend, "filters_in_sql", False))
        return [
            _engine(backend, engine_query, terms, objects, kind, sort, stop, signals, now, with_facets, with_count)
            for objects, kind in [(pages, PAGES), (entries, ENTRIES)]
        ]

    incomplete = False
    try:
        found_pages, found_entries = ask(get_search_backend())
    except UNREACHABLE as error:
        logger.warning("Search engine unreachable, answering from the database: %s", error)
        incomplete = True
        found_pages, found_entries = ask(get_search_backend(FALLBACK_BACKEND))
    order = _merged(found_pages, found_entries, _orders_by_date(engine_query, sort, signals))[start:stop]
    return Ranking(found_pages, found_entries, order, signals, incomplete)


def search(query, reader, filters=SearchFilters(), page=1, sort="relevance", per_page=PER_PAGE, **options):
    """Search everything the reader may open: its ranking (`rank`, with the same options) and that page of results."""
    with_facets = options.get("with_facets", True)
    ranked = rank(query, reader, filters, page, sort, per_page=per_page, **options)
    found_pages, found_entries = ranked.pages, ranked.entries
    return SearchResults(
        query=query,
        hits=_hits(ranked.order, query, ranked.signals, {PAGES: found_pages, ENTRIES: found_entries}),
        count=ranked.count,
        more=ranked.more,
        page=page,
        per_page=per_page,
        sort=sort,
        facets=(
            _facet_values(found_pages.facets, found_entries.facets, found_entries.count, filters, reader)
            if with_facets
            else {}
        ),
        best_bets=_best_bets(query, reader) if page == 1 else [],
        suggestions=suggestions(query, reader) if not (found_pages.count or found_entries.count) and query else [],
        personalised=ranked.signals is not None and not ranked.signals.empty,
        incomplete=ranked.incomplete,
    )


def _features(kind, objects, known):
    """Return Features for the objects, reading only those re-ranking has not read already."""
    missing = [obj for obj in objects if obj.pk not in known]
    return {**known, **kind.features(missing)} if missing else known


def _pages(objects, ids):
    """Return {pk: specific page} for those of the ids in `objects` (the pages the reader may open).

    Wagtail's specific() reads which of them the reader may open and their types, then each type's
    pages whole, each with its community's title (`community_title`: a hit shows no more of it);
    for threads, one query reads their published replies.
    """
    found = objects.filter(pk__in=ids).order_by().annotate(community_title=F("community__title")).specific()
    pages = {page.pk: page for page in found}
    prefetch_published_replies([page for page in pages.values() if isinstance(page, DiscussionThreadPage)])
    return pages


def _topic_names(features):
    """Return {topic id: name} for the topics of these Features, in one query."""
    ids = set().union(*(each.topics for each in features))
    return dict(Topic.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}


def _hits(merged, query, signals, found):
    """Return the Hits for one page of merged (pk, score, kind), in a fixed number of queries.

    The objects are read through the querysets searched ({kind: _Found}), so that whatever the
    index says, no hit is one the reader may not open.
    """
    page_ids = [pk for pk, _score, kind in merged if kind is PAGES]
    entry_ids = [pk for pk, _score, kind in merged if kind is ENTRIES]
    pages = _pages(found[PAGES].objects, page_ids) if page_ids else {}
    entries = {}
    if entry_ids:
        found_entries = found[ENTRIES].objects.select_related("source", "organisation")
        entries = found_entries.in_bulk(entry_ids)
    page_features = _features(PAGES, list(pages.values()), found[PAGES].features)
    entry_features = _features(ENTRIES, list(entries.values()), found[ENTRIES].features)
    topics = _topic_names([page_features[pk] for pk in pages] + [entry_features[pk] for pk in entries])

    def topic_names(features):
        return sorted((topics[pk] for pk in features.topics if pk in topics), key=str.casefold)

    hits = []
    for pk, score, kind in merged:
        if kind is PAGES and pk in pages:
            page = pages[pk]
            features = page_features[pk]
            hits.append(
                Hit(
                    page=page,
                    score=round(score, 4),
                    why=personal.reasons(features, signals),
                    snippet=snippet(page, query),
                    published=features.date,
                    type=type_slug(page),
                    topics=topic_names(features),
                    community=page.community_title,
                )
            )
        elif kind is ENTRIES and pk in entries:
            item = entries[pk]
            hits.append(
                Hit(
                    page=None,
                    item=item,
                    score=round(score, 4),
                    why=personal.reasons(entry_features[pk], signals),
                    snippet=text_snippet(html_text(item.summary), query),
                    published=item.published,
                    type=EXTERNAL,
                    topics=topic_names(entry_features[pk]),
                )
            )
    return hits


def related(page, reader, limit=3):
    """Return other pages like this one that the reader may open: its title's words, its topics.

    Ranked as any search is (`rank`), for pages with any of those words, personal boosts and all;
    one more is asked for, so that the page itself can be left out.
    """
    topics = " ".join(page.topics.values_list("name", flat=True))
    words = [word for word in re.findall(r"\w{3,}", f"{page.title} {topics}") if word.lower() not in STOP_WORDS]
    text = " ".join(words)[:MAX_QUERY_LENGTH]
    if not text:
        return []
    ranked = rank(text, reader, per_page=limit + 1, external=False, operator="or", with_count=False)
    keys = [pk for pk, _score, _kind in ranked.order if pk != page.pk][:limit]
    # A related page is shown by its title, link and kind, all on the generic page: one query.
    pages = ranked.pages.objects.in_bulk(keys) if keys else {}
    return [pages[pk] for pk in keys if pk in pages]


def for_you(reader, limit=5):
    """Return the reader's "for you" list: recent material ranked by their interests, role and communities."""
    signals = personal.reader_signals(reader)
    if signals is None or signals.empty:
        return []
    results = search("", reader, per_page=limit, with_facets=False, external=False, with_count=False)
    return [hit for hit in results.hits if hit.why]


def autocomplete(text, reader, limit=8):
    """Return pages the reader may open whose titles start with what they have typed."""
    pages = PracticePage.objects.live().visible_to(reader, in_sql=False)
    try:
        found = list(get_search_backend().autocomplete(text, pages)[:limit])
    except UNREACHABLE:
        found = list(get_search_backend(FALLBACK_BACKEND).autocomplete(text, pages)[:limit])
    specific = {p.pk: p for p in PracticePage.objects.filter(pk__in=[p.pk for p in found]).specific()}
    return [specific[p.pk] for p in found if p.pk in specific]
