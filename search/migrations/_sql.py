"""What the search app's SQL migrations share (a module whose name begins with `_` is no migration).

The full-text indexes are each database's own: a migration gives its statements by vendor, and
they name the index entries' table `{entries}`.
"""


def run_sql(statements_by_vendor, params=()):
    """Return a RunPython function running, in order, the statements given for the database's vendor (none if not given)."""

    def operation(apps, schema_editor):
        entries = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement.format(entries=entries), params)

    return operation
