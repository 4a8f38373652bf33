"""Who may see what: every read decision, made on each page's denormalised access.

Editors set a community's access level and a post's security level; practice.privacy writes those
choices as Wagtail view restrictions (the single source of truth that serving checks), and every
practice page carries a denormalised copy of its effective restrictions (`visibility`, `view_groups`)
so that listings, feeds, the API and search can filter inside one query. The filter itself,
`visibility_filter`, lives with the queryset that applies it (practice.models.base).
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, Group

from wagtail.models import Page

from practice.models import Membership, PracticePage
from practice.models.base import pages_named_by, visibility_filter

__all__ = ["pages_named_by", "visibility_filter"]  # the read filter, named here beside the other read decisions


def staff_groups():
    """Return the hub staff groups that see every community's content."""
    return Group.objects.filter(name__in=settings.HUB_STAFF_GROUPS)


def is_staff_member(user):
    """Say whether the user is hub staff (editors, moderators, administrators)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return any(group.name in settings.HUB_STAFF_GROUPS for group in user.groups.all())


def facilitates(user, community_id=None):
    """Say whether the user runs the community (or any, with none given): its active facilitators, and hub staff."""
    if not user.is_authenticated:
        return False
    if is_staff_member(user):
        return True
    facilitators = Membership.objects.active().facilitators().filter(member=user)
    if community_id is not None:
        facilitators = facilitators.filter(community_id=community_id)
    return facilitators.exists()


def may_read(user, page):
    """Say whether the user may open the live practice page now (asked again as each email or notice is sent)."""
    return PracticePage.objects.live().visible_to(user).filter(pk=page.pk).exists()


def page_readable(page, request):
    """Say whether the reader making this request may open the page, and so see it named in a link."""
    if page is None or not page.live:
        return False
    # Rendered without a request (an email, a feed), a page is readable only if anyone may read it.
    user = getattr(request, "user", None) or AnonymousUser()
    if issubclass(page.specific_class or Page, PracticePage):
        return PracticePage.objects.filter(visibility_filter(user), pk=page.pk).exists()
    restrictions = page.get_view_restrictions()
    if not hasattr(request, "user"):
        return not restrictions.exists()
    return all(restriction.accept_request(request) for restriction in restrictions)


def media_readable(item, request):
    """Say whether the reader making this request may open the image or document, and so see it named."""
    if item is None:
        return False
    restrictions = item.collection.get_view_restrictions()
    if not hasattr(request, "user"):
        return not restrictions.exists()
    return all(restriction.accept_request(request) for restriction in restrictions.prefetch_related("groups"))
