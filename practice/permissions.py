"""Who may write, publish, approve and follow links where: Wagtail page permissions and workflows by group.

Every community has a members group and a facilitators group, kept in step with its memberships by
practice.services. Members write in their community's blog and nowhere else; facilitators edit,
publish and lock everything in the community's sections and approve posts when the community asks
for approval. These groups are managed here: their page permissions are exactly what this module
grants, so an approval switched on or a section moved away takes the old rights with it.
"""

from django.contrib.auth.models import AnonymousUser, Permission

from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowTask

from .access import staff_groups, visibility_filter
from .models import (
    BlogIndexPage,
    CommunityPage,
    DiscussionIndexPage,
    EventIndexPage,
    PracticePage,
    ResourceLibraryPage,
)

SECTION_MODELS = (BlogIndexPage, DiscussionIndexPage, ResourceLibraryPage, EventIndexPage)
FACILITATOR_ACTIONS = frozenset({"add", "change", "publish", "lock"})
# Wagtail's "add" also lets a member edit (and delete while still a draft) the posts they own, but not
# other members' posts: editing those is a facilitator's job, so members get no "change".
MEMBER_ACTIONS = frozenset({"add"})


def member_actions(community):
    """Return what members may do in their community's blog: publish too, unless posts need approval."""
    return MEMBER_ACTIONS if community.requires_approval else MEMBER_ACTIONS | {"publish"}


def community_sections(community):
    """Return the community's section pages (blog, discussions, resources, events), drafts included."""
    return Page.objects.child_of(community).type(*SECTION_MODELS)


def wanted_page_permissions(community, sections):
    """Return the (group id, page id, action) triples the community's groups should hold."""
    wanted = set()
    for section in sections:
        wanted |= {(community.facilitators_group_id, section.pk, action) for action in FACILITATOR_ACTIONS}
        if section.specific_class is BlogIndexPage:
            wanted |= {(community.members_group_id, section.pk, action) for action in member_actions(community)}
    return wanted


def set_page_permissions(community, sections):
    """Give the community's groups exactly the page permissions they should have, changing only what differs."""
    groups = [community.members_group_id, community.facilitators_group_id]
    wanted = wanted_page_permissions(community, sections)
    held = {
        (perm.group_id, perm.page_id, perm.permission.codename.removesuffix("_page")): perm.pk
        for perm in GroupPagePermission.objects.filter(group__in=groups).select_related("permission")
    }
    stale = [pk for key, pk in held.items() if key not in wanted]
    if stale:
        GroupPagePermission.objects.filter(pk__in=stale).delete()
    missing = wanted - held.keys()
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


def grant_admin_access(community):
    """Let the community's members and facilitators sign in to the Wagtail editor."""
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    access_admin.group_set.add(community.members_group_id, community.facilitators_group_id)


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
