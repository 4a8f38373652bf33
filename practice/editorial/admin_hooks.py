"""What the admin's dashboard, menus and choosers show each editorial role (see practice.editorial.scope)."""

from wagtail import hooks
from wagtail.admin.menu import SubmenuMenuItem

from practice.editorial.gate import facilitator_may_open
from practice.editorial.scope import Role, editorial_scope


@hooks.register("construct_homepage_summary_items", order=1000)  # after Wagtail's own items are added
def count_only_for_staff(request, summary_items):
    """Leave out the site summary's counts for a facilitator: they count the whole hub, not their part."""
    if editorial_scope(request).role is Role.FACILITATOR:
        summary_items.clear()


def _keep_reachable(request, menu_items):
    scope = editorial_scope(request)
    if scope.role is not Role.FACILITATOR:
        return
    menu_items[:] = [
        item
        for item in menu_items
        if isinstance(item, SubmenuMenuItem)
        or not item.url.startswith("/")
        or facilitator_may_open(scope, request, item.url)
    ]


for menu_hook in ("construct_main_menu", "construct_reports_menu", "construct_settings_menu"):
    hooks.register(menu_hook, _keep_reachable)


@hooks.register("construct_page_chooser_queryset")
def offer_only_nameable_pages(pages, request):
    """Keep out of the page chooser, titles included, the pages a facilitator may not read or edit."""
    return editorial_scope(request).nameable_pages(pages)
