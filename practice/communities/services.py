"""Writes that touch several models, each in one transaction."""

from django.db import transaction
from django.urls import reverse

from practice.access import facilitates
from practice.common.addresses import absolute_url
from practice.common.mail import send_templated_mail
from practice.common.names import member_name
from practice.communities.permissions import (
    community_sections,
    ensure_media_collection,
    grant_admin_access,
    restrict_media_collection,
    set_collection_permissions,
    set_page_permissions,
    sync_approval_workflow,
)
from practice.models import (
    BlogIndexPage,
    CommunityPage,
    DiscussionIndexPage,
    EventIndexPage,
    Invitation,
    Membership,
    ResourceLibraryPage,
)
from practice.models.choices import AccessLevel

# The sections every community is created with, in the order members see them: (page type, its fields).
SECTIONS = [
    (
        BlogIndexPage,
        {
            "slug": "blog",
            "title": "Blog",
            "intro": "Posts by members of this community: what they tried and what they learned.",
        },
    ),
    (
        DiscussionIndexPage,
        {
            "slug": "discussions",
            "title": "Discussions",
            "intro": "Questions and conversations between members. Start a thread, or add your answer to one.",
        },
    ),
    (
        ResourceLibraryPage,
        {
            "slug": "resources",
            "title": "Resources",
            "intro": "Links members have found useful, each with a note on why.",
        },
    ),
    (
        EventIndexPage,
        {
            "slug": "events",
            "title": "Events",
            "intro": "Meetings, webinars and get-togethers run by and for this community.",
        },
    ),
]


@transaction.atomic
def community_create(*, index, title, slug, summary="", access_level=AccessLevel.OPEN):
    """Create and publish a community under the communities index, with its blog, discussions, resources and events."""
    community = CommunityPage(title=title, slug=slug, access_level=access_level, summary=summary)
    index.add_child(instance=community)
    community.save_revision().publish()
    for model, fields in SECTIONS:
        page = model(**fields)
        community.add_child(instance=page)
        page.save_revision().publish()
    community.refresh_from_db()
    return community


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
    """Make the member an active member of the community, with the given role; their invitations to it are done."""
    membership, _ = Membership.objects.update_or_create(
        community=community,
        member=member,
        defaults={"role": role, "status": Membership.Status.ACTIVE},
    )
    _sync_member_groups(membership)
    Invitation.objects.filter(community=community).addressed_to(member).delete()
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
def membership_invite(*, community, email, by):
    """Invite whoever confirms the email address to the community, and email the address a link."""
    # Nothing here asks whether the address belongs to an account: the invitation waits for whoever
    # confirms it, so inviting reads the same to the facilitator either way.
    invitation, created = Invitation.objects.get_or_create(
        community=community, email=email.lower(), defaults={"invited_by": by}
    )
    if not created:
        raise ValueError(f"{invitation.email} has already been invited to {community}.")
    transaction.on_commit(lambda: notify_invited(invitation))
    return invitation


@transaction.atomic
def membership_accept_invitation(*, invitation, member):
    """Join the community the member was invited to, just as joining does; whoever invited them is told."""
    community = invitation.community
    # Someone who joined meanwhile (and may facilitate by now) keeps the membership they have.
    joined = Membership.objects.active().filter(community=community, member=member).first()
    if joined is None:
        joined = membership_join(community=community, member=member)
    Invitation.objects.filter(community=community).addressed_to(member).delete()
    transaction.on_commit(lambda: notify_invitation_answered(invitation, member=member, accepted=True))
    return joined


@transaction.atomic
def membership_decline_invitation(*, invitation, member):
    """Turn down every invitation the member has to the community; whoever invited them is told."""
    Invitation.objects.filter(community=invitation.community).addressed_to(member).delete()
    transaction.on_commit(lambda: notify_invitation_answered(invitation, member=member, accepted=False))


@transaction.atomic
def membership_withdraw_invitation(*, invitation, by):
    """Take back an invitation that has not been answered."""
    invitation.delete()


def _facilitators_emails(community):
    facilitators = Membership.objects.active().facilitators().filter(community=community)
    return list(facilitators.values_list("member__email", flat=True))


def _members_page_link(community):
    """Return the full address of the facilitators' page of the community's members, requests and invitations."""
    return absolute_url(reverse("community_members", args=[community.pk]))


def notify_join_requested(membership):
    community = membership.community
    send_templated_mail(
        subject=f"Request to join {community.title}",
        template="practice/emails/join_requested.txt",
        context={"membership": membership, "link": _members_page_link(community)},
        recipients=_facilitators_emails(community),
    )


def notify_join_answered(membership, *, approved):
    context = {"membership": membership, "approved": approved, "link": absolute_url(membership.community.url)}
    send_templated_mail(
        subject=f"Your request to join {membership.community.title}",
        template="practice/emails/join_answered.txt",
        context=context,
        recipients=[membership.member.email],
    )


def notify_invited(invitation):
    """Email the invited address one message, whether or not it has an account yet."""
    inviter = invitation.invited_by
    context = {
        "invitation": invitation,
        "inviter_name": member_name(inviter, former="A facilitator"),
        "link": absolute_url(reverse("membership_invitations")),
        "sign_up_link": absolute_url(reverse("account_signup")),
    }
    send_templated_mail(
        subject=f"You are invited to join {invitation.community.title}",
        template="practice/emails/invited.txt",
        context=context,
        recipients=[invitation.email],
    )


def notify_invitation_answered(invitation, *, member, accepted):
    """Tell whoever sent the invitation, if they still run the community; otherwise its facilitators."""
    community = invitation.community
    inviter = invitation.invited_by
    if inviter is not None and facilitates(inviter, community.pk):
        recipients = [inviter.email]
    else:
        recipients = _facilitators_emails(community)
    context = {
        "community": community,
        "member_name": member_name(member),
        "accepted": accepted,
        "link": _members_page_link(community),
    }
    send_templated_mail(
        subject=f"Your invitation to join {community.title}",
        template="practice/emails/invitation_answered.txt",
        context=context,
        recipients=[email for email in recipients if email],
    )
