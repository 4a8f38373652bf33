"""Public listings of entries collected from the wider public sector's blogs."""

from django.shortcuts import get_object_or_404, render

from practice.filters import paginate
from practice.models import ExternalItem, FeedSource


def external_stream(request):
    """List the newest entries from every source, a page at a time."""
    items = ExternalItem.objects.current().for_listing()
    sources = FeedSource.objects.filter(items__retired=False).distinct().order_by("title")
    return render(request, "practice/external/stream.html", {"items": paginate(request, items), "sources": sources})


def external_source(request, slug):
    """List one source's entries, newest first, a page at a time."""
    source = get_object_or_404(FeedSource.objects.select_related("organisation", "region"), slug=slug)
    items = ExternalItem.objects.current().filter(source=source).for_listing()
    return render(request, "practice/external/source.html", {"source": source, "items": paginate(request, items)})
