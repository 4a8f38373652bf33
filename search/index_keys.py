"""The keys an index entry carries, so that a search filters inside the index.

Besides its words, a live page's entry carries its access keys (the read filter written as words, below)
and a key for its community, its page type and each of its topics and audiences. A search then asks, as one condition
on the index, for entries holding one of the reader's access keys and, for each filter the reader
chose, one of the keys chosen: the same pages as the search queryset's own filters, without
joining the index to the page tables (see search.backends.IndexKeys). A page that is not
live carries no key at all.

An entry aggregated from a feed (ExternalItem) carries EXTERNAL, which every entry readers may open
holds (all but those an editor retired), and its source's key: a search for them is answered
inside the index too, instead of checking each of a word's matches for being one.

The models know nothing of this (they are the bottom layer): the database backends ask
`entry_keys(model, objects)` and `facet_kinds(model)` here for each model they index.
"""

from practice.models import ExternalItem, PracticePage
from practice.models.choices import Visibility

# Access keys: visibility_filter written as words a search index can hold. A live page's index entry
# carries LIVE and the key of who may read it; a reader may open the entries that carry a key they
# hold. A page that is not live carries none, so no reader finds it through its keys.
LIVE = "live"


def group_key(group_id):
    return f"group {group_id}"


def view_group_keys(page_ids):
    """Return {page id: [group keys]} for the pages shown to certain groups, in one query."""
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


# A key no entry carries: a filter on something that does not exist selects nothing.
NOTHING = "nothing"
# The key of every aggregated entry readers may open.
EXTERNAL = "external"
# The search facets whose values the keys name: facet field -> the word its keys begin with.
FACET_KEYS = {"content_type_id": "type", "community_id": "community", "topics": "topic", "audiences": "audience"}
# The same for aggregated entries (ExternalItem).
ITEM_FACET_KEYS = {"source_id": "source"}


def community_key(community_id):
    return f"{FACET_KEYS['community_id']} {community_id}"


def type_key(content_type_id):
    return f"{FACET_KEYS['content_type_id']} {content_type_id}"


def topic_key(topic_id):
    return f"{FACET_KEYS['topics']} {topic_id}"


def audience_key(audience_id):
    return f"{FACET_KEYS['audiences']} {audience_id}"


def page_keys(pks):
    """Return {page pk: [keys]} for the practice pages of these primary keys, in four queries whatever their number.

    Access is read from the database, not from instances: practice.receivers rewrites it with
    queryset updates after a page is saved, so a page just saved holds its old access in memory.
    """
    rows = PracticePage.objects.filter(pk__in=pks).values_list(
        "pk", "live", "visibility", "community_id", "content_type_id"
    )
    groups = view_group_keys(pks)
    described = {pk: [] for pk in pks}
    for through, column, key in [
        (PracticePage.topics.through, "topic_id", topic_key),
        (PracticePage.audiences.through, "audiencerole_id", audience_key),
    ]:
        for pk, related_id in through.objects.filter(practicepage_id__in=pks).values_list("practicepage_id", column):
            described[pk].append(key(related_id))
    keys = {pk: [] for pk in pks}
    for pk, live, visibility, community_id, content_type_id in rows:
        access = entry_access_keys(live, visibility, groups.get(pk, []))
        if access:
            own = [type_key(content_type_id), *([community_key(community_id)] if community_id is not None else [])]
            keys[pk] = [*access, *sorted(own + described[pk])]
    return keys


def source_key(source_id):
    return f"source {source_id}"


def item_keys(pks):
    """Return {item pk: [keys]} for the aggregated entries (ExternalItem) of these primary keys, in one query."""
    rows = ExternalItem.objects.filter(pk__in=pks).values_list("pk", "retired", "source_id")
    return {pk: [] if retired else [EXTERNAL, source_key(source_id)] for pk, retired, source_id in rows}


def entry_keys(model, objects):
    """Return {pk: keys} for the index entries of these objects of an indexed model (none for a model without keys)."""
    if issubclass(model, PracticePage):
        return page_keys([obj.pk for obj in objects])
    if issubclass(model, ExternalItem):
        return item_keys([obj.pk for obj in objects])
    return {}


def facet_kinds(model):
    """Return the kinds of key a model's search facets are counted from (see search.backends.sqlite.fts.facet_keys)."""
    if issubclass(model, PracticePage):
        return tuple(FACET_KEYS.values())
    if issubclass(model, ExternalItem):
        return tuple(ITEM_FACET_KEYS.values())
    return ()
