"""Who may see what: one policy, enforced through Wagtail's page privacy.

Editors set a community's access level and a post's security level. Those choices are written as
Wagtail view restrictions (the single source of truth that serving checks), and every practice
page carries a denormalised copy of its effective restrictions (`visibility`, `view_groups`) so
that listings, feeds, the API and search can filter inside one query.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import OuterRef, Q

from wagtail.models import Page, PageViewRestriction


class AccessLevel(models.TextChoices):
    OPEN = "open", "Open: anyone can read and join"
    RESTRICTED = "restricted", "Restricted: anyone can see it exists; members read; joining needs approval"
    PRIVATE = "private", "Private: invisible to non-members; invitation only"


class SecurityLevel(models.TextChoices):
    PUBLIC = "public", "Public: anyone"
    MEMBERS = "members", "Members: anyone signed in"
    COMMUNITY = "community", "Community: members of its community only"


class Visibility(models.TextChoices):
    """The effective view restriction on a page, derived from Wagtail's restrictions."""

    PUBLIC = "public", "Anyone"
    MEMBERS = "members", "Signed-in members"
    GROUPS = "groups", "Members of certain groups"
    HIDDEN = "hidden", "Nobody in listings"


_STRICTNESS = [SecurityLevel.PUBLIC, SecurityLevel.MEMBERS, SecurityLevel.COMMUNITY]

# The most open security level a community's content may have.
COMMUNITY_FLOOR = {
    AccessLevel.OPEN: SecurityLevel.PUBLIC,
    AccessLevel.RESTRICTED: SecurityLevel.COMMUNITY,
    AccessLevel.PRIVATE: SecurityLevel.COMMUNITY,
}


def strictest(*levels):
    """Return the most restrictive of the given security levels."""
    return max(levels, key=_STRICTNESS.index)


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


def ancestor_paths(path):
    """Return the tree paths of a page and all its ancestors."""
    step = Page.steplen
    return [path[:end] for end in range(step, len(path) + 1, step)]


def visibility_filter(user, in_sql=True, reads_all=False):
    """Return a Q that keeps only the practice pages the user may open.

    When the database itself runs the query (listings, and our database search backends, see
    search.backends), pages shown to certain groups are matched by key, each row checked in the
    (page, group) index as it is read: quickest when a query stops after a page of rows, where
    listing every page the reader's groups may open first (for a member of a few large communities,
    tens of thousands) would cost more than the rows read. A query that reads every visible page (a
    set of keys for another query to look in) passes `reads_all=True`: the database then lists them
    once and looks each row up in that list (the pages API at 100k items: 552 -> 419 ms on SQLite).

    A queryset given to a search engine needs `in_sql=False`: they are then matched by tree path,
    which every search backend applies (Elasticsearch and OpenSearch resolve the subquery to a list,
    and Wagtail's search backends silently drop a filter on a page type's pointer key,
    `practicepage_ptr_id`). The same pages every way.
    """
    if user.is_authenticated and user.is_superuser:
        return Q()
    if not user.is_authenticated:
        return Q(visibility=Visibility.PUBLIC)
    from practice.models import PracticePage

    in_their_groups = PracticePage.view_groups.through.objects.filter(group__user=user)
    if in_sql and reads_all:
        for_groups = Q(pk__in=in_their_groups.values("practicepage_id"))
    else:
        for_groups = pages_named_by(in_their_groups, in_sql)
    return Q(visibility__in=[Visibility.PUBLIC, Visibility.MEMBERS]) | for_groups & Q(visibility=Visibility.GROUPS)


def pages_named_by(rows, in_sql=True):
    """Return a Q for the practice pages that rows of one of their many-to-many tables (a queryset) name.

    For a search engine (`in_sql=False`) matched on tree path, as visibility_filter says why. Run as
    SQL, each page is looked up by key among the rows (an IN, not an EXISTS, so that search backends
    can read the filter too, and PostgreSQL does not list every page the rows name first; nor does
    SQLite, which listed the paths of every page with a topic for a faceted search: 30 ms at 100k).
    """
    if not in_sql:
        return Q(path__in=rows.values("practicepage__path"))
    return Q(pk__in=rows.filter(practicepage_id=OuterRef("pk")).values("practicepage_id"))


# Access keys: visibility_filter written as words a search index can hold. A live page's index entry
# carries LIVE and the key of who may read it; a reader may open the entries that carry a key they
# hold. A page that is not live carries none, so no reader finds it through its keys.
LIVE = "live"


def group_key(group_id):
    return f"group {group_id}"


def view_group_keys(page_ids):
    """Return {page id: [group keys]} for the pages shown to certain groups, in one query."""
    from practice.models import PracticePage

    groups = {}
    for page_id, group_id in PracticePage.view_groups.through.objects.filter(
        practicepage_id__in=page_ids, practicepage__visibility=Visibility.GROUPS
    ).values_list("practicepage_id", "group_id"):
        groups.setdefault(page_id, []).append(group_key(group_id))
    return groups


def entry_access_keys(live, visibility, group_keys):
    """Return the access keys of one page's index entry: none unless live, then who may read it."""
    if not live:
        return []
    if visibility in (Visibility.PUBLIC, Visibility.MEMBERS):
        return [LIVE, visibility]
    return [LIVE, *sorted(group_keys)]


def reader_access_keys(user):
    """Return the access keys a reader holds: an entry carrying any of them is one visibility_filter keeps."""
    if user.is_authenticated and user.is_superuser:
        return [LIVE]
    if not user.is_authenticated:
        return [Visibility.PUBLIC.value]
    group_ids = user.groups.order_by("pk").values_list("pk", flat=True)
    return [Visibility.PUBLIC.value, Visibility.MEMBERS.value, *(group_key(pk) for pk in group_ids)]


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
    from practice.models import PracticePage

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
    from practice.models import CommunityPage

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
