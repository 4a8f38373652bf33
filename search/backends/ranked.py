"""What both database backends share: matching entries filtered by the queryset, results in rank order."""

from collections import OrderedDict

from django.db import connections, router
from django.db.models import Count, Exists, IntegerField, OuterRef, TextField
from django.db.models.functions import Cast
from django.utils.functional import cached_property

from modelsearch.backends.base import FilterFieldError
from modelsearch.conf import get_app_config
from modelsearch.query import Boost, Not
from modelsearch.utils import get_descendants_content_types_pks

from search import features
from search.backends import RankedResults, SearchEngine, StockResults
from search.models import RankingFeatures

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)


def key_field(model):
    """Return the concrete field a model's primary key finally points at (a page type's is Page.id)."""
    field = model._meta.pk
    while field.is_relation:
        field = field.target_field
    return field


class RankingFeaturesIndexMixin:
    """Index side: each object's ranking features kept beside its entry (search.models.RankingFeatures).

    A backend's index reads objects through its `indexer_class` (see `indexers`) and calls
    `write_features` in the transaction that writes the entries.
    """

    indexer_class = None

    def indexers(self, model, objs):
        """Return an indexer per object to write, none for a model without search fields."""
        if not model.get_search_fields():
            return []
        return [self.indexer_class(obj, self.backend) for obj in objs]

    def write_features(self, model, objs, content_type_pk):
        features.store_features(model, objs, content_type_pk, self.write_connection.alias)

    def delete_item(self, item):
        super().delete_item(item)
        RankingFeatures.objects.using(self.write_connection.alias).filter(
            content_type_id__in=get_descendants_content_types_pks(type(item)), object_id=str(item.pk)
        ).delete()

    def reset(self):
        super().reset()
        RankingFeatures.objects.using(self.write_connection.alias).all().delete()


def negates(query):
    """Whether a query matches anything by a word's absence (then a match in the title need not be a match)."""
    if isinstance(query, Not):
        return True
    inner = [query.subquery] if isinstance(query, Boost) else getattr(query, "subqueries", [])
    return any(map(negates, inner))


