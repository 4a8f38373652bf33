"""Who may write, publish, approve and follow links where: Wagtail page permissions and workflows by group.

Every community has a members group and a facilitators group, kept in step with its memberships by
practice.communities.services. Only facilitators reach the Wagtail editor (practice.editorial): they edit, publish
and lock everything in the community's sections, approve posts when the community asks for approval,
and keep the community's images and documents. Members hold no editor permissions at all; they take
part on the site. These groups are managed here: their permissions are exactly what this module
grants, so an approval switched on or a section moved away takes the old rights with it.
"""

from django.contrib.auth.models import Permission

from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from practice.access import staff_groups
from practice.models import (
    BlogIndexPage,
    CommunityPage,
    DiscussionIndexPage,
    EventIndexPage,
    ResourceLibraryPage,
)
from practice.models.choices import AccessLevel

SECTION_MODELS = (BlogIndexPage, DiscussionIndexPage, ResourceLibraryPage, EventIndexPage)
FACILITATOR_ACTIONS = frozenset({"add", "change", "publish", "lock"})
# In the community's collection: Wagtail lets uploaders edit their own images and documents with "add",
# and "change" lets facilitators keep what others uploaded too.
MEDIA_FACILITATOR_PERMISSIONS = frozenset(
    {
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtailimages.change_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
        "wagtaildocs.change_document",
    }
)


def community_sections(community):
    """Return the community's section pages (blog, discussions, resources, events), drafts included."""
    return Page.objects.child_of(community).type(*SECTION_MODELS)


def wanted_page_permissions(community, sections):
    """Return the (group id, page id, action) triples the community's groups should hold."""
    return {
        (community.facilitators_group_id, section.pk, action) for section in sections for action in FACILITATOR_ACTIONS
    }


def _drop_unwanted(model, held, wanted):
    """Delete the held permission rows (key -> pk) that are not wanted; return the wanted keys not held yet."""
    stale = [pk for key, pk in held.items() if key not in wanted]
    if stale:
        model.objects.filter(pk__in=stale).delete()
    return wanted - held.keys()


def set_page_permissions(community, sections):
    """Give the community's groups exactly the page permissions they should have, changing only what differs."""
    groups = [community.members_group_id, community.facilitators_group_id]
    wanted = wanted_page_permissions(community, sections)
    held = {
        (perm.group_id, perm.page_id, perm.permission.codename.removesuffix("_page")): perm.pk
        for perm in GroupPagePermission.objects.filter(group__in=groups).select_related("permission")
    }
    missing = _drop_unwanted(GroupPagePermission, held, wanted)
    if missing:
        permissions = {
            perm.codename.removesuffix("_page"): perm
            for perm in Permission.objects.filter(
                content_type__app_label="wagtailcore",
                codename__in=[f"{action}_page" for _, _, action in missing],
            )
        }
        GroupPagePermission.objects.bulk_create(
            GroupPagePermission(group_id=group_id, page_id=page_id, permission=permissions[action])
            for group_id, page_id, action in missing
        )


def media_collection_name(community):
    """Return the name of the community's collection, as it appears in the editor's collection menus."""
    return f"Community: {community.title}"[:255]


def ensure_media_collection(community):
    """Return the community's collection for images and documents, made under the root collection if missing."""
    name = media_collection_name(community)
    collection = Collection.objects.filter(pk=community.media_collection_id).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=name)
        CommunityPage.objects.filter(pk=community.pk).update(media_collection=collection)
        community.media_collection = collection
    elif collection.name != name:
        collection.name = name
        collection.save(update_fields=["name"])
    return collection


def permission_name(permission):
    """Return a permission's name as Django's has_perm() spells it, e.g. "wagtailimages.add_image"."""
    return f"{permission.content_type.app_label}.{permission.codename}"


def set_collection_permissions(community, collection):
    """Give the community's groups exactly their media permissions, on its own collection only."""
    wanted = {(community.facilitators_group_id, collection.pk, perm) for perm in MEDIA_FACILITATOR_PERMISSIONS}
    held = {
        (perm.group_id, perm.collection_id, permission_name(perm.permission)): perm.pk
        for perm in GroupCollectionPermission.objects.filter(
            group__in=[community.members_group_id, community.facilitators_group_id]
        ).select_related("permission__content_type")
    }
    missing = _drop_unwanted(GroupCollectionPermission, held, wanted)
    if missing:
        permissions = {
            permission_name(perm): perm
            for perm in Permission.objects.filter(
                content_type__app_label__in=["wagtailimages", "wagtaildocs"],
                codename__in=[name.partition(".")[2] for name in MEDIA_FACILITATOR_PERMISSIONS],
            ).select_related("content_type")
        }
        GroupCollectionPermission.objects.bulk_create(
            GroupCollectionPermission(group_id=group_id, collection_id=collection_id, permission=permissions[name])
            for group_id, collection_id, name in missing
        )


def restrict_media_collection(community, collection):
    """Restrict the collection to the community's groups and hub staff, unless the community is open."""
    own = list(CollectionViewRestriction.objects.filter(collection=collection).prefetch_related("groups"))
    if community.access_level == AccessLevel.OPEN:
        wanted_groups = None
    else:
        wanted_groups = {
            community.members_group_id,
            community.facilitators_group_id,
            *staff_groups().values_list("pk", flat=True),
        }
    already_right = (not own and wanted_groups is None) or (
        len(own) == 1
        and own[0].restriction_type == CollectionViewRestriction.GROUPS
        and {group.pk for group in own[0].groups.all()} == wanted_groups
    )
    if already_right:
        return
    for restriction in own:
        restriction.delete()
    if wanted_groups is not None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set(wanted_groups)


def grant_admin_access(community):
    """Let the community's facilitators into the Wagtail editor, and keep its members out."""
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    access_admin.group_set.add(community.facilitators_group_id)
    access_admin.group_set.remove(community.members_group_id)


def sync_approval_workflow(community, blog):
    """Put the blog under the community's facilitator approval workflow if it requires approval, or take it off."""
    workflow = community.approval_workflow
    if blog is None:
        return
    if not community.requires_approval:
        if workflow is not None:
            WorkflowPage.objects.filter(page=blog, workflow=workflow).delete()
        return

    name = f"Facilitator approval: {community.title}"[:255]
    if workflow is None:
        workflow = Workflow.objects.create(name=name)
        CommunityPage.objects.filter(pk=community.pk).update(approval_workflow=workflow)
        community.approval_workflow = workflow
    elif workflow.name != name or not workflow.active:
        workflow.name, workflow.active = name, True
        workflow.save(update_fields=["name", "active"])

    task = GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=f"Approval by facilitators of {community.title}"[:255])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    task.groups.set([community.facilitators_group_id, *staff_groups().values_list("pk", flat=True)])
    WorkflowPage.objects.update_or_create(page=blog, defaults={"workflow": workflow})
