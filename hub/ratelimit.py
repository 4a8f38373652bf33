"""Rate limits on posting, following, booking and the search API, counted by django-allauth's limiter.

The limits live in `settings.HUB_RATE_LIMITS` in allauth's notation ("20/m/user,200/h/user": at most
20 a minute and 200 an hour for each member; "/ip" counts per client address). The counts are kept in
Django's cache, as allauth keeps its sign-in limits: shared by every worker once REDIS_URL is set.

allauth's public `allauth.core.ratelimit` reads only allauth's own settings and never limits GET
requests, so this calls the limiter underneath it with our settings (the version is pinned in uv.lock).
"""

from functools import wraps
from http import HTTPStatus

from allauth.core.internal import ratelimit as allauth_ratelimit

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render

APP = "hub"


def _rates_for(request, action):
    """Return the action's configured rates that can apply to this request.

    Rates counted per member do not apply to visitors, who are refused posting by the views anyway.
    """
    rates = [rate.strip() for rate in settings.HUB_RATE_LIMITS.get(action, "").split(",") if rate.strip()]
    if not request.user.is_authenticated:
        rates = [rate for rate in rates if not rate.endswith("/user")]
    return ",".join(rates)


def allowed(request, action, *, limit_get=False):
    """Count this request against the action's limits; return False once any limit is used up."""
    rates = _rates_for(request, action)
    if not rates:
        return True
    usage = allauth_ratelimit.consume(request, app=APP, action=action, config={action: rates}, limit_get=limit_get)
    return usage is not None


def too_many_html(request):
    """The GOV.UK page for a member who has posted too much in a short time."""
    return render(request, "rate_limited.html", status=HTTPStatus.TOO_MANY_REQUESTS)


def too_many_json(request):
    message = "Too many requests in a short time. Wait a minute, then try again."
    return JsonResponse({"error": message, "errors": {}}, status=HTTPStatus.TOO_MANY_REQUESTS)


def rate_limited(action, *, json=False):
    """Answer 429, before the view runs and so writing nothing, once the action's limits are used up.

    Posting views are limited on POST only (showing their forms is free); JSON views on every request.
    """
    respond = too_many_json if json else too_many_html

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not allowed(request, action, limit_get=json):
                return respond(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
