from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from practice.communities.views import refusal_for
from practice.editorial.modeladmin import ModelAdmin
from practice.models import AudienceRole, Organisation, Region, ResourceLinkPage, Topic
from practice.page_links import ReaderCheckedPageLinkHandler


@hooks.register("before_serve_page", order=-10)
def explain_restricted_page(page, request, serve_args, serve_kwargs):
    return refusal_for(page, request)


@hooks.register("register_rich_text_features", order=100)
def link_restricted_pages_through_a_check(features):
    """Replace Wagtail's page links in rich text with ours, which never name a restricted page."""
    features.register_link_type(ReaderCheckedPageLinkHandler)


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
    """Editors' curation desk: the resource links this person may edit, with filters and search."""

    model = ResourceLinkPage
    menu_label = "Resources"
    menu_icon = "link"
    list_display = ["title", "publisher", "resource_type", "link_status", "date_added"]
    list_filter = ["resource_type", "link_status", "topics", "audiences", "publisher"]
    search_fields = ["title", "summary", "link_url", "editors_note"]
    ordering = ["-date_added"]

    def get_queryset(self, request):
        # The desk lists, counts and searches what it is given: only what this person may edit, so that
        # a facilitator never sees the summaries or editors' notes of another community's resources.
        editable = PagePermissionPolicy().instances_user_has_permission_for(request.user, "change")
        return super().get_queryset(request).filter(pk__in=editable.values("pk")).select_related("publisher")


class VocabularyGroup(ModelAdminGroup):
    menu_label = "Vocabulary"
    menu_icon = "tag"
    items = [TopicAdmin, AudienceRoleAdmin, RegionAdmin, OrganisationAdmin]


modeladmin_register(ResourceLinkAdmin)
modeladmin_register(VocabularyGroup)

# The comment moderation queue and word list, the screens for imports, feeds and link health, and what
# the admin shows each editorial role, register their own hooks.
from practice.comments import admin as comment_admin  # noqa: E402, F401
from practice.editorial import admin_hooks  # noqa: E402, F401
from practice.importing import admin_hooks as wagtail_hooks_importing  # noqa: E402, F401
