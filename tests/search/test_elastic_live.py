"""The search suite against a real Elasticsearch 9 cluster, when ELASTICSEARCH_URL names one.

Skipped without ELASTICSEARCH_URL. If it is set but the cluster cannot be reached, every test fails
rather than skips, so a broken CI service is noticed. Indexes use a prefix of their own and are
reset before each test.
"""

import os

import pytest

from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

from search import ranking

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

pytestmark = pytest.mark.skipif(not ELASTICSEARCH_URL, reason="ELASTICSEARCH_URL is not set")


@pytest.fixture(autouse=True)
def elasticsearch(settings, db):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.elastic.Elasticsearch9Backend",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": "practicehub_test_",
        },
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }
    backend = get_search_backend()
    assert backend.es.ping(), f"Elasticsearch at {ELASTICSEARCH_URL} does not answer"
    for index in backend.all_indexes():
        index.reset()
    for model in get_indexed_models():
        backend.get_index_for_model(model).add_model(model)
    return backend


@pytest.fixture(autouse=True)
def refreshed(elasticsearch, monkeypatch):
    real_engine = ranking._engine

    def engine(backend, *args, **kwargs):
        backend.refresh_indexes()
        return real_engine(backend, *args, **kwargs)

    monkeypatch.setattr(ranking, "_engine", engine)


from tests.search.test_api import *  # noqa: E402, F403
from tests.search.test_leaks import *  # noqa: E402, F403
from tests.search.test_ranking import *  # noqa: E402, F403
