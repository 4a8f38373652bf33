"""Writes that touch several models, each in one transaction."""

from django.db import transaction

from .models import BlogIndexPage, CommunityPage, Membership
from .permissions import community_sections, grant_admin_access, set_page_permissions, sync_approval_workflow


def _sync_member_groups(membership):
    """Put the member in the community's groups that their status and role call for, and no others."""
    community, member = membership.community, membership.member
    active = membership.status == Membership.Status.ACTIVE
    facilitating = active and membership.role == Membership.Role.FACILITATOR
    for group, belongs in [(community.members_group, active), (community.facilitators_group, facilitating)]:
        if group is not None:
            (member.groups.add if belongs else member.groups.remove)(group)


@transaction.atomic
def membership_join(*, community, member, role=Membership.Role.MEMBER):
    """Make the member an active member of the community, with the given role."""
    membership, _ = Membership.objects.update_or_create(
        community=community,
        member=member,
        defaults={"role": role, "status": Membership.Status.ACTIVE},
    )
    _sync_member_groups(membership)
    return membership


@transaction.atomic
def membership_set_role(*, membership, role):
    """Make the member a facilitator of their community, or a plain member again."""
    membership.role = role
    membership.save(update_fields=["role"])
    _sync_member_groups(membership)
    return membership


@transaction.atomic
def membership_leave(*, community, member):
    """Remove the member from the community and from what only its members may read or write."""
    Membership.objects.filter(community=community, member=member).delete()
    member.groups.remove(*[group for group in (community.members_group, community.facilitators_group) if group])


@transaction.atomic
def community_grant_permissions(community):
    """Give the community's groups their editor access, section permissions and approval workflow.

    Idempotent: it changes only what differs, so it runs after every save of a community or section.
    """
    if community.members_group_id is None or community.facilitators_group_id is None:
        community.ensure_groups()
        CommunityPage.objects.filter(pk=community.pk).update(
            members_group=community.members_group, facilitators_group=community.facilitators_group
        )
    sections = list(community_sections(community))
    grant_admin_access(community)
    set_page_permissions(community, sections)
    blog = next((section for section in sections if section.specific_class is BlogIndexPage), None)
    sync_approval_workflow(community, blog)
