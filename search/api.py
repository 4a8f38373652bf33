"""GET /api/search/: the search page's ranking and access rules as JSON, for other council systems.

The caller is the session's member, or the member whose API token is sent as
`Authorization: Token <key>`; anyone else searches as an anonymous reader.
"""

from django.contrib.auth.models import AnonymousUser
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from hub.ratelimit import rate_limited
from search import query, results
from search.analytics import log_search, wants_personalisation
from search.models import ApiToken


def api_reader(request):
    """Return the member the request speaks for, or None if it sends a token that is not valid."""
    header = request.headers.get("Authorization", "")
    if not header:
        return request.user
    scheme, _, key = header.partition(" ")
    if scheme != "Token" or not key.strip():
        return None
    return ApiToken.user_for_key(key.strip())


def error(status, message, errors=None):
    return JsonResponse({"error": message, "errors": errors or {}}, status=status)


def as_json(hit, request):
    if hit.item is not None:
        return external_as_json(hit)
    page = hit.page
    return {
        "title": page.title,
        "url": page.get_full_url(request),
        "type": hit.type,
        "snippet": str(hit.snippet),
        "community": hit.community,
        "topics": hit.topics,
        "published": hit.published.isoformat() if hit.published else None,
        "score": hit.score,
        "why": hit.why,
    }


def external_as_json(hit):
    """An entry from the wider public sector: linked to the original, with where it comes from."""
    item = hit.item
    return {
        "title": item.title,
        "url": item.link,
        "type": hit.type,
        "snippet": str(hit.snippet),
        "community": None,
        "topics": hit.topics,
        "published": hit.published.isoformat() if hit.published else None,
        "score": hit.score,
        "why": hit.why,
        "source": item.source.title,
        "organisation": item.organisation.name if item.organisation_id else None,
    }


@require_GET
@rate_limited("search_api", json=True)
def search_api(request):
    reader = api_reader(request)
    if reader is None:
        return error(401, "The API token is not valid.")
    request.user = reader if reader.is_authenticated else AnonymousUser()
    try:
        params = query.parse_params(request.GET, reader)
    except query.InvalidSearch as invalid:
        return error(400, "Some parameters cannot be searched with.", invalid.errors)
    if not (params.text or params.filters):
        return error(400, "Give a query (q) or a filter.", {"q": "Give something to search for."})
    found = results.results_of(params.search(reader, personalise=wants_personalisation(reader)))
    if params.text and params.page == 1:
        log_search(request, params.text, found.count, source="api")
    return JsonResponse(
        {
            "query": found.query,
            "count": found.count,
            "count_is_exact": not found.more,
            "page": params.page,
            "incomplete": found.incomplete,
            # When too few results had every word (the first `every_word` of them): the words that carry
            # meaning, of which the others hold some.
            "some_of": list(found.partly),
            "every_word": found.every_word if found.partly else None,
            # When misspelt words were corrected: the words as typed (`query` is then the correction).
            "corrected_from": found.corrected_from,
            "results": [as_json(hit, request) for hit in found.hits],
            "facets": {
                name: [{"value": v.value, "label": v.label, "count": v.count} for v in values]
                for name, values in found.facets.items()
            },
        }
    )
