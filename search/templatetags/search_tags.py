from django import template

from search import analytics, lists

register = template.Library()


@register.simple_tag(takes_context=True)
def related_pages(context, page, limit=3):
    """Return up to `limit` pages like this one that the reader may open."""
    return lists.related(page, context["request"].user, limit=limit)


@register.simple_tag
def result_click_url(search_log, position, *, page=None, item=None):
    """Return the signed address that records a click on a result of the logged search and leads to it."""
    return analytics.click_url(search_log.pk, position, page=page, item=item)
