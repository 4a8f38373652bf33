"""The backend to name in WAGTAILSEARCH_BACKENDS: ours for SQLite or PostgreSQL, by the database vendor."""

from django.db import connection


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    """Return the ranked database search backend for the default database's vendor."""
    if connection.vendor == "postgresql":
        from search.backends.postgres import PostgresRankedSearchBackend

        return PostgresRankedSearchBackend(params)
    if connection.vendor == "sqlite":
        from search.backends.sqlite import SQLiteRankedSearchBackend

        return SQLiteRankedSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as WagtailDatabaseBackend

    return WagtailDatabaseBackend(params)
