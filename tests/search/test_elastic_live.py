"""The search suite against a real Elasticsearch 9 cluster, when ELASTICSEARCH_URL names one.

Skipped without ELASTICSEARCH_URL. If it is set but the cluster cannot be reached, every test fails
rather than skips, so a broken CI service is noticed. Indexes use a prefix of their own and are
reset before each test.
"""

import os

import pytest

from tests.search import clusters

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

pytestmark = pytest.mark.skipif(not ELASTICSEARCH_URL, reason="ELASTICSEARCH_URL is not set")


@pytest.fixture(autouse=True)
def elasticsearch(settings, db):
    backend = clusters.search_on_cluster(
        settings,
        "search.elastic.Elasticsearch9Backend",
        ELASTICSEARCH_URL,
        index_prefix="practicehub_test_",
        database="wagtail.search.backends.database",
    )
    assert backend.es.ping(), f"Elasticsearch at {ELASTICSEARCH_URL} does not answer"
    clusters.reset_indexes(backend)
    return backend


@pytest.fixture(autouse=True)
def refreshed(elasticsearch, monkeypatch):
    clusters.refresh_before_each_search(monkeypatch)


from tests.search.test_api import *  # noqa: E402, F403
from tests.search.test_leaks import *  # noqa: E402, F403
from tests.search.test_ranking import *  # noqa: E402, F403
