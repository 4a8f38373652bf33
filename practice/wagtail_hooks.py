from wagtail import hooks
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from .access import is_staff_member, visibility_filter
from .models import AudienceRole, CommunityPage, Organisation, PracticePage, Region, ResourceLinkPage, Topic
from .page_links import ReaderCheckedPageLinkHandler
from .views import refusal_for


@hooks.register("before_serve_page", order=-10)
def explain_restricted_page(page, request, serve_args, serve_kwargs):
    return refusal_for(page, request)


@hooks.register("register_rich_text_features", order=100)
def link_restricted_pages_through_a_check(features):
    """Replace Wagtail's page links in rich text with ours, which never name a restricted page."""
    features.register_link_type(ReaderCheckedPageLinkHandler)


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
