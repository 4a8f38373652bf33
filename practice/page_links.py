"""Links to pages in rich text, which never name a page the reader may not open.

Rich text is rendered without knowing who reads it: on pages, and in feeds, emails and search
snippets. Wagtail writes a page link as the page's address, and the address of a page in a closed
community names it. So a link to a page that anyone may open keeps its address, and a link to any
other page points at /links/pages/<id>/, which sends a reader who may open the page on to it and
answers anyone else as the page itself would ("sign in / ask to join", or 404 in a private community).
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import escape

from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text.pages import PageLinkHandler

from practice.communities.views import refusal_for
from practice.privacy import ancestor_paths


def restricted_paths(pages):
    """Return the paths, among the pages and their ancestors, that carry a view restriction."""
    paths = {path for page in pages for path in ancestor_paths(page.path)}
    if not paths:
        return set()
    return set(PageViewRestriction.objects.filter(page__path__in=paths).values_list("page__path", flat=True))


class ReaderCheckedPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        pages = cls.get_many(attrs_list)
        restricted = restricted_paths(page for page in pages if page is not None)
        tags = []
        for page in pages:
            if page is None:
                tags.append("<a>")
            elif page.live and restricted.isdisjoint(ancestor_paths(page.path)):
                tags.append(f'<a href="{escape(page.localized.url)}">')
            else:
                tags.append(f'<a href="{reverse("follow_page_link", args=[page.pk])}">')
        return tags


def follow_page_link(request, page_id):
    """Send the reader on to a linked page they may open; tell anyone else what the page would."""
    page = get_object_or_404(Page.objects.live(), pk=page_id)
    url = page.get_url(request)
    if url is None:
        raise Http404("That page is not on this site.")
    return refusal_for(page, request) or redirect(url)
