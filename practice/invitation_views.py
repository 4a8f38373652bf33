"""Invitations to a community: facilitators send and withdraw them, members accept or decline them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from .invitation_forms import InviteForm
from .models import Membership
from .services import (
    membership_accept_invitation,
    membership_decline_invitation,
    membership_invite,
    membership_withdraw_invitation,
)
from .views import facilitated_community, render_community_members


@login_required
@require_POST
def community_invite(request, community_id):
    """Invite a member, by their email address, to a community the user facilitates."""
    community = facilitated_community(request, community_id)
    form = InviteForm(request.POST, community=community)
    if form.is_valid():
        try:
            with transaction.atomic():
                membership_invite(community=community, member=form.invitee, by=request.user)
        except ValueError:
            # Someone else invited them, or they asked to join, since the form was checked.
            form.add_error("email", "That member already belongs to, or is waiting to join, this community.")
        else:
            messages.success(request, f"Invitation sent to {form.cleaned_data['email']}.")
            return redirect("community_members", community_id=community.pk)
    return render_community_members(request, community, form, status=400)


@login_required
@require_POST
def invitation_withdraw(request, membership_id):
    """Take back an unanswered invitation, as a facilitator of its community."""
    invitation = get_object_or_404(
        Membership.objects.select_related("member"), pk=membership_id, status=Membership.Status.INVITED
    )
    community = facilitated_community(request, invitation.community_id)
    membership_withdraw_invitation(membership=invitation, by=request.user)
    messages.success(request, f"You withdrew the invitation to {invitation.member.email}.")
    return redirect("community_members", community_id=community.pk)


@login_required
@require_GET
def invitations(request):
    """The signed-in member's invitations waiting for an answer."""
    pending = (
        Membership.objects.invitations()
        .filter(member=request.user)
        .select_related("community", "invited_by", "invited_by__profile")
        .order_by("-created_at")
    )
    return render(request, "practice/invitations.html", {"invitations": pending})


def _own_invitation(request, membership_id):
    """Return the user's own unanswered invitation, or 404: other people's are not theirs to see."""
    return get_object_or_404(
        Membership.objects.invitations().select_related("community", "member", "invited_by"),
        pk=membership_id,
        member=request.user,
    )


@login_required
@require_POST
def invitation_accept(request, membership_id):
    invitation = _own_invitation(request, membership_id)
    membership_accept_invitation(membership=invitation)
    community = invitation.community
    messages.success(request, f"You have joined {community.title}.")
    return redirect(community.url)


@login_required
@require_POST
def invitation_decline(request, membership_id):
    invitation = _own_invitation(request, membership_id)
    membership_decline_invitation(membership=invitation)
    messages.success(request, f"You declined the invitation to join {invitation.community.title}.")
    return redirect("membership_invitations")
