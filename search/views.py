"""The search page: parse the query, ask the search backend, render."""

from django.core.paginator import Paginator
from django.shortcuts import render

from practice.models import PracticePage

MAX_QUERY_LENGTH = 200


def search(request):
    """Search everything the reader may open."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    page_obj = None
    if query:
        results = PracticePage.objects.live().visible_to(request.user).specific().search(query)
        page_obj = Paginator(results, 10).get_page(request.GET.get("page"))
    return render(request, "search/search.html", {"query": query, "page_obj": page_obj})
