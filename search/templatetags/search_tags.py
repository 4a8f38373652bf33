from django import template

from search import ranking

register = template.Library()


@register.simple_tag(takes_context=True)
def related_pages(context, page, limit=3):
    """Return up to `limit` pages like this one that the reader may open."""
    return ranking.related(page, context["request"].user, limit=limit)
