"""Admin screens and serving hooks for material brought in from elsewhere."""

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import path, reverse

from wagtail import hooks
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from practice.access import is_staff_member
from practice.editorial.menu import MenuItemFor
from practice.importing import link_health
from practice.models import ExternalItem, FeedSource


@hooks.register("before_serve_page")
def follow_wordpress_short_links(page, request, serve_args, serve_kwargs):
    """Send an old WordPress short link such as /?p=42 to its imported post.

    Wagtail's redirect middleware only looks at addresses that would otherwise be "not found", but
    these land on a page that exists (usually the home page) with a query string.
    """
    if "p" not in request.GET:
        return None
    site = Site.find_for_request(request)
    old_path = Redirect.normalise_path(request.get_full_path())
    found = Redirect.get_for_site(site).filter(old_path=old_path).first()
    if found is None or found.link is None:
        return None
    return (HttpResponsePermanentRedirect if found.is_permanent else HttpResponseRedirect)(found.link)


class FeedSourceViewSet(SnippetViewSet):
    model = FeedSource
    icon = "link-external"
    menu_label = "Feed sources"
    list_display = ["title", "organisation", "region", "active", "last_fetched_at", "last_error"]
    list_filter = ["active", "organisation", "region", "topics"]
    search_fields = ["title", "site_url", "feed_url"]


class ExternalItemViewSet(SnippetViewSet):
    model = ExternalItem
    icon = "globe"
    menu_label = "Collected posts"
    list_display = ["title", "source", "published", "link_status", "retired"]
    list_filter = ["source", "link_status", "retired"]
    ordering = ["-published"]


class WiderPublicSectorGroup(SnippetViewSetGroup):
    menu_label = "Wider public sector"
    menu_icon = "globe"
    items = (FeedSourceViewSet, ExternalItemViewSet)


register_snippet(WiderPublicSectorGroup)


@hooks.register("register_admin_urls")
def link_health_urls():
    return [
        path("link-health/", link_health.link_health_report, name="link_health"),
        path("link-health/resources/<id:pk>/update/", link_health.resource_update, name="link_health_resource_update"),
        path("link-health/resources/<id:pk>/retire/", link_health.resource_retire, name="link_health_resource_retire"),
        path("link-health/items/<id:pk>/update/", link_health.item_update, name="link_health_item_update"),
        path("link-health/items/<id:pk>/retire/", link_health.item_retire, name="link_health_item_retire"),
    ]


@hooks.register("register_reports_menu_item")
def link_health_menu_item():
    return MenuItemFor("Link health", reverse("link_health"), shown_to=is_staff_member, icon_name="link", order=700)
