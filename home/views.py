"""Site-wide views: health check and error pages."""

import logging

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)


def _database_ok():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _search_ok():
    list(get_search_backend().search("health", Page.objects.live())[:1])
    return True


@never_cache
def healthz(request):
    """Report whether the database and the search backend answer, as JSON with 200 or 503."""
    checks = {}
    for name, check in [("database", _database_ok), ("search", _search_ok)]:
        try:
            checks[name] = {"ok": bool(check())}
        except Exception as error:  # a health check reports every failure instead of raising it
            logger.warning("Health check %s failed: %s", name, error)
            checks[name] = {"ok": False, "error": error.__class__.__name__}
    checks["search"]["backend"] = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    healthy = all(check["ok"] for check in checks.values())
    body = {"status": "ok" if healthy else "unavailable", "checks": checks}
    return JsonResponse(body, status=200 if healthy else 503)


def csrf_failure(request, reason=""):
    """Explain in plain words that the form expired, instead of Django's technical page."""
    return render(request, "403_csrf.html", status=403)
