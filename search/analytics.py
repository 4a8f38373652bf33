"""What search records (every query with its count, every click) and what it reads of a member's choices."""

from django.db.models import Count, F, Q

from .models import QueryLog, ResultClick, SearchPreference, normalise_query


def wants_personalisation(user):
    """Say whether results should be personalised for this reader: members, unless they switched it off."""
    if not user.is_authenticated:
        return False
    return not SearchPreference.objects.filter(user=user, personalise=False).exists()


def log_search(request, query, result_count, source="page"):
    """Record a search with its result count and the reader's role (never who they are)."""
    user = request.user
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    return QueryLog.objects.create(
        query=normalise_query(query),
        result_count=result_count,
        role_id=profile.role_id if profile is not None else None,
        signed_in=user.is_authenticated,
        source=source,
    )


def log_click(log_id, position, *, page=None, item=None):
    """Record a click on a result (a page or an aggregated entry) of a logged search; an unknown search is ignored."""
    if QueryLog.objects.filter(pk=log_id).exists():
        ResultClick.objects.create(search_id=log_id, page=page, item=item, position=min(position, 32767))


def top_queries(since, limit=50):
    """Return the most frequent searches since a time, with how often they found nothing and were clicked."""
    return (
        QueryLog.objects.filter(created_at__gte=since)
        .values("query")
        .annotate(
            searches=Count("pk", distinct=True),
            zero=Count("pk", filter=Q(result_count=0), distinct=True),
            clicked=Count("pk", filter=Q(clicks__isnull=False), distinct=True),
        )
        .order_by("-searches", "query")[:limit]
    )


def zero_result_queries(since, limit=50):
    """Return the searches that found nothing since a time, most frequent first."""
    return (
        QueryLog.objects.filter(created_at__gte=since, result_count=0)
        .values("query")
        .annotate(searches=Count("pk"))
        .order_by("-searches", "query")[:limit]
    )


def click_through_by_role(since):
    """Return, per audience role (and for readers without one), searches, searches clicked and the rate."""
    rows = (
        QueryLog.objects.filter(created_at__gte=since, result_count__gt=0)
        .values(role_name=F("role__name"))
        .annotate(
            searches=Count("pk", distinct=True),
            clicked=Count("pk", filter=Q(clicks__isnull=False), distinct=True),
        )
        .order_by("role_name")
    )
    return [
        {**row, "role_name": row["role_name"] or "No role given", "rate": row["clicked"] / row["searches"]}
        for row in rows
    ]
