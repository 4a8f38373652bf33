from django.http import Http404
from django.template.response import TemplateResponse

from wagtail import hooks
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from .access import AccessLevel, is_staff_member, visibility_filter
from .models import AudienceRole, CommunityPage, Organisation, PracticePage, Region, ResourceLinkPage, Topic


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


@hooks.register("construct_page_chooser_queryset")
def offer_only_readable_pages(pages, request):
    """Keep pages a member may not read out of the page chooser, titles included.

    Members reach the editor to write posts; the chooser would otherwise list every page in the tree.
    """
    user = request.user
    if is_staff_member(user):
        return pages
    pages = pages.exclude(pk__in=PracticePage.objects.exclude(visibility_filter(user)).values("pk"))
    for path in CommunityPage.objects.exclude(visibility_filter(user)).values_list("path", flat=True):
        pages = pages.exclude(path__startswith=path)
    return pages


class TopicAdmin(ModelAdmin):
    model = Topic
    menu_icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]


class AudienceRoleAdmin(ModelAdmin):
    model = AudienceRole
    menu_icon = "group"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class RegionAdmin(ModelAdmin):
    model = Region
    menu_icon = "site"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class OrganisationAdmin(ModelAdmin):
    model = Organisation
    menu_icon = "home"
    list_display = ["name", "kind", "region"]
    list_filter = ["kind", "region"]
    search_fields = ["name", "email_domains"]


class ResourceLinkAdmin(ModelAdmin):
    """Editors' curation desk: every resource link across the tree, with filters and search."""

    model = ResourceLinkPage
    menu_label = "Resources"
    menu_icon = "link"
    list_display = ["title", "publisher", "resource_type", "link_status", "date_added"]
    list_filter = ["resource_type", "link_status", "topics", "audiences", "publisher"]
    search_fields = ["title", "summary", "link_url", "editors_note"]
    ordering = ["-date_added"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("publisher")


class VocabularyGroup(ModelAdminGroup):
    menu_label = "Vocabulary"
    menu_icon = "tag"
    items = [TopicAdmin, AudienceRoleAdmin, RegionAdmin, OrganisationAdmin]


modeladmin_register(ResourceLinkAdmin)
modeladmin_register(VocabularyGroup)

# The comment moderation queue and word list, and the screens for imports, feeds and link health,
# register their own hooks.
from . import comment_admin, wagtail_hooks_importing  # noqa: E402, F401
