"""Wagtail's database search backends, made to rank well and answer fast; and what ranking asks of any backend.

`search.backends.database` is the one to name in WAGTAILSEARCH_BACKENDS: it picks the SQLite or
the PostgreSQL backend by the database vendor, as Wagtail's own database backend does. Both keep
Wagtail's query API and index tables, and differ from the stock backends in three ways:

- the engine ranks and limits: SQLite's FTS5 orders by bm25 and PostgreSQL by ts_rank inside one
  SQL query with LIMIT, instead of scoring every matching row in a subquery;
- title beats summary beats body: each indexed field is given a role (see `roles.py`) and each role
  its own weight (FTS5 column weights, tsvector weights A, B and C);
- the queryset's filters (access, type, community...) are applied in that same query as a
  correlated EXISTS, so results, counts and facets all respect them.

What search.ranking needs of a backend is declared here once: a `SearchEngine` searches a `Scope`
(a queryset, and the index keys that select the same objects) and gives `RankedResults`. Our
database backends (search.backends.sqlite, search.backends.postgres) and the Elasticsearch and
OpenSearch ones (search.elastic) implement both; any other Wagtail backend is asked through
`as_engine`, with Wagtail's public API alone. Ranking calls these methods and never asks a backend
what it has.
"""

import abc
from dataclasses import dataclass, replace

from django.db.models import QuerySet

from wagtail.search.backends import get_search_backend


@dataclass(frozen=True)
class IndexKeys:
    """A queryset's filters as keys its objects' index entries carry, for a backend that holds them.

    An object matches when its entry carries, for each tuple in `required`, at least one of its
    keys (search.index_keys says which keys each model's entries carry). A backend whose entries
    hold the keys (our PostgreSQL and SQLite backends) filters in the index itself, without joining
    it to the queryset's tables; other backends ignore them and run the queryset as it is. The keys
    must select exactly the queryset's objects. Whichever way they were found, the results' objects
    are fetched through the whole queryset: an index that has fallen behind an edit can miss an
    object for a moment or count one too many (in a count or a facet), but never show one the
    queryset leaves out.
    """

    required: tuple
    # Facet field -> the word its values' keys begin with ("community" for "community 12"), for
    # facets a backend may count from the keys of the matching entries.
    facets: dict
    # How many of the first tuples in `required` most entries in the whole index carry (a reader's
    # access to pages): a backend may check those on each entry the rest find, rather than through
    # its index.
    broad: int = 0

    def __post_init__(self):
        if not all(self.required):
            raise ValueError("Each set of index keys needs at least one key.")

    @property
    def narrow(self):
        """The tuples of keys few entries carry (the filters a reader chose)."""
        return self.required[self.broad :]


@dataclass(frozen=True)
class Scope:
    """What a search may find of one kind: the queryset of objects, and the index keys that select the same.

    The keys travel beside the queryset, never on it: a queryset filtered again selects other
    objects than its keys do, so only an order (`order_by`) keeps them.
    """

    objects: QuerySet
    keys: IndexKeys | None = None

    def all(self):
        """Return the objects alone, as a queryset: searched by its own filters, without the keys."""
        return self.objects.all()

    def order_by(self, *fields):
        """Return the same objects in another order, with the same keys (an order changes no object)."""
        return replace(self, objects=self.objects.order_by(*fields))

    def search(self, query, *, order_by_relevance=True, backend=None):
        """Search these objects with the given backend (Wagtail's default if none), as ranking does."""
        return as_engine(backend or get_search_backend()).ranked_search(
            query, self, order_by_relevance=order_by_relevance
        )


class RankedResults(abc.ABC):
    """One search's results as ranking reads them: Wagtail's API (sliced for objects, `facet`), and these.

    Wagtail's own methods are not declared here: a mixin's `super()` must reach the backend's.
    """

    @abc.abstractmethod
    def ranked_keys(self, stop, enough=None):
        """Return the primary keys of the first `stop` results, best first; None where only objects can be read.

        With `enough`, a backend that ranks in tiers of match (title, summary, the rest) may stop
        after the tier that brings that many.
        """

    @abc.abstractmethod
    def count_up_to(self, limit):
        """Return the number of results, counting no further than `limit`."""

    @abc.abstractmethod
    def personalised(self, signals, now):
        """Return these results ranked by the engine with search.features' boosts for the reader.

        None where the engine cannot: search.ranking then re-ranks the best of them itself (search.personal).
        """


class SearchEngine(abc.ABC):
    """A search backend as search.ranking asks it."""

    # Whether the backend runs a queryset's filters as SQL (see practice.access.visibility_filter).
    filters_in_sql = False

    def words_like(self, word, spread):
        """Return words the index holds that begin with `word`'s first letter, within `spread` letters of its length.

        What search.spelling corrects a misspelt word from; our database backends keep the words
        of every entry (an engine's are asked of the database backend kept beside it). Words of
        any page, open or closed: a caller offers one only when the reader's own search finds it.
        """
        return []

    def written_words(self, words):
        """Return those of the words (lower case) the index holds as written, in any entry (see words_like)."""
        return set()

    @abc.abstractmethod
    def ranked_search(self, query, scope, *, order_by_relevance=True):
        """Return RankedResults of the engine query over a Scope's objects (by the keys, if the index holds them)."""


class StockResults(RankedResults):
    """Results of a Wagtail backend of no knowledge of ours: objects and counts through Wagtail's own API."""

    def __init__(self, results):
        self.results = results

    def __getitem__(self, key):
        return self.results[key]

    def ranked_keys(self, stop, enough=None):
        return None

    def count_up_to(self, limit):
        return min(self.results.count(), limit)

    def personalised(self, signals, now):
        return None

    def facet(self, field_name):
        return self.results.facet(field_name)


class StockEngine(SearchEngine):
    """A Wagtail backend that is not one of ours (a setting naming Wagtail's own), asked through its public API."""

    def __init__(self, backend):
        self.backend = backend

    def ranked_search(self, query, scope, *, order_by_relevance=True):
        return StockResults(self.backend.search(query, scope.objects, order_by_relevance=order_by_relevance))


def as_engine(backend):
    """Return the backend as a SearchEngine: itself if it is one of ours, else through Wagtail's API."""
    return backend if isinstance(backend, SearchEngine) else StockEngine(backend)
