"""The search suite end to end through the OpenSearch 3 backend, against osmem-server on 127.0.0.1.

osmem-server is an in-memory OpenSearch-compatible emulator started by its pytest plugin (the
`osmem_server` and `osmem_clone` fixtures): it is used here for behaviour, never for timing. Each
test gets its own clone, and the search backend is pointed at it before any content is made, so
every page is indexed into OpenSearch as it is saved.
"""

import pytest

from tests.search import clusters


@pytest.fixture(autouse=True)
def opensearch(osmem_clone, settings, db):
    # The database backend as in production (hub.settings).
    backend = clusters.search_on_cluster(
        settings,
        "search.elastic.OpenSearch3Backend",
        osmem_clone.url,
        index_prefix="t_",
        database="search.backends.database",
    )
    clusters.reset_indexes(backend)
    return backend


@pytest.fixture(autouse=True)
def refreshed(opensearch, monkeypatch):
    clusters.refresh_before_each_search(monkeypatch)


def test_the_backend_in_use_is_opensearch(opensearch):
    assert type(opensearch).__name__ == "OpenSearch3Backend"


# The same suite as on the database backend: ranking, filters, facets, personalisation, leaks, API.
from tests.search.test_api import *  # noqa: E402, F403
from tests.search.test_leaks import *  # noqa: E402, F403
from tests.search.test_ranking import *  # noqa: E402, F403
from tests.search.test_wider_material import *  # noqa: E402, F403

# osmem-server 0.1.6 fills only one target of a multi-target `copy_to`, so the title's copy into
# `_all_text_boost_5_0` is empty there and field boosts cannot be observed: title-over-body ranking
# is asserted by the exact mapping and query (test_elastic_offline.py) and on the database backends.
del test_title_matches_rank_above_body_matches  # noqa: F821
# The engine ranks pages with the reader's boosts itself (search.elastic): no window is re-ranked here.
del test_ranking_reads_stored_features_and_the_page_tables_for_entries_without  # noqa: F821
# Index keys are what our database backends hold (search.backends.IndexKeys); a cluster runs
# the querysets' filters, and its results count as Wagtail's do.
del test_entries_are_found_and_counted_by_their_index_keys_alone_and_retiring_one_drops_its_keys  # noqa: F821
