"""The one way a result gets in front of a reader: `rank()` orders what the reader may open for a Search.

The search page, the API, "related" and "for you" lists all ask `rank` (search.results reads the
page of results it ranked, search.lists the short lists). The access filter goes into what the
search backend searches (a `Scope`: the queryset, and the index keys that select the same), so that
the count, the facets and every page of results are over what the reader may open, on every
backend. Personal and general boosts (search.features) either go into the engine's own query
(backends whose results are `personalised()` by the engine, see search.elastic) or re-rank the
engine's best text matches here (search.personal).

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

import datetime as dt
import logging
from dataclasses import dataclass, field, replace
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.search.backends import get_search_backend
from wagtail.search.query import MATCH_ALL

from practice.access import pages_named_by
from practice.models import AudienceRole, CommunityPage, PracticePage, Topic
from practice.models.external import ExternalItem, FeedSource
from search import features, personal, relaxing
from search.backends import IndexKeys, Scope, as_engine
from search.elastic import UNREACHABLE
from search.index_keys import EXTERNAL as EXTERNAL_KEY
from search.index_keys import (
    FACET_KEYS,
    ITEM_FACET_KEYS,
    NOTHING,
    audience_key,
    community_key,
    reader_access_keys,
    source_key,
    topic_key,
    type_key,
)
from search.query import EXTERNAL, MAX_PAGE, NO_FILTERS, PAGE_TYPES, PER_PAGE, build_query, synonym_sets
from search.snippets import query_terms

logger = logging.getLogger(__name__)

# Results are counted up to what a reader can page through; a search with more says "more than".
COUNT_LIMIT = MAX_PAGE * PER_PAGE
# The database backends re-rank at most this many of the engine's best text matches with personal
# boosts (fewer when boosts could not lift a match from further down onto the page: personal.reach).
RERANK_WINDOW = 200
FALLBACK_BACKEND = "database"
# A search whose every word finds fewer results than this is asked again for any of them (search.relaxing).
ENOUGH = 3
# An aggregated entry's score against a page's, at the same place in their own lists.
EXTERNAL_WEIGHT = 0.9


def visible_pages(reader, filters=NO_FILTERS, in_sql=False):
    """Return the Scope of live practice pages the reader may open, narrowed by the filters; None if they allow none.

    `in_sql` when the backend runs the queryset as SQL (see practice.access.visibility_filter). The
    Scope carries the same conditions as index keys, for backends that hold those
    (search.index_keys, search.backends.IndexKeys).
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
    return Scope(pages, IndexKeys(tuple(map(tuple, required)), FACET_KEYS, broad=1))


