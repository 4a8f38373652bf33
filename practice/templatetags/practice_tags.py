"""Template helpers that keep pages a reader may not open out of what they are shown.

Rendered without a request (a feed, an email, `str(page.body)`), only pages anyone may read count as readable.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from practice.access import media_readable, page_readable
from practice.common import names
from practice.markup import render_markdown

register = template.Library()


@register.filter
def readable_by(page, request):
    """Say whether the reader of the request may open the page: `{% if link.page|readable_by:request %}`."""
    return page_readable(page, request)


@register.simple_tag(takes_context=True)
def can_read(context, page):
    """Say whether this template's reader may open the page: `{% can_read value.page as readable %}`."""
    return page_readable(page, context.get("request"))


@register.simple_tag(takes_context=True)
def can_view_file(context, item):
    """Say whether this template's reader may open the image or document: `{% can_view_file doc as ok %}`."""
    return media_readable(item, context.get("request"))


@register.simple_tag(takes_context=True)
def readable_links(context, links):
    """Return the links to web addresses and to pages this template's reader may open."""
    request = context.get("request")
    return [link for link in links if link.get("url") or page_readable(link.get("page"), request)]


@register.filter
def markdown(text):
    """Render a member's Markdown as sanitised HTML."""
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitised by nh3  # nosec


@register.filter
def member_name(user, unnamed=names.UNNAMED):
    """Name a member as other members know them: `{{ author|member_name }}`, `{{ author|member_name:"a member" }}`."""
    return names.member_name(user, unnamed=unnamed)


@register.simple_tag
def member_link(user, unnamed=names.UNNAMED, former=names.FORMER_MEMBER):
    """Name a member, linked to their profile if they made it public: `{% member_link author "a member" %}`."""
    name = names.member_name(user, unnamed=unnamed, former=former)
    profile = getattr(user, "profile", None) if user is not None else None
    if profile is not None and profile.is_public:
        return format_html('<a class="govuk-link" href="{}">{}</a>', profile.get_absolute_url(), name)
    return name
