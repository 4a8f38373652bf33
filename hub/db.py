"""Query helpers the apps share."""

from django.db.models import F, Lookup
from django.db.models.lookups import In


class OneParameterIn(Lookup):
    """`field IN values`, with the values sent to PostgreSQL as one array parameter (see one_of)."""

    prepare_rhs = False

    def as_sql(self, compiler, connection):
        values = list(self.rhs)
        if connection.vendor != "postgresql":
            return compiler.compile(In(self.lhs, values))
        lhs, lhs_params = self.process_lhs(compiler, connection)
        array_type = "bigint[]" if all(isinstance(value, int) for value in values) else "text[]"
        return f"{lhs} = ANY(%s::{array_type})", [*lhs_params, values]


def one_of(field_name, values):
    """Return a filter keeping rows whose field holds one of the values (all integers or all strings).

    Django sends `field__in=[...]` as a placeholder per value, which costs Django and the driver
    time for every value; search re-ranking asks several queries about the same couple of hundred
    candidates. On PostgreSQL the values go as one array, `= ANY(...)`, which the planner treats as
    it treats an IN list. Elsewhere this is `field__in`: SQLite binds values cheaply, and given a
    list as one JSON value it planned some of these queries far worse.
    """
    return OneParameterIn(F(field_name), list(values))


def lock_row(instance):
    """Lock the instance's row until the transaction ends, and read it afresh once locked.

    Whoever locks it next waits for the commit: a copy read before the wait may be stale (a page's count
    of children, which Wagtail's tree reads to find its children and free slugs), so it is read again, in
    place, for everyone holding it.
    """
    # No key update: rows that merely point at it (a new page's owner, a reply's author) are not held up.
    # SQLite has no row locks, and needs none: it lets one writer in at a time.
    instance.refresh_from_db(from_queryset=instance._meta.model._default_manager.select_for_update(no_key=True))
