"""Writing who may read a page: Wagtail view restrictions from security levels, and their denormalised copy.

A community's access level and a page's security level are written as Wagtail's own view restrictions
(`apply_security`), which serving checks; every practice page below a changed restriction then has its
`visibility` and `view_groups` recomputed (`refresh_visibility`) for listings and search to filter on.
practice.receivers calls these whenever a page or a restriction is saved, moved or deleted.
"""

from django.db.models import Q

from wagtail.models import Page, PageViewRestriction

from practice.access import staff_groups
from practice.models import CommunityPage, PracticePage
from practice.models.choices import COMMUNITY_FLOOR, AccessLevel, SecurityLevel, Visibility, strictest


def ancestor_paths(path):
    """Return the tree paths of a page and all its ancestors."""
    step = Page.steplen
    return [path[:end] for end in range(step, len(path) + 1, step)]


def effective_visibility(restrictions):
    """Fold the restrictions on a page and its ancestors into (visibility, group ids)."""
    if not restrictions:
        return Visibility.PUBLIC, set()
    if any(r.restriction_type == PageViewRestriction.PASSWORD for r in restrictions):
        return Visibility.HIDDEN, set()
    group_sets = [
        {group.pk for group in r.groups.all()} for r in restrictions if r.restriction_type == PageViewRestriction.GROUPS
    ]
    if not group_sets:
        return Visibility.MEMBERS, set()
    # A reader must be in one group of each restriction. Those in the common groups surely are;
    # anyone else is left out of listings rather than risk showing them too much.
    common = set.intersection(*group_sets)
    if not common:
        return Visibility.HIDDEN, set()
    return Visibility.GROUPS, common


def refresh_visibility(root):
    """Recompute the denormalised visibility of a page and every practice page below it."""
    restrictions = (
        PageViewRestriction.objects.filter(
            Q(page__path__in=ancestor_paths(root.path)) | Q(page__path__startswith=root.path)
        )
        .select_related("page")
        .prefetch_related("groups")
    )
    by_path = {}
    for restriction in restrictions:
        by_path.setdefault(restriction.page.path, []).append(restriction)

    through = PracticePage.view_groups.through
    current_groups = {}
    for page_id, group_id in through.objects.filter(practicepage__path__startswith=root.path).values_list(
        "practicepage_id", "group_id"
    ):
        current_groups.setdefault(page_id, set()).add(group_id)

    changed_pages, stale_links, new_links = [], [], []
    for page in PracticePage.objects.filter(path__startswith=root.path).only("pk", "path", "visibility"):
        applicable = [r for path in ancestor_paths(page.path) for r in by_path.get(path, [])]
        visibility, group_ids = effective_visibility(applicable)
        if visibility != page.visibility:
            page.visibility = visibility
            changed_pages.append(page)
        if group_ids != current_groups.get(page.pk, set()):
            stale_links.append(page.pk)
            new_links += [through(practicepage_id=page.pk, group_id=group_id) for group_id in group_ids]
    PracticePage.objects.bulk_update(changed_pages, ["visibility"], batch_size=500)
    through.objects.filter(practicepage_id__in=stale_links).delete()
    through.objects.bulk_create(new_links, batch_size=500)


def required_level(page):
    """Return the security level a practice page must have, given its community's access level."""
    if isinstance(page, CommunityPage):
        return SecurityLevel.COMMUNITY if page.access_level == AccessLevel.PRIVATE else SecurityLevel.PUBLIC
    community = page.community
    if community is None:
        return page.security_level
    return strictest(COMMUNITY_FLOOR[community.access_level], page.security_level)


def apply_security(page):
    """Write the page's own view restriction so that it matches its required security level."""
    level = required_level(page)
    own = list(PageViewRestriction.objects.filter(page=page).order_by("pk").prefetch_related("groups"))
    if level == SecurityLevel.PUBLIC:
        for restriction in own:
            restriction.delete()
        return
    if level == SecurityLevel.MEMBERS:
        wanted_type, wanted_groups = PageViewRestriction.LOGIN, set()
    else:
        wanted_type = PageViewRestriction.GROUPS
        wanted_groups = {page.community.members_group_id, *staff_groups().values_list("pk", flat=True)}

    # The restriction that stays is corrected in place: code still holding it (Wagtail's privacy dialog
    # saves a restriction, then sets its groups) must write to a row that exists.
    kept = own[0] if own else PageViewRestriction(page=page)
    for restriction in own[1:]:
        restriction.delete()
    if kept.pk is None or kept.restriction_type != wanted_type or kept.password:
        kept.restriction_type, kept.password = wanted_type, ""
        kept.save()
    if {group.pk for group in kept.groups.all()} != wanted_groups:
        kept.groups.set(wanted_groups)
