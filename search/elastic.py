"""Elasticsearch 9 and OpenSearch 3 backends with our analysis and personalisation in the query.

Both subclass Wagtail's own backends and share one mapping mixin, one index mixin and one query
compiler mixin, so the two send the same index settings and the same query bodies:

- English analysis for every text field (possessives, stop words, stemming) through the index's
  default analyzers, and at search time the editors' synonyms and acronyms (search.SynonymSet) as a
  synonym_graph filter. Synonyms are read when the index is created (`manage.py update_index`
  after changing them); until then, and on every backend, search.ranking also expands the query
  with the current list, so a new synonym works at once.
- `results.personalised(signals, now)` wraps the text query in a function_score whose functions are
  search.features' boosts (the table the database backends re-rank with), so the engine ranks,
  counts and pages with them.

Any failure to reach the cluster at query time is one of UNREACHABLE, which search.ranking answers
from the database backend instead. Indexing errors are caught and logged by Wagtail
(`catch_indexing_errors`), so saves never fail because the cluster is down.
"""

import copy
from collections import OrderedDict

import elastic_transport
import opensearchpy

from wagtail.search.backends.elasticsearch9 import Elasticsearch9SearchBackend
from wagtail.search.backends.opensearch3 import OpenSearch3SearchBackend

from search.backends import RankedResults, SearchEngine, StockResults
from search.features import FRESHNESS, FRESHNESS_HALF_LIFE_DAYS, HELPFULNESS, PERSONAL
from search.models import SynonymSet
from search.word_forms import SPELLINGS

UNREACHABLE = (
    elastic_transport.ConnectionError,
    elastic_transport.ConnectionTimeout,
    opensearchpy.exceptions.ConnectionError,
)

FACET_SIZE = 200

# What the index and the search analyzers both do after splitting words: lower case, accents
# folded, American spellings made British (search.word_forms: listed words, and -ize/-yze endings),
# stop words dropped, English stems.
SPELT_BRITISH = ["lowercase", "asciifolding", "hub_british", "hub_british_ize", "hub_british_yze"]
STEMMED = ["hub_english_stop", "hub_english_stemmer"]

ANALYSIS = {
    "filter": {
        "hub_english_possessive": {"type": "stemmer", "language": "possessive_english"},
        "hub_english_stop": {"type": "stop", "stopwords": "_english_"},
        "hub_english_stemmer": {"type": "stemmer", "language": "english"},
        # A hyphenated word is indexed as its parts and joined up: "out-of-hours" also as "outofhours".
        "hub_compounds": {
            "type": "word_delimiter_graph",
            "catenate_all": True,
            "split_on_case_change": False,
            "split_on_numerics": False,
            "stem_english_possessive": True,
        },
        "hub_british": {"type": "synonym", "synonyms": [f"{us} => {uk}" for us, uk in SPELLINGS.items()]},
        "hub_british_ize": {
            "type": "pattern_replace",
            "pattern": "^(\\w{3,})iz(e|ed|es|ing|ation|ations)$",
            "replacement": "$1is$2",
        },
        "hub_british_yze": {
            "type": "pattern_replace",
            "pattern": "^(\\w{2,})yz(e|ed|es|ing)$",
            "replacement": "$1ys$2",
        },
    },
    "analyzer": {
        # Every text field without its own analyzer is indexed with this one: split at spaces, so that
        # hub_compounds sees a hyphenated word whole (and splits it at punctuation itself).
        "default": {
            "type": "custom",
            "tokenizer": "whitespace",
            "filter": ["hub_compounds", "flatten_graph", *SPELT_BRITISH, *STEMMED],
        },
        # ...and searched with this one, which also swaps in the editors' synonyms.
        "default_search": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["hub_english_possessive", *SPELT_BRITISH, "hub_synonyms", *STEMMED],
        },
    },
}


def synonym_rules():
    """Return the editors' synonyms as Solr-style rules, one comma-separated line per set."""
    return [", ".join(synonyms.term_list()) for synonyms in SynonymSet.objects.order_by("pk")]


def index_settings(base_settings, synonyms):
    """Return Wagtail's index settings with our analysis and the given synonym rules added."""
    settings = copy.deepcopy(base_settings)
    analysis = settings["settings"]["analysis"]
    for section, entries in ANALYSIS.items():
        analysis.setdefault(section, {}).update(copy.deepcopy(entries))
    analysis["filter"]["hub_synonyms"] = {"type": "synonym_graph", "synonyms": synonyms, "lenient": True}
    return settings


class HubIndexMixin:
    def put(self):
        # Synonyms are read here, when the index is (re)built, never at import or on every query.
        saved = self.backend.settings
        self.backend.settings = index_settings(saved, synonym_rules())
        try:
            super().put()
        finally:
            self.backend.settings = saved


