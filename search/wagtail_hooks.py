"""Editors' search tools in the Wagtail admin: best bets, synonyms and the search reports."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from practice.access import is_staff_member
from practice.editorial.menu import MenuItemFor
from search.analytics import click_through_by_role, top_queries, zero_result_queries
from search.models import BestBet, SynonymSet

REPORT_PERIODS = {"7": 7, "30": 30, "90": 90}


class BestBetViewSet(SnippetViewSet):
    model = BestBet
    icon = "pick"
    menu_label = "Best bets"
    list_display = ["query", "page", "starts_at", "ends_at"]
    list_filter = ["query"]
    search_fields = ["query", "note"]


class SynonymSetViewSet(SnippetViewSet):
    model = SynonymSet
    icon = "list-ul"
    menu_label = "Synonyms and acronyms"
    list_display = ["__str__", "note", "updated_at"]
    search_fields = ["terms", "note"]


class SearchCurationGroup(SnippetViewSetGroup):
    menu_label = "Search"
    menu_icon = "search"
    menu_order = 350
    items = (BestBetViewSet, SynonymSetViewSet)


register_snippet(SearchCurationGroup)


def search_reports(request):
    """Show editors the top searches, the searches that found nothing and click-through by role."""
    if not is_staff_member(request.user):
        raise PermissionDenied
    days = REPORT_PERIODS.get(request.GET.get("days", "30"), 30)
    since = timezone.now() - dt.timedelta(days=days)
    return TemplateResponse(
        request,
        "search/admin/reports.html",
        {
            "days": days,
            "periods": REPORT_PERIODS.values(),
            "top_queries": top_queries(since),
            "zero_result_queries": zero_result_queries(since),
            "click_through": click_through_by_role(since),
        },
    )


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("search-reports/", search_reports, name="search_reports")]


@hooks.register("register_reports_menu_item")
def register_search_reports_menu_item():
    return MenuItemFor("Searches", reverse("search_reports"), shown_to=is_staff_member, icon_name="search", order=900)
