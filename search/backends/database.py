"""The backend to name in WAGTAILSEARCH_BACKENDS: ours for SQLite or PostgreSQL, by the database vendor."""

from django.db import connection
from django.utils.module_loading import import_string

# Each vendor's module is imported only for that vendor: modelsearch defines SQLite's FTS model only
# when SQLite is in use, so search.backends.sqlite cannot be imported on PostgreSQL.
BY_VENDOR = {
    "postgresql": "search.backends.postgres.PostgresRankedSearchBackend",
    "sqlite": "search.backends.sqlite.SQLiteRankedSearchBackend",
}
# Any other database: Wagtail's own.
FALLBACK = "modelsearch.backends.database.SearchBackend"


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    """Return the ranked database search backend for the default database's vendor."""
    return import_string(BY_VENDOR.get(connection.vendor, FALLBACK))(params)
