from wagtail.models import Site


def navigation(request):
    """Give every template the top-level sections shown in the service navigation."""
    site = Site.find_for_request(request)
    if site is None:
        return {"nav_links": []}
    return {"nav_links": site.root_page.get_children().live().in_menu().only("title", "url_path")}
