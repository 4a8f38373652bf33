from django.http import Http404
from django.template.response import TemplateResponse

from wagtail import hooks

from .access import AccessLevel
from .models import CommunityPage


@hooks.register("before_serve_page", order=-10)
def explain_restricted_page(page, request, serve_args, serve_kwargs):
    """Answer a reader who may not open a page: 404 in a private community, a clear page elsewhere."""
    refused = [r for r in page.get_view_restrictions() if not r.accept_request(request)]
    if not refused:
        return None
    community = CommunityPage.objects.ancestor_of(page, inclusive=True).live().order_by("-depth").first()
    if community is not None and community.access_level == AccessLevel.PRIVATE:
        raise Http404
    if any(r.restriction_type == r.PASSWORD for r in refused):
        return None  # Wagtail's own password form handles these.
    return TemplateResponse(
        request,
        "practice/access_denied.html",
        {"page": page, "community": community, "signed_in": request.user.is_authenticated},
        status=403,
    )
