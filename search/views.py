"""The search page, autocomplete, result clicks and the personalisation switch: parse, ask ranking, render."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from hub.ratelimit import rate_limited
from practice.models import PracticePage
from practice.models.external import ExternalItem
from search import lists, query, results
from search.analytics import log_click, log_search, wants_personalisation
from search.models import MAX_QUERY_LENGTH, SearchPreference

AUTOCOMPLETE_LIMIT = 8


@require_GET
def search(request):
    """Search everything the reader may open."""
    context = {"types": query.TYPES, "sorts": query.SORTS, "query": ""}
    try:
        params = query.parse_params(request.GET, request.user)
    except query.InvalidSearch as invalid:
        context["errors"] = invalid.errors
        context["query"] = query.search_text(request.GET.get("q", ""))[:MAX_QUERY_LENGTH]
        return render(request, "search/search.html", context)
    context.update(query=params.text, filters=params.filters, sort=params.sort, as_typed=not params.correct)
    if params.text or params.filters:
        personalise = wants_personalisation(request.user)
        found = results.results_of(params.search(request.user, personalise=personalise))
        context["results"] = found
        context["personalise"] = personalise
        if params.text and params.page == 1:
            context["search_log"] = log_search(request, params.text, found.count)
        context["query_string"] = request.GET.copy()
        context["query_string"].pop("page", None)
    return render(request, "search/search.html", context)


@require_GET
@rate_limited("autocomplete", json=True)
def autocomplete(request):
    """Answer the search box with titles the reader may open that start with what they have typed."""
    text = query.search_text(request.GET.get("q", ""))
    if len(text) > MAX_QUERY_LENGTH:
        return JsonResponse({"errors": {"q": "Type 200 characters or fewer."}}, status=400)
    if len(text) < 2:
        return JsonResponse({"query": text, "suggestions": []})
    pages = lists.autocomplete(text, request.user, limit=AUTOCOMPLETE_LIMIT)
    return JsonResponse(
        {
            "query": text,
            "suggestions": [
                {"title": page.title, "url": page.get_url(request), "type": page.kind_label} for page in pages
            ],
        }
    )


# A click link that the hub did not sign (made up, altered, cut short) records nothing, but still leads
# a reader to a result they may open: that is no more than its own address gives them, and anything
# else is a 404, as the result itself would be.


@require_GET
def result_click(request, log_id, position, page_id):
    """Record that a reader followed a result, then send them to it (only if they may open it)."""
    page = PracticePage.objects.live().visible_to(request.user).filter(pk=page_id).first()
    if page is None:
        raise Http404
    log_click(log_id, position, request.GET.get("sig", ""), page=page)
    return redirect(page.get_url(request))


@require_GET
def external_result_click(request, log_id, position, item_id):
    """Record that a reader followed an entry from the wider public sector, then send them to the original."""
    item = ExternalItem.objects.current().filter(pk=item_id).first()
    if item is None:
        raise Http404
    log_click(log_id, position, request.GET.get("sig", ""), item=item)
    return redirect(item.link)


@login_required
@require_POST
def personalisation(request):
    """Switch personalised ranking on or off for this member."""
    choice = request.POST.get("personalise")
    if choice not in {"on", "off"}:
        return HttpResponseBadRequest("Choose on or off.")
    SearchPreference.objects.update_or_create(user=request.user, defaults={"personalise": choice == "on"})
    back = request.POST.get("next", "")
    # A path only: redirect() looks up anything else ('²', 'home') as a view's name, and fails.
    secure = request.is_secure()
    on_site = url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=secure)
    return redirect(back if on_site and back.startswith("/") else reverse("search"))
