"""Who reaches the Wagtail admin, and which part of the hub each of them sees there.

Wagtail's admin was written for trusted editors: its lists, choosers, dialogs and even its refusals
name whatever they are asked about. So only editorial roles reach it. Administrators and hub staff
(editors and moderators, who read every community's content) see all of it; a facilitator's part of
the hub is the communities they run, and what they may read on the site.
"""

import enum
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q

from wagtail.models import Page

from practice.access import is_staff_member, visibility_filter
from practice.models import CommunityPage, Membership, PracticePage
from practice.privacy import ancestor_paths


class Role(enum.Enum):
    ADMINISTRATOR = "administrator"
    STAFF = "staff"
    FACILITATOR = "facilitator"


@dataclass(frozen=True)
class EditorialScope:
    """What one person may see in the admin: everything, or their communities and what they may read."""

    user: object
    role: Role | None
    community_paths: tuple[str, ...] = ()
    collection_ids: frozenset[int] = frozenset()

    @property
    def sees_everything(self):
        return self.role in (Role.ADMINISTRATOR, Role.STAFF)

    def owns_q(self):
        """Match the pages in their communities: the communities themselves and everything below them."""
        return reduce(or_, (Q(path__startswith=path) for path in self.community_paths), Q(pk__in=[]))

    def reaches_q(self):
        """Match the pages they may explore: their communities' pages and the pages above them."""
        above = {path for community in self.community_paths for path in ancestor_paths(community)}
        return self.owns_q() | Q(path__in=above)

    def readable_q(self):
        """Match the live pages they may open on the site, which the admin may name as the site does."""
        unreadable = PracticePage.objects.exclude(visibility_filter(self.user)).values("pk")
        closed_communities = CommunityPage.objects.exclude(visibility_filter(self.user)).values_list("path", flat=True)
        below_closed = reduce(or_, (Q(path__startswith=path) for path in closed_communities), Q(pk__in=[]))
        return Q(live=True) & ~Q(pk__in=unreadable) & ~below_closed

    def nameable_pages(self, pages):
        """Keep the pages the admin may name to them: their own, those above them, and those they may read."""
        if self.sees_everything:
            return pages
        return pages.filter(self.reaches_q() | self.readable_q())

    def _has_page(self, q, page_id):
        pages = Page.objects.filter(pk=page_id)
        return (pages if self.sees_everything else pages.filter(q)).exists()

    def owns_page(self, page_id):
        return self._has_page(self.owns_q(), page_id)

    def reaches_page(self, page_id):
        return self._has_page(self.reaches_q(), page_id)

    def may_name_page(self, page_id):
        return self._has_page(self.reaches_q() | self.readable_q(), page_id)

    def owns_media(self, model, pk):
        """Say whether an image or document is in one of their communities' collections."""
        items = model.objects.filter(pk=pk)
        if not self.sees_everything:
            items = items.filter(collection_id__in=self.collection_ids)
        return items.exists()


def scope_for(user):
    """Return the editorial scope of a user: a role, and for a facilitator the communities they run."""
    if not user.is_authenticated or not user.is_active:
        return EditorialScope(user, None)
    if user.is_superuser:
        return EditorialScope(user, Role.ADMINISTRATOR)
    if is_staff_member(user):
        return EditorialScope(user, Role.STAFF)
    runs = list(
        Membership.objects.active()
        .facilitators()
        .filter(member=user, community__live=True)
        .values_list("community__path", "community__media_collection_id")
    )
    if not runs:
        return EditorialScope(user, None)
    return EditorialScope(
        user,
        Role.FACILITATOR,
        community_paths=tuple(path for path, _ in runs),
        collection_ids=frozenset(collection for _, collection in runs if collection is not None),
    )


def editorial_scope(request):
    """Return the editorial scope of the user making this request, worked out once per request."""
    if not hasattr(request, "_editorial_scope"):
        request._editorial_scope = scope_for(request.user)
    return request._editorial_scope