def holds_at_least(column, values, times):
    """Return an engine filter for results whose `column` holds at least `times` of the values."""
    if times == 1:
        return {"terms": {column: values}}
    return {"bool": {"should": [{"term": {column: value}} for value in values], "minimum_should_match": times}}


class HubQueryCompilerMixin:
    """Adds personal and general boosts to Wagtail's query as a function_score."""

    signals = None
    now = None
    boosted = False

    def with_boosts(self, signals, now):
        compiler = copy.copy(self)
        compiler.signals, compiler.now, compiler.boosted = signals, now, True
        return compiler

    def column(self, name):
        fields = {field.field_name: field for field in self.queryset.model.get_filterable_search_fields()}
        return self.mapping.get_field_column_name(fields[name])

    def boost_functions(self):
        """Return the function_score functions for search.features' boosts, in the same proportions and caps.

        A boost counted up to `most` times is one clause per count, each adding its weight when the
        result holds at least that many ("helpful at least 3 times", "2 of the reader's interests"):
        the sum is weight x min(most, count), as the database backends re-rank (search.personal).
        """
        helpfulness = self.column(HELPFULNESS.field)
        functions = [
            {"weight": 1},
            {
                "exp": {
                    self.column(FRESHNESS.field): {
                        "origin": self.now.isoformat(),
                        "scale": f"{FRESHNESS_HALF_LIFE_DAYS}d",
                        "decay": 0.5,
                    }
                },
                "weight": FRESHNESS.weight,
            },
            *(
                {"filter": {"range": {helpfulness: {"gte": times}}}, "weight": HELPFULNESS.weight}
                for times in range(1, HELPFULNESS.most + 1)
            ),
        ]
        if self.signals is None:
            return functions
        for each in PERSONAL:
            told = sorted(each.told(self.signals))
            column = self.column(each.field)
            functions += [
                {"filter": holds_at_least(column, told, times), "weight": each.weight}
                for times in range(1, min(each.most, len(told)) + 1)
            ]
        return functions

    def get_query(self):
        query = super().get_query()
        if not self.boosted:
            return query
        return {
            "function_score": {
                "query": query,
                "functions": self.boost_functions(),
                "score_mode": "sum",
                "boost_mode": "multiply",
            }
        }


class HubResultsMixin(RankedResults):
    def personalised(self, signals, now):
        """Return these results ranked with the reader's boosts (None: the general ones only)."""
        clone = self._clone()
        clone.query_compiler = self.query_compiler.with_boosts(signals, now)
        return clone

    def ranked_keys(self, stop, enough=None):
        """Return None: a cluster's results are read as objects."""
        return None

    def count_up_to(self, limit):
        return min(self.count(), limit)

    def facet(self, field_name):
        # Wagtail's facet asks for the top ten values only; a facet lists every value with a count.
        field = self.query_compiler._get_filterable_field(field_name)
        if field is None:
            return super().facet(field_name)
        body = self._get_es_body(for_count=True)
        column = self.query_compiler.mapping.get_field_column_name(field)
        body["aggregations"] = {field_name: {"terms": {"field": column, "size": FACET_SIZE}}}
        index = self.backend.get_index_for_model(self.query_compiler.queryset.model).name
        response = self._backend_do_search(body, index=index, size=0)
        return OrderedDict(
            (bucket["key"], bucket["doc_count"]) for bucket in response["aggregations"][field_name]["buckets"]
        )


class HubBackendMixin(SearchEngine):
    def ranked_search(self, query, scope, *, order_by_relevance=True):
        """Search the scope's objects: the cluster runs the queryset's filters (its index holds no keys)."""
        results = self.search(query, scope.objects, order_by_relevance=order_by_relevance)
        # Wagtail answers a model it does not index with empty results of its own.
        return results if isinstance(results, RankedResults) else StockResults(results)


def _mixed(mixin, base, name):
    return type(name, (mixin, base), {"__module__": __name__})


def hub_backend(engine_backend):
    """Return an engine's Wagtail backend with our index, query compiler and results mixed into its own.

    The classes are named after the engine (`Elasticsearch9Backend`, `Elasticsearch9Index`...); the
    mapping and autocomplete compiler are the engine's, unchanged.
    """
    engine = engine_backend.__name__.removesuffix("SearchBackend")
    parts = {
        "index_class": _mixed(HubIndexMixin, engine_backend.index_class, f"{engine}Index"),
        "query_compiler_class": _mixed(HubQueryCompilerMixin, engine_backend.query_compiler_class, f"{engine}Compiler"),
        "results_class": _mixed(HubResultsMixin, engine_backend.results_class, f"{engine}Results"),
    }
    return type(f"{engine}Backend", (HubBackendMixin, engine_backend), {"__module__": __name__, **parts})


Elasticsearch9Backend = hub_backend(Elasticsearch9SearchBackend)
OpenSearch3Backend = hub_backend(OpenSearch3SearchBackend)
