"""A member's own pages: their profile, their data, deleting their account."""

import json
from functools import wraps

from allauth.core import ratelimit

from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods

from practice.accounts.forms import AccountDeleteForm, ProfileForm
from practice.accounts.services import account_delete, account_export, member_profile_for
from practice.models import Invitation

# The code allauth gives the sign-in form's error once an address or client has failed too often.
TOO_MANY_FAILED_SIGN_INS = "too_many_login_attempts"


def bad_request_when_invalid(view):
    """Answer a form sent with mistakes with 400 (429 when sign-in is locked), its error messages still shown."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        form = (getattr(response, "context_data", None) or {}).get("form")
        if request.method == "POST" and response.status_code == 200 and form is not None and form.errors:
            locked = form.has_error(NON_FIELD_ERRORS, code=TOO_MANY_FAILED_SIGN_INS)
            response.status_code = 429 if locked else 400
        return response

    return wrapped


@require_http_methods(["GET", "HEAD", "POST"])
def sign_in_here(request, default_next=""):
    """Send whoever opens Wagtail's sign-in pages to the hub's own, keeping a `next` on this site."""
    # Nothing posted here is read as credentials: only the hub's sign-in checks that the address is
    # confirmed and counts failed attempts.
    target = request.GET.get(REDIRECT_FIELD_NAME) or request.POST.get(REDIRECT_FIELD_NAME) or str(default_next)
    on_site = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    target = target if on_site else str(default_next)
    if not target:
        return redirect("account_login")
    return redirect_to_login(target, login_url=reverse("account_login"))


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    """The signed-in member's profile: who they are and what others may see."""
    profile = member_profile_for(request.user)
    form = ProfileForm(request.POST or None, instance=profile, use_required_attribute=False)
    context = {
        "form": form,
        "profile": profile,
        "invitation_count": Invitation.objects.waiting_for(request.user).values("community").distinct().count(),
    }
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, "Your profile has been saved.")
            return redirect("account_profile")
        return render(request, "account/profile.html", context, status=400)
    return render(request, "account/profile.html", context)


@login_required
@require_GET
def your_data(request):
    return render(request, "account/your_data.html")


@login_required
@require_GET
def your_data_download(request):
    """Everything the hub holds about the member, as a JSON file."""
    data = account_export(request.user, request)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    filename = f"practice-hub-your-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete_confirm(request):
    """Ask for the password, then delete the account and sign the former member out."""
    form = AccountDeleteForm(request.POST or None, user=request.user, use_required_attribute=False)
    if request.method == "POST":
        # Guessing the password through this form is limited like any other re-entry of it.
        too_many = ratelimit.consume_or_429(request, action="reauthenticate", user=request.user)
        if too_many:
            return too_many
        if not form.is_valid():
            return render(request, "account/delete.html", {"form": form}, status=400)
        user = request.user
        account_delete(user=user, delete_contributions=form.cleaned_data["delete_contributions"])
        logout(request)
        messages.success(request, "Your account has been deleted.")
        return redirect("/")
    return render(request, "account/delete.html", {"form": form})
