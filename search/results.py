"""Reading a ranked search: the page of hits with their snippets and reasons, facets, best bets, suggestions.

`search()` (or `results_of()` for a Search already made) asks search.ranking for the order of the
page, then reads that page's objects through the querysets searched, so that whatever an index
says, no hit is one the reader may not open. Each step reads a fixed number of queries whatever
the number of hits.
"""

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import F, Q

from practice.models import AudienceRole, CommunityPage, DiscussionThreadPage, PracticePage, Topic
from practice.models.external import ExternalItem, FeedSource
from practice.models.threads import prefetch_published_replies
from search import personal, spelling
from search.models import BestBet, normalise_query
from search.query import EXTERNAL, NO_FILTERS, PAGE_TYPES, TYPE_LABELS, Search
from search.ranking import ENTRIES, PAGES, rank
from search.snippets import html_text, snippet, text_snippet


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
    more: bool = False  # more matches than `count` (see search.ranking.COUNT_LIMIT)
    # When too few results had every word (search.relaxing): the words that carry meaning, of which
    # the other results hold some, those holding more first; and how many (first) had every word.
    partly: tuple = ()
    every_word: int = 0
    # When misspelt words were corrected (search.spelling): the words as typed; `query` is the correction.
    corrected_from: str | None = None

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


def search(text, reader, filters=NO_FILTERS, **options):
    """Search everything the reader may open: that page of results (options as for search.query.Search)."""
    return results_of(Search(text, reader, filters, **options))


def results_of(asked):
    """Return the SearchResults of a Search: its ranking (search.ranking.rank) and that page of results read.

    When no result had every word and a word finds nothing the reader may open, its spelling is
    corrected (search.spelling): if the corrected search finds results with every word (or the
    words as typed found nothing at all), those are shown instead, saying so; otherwise the
    correction is offered.
    """
    ranked, typed, offered = rank(asked), None, []
    fix = spelling.correction(asked) if asked.correct and (ranked.attempt.relaxed or not ranked.order) else None
    if fix is not None:
        fixed = rank(replace(asked, text=fix.text))
        if fixed.order and (not fixed.attempt.relaxed or not ranked.order):
            asked, ranked, typed = replace(asked, text=fix.text), fixed, asked.text
        elif fixed.order:
            offered = [fix.text]
    found_pages, found_entries = ranked.pages, ranked.entries
    # Snippets mark the words searched for: of a looser step, only those that carry meaning.
    highlighted = " ".join(ranked.attempt.meaningful) if ranked.attempt.relaxed else asked.text
    return SearchResults(
        query=asked.text,
        hits=_hits(ranked.order, highlighted, ranked.signals, {PAGES: found_pages, ENTRIES: found_entries}),
        count=ranked.count,
        more=ranked.more,
        page=asked.page,
        per_page=asked.per_page,
        sort=asked.sort,
        facets=(
            _facet_values(found_pages.facets, found_entries.facets, found_entries.count, asked.filters, asked.reader)
            if asked.facets
            else {}
        ),
        best_bets=_best_bets(asked.text, asked.reader) if asked.page == 1 else [],
        suggestions=offered + (suggestions(asked.text, asked.reader) if asked.text and not ranked.count else []),
        corrected_from=typed,
        personalised=ranked.signals is not None and not ranked.signals.empty,
        incomplete=ranked.incomplete,
        partly=ranked.attempt.meaningful if ranked.attempt.relaxed else (),
        every_word=ranked.every_word,
    )


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
    """Offer other searches when nothing matched: topics whose names hold the first word.

    Misspelt words are corrected before this (search.spelling), from the words the reader may find.
    """
    words = re.findall(r"\w+", text.lower())
    if not words:
        return []
    topics = Topic.objects.filter(Q(name__icontains=words[0]) | Q(slug__icontains=words[0]))
    return [name for name in topics.values_list("name", flat=True)[:limit] if name.lower() != text.lower()]


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