def visible_external_items(filters=NO_FILTERS):
    """Return the Scope of aggregated entries anyone may open, narrowed by the filters; None if they allow none.

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
    return Scope(items, IndexKeys(tuple(map(tuple, required)), ITEM_FACET_KEYS))


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

    def total(self, counted):
        """How many were found: the count, if the search counts, else how many were ranked."""
        return self.count if counted else len(self.scored)

    def after(self, strict):
        """Return these results (a looser search's) with those a stricter search found first, in its order."""
        if not strict.scored:
            return self
        first = {pk for pk, _score in strict.scored}
        top = max((score for _pk, score in self.scored), default=0.0)
        lifted = [(pk, top + score - strict.scored[-1][1] + 1.0) for pk, score in strict.scored]
        rest = [(pk, score) for pk, score in self.scored if pk not in first]
        return replace(
            self,
            scored=(lifted + rest)[: len(self.scored) or len(lifted)],
            features={**strict.features, **self.features},
        )


@dataclass(frozen=True)
class _Plan:
    """What each kind's engine is asked for one Search, worked out once."""

    query: object  # the engine query (search.query.build_query)
    terms: tuple  # the reader's words, for re-ranking by title
    stop: int  # how many of the best results the page asked for needs
    signals: personal.ReaderSignals | None
    now: dt.datetime
    by_date: bool
    facets: bool
    count: bool


def _orders_by_date(query, sort, signals):
    # Without words or a reader to rank for, newest first is the only order that means anything.
    return sort == "date" or query is MATCH_ALL and signals is None


def _engine(engine, plan, scope, kind):
    """Ask one engine about one kind of result: its count, its facets and its first `plan.stop` (pk, score)."""
    if scope is None:
        return _Found()
    stop, signals = plan.stop, plan.signals
    if plan.by_date:
        results = engine.ranked_search(plan.query, scope.order_by(*kind.date_order), order_by_relevance=False)
    else:
        results = engine.ranked_search(plan.query, scope)
    found = _Found(scope.objects)
    boosted = None if plan.by_date or not kind.boosted_by_engine else results.personalised(signals, plan.now)
    if plan.by_date:
        newest = results[:stop]
        found.scored = [(obj.pk, 1.0 / (1 + position)) for position, obj in enumerate(newest)]
        found.dates = {obj.pk: kind.date(obj) for obj in newest}
    elif boosted is not None:
        found.scored = [(obj.pk, obj._score) for obj in boosted.annotate_score("_score")[:stop]]
    else:
        # Only the matches that boosts could lift into the first `stop` are re-ranked.
        size = min(RERANK_WINDOW, personal.reach(stop, signals))
        keys, found.features = _window(plan.query, results, scope.objects, kind, stop, size)
        scored = personal.rerank(keys, found.features, signals, plan.now, plan.terms)
        if stop > len(scored) and len(keys) == size:
            scored += [(obj.pk, 0.0) for obj in results[size:stop]]
        found.scored = scored[:stop]
    if plan.count:
        # Counted after ranking: a ranking that saw every match, or more than are counted, answers it.
        count = results.count_up_to(COUNT_LIMIT + 1)
        if not count:
            return _Found(scope.objects)
        found.count, found.more = min(count, COUNT_LIMIT), count > COUNT_LIMIT
        if plan.facets:
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
        keys = results.ranked_keys(size, enough=stop)
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


@dataclass
class Ranking:
    """A search ranked, before its results are read: what each kind's engine found, and the page's order."""

    pages: _Found
    entries: _Found
    order: list  # (pk, score, kind) of the page asked for, best first
    signals: personal.ReaderSignals | None
    incomplete: bool  # answered by the database because the search engine was unreachable
    attempt: relaxing.Attempt  # the step of search.relaxing whose results these are
    every_word: int = 0  # of a looser step's results, how many (first) had every word

    @property
    def count(self):
        return min(self.pages.count + self.entries.count, COUNT_LIMIT)

    @property
    def more(self):
        return self.pages.more or self.entries.more or self.pages.count + self.entries.count > COUNT_LIMIT


def rank(search):
    """Rank everything the reader of a Search may open (pages, and unless `search.external` is off, entries).

    When fewer than ENOUGH results have every word, the search is asked again for any of the words
    that carry meaning (search.relaxing); those that had every word stay first, in their order. The
    Ranking says which step it kept and how many had every word. See the module docstring for how
    the two kinds are merged.
    """
    signals = personal.reader_signals(search.reader) if search.personalise else None
    entries = visible_external_items(search.filters) if search.external else None
    now = timezone.now()
    terms = tuple(query_terms(search.text))
    strict, scopes = None, {}
    synonyms = synonym_sets() if search.synonyms and search.text else ()
    for attempt in relaxing.attempts(search.text, search.operator):
        query = build_query(attempt.text, attempt.operator, synonyms)
        plan = _Plan(
            query=query,
            terms=terms,
            stop=search.stop,
            signals=signals,
            now=now,
            by_date=_orders_by_date(query, search.sort, signals),
            facets=search.facets,
            count=search.count,
        )
        found_pages, found_entries, incomplete = _ask(plan, search, entries, scopes)
        if strict is not None and not plan.by_date:
            found_pages, found_entries = found_pages.after(strict[0]), found_entries.after(strict[1])
        found = found_pages.total(plan.count) + found_entries.total(plan.count)
        if found >= ENOUGH:
            break
        if not attempt.relaxed:
            strict = (found_pages, found_entries)
    order = _merged(found_pages, found_entries, plan.by_date)[search.start : search.stop]
    every_word = strict[0].total(plan.count) + strict[1].total(plan.count) if attempt.relaxed and strict else 0
    return Ranking(found_pages, found_entries, order, signals, incomplete, attempt, every_word)


def _ask(plan, search, entries, scopes):
    """Ask the search backend about both kinds for a plan: (pages found, entries found, incomplete).

    If the search engine cannot be reached, the database answers, and the result is incomplete.
    `scopes` keeps the reader's Scope of pages for each way of filtering, so a second step asks again
    without working it out again.
    """

    def ask(backend):
        engine = as_engine(backend)
        if engine.filters_in_sql not in scopes:
            scopes[engine.filters_in_sql] = visible_pages(search.reader, search.filters, in_sql=engine.filters_in_sql)
        pages = scopes[engine.filters_in_sql]
        return _engine(engine, plan, pages, PAGES), _engine(engine, plan, entries, ENTRIES)

    try:
        return (*ask(get_search_backend()), False)
    except UNREACHABLE as error:
        logger.warning("Search engine unreachable, answering from the database: %s", error)
        return (*ask(get_search_backend(FALLBACK_BACKEND)), True)
