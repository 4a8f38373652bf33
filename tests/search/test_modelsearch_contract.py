"""What our search backends take from modelsearch's internals, so that an upgrade that changes them fails here.

search.backends (sqlite, postgres, ranked) and search.elastic subclass modelsearch's backends,
indexes, compilers and results, and call methods that are not its public API. pyproject.toml pins
modelsearch; before raising the pin, read each failure below against the new release and mend the
backend that relies on it.
"""

import importlib
import inspect
from importlib.metadata import version

import pytest

from django.db import connection

from modelsearch.backends import base, elasticsearchbase
from modelsearch.backends.database.postgres import postgres
from modelsearch.conf import get_app_config

PINNED = "1.3.2"

BASE = "modelsearch.backends.base"
SQLITE = "modelsearch.backends.database.sqlite.sqlite"
SQLITE_QUERY = "modelsearch.backends.database.sqlite.query"
POSTGRES = "modelsearch.backends.database.postgres.postgres"
ELASTIC = "modelsearch.backends.elasticsearchbase"

# module -> names we import from it
IMPORTED = {
    "modelsearch.backends.base": [
        "BaseSearchBackend",
        "BaseSearchQueryCompiler",
        "BaseSearchResults",
        "FilterFieldError",
    ],
    "modelsearch.backends.database": ["SearchBackend"],
    "modelsearch.backends.database.sqlite.query": ["AndNot", "normalize"],
    "modelsearch.backends.database.sqlite.sqlite": [
        "ObjectIndexer",
        "SQLiteAutocompleteQueryCompiler",
        "SQLiteFTSIndexEntry",
        "SQLiteIndex",
        "SQLiteSearchBackend",
        "SQLiteSearchQueryCompiler",
        "SQLiteSearchResults",
    ],
    "modelsearch.backends.database.postgres.postgres": [
        "ObjectIndexer",
        "PostgresIndex",
        "PostgresSearchBackend",
        "PostgresSearchQueryCompiler",
        "PostgresSearchResults",
    ],
    "modelsearch.conf": ["get_app_config"],
    "modelsearch.index": ["AutocompleteField"],
    "modelsearch.query": ["And", "Boost", "Fuzzy", "MatchAll", "Not", "Or", "Phrase", "PlainText"],
    "modelsearch.utils": ["get_content_type_pk", "get_descendants_content_types_pks"],
    "wagtail.search.backends.elasticsearch9": [
        "Elasticsearch9AutocompleteQueryCompiler",
        "Elasticsearch9Index",
        "Elasticsearch9Mapping",
        "Elasticsearch9SearchBackend",
        "Elasticsearch9SearchQueryCompiler",
        "Elasticsearch9SearchResults",
    ],
    "wagtail.search.backends.opensearch3": [
        "OpenSearch3AutocompleteQueryCompiler",
        "OpenSearch3Index",
        "OpenSearch3Mapping",
        "OpenSearch3SearchBackend",
        "OpenSearch3SearchQueryCompiler",
        "OpenSearch3SearchResults",
    ],
}

