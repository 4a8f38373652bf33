"""Who may see what: every read decision, made on each page's denormalised access.

Editors set a community's access level and a post's security level; practice.privacy writes those
choices as Wagtail view restrictions (the single source of truth that serving checks), and every
practice page carries a denormalised copy of its effective restrictions (`visibility`, `view_groups`)
so that listings, feeds, the API and search can filter inside one query. The filter itself,
`visibility_filter`, lives with the queryset that applies it (practice.models.base).
"""

from django.conf import settings
from django.contrib.auth.models import Group

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
