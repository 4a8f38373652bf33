"""Writes that touch several models, each in one transaction."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from .access import is_staff_member
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


def _answer_request(membership, *, approved):
    """Let a requester in or turn them down, keep their groups in step, and tell them after commit."""
    membership.status = Membership.Status.ACTIVE if approved else Membership.Status.DECLINED
    membership.save(update_fields=["status"])
    _sync_member_groups(membership)
    transaction.on_commit(lambda: notify_join_answered(membership, approved=approved))
    return membership


@transaction.atomic
def membership_approve(*, membership, by):
    """Let a requester in; they are told."""
    return _answer_request(membership, approved=True)


@transaction.atomic
def membership_decline(*, membership, by):
    """Turn a request down; the requester is told."""
    return _answer_request(membership, approved=False)


@transaction.atomic
def membership_invite(*, community, member, by):
    """Invite a member to the community; they are emailed a link to their invitations.

    Someone who once declined (an invitation or a request) may be invited again. Members, invitees
    and people waiting for an answer to their own request are refused with ValueError.
    """
    membership, created = Membership.objects.select_for_update().get_or_create(
        community=community,
        member=member,
        defaults={"status": Membership.Status.INVITED, "invited_by": by},
    )
    if not created:
        if membership.status != Membership.Status.DECLINED:
            raise ValueError(f"{member} already has a {membership.status} membership of {community}.")
        membership.status = Membership.Status.INVITED
        membership.role = Membership.Role.MEMBER
        membership.invited_by = by
        membership.save(update_fields=["status", "role", "invited_by"])
    transaction.on_commit(lambda: notify_invited(membership))
    return membership


@transaction.atomic
def membership_accept_invitation(*, membership):
    """Join the community the member was invited to, just as joining does; whoever invited them is told."""
    joined = membership_join(community=membership.community, member=membership.member, role=membership.role)
    transaction.on_commit(lambda: notify_invitation_answered(joined, accepted=True))
    return joined


@transaction.atomic
def membership_decline_invitation(*, membership):
    """Turn an invitation down; whoever invited them is told."""
    membership.status = Membership.Status.DECLINED
    membership.save(update_fields=["status"])
    _sync_member_groups(membership)
    transaction.on_commit(lambda: notify_invitation_answered(membership, accepted=False))
    return membership


@transaction.atomic
def membership_withdraw_invitation(*, membership, by):
    """Take back an invitation that has not been answered."""
    membership.delete()


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


def notify_invited(membership):
    inviter = membership.invited_by
    context = {
        "membership": membership,
        "inviter_name": _display_name(inviter) if inviter else "A facilitator",
        "link": _absolute(reverse("membership_invitations")),
    }
    send_mail(
        subject=f"You are invited to join {membership.community.title}",
        message=render_to_string("practice/emails/invited.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[membership.member.email],
    )


def notify_invitation_answered(membership, *, accepted):
    """Tell whoever sent the invitation, if they still run the community; otherwise its facilitators."""
    community = membership.community
    facilitators = Membership.objects.active().facilitators().filter(community=community)
    inviter = membership.invited_by
    if inviter is not None and (is_staff_member(inviter) or facilitators.filter(member=inviter).exists()):
        recipients = [inviter.email]
    else:
        recipients = list(facilitators.values_list("member__email", flat=True))
    context = {
        "membership": membership,
        "member_name": _display_name(membership.member),
        "accepted": accepted,
        "link": _absolute(reverse("community_members", args=[community.pk])),
    }
    send_mail(
        subject=f"Your invitation to join {community.title}",
        message=render_to_string("practice/emails/invitation_answered.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[email for email in recipients if email],
    )


def _display_name(user):
    profile = getattr(user, "profile", None)
    return (profile.display_name if profile else "") or user.get_full_name() or user.email