# (module, "Class.method" or "function", its parameters): what we override or call, as we call it.
SIGNATURES = [
    # search.backends.ranked.RankedBackendMixin.ranked_search passes our compiler its index keys through _search.
    (BASE, "BaseSearchBackend._search", ["self", "query_compiler_class", "query", "model_or_queryset", "kwargs"]),
    # RankedCompilerMixin.__init__ takes index_keys and passes the rest on.
    (
        BASE,
        "BaseSearchQueryCompiler.__init__",
        ["self", "queryset", "query", "fields", "operator", "order_by_relevance"],
    ),
    (BASE, "BaseSearchQueryCompiler._get_filterable_field", ["self", "field_attname"]),
    # RankedResultsMixin overrides these and reads start, stop and _score_field.
    (BASE, "BaseSearchResults.__init__", ["self", "backend", "query_compiler", "prefetch_related"]),
    (BASE, "BaseSearchResults._clone", ["self"]),
    (BASE, "BaseSearchResults._do_search", ["self"]),
    (BASE, "BaseSearchResults._do_count", ["self"]),
    (BASE, "BaseSearchResults.annotate_score", ["self", "field_name"]),
    (BASE, "BaseSearchResults.facet", ["self", "field_name"]),
    # search.backends.sqlite: DocumentIndexer, SQLiteDocumentIndex, the compilers.
    (SQLITE, "ObjectIndexer.__init__", ["self", "obj", "backend"]),
    (SQLITE, "ObjectIndexer.prepare_field", ["self", "obj", "field"]),
    (SQLITE, "SQLiteIndex.add_items", ["self", "model", "objs"]),
    (SQLITE, "SQLiteIndex._refresh_title_norms", ["self", "full"]),
    (SQLITE, "SQLiteIndex.delete_item", ["self", "item"]),
    (SQLITE, "SQLiteIndex.reset", ["self"]),
    (SQLITE, "SQLiteSearchQueryCompiler.get_search_field", ["self", "field_lookup", "fields"]),
    (SQLITE_QUERY, "normalize", ["search_query"]),
    # search.backends.postgres: WeightedIndexer, PostgresWeightedIndex, the compiler.
    (POSTGRES, "ObjectIndexer.prepare_field", ["self", "obj", "field"]),
    (POSTGRES, "ObjectIndexer.as_vector", ["self", "texts", "for_autocomplete"]),
    (POSTGRES, "PostgresIndex.add_items", ["self", "model", "objs"]),
    (POSTGRES, "PostgresIndex._refresh_title_norms", ["self", "full"]),
    (POSTGRES, "PostgresSearchQueryCompiler.get_config", ["self", "backend"]),
    (POSTGRES, "PostgresSearchQueryCompiler.build_tsquery", ["self", "query", "config"]),
    # search.elastic: HubIndexMixin, HubQueryCompilerMixin, HubResultsMixin.
    (ELASTIC, "ElasticsearchBaseIndex.put", ["self"]),
    (ELASTIC, "ElasticsearchBaseMapping.get_field_column_name", ["self", "field"]),
    (ELASTIC, "ElasticsearchBaseSearchQueryCompiler.get_query", ["self"]),
    (ELASTIC, "ElasticsearchBaseSearchResults._get_es_body", ["self", "for_count"]),
    (ELASTIC, "ElasticsearchBaseSearchResults._backend_do_search", ["self", "body", "kwargs"]),
]


def load(module):
    """Import a module of modelsearch's; its SQLite modules define their models only when SQLite is in use."""
    if ".sqlite" in module and connection.vendor != "sqlite":
        pytest.skip("modelsearch's SQLite modules load only on SQLite")
    return importlib.import_module(module)


def test_the_installed_modelsearch_is_the_pinned_one():
    assert version("modelsearch") == PINNED, (
        f"modelsearch {version('modelsearch')} is installed, {PINNED} pinned: check this file's contract against it"
    )


@pytest.mark.parametrize(("module", "names"), IMPORTED.items())
def test_what_we_import_is_where_we_import_it_from(module, names):
    imported = load(module)
    missing = [name for name in names if not hasattr(imported, name)]
    assert not missing, f"{module} no longer has {missing}"


@pytest.mark.parametrize(("module", "name", "parameters"), SIGNATURES, ids=[name for _module, name, _p in SIGNATURES])
def test_what_we_override_or_call_keeps_its_signature(module, name, parameters):
    target = load(module)
    for part in name.split("."):
        target = getattr(target, part)
    assert list(inspect.signature(target).parameters) == parameters


def test_the_classes_we_subclass_keep_their_places():
    # Our mixins' super() calls reach these.
    assert issubclass(postgres.PostgresSearchResults, base.BaseSearchResults)
    assert issubclass(postgres.PostgresSearchQueryCompiler, base.BaseSearchQueryCompiler)
    assert issubclass(postgres.PostgresSearchBackend, base.BaseSearchBackend)
    assert issubclass(elasticsearchbase.ElasticsearchBaseSearchResults, base.BaseSearchResults)
    # Backends name their parts by these attributes, which ours set.
    for attribute in ("query_compiler_class", "autocomplete_query_compiler_class", "index_class", "results_class"):
        assert hasattr(base.BaseSearchBackend, attribute)
    # Results read their compiler, slice and score field from these.
    results = base.EmptySearchResults()
    assert (results.start, results.stop, results._score_field) == (0, None, None)


def test_sqlites_classes_keep_their_places():
    sqlite = load(SQLITE)
    assert issubclass(sqlite.SQLiteSearchResults, base.BaseSearchResults)
    assert issubclass(sqlite.SQLiteSearchQueryCompiler, base.BaseSearchQueryCompiler)
    assert issubclass(sqlite.SQLiteAutocompleteQueryCompiler, base.BaseSearchQueryCompiler)
    assert issubclass(sqlite.SQLiteSearchBackend, base.BaseSearchBackend)


def test_the_index_entry_model_and_its_fields_are_where_we_read_them():
    entry = get_app_config().get_model("IndexEntry", require_ready=False)
    assert {"content_type", "object_id", "title", "body", "autocomplete"} <= {f.name for f in entry._meta.get_fields()}
