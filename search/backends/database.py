"""The backend to name in WAGTAILSEARCH_BACKENDS: ours for SQLite or PostgreSQL, by the database vendor."""

from django.db import connection

from modelsearch.backends.database import SearchBackend as WagtailDatabaseBackend


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    """Return the ranked database search backend for the default database's vendor.

    Each vendor's module is imported only for that vendor: modelsearch defines SQLite's FTS model
    only when SQLite is in use, so search.backends.sqlite cannot be imported on PostgreSQL.
    """
    if connection.vendor == "postgresql":
        from search.backends.postgres import PostgresRankedSearchBackend

        return PostgresRankedSearchBackend(params)
    if connection.vendor == "sqlite":
        from search.backends.sqlite import SQLiteRankedSearchBackend

        return SQLiteRankedSearchBackend(params)
    return WagtailDatabaseBackend(params)
