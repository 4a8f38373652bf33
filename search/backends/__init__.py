"""Wagtail's database search backends, made to rank well and answer fast.

`search.backends.database` is the one to name in WAGTAILSEARCH_BACKENDS: it picks the SQLite or
the PostgreSQL backend by the database vendor, as Wagtail's own database backend does. Both keep
Wagtail's query API and index tables, and differ from the stock backends in three ways:

- the engine ranks and limits: SQLite's FTS5 orders by bm25 and PostgreSQL by ts_rank inside one
  SQL query with LIMIT, instead of scoring every matching row in a subquery;
- title beats summary beats body: each indexed field is given a role (see `roles.py`) and each role
  its own weight (FTS5 column weights, tsvector weights A, B and C);
- the queryset's filters (access, type, community...) are applied in that same query as a
  correlated EXISTS, so results, counts and facets all respect them.
"""
