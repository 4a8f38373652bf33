"""Writes that touch several models, each in one transaction."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from .models import BlogIndexPage, CommunityPage, Membership
from .permissions import (
    community_sections,
    ensure_media_collection,
    grant_admin_access,
    restrict_media_collection,
    set_collection_permissions,
    set_page_permissions,
    sync_approval_workflow,
)


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
    """Give the community's groups their editor access, section permissions, approval workflow and media collection.

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
    collection = ensure_media_collection(community)
    set_collection_permissions(community, collection)
    restrict_media_collection(community, collection)


@transaction.atomic
def membership_request(*, community, member):
    """Ask to join a restricted community; its facilitators are told. Asking again changes nothing."""
    membership, created = Membership.objects.get_or_create(
        community=community, member=member, defaults={"status": Membership.Status.REQUESTED}
    )
    if membership.status == Membership.Status.DECLINED:
        membership.status = Membership.Status.REQUESTED
        membership.save(update_fields=["status"])
        created = True
    if created:
        transaction.on_commit(lambda: notify_join_requested(membership))
    return membership


@transaction.atomic
def membership_approve(*, membership, by):
    """Let a requester in; they are told."""
    membership.status = Membership.Status.ACTIVE
    membership.save(update_fields=["status"])
    _sync_member_groups(membership)
    transaction.on_commit(lambda: notify_join_answered(membership, approved=True))
    return membership


@transaction.atomic
def membership_decline(*, membership, by):
    """Turn a request down; the requester is told."""
    membership.status = Membership.Status.DECLINED
    membership.save(update_fields=["status"])
    _sync_member_groups(membership)
    transaction.on_commit(lambda: notify_join_answered(membership, approved=False))
    return membership


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def notify_join_requested(membership):
    facilitators = Membership.objects.active().facilitators().filter(community=membership.community)
    context = {
        "membership": membership,
        "link": _absolute(reverse("community_members", args=[membership.community_id])),
    }
    send_mail(
        subject=f"Request to join {membership.community.title}",
        message=render_to_string("practice/emails/join_requested.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=list(facilitators.values_list("member__email", flat=True)),
    )


def notify_join_answered(membership, *, approved):
    context = {"membership": membership, "approved": approved, "link": _absolute(membership.community.url)}
    send_mail(
        subject=f"Your request to join {membership.community.title}",
        message=render_to_string("practice/emails/join_answered.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[membership.member.email],
    )
