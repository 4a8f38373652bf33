"""Members answer the credits they are asked about; whoever asked, or the writer, may take one back."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from practice.common.refusals import refusal
from practice.credits.services import (
    CreditRefused,
    credit_request_accept,
    credit_request_decline,
    credit_request_withdraw,
)
from practice.models import CreditRequest


@login_required
@require_GET
def author_credits(request):
    """The credits waiting for the member's answer, and those they asked of others that wait for an answer."""
    user = request.user
    credit_requests = CreditRequest.objects.select_related("post", "post__community").order_by("-created_at", "-pk")
    context = {
        "asked_of_you": credit_requests.filter(member=user).select_related("requested_by__profile"),
        "asked_by_you": credit_requests.filter(Q(requested_by=user) | Q(post__owner=user))
        .exclude(member=user)
        .select_related("member__profile"),
    }
    return render(request, "practice/author_credits.html", context)


@login_required
@require_POST
def credit_answer(request, credit_request_id, answer):
    """Accept or decline a credit the member is asked about (other people's are a 404)."""
    credit_request = get_object_or_404(
        CreditRequest.objects.select_related("post"), pk=credit_request_id, member=request.user
    )
    if answer == "accept":
        try:
            credit_request_accept(credit_request=credit_request, member=request.user)
        except CreditRefused as refused:
            return refusal(request, str(refused), status=403)
        messages.success(request, f"You are credited as an author of {credit_request.post.title}.")
    else:
        credit_request_decline(credit_request=credit_request, member=request.user)
        messages.success(request, f"You declined to be credited as an author of {credit_request.post.title}.")
    return redirect("author_credits")


@login_required
@require_POST
def credit_withdraw(request, credit_request_id):
    """Take back an unanswered credit, as whoever asked for it or the post's writer."""
    user = request.user
    credit_request = get_object_or_404(
        CreditRequest.objects.select_related("post", "member__profile").filter(
            Q(requested_by=user) | Q(post__owner=user)
        ),
        pk=credit_request_id,
    )
    credit_request_withdraw(credit_request=credit_request, by=user)
    messages.success(request, f"You withdrew the credit on {credit_request.post.title}.")
    return redirect("author_credits")
