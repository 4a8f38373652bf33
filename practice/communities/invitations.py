"""Invitations to a community: facilitators send and withdraw them, members accept or decline them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from hub.ratelimit import rate_limited
from practice.communities.forms import InviteForm
from practice.communities.services import (
    membership_accept_invitation,
    membership_decline_invitation,
    membership_invite,
    membership_withdraw_invitation,
)
from practice.communities.views import facilitated_community, render_community_members
from practice.models import Invitation


@login_required
@require_POST
@rate_limited("invite")
def community_invite(request, community_id):
    """Invite someone, by their email address, to a community the user facilitates."""
    community = facilitated_community(request, community_id)
    form = InviteForm(request.POST, community=community)
    if form.is_valid():
        email = form.cleaned_data["email"]
        try:
            with transaction.atomic():
                membership_invite(community=community, email=email, by=request.user)
        except ValueError:
            # Another facilitator invited the same address since the form was checked.
            form.add_error("email", f"{email} has already been invited to this community.")
        else:
            messages.success(request, f"Invitation sent to {email}.")
            return redirect("community_members", community_id=community.pk)
    return render_community_members(request, community, form, status=400)


@login_required
@require_POST
def invitation_withdraw(request, invitation_id):
    """Take back an unanswered invitation, as a facilitator of its community."""
    invitation = get_object_or_404(Invitation, pk=invitation_id)
    community = facilitated_community(request, invitation.community_id)
    membership_withdraw_invitation(invitation=invitation, by=request.user)
    messages.success(request, f"You withdrew the invitation to {invitation.email}.")
    return redirect("community_members", community_id=community.pk)


@login_required
@require_GET
def invitations(request):
    """The signed-in member's invitations waiting for an answer."""
    pending = (
        Invitation.objects.waiting_for(request.user)
        .select_related("community", "invited_by", "invited_by__profile")
        .order_by("-created_at", "-pk")
    )
    # A member invited at two of their addresses answers for the community once.
    latest = {}
    for invitation in pending:
        latest.setdefault(invitation.community_id, invitation)
    return render(request, "practice/invitations.html", {"invitations": list(latest.values())})


@login_required
@require_POST
def invitation_answer(request, invitation_id, answer):
    """Accept or decline an invitation to one of the member's confirmed addresses (others' are a 404)."""
    invitation = get_object_or_404(
        Invitation.objects.waiting_for(request.user).select_related("community", "invited_by"), pk=invitation_id
    )
    community = invitation.community
    if answer == "accept":
        membership_accept_invitation(invitation=invitation, member=request.user)
        messages.success(request, f"You have joined {community.title}.")
        return redirect(community.url)
    membership_decline_invitation(invitation=invitation, member=request.user)
    messages.success(request, f"You declined the invitation to join {community.title}.")
    return redirect("membership_invitations")