class RankedCompilerMixin:
    """Query-compiler side: index entries for the queryset's objects, and which queries we rank ourselves.

    A backend's compiler defines `ranked_hits(start, stop, enough=None)` (results from its tiers of
    match, best first, no further tier once `enough` are found, telling `saw` what it found),
    `match_count(limit=None)` and `matching_entries()`, and `is_ranked_here()` says whether a query
    is one of those it handles (others go to Wagtail's own compiler, unchanged).
    """

    # What the last ranking saw of the matches (see `saw`): at least this many, or with
    # `saw_every_match`, exactly this many.
    matches_seen = 0
    saw_every_match = False

    def __init__(self, *args, index_keys=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The queryset's filters as index keys (search.backends.IndexKeys), if the search was given them.
        self.index_keys = index_keys

    def saw(self, hits, stop, enough=None, at_least=0):
        """Note what a ranking of the tiers saw of the matches, so that a count after it may need no query.

        A ranking that gave fewer than it was asked for (`stop`, and `enough`) read every tier to its
        end: its hits are every match. A backend may know that there are at least `at_least` (a tier
        it read whole). The tiers' matches are the count's only if no word is matched by its absence:
        a title without a word can belong to a document with it.
        """
        if negates(self.query):
            return
        wanted = [limit for limit in (stop, enough) if limit is not None]
        self.matches_seen = max(len(hits), at_least)
        self.saw_every_match = not wanted or len(hits) < min(wanted)

    @property
    def database_alias(self):
        return router.db_for_read(IndexEntry)

    def model_entries(self):
        """Return the index entries of the queryset's model and its subclasses."""
        model = self.queryset.model
        return IndexEntry._default_manager.using(self.database_alias).filter(
            content_type_id__in=get_descendants_content_types_pks(model)
        )

    def entries_in_queryset_set(self):
        """Return the same entries as entries_in_queryset, with the queryset as one uncorrelated IN.

        The database then lists the queryset's objects once instead of checking each entry: faster
        when a search matches a large part of the index, slower when it matches little.
        """
        if isinstance(key_field(self.queryset.model), IntegerField):
            keyed = self.model_entries().annotate(_key=Cast("object_id", output_field=IntegerField()))
            return keyed.filter(_key__in=self.queryset.order_by().values("pk"))
        keys = self.queryset.order_by().annotate(_key_text=Cast("pk", output_field=TextField())).values("_key_text")
        return self.model_entries().filter(object_id__in=keys)

    def entries_in_queryset(self):
        """Return the index entries of the objects in the queryset, filters and all.

        The queryset becomes a correlated EXISTS, so the database checks each matching entry's
        object against every filter (access, type, community...) in the same query, by primary key.
        """
        model = self.queryset.model
        if isinstance(key_field(model), IntegerField):
            objects = self.queryset.filter(pk=Cast(OuterRef("object_id"), output_field=IntegerField()))
        else:
            objects = self.queryset.annotate(_key_text=Cast("pk", output_field=TextField())).filter(
                _key_text=OuterRef("object_id")
            )
        return self.model_entries().filter(Exists(objects.order_by().values("pk")))

    def object_keys(self, entries):
        """Return a values queryset of the model primary keys of the given entries."""
        if isinstance(key_field(self.queryset.model), IntegerField):
            return entries.annotate(_key=Cast("object_id", output_field=IntegerField())).values("_key")
        return entries.values("object_id")

    def to_key(self, object_id):
        return key_field(self.queryset.model).to_python(object_id)

    # Whether the index holds its entries' keys, so that a keyed search's facets are counted from
    # them (`key_counts()`: {key: how many matching entries carry it}).
    holds_keys = False

    def keyed_facet_counts(self, facets):
        """Return {facet field: {value: count}} from the matching entries' keys: every facet in one query."""
        key_counts = self.key_counts()
        counted = {}
        for field_name, kind in facets.items():
            prefix = f"{kind} "
            counts = {int(key.removeprefix(prefix)): n for key, n in key_counts.items() if key.startswith(prefix)}
            counted[field_name] = OrderedDict(sorted(counts.items(), key=lambda item: -item[1]))
        return counted


class RankedResultsMixin(RankedResults):
    """Results side: run the compiler's ranked query and return the objects in that order."""

    supports_facet = True

    def _ranked_here(self):
        return self.query_compiler.is_ranked_here()

    def _do_search(self):
        if not self._ranked_here():
            return super()._do_search()
        compiler = self.query_compiler
        if compiler.order_by_relevance:
            hits = compiler.ranked_hits(self.start, self.stop)
            return self._objects_for(hits)
        queryset = compiler.queryset.filter(pk__in=compiler.object_keys(compiler.matching_entries()))
        if not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        objects = list(queryset[self.start : self.stop])
        if self._score_field is not None and objects:
            scores = dict(compiler.scores_for([obj.pk for obj in objects]))
            for obj in objects:
                setattr(obj, self._score_field, scores.get(str(obj.pk)))
        return objects

    def ranked_keys(self, stop, enough=None):
        """Return the primary keys of the first `stop` results, best first; None if not ranked here.

        For callers that read the features of many results (search.features.stored_features) rather
        than their objects. With `enough`, results come from the best tiers of match (title, then
        summary, then the rest) until that many are found, so a tier that is not needed costs nothing.
        """
        if not (self._ranked_here() and self.query_compiler.order_by_relevance):
            return None
        compiler = self.query_compiler
        return [compiler.to_key(object_id) for object_id, _score in compiler.ranked_hits(0, stop, enough)]

    def _objects_for(self, hits):
        """Fetch the objects of ranked (object_id, score) hits, keeping the rank order."""
        compiler = self.query_compiler
        keys = [compiler.to_key(object_id) for object_id, _score in hits]
        by_key = {obj.pk: obj for obj in compiler.queryset.filter(pk__in=keys).order_by()}
        objects = []
        for key, (_object_id, score) in zip(keys, hits, strict=True):
            obj = by_key.get(key)
            if obj is None:  # Deleted between the two queries.
                continue
            if self._score_field is not None:
                setattr(obj, self._score_field, score)
            objects.append(obj)
        return objects

    def _do_count(self):
        if not self._ranked_here():
            return super()._do_count()
        total = self.query_compiler.match_count()
        end = total if self.stop is None else min(total, self.stop)
        return max(0, end - self.start)

    def count_up_to(self, limit):
        """Return the number of results, counting no further than `limit` (a word most items hold costs less).

        After a ranking (`ranked_keys`) that saw every match, or at least `limit` of them, no
        query is needed.
        """
        if not self._ranked_here():
            return min(self.count(), limit)
        compiler = self.query_compiler
        if compiler.saw_every_match or compiler.matches_seen >= limit:
            return min(compiler.matches_seen, limit)
        return compiler.match_count(limit=limit)

    def personalised(self, signals, now):
        """Return None: the database engines know no boosts; search.ranking re-ranks the best matches itself."""
        return None

    @cached_property
    def _keyed_facets(self):
        compiler = self.query_compiler
        return compiler.keyed_facet_counts(compiler.index_keys.facets)

    def facet(self, field_name):
        """Count a facet's values over the matches.

        The facets a search's index keys name (IndexKeys.facets) are counted together, in one query,
        from the keys of the matching entries, where the index holds them; others by joining the
        matches to their objects.
        """
        if not self._ranked_here():
            return super().facet(field_name)
        compiler = self.query_compiler
        if compiler.holds_keys and compiler.index_keys is not None and field_name in compiler.index_keys.facets:
            return self._keyed_facets[field_name]
        field = compiler._get_filterable_field(field_name)
        if field is None:
            raise FilterFieldError(
                f'Cannot facet search results with field "{field_name}". Please add '
                f"index.FilterField('{field_name}') to {compiler.queryset.model.__name__}.search_fields.",
                field_name=field_name,
            )
        matching = compiler.queryset.filter(pk__in=compiler.object_keys(compiler.matching_entries()))
        counts = matching.order_by().values(field_name).annotate(count=Count("pk")).order_by("-count")
        return OrderedDict((row[field_name], row["count"]) for row in counts)


class RankedBackendMixin(SearchEngine):
    """Backend side: searches given their index keys (search.backends.Scope), ranked by our compilers."""

    # Querysets are filtered by the database itself, so filters on any column apply.
    filters_in_sql = True
    # (table, column) of the index's words as written, each once (migration search 0014).
    vocabulary = None

    def words_like(self, word, spread):
        """Read the index's words by range of the first letter (an index on the words, or FTS5's own)."""
        table, column = self.vocabulary
        first = word[:1].lower()
        sql = (
            f"SELECT {column} FROM {table} WHERE {column} >= %s AND {column} < %s "  # noqa: S608  # nosec
            f"AND length({column}) BETWEEN %s AND %s"
        )
        with connections[router.db_for_read(IndexEntry)].cursor() as cursor:
            cursor.execute(sql, [first, chr(ord(first) + 1), len(word) - spread, len(word) + spread])
            return [found for (found,) in cursor.fetchall()]

    def written_words(self, words):
        """Look the words up in the index's words, by their primary key (or FTS5's own term lookup)."""
        if not words:
            return set()
        table, column = self.vocabulary
        marks = ", ".join(["%s"] * len(words))
        with connections[router.db_for_read(IndexEntry)].cursor() as cursor:
            cursor.execute(f"SELECT {column} FROM {table} WHERE {column} IN ({marks})", list(words))  # noqa: S608  # nosec
            return {found for (found,) in cursor.fetchall()}

    def ranked_search(self, query, scope, *, order_by_relevance=True):
        results = self._search(
            self.query_compiler_class,
            query,
            scope.objects,
            order_by_relevance=order_by_relevance,
            index_keys=scope.keys,
        )
        # Wagtail answers a model it does not index with empty results of its own.
        return results if isinstance(results, RankedResults) else StockResults(results)
