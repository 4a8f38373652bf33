from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from practice.access import facilitates
from practice.common.names import member_name
from practice.common.refusals import refusal
from practice.communities.forms import InviteForm
from practice.communities.services import (
    membership_approve,
    membership_decline,
    membership_join,
    membership_leave,
    membership_request,
)
from practice.models import BlogPostPage, CommunityPage, Invitation, MemberProfile, Membership
from practice.models.choices import AccessLevel


def member_profile(request, slug):
    """Show a member's public profile with the posts and communities this reader may see."""
    profile = get_object_or_404(
        MemberProfile.objects.select_related("organisation", "role", "region", "user"), slug=slug, is_public=True
    )
    visible_communities = CommunityPage.objects.live().visible_to(request.user)
    context = {
        "profile": profile,
        "interests": profile.interests.all(),
        "posts": BlogPostPage.objects.live()
        .visible_to(request.user)
        .filter(authors=profile.user)
        .order_by("-date")[:10],
        "communities": visible_communities.filter(
            memberships__member=profile.user, memberships__status=Membership.Status.ACTIVE
        ).order_by("title"),
    }
    return render(request, "practice/member_profile.html", context)


def refusal_for(page, request):
    """Answer a reader who may not open a page: 404 in a private community, a clear page elsewhere.

    Return None when the reader may open it, or when Wagtail's own password form should answer.
    """
    refused = [r for r in page.get_view_restrictions() if not r.accept_request(request)]
    if not refused:
        return None
    community = CommunityPage.objects.ancestor_of(page, inclusive=True).live().order_by("-depth").first()
    if community is not None and community.access_level == AccessLevel.PRIVATE:
        raise Http404
    if any(r.restriction_type == r.PASSWORD for r in refused):
        return None
    return refusal(
        request,
        status=403,
        template="practice/access_denied.html",
        page=page,
        community=community,
        signed_in=request.user.is_authenticated,
    )


def community_for(request, community_id):
    """Return the live community the user may see, or 404 (private communities stay hidden)."""
    communities = CommunityPage.objects.live().visible_to(request.user)
    return get_object_or_404(communities, pk=community_id)


def facilitated_community(request, community_id):
    """Return the community if the user facilitates it (or is hub staff); refuse everyone else."""
    community = community_for(request, community_id)
    if not facilitates(request.user, community.pk):
        raise PermissionDenied("Only this community's facilitators can do that.")
    return community


@login_required
@require_POST
def community_join(request, community_id):
    """Join an open community, or ask to join a restricted one."""
    community = community_for(request, community_id)
    if community.access_level == AccessLevel.OPEN:
        membership_join(community=community, member=request.user)
        messages.success(request, f"You have joined {community.title}.")
    elif community.access_level == AccessLevel.RESTRICTED:
        membership = membership_request(community=community, member=request.user)
        if membership.status == Membership.Status.ACTIVE:
            messages.info(request, f"You are already a member of {community.title}.")
        else:
            messages.success(request, "Your request has been sent. A facilitator will let you know their answer.")
    else:
        raise PermissionDenied("This community is by invitation only.")
    return redirect(community.url)


@login_required
@require_POST
def community_leave(request, community_id):
    community = community_for(request, community_id)
    membership_leave(community=community, member=request.user)
    messages.success(request, f"You have left {community.title}.")
    # A restricted or private community's pages are now closed to them: go somewhere they can read.
    return redirect(community.url if community.access_level != AccessLevel.PRIVATE else "/")


@login_required
def community_members(request, community_id):
    """The facilitators' list of members, roles, requests to join and invitations."""
    community = facilitated_community(request, community_id)
    return render_community_members(request, community, InviteForm(community=community))


def render_community_members(request, community, invite_form, status=200):
    memberships = Membership.objects.filter(community=community).with_profiles().order_by("member__first_name")
    invitations = (
        Invitation.objects.filter(community=community)
        .select_related("invited_by", "invited_by__profile")
        .order_by("-created_at", "-pk")
    )
    context = {
        "community": community,
        "members": [m for m in memberships if m.status == Membership.Status.ACTIVE],
        "requests": [m for m in memberships if m.status == Membership.Status.REQUESTED],
        "invitations": invitations,
        "form": invite_form,
    }
    return render(request, "practice/community_members.html", context, status=status)


@login_required
@require_POST
def membership_request_answer(request, membership_id, answer):
    """Approve or decline a request to join, as a facilitator of its community."""
    membership = get_object_or_404(
        Membership.objects.select_related("community", "member__profile"),
        pk=membership_id,
        status=Membership.Status.REQUESTED,
    )
    community = facilitated_community(request, membership.community_id)
    if answer == "approve":
        membership_approve(membership=membership, by=request.user)
        messages.success(request, f"{member_name(membership.member)} is now a member.")
    else:
        membership_decline(membership=membership, by=request.user)
        messages.success(request, f"You declined {member_name(membership.member)}'s request.")
    return redirect("community_members", community_id=community.pk)
