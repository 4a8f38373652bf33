"""Writes that touch several models, each in one transaction."""

from django.db import transaction

from .models import Membership


@transaction.atomic
def membership_join(*, community, member, role=Membership.Role.MEMBER):
    """Make the member an active member of the community, with the given role."""
    membership, _ = Membership.objects.update_or_create(
        community=community,
        member=member,
        defaults={"role": role, "status": Membership.Status.ACTIVE},
    )
    member.groups.add(community.members_group)
    return membership


@transaction.atomic
def membership_leave(*, community, member):
    """Remove the member from the community and from what only its members may read."""
    Membership.objects.filter(community=community, member=member).delete()
    member.groups.remove(community.members_group)
