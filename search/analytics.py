"""What search records (every query with its count, every click) and what it reads of a member's choices."""

from django.core import signing
from django.db.models import Count, F, Q
from django.urls import reverse

from search.models import QueryLog, ResultClick, SearchPreference, normalise_query


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


def _click_signer():
    return signing.Signer(salt="search.click")


def _what_was_clicked(log_id, position, page, item):
    return f"{log_id}/{position}/" + (f"page/{page.pk}" if page is not None else f"item/{item.pk}")


def click_url(log_id, position, *, page=None, item=None):
    """Return the address of a result (a page or an aggregated entry) that records a click on it, signed."""
    signature = _click_signer().signature(_what_was_clicked(log_id, position, page, item))
    if page is not None:
        return f"{reverse('search_click', args=[log_id, position, page.pk])}?sig={signature}"
    return f"{reverse('search_click_external', args=[log_id, position, item.pk])}?sig={signature}"


def log_click(log_id, position, signature, *, page=None, item=None):
    """Record a click on a result of a logged search, if click_url signed that link; ignore any other."""
    clicked = _what_was_clicked(log_id, position, page, item)
    signer = _click_signer()
    try:
        # unsign() also accepts signatures made with SECRET_KEY_FALLBACKS, so a rotated key keeps old pages counting.
        genuine = signer.unsign(f"{clicked}{signer.sep}{signature}") == clicked
    except signing.BadSignature:
        genuine = False
    if genuine and QueryLog.objects.filter(pk=log_id).exists():
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
