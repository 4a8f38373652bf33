"""Pointing the search suite at a cluster (Elasticsearch, or OpenSearch on osmem-server) instead of the database."""

from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

from search import ranking


def search_on_cluster(settings, backend, url, index_prefix, database):
    """Make the cluster at url the default search backend, beside the `database` one; return it."""
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": backend, "URLS": [url], "INDEX_PREFIX": index_prefix},
        "database": {"BACKEND": database},
    }
    return get_search_backend()


def reset_indexes(backend):
    """Empty every index, then put each model's mapping, as `manage.py update_index` does before adding documents."""
    for index in backend.all_indexes():
        index.reset()
    for model in get_indexed_models():
        backend.get_index_for_model(model).add_model(model)


def refresh_before_each_search(monkeypatch):
    """Make every search see what was indexed just before it (a cluster refreshes on a schedule)."""
    real_engine = ranking._engine

    def engine(backend, *args, **kwargs):
        backend.refresh_indexes()
        return real_engine(backend, *args, **kwargs)

    monkeypatch.setattr(ranking, "_engine", engine)
