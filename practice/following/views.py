"""Following pages, topics and members; the notifications page; digest settings; signed email links; topic pages."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from hub.ratelimit import rate_limited
from practice.access import may_read
from practice.common.refusals import refusal
from practice.feeds.syndication import CONTENT_TYPES
from practice.filters import paginate
from practice.following.email_links import Action, BadLink, email_link_apply, read_email_link
from practice.following.services import FOLLOWABLE_PAGE_TYPES, follow_create, follow_delete
from practice.models import Follow, MemberProfile, Notification, NotificationSettings, PracticePage, Topic

NOTIFICATIONS_PER_PAGE = 20


def back_to(request, fallback):
    """Redirect to the form's `next` if it is a page on this site, otherwise to the fallback."""
    target = request.POST.get("next", "")
    # A path only: redirect() looks up anything else ('²', 'home') as a view's name, and fails.
    on_site = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False)
    return redirect(target if on_site and target.startswith("/") else fallback)


def follow_change(view):
    """Make a view of a member's follow or unfollow: signed in, POST only, and within the follow rate limit."""
    return login_required(require_POST(rate_limited("follow")(view)))


def _follow_changed(request, follow, *, message, back, **subject):
    """Follow the page, topic or member (or stop following it), say so, and go back."""
    change = follow_create if follow else follow_delete
    change(follower=request.user, **subject)
    messages.success(request, message)
    return back_to(request, back)


@follow_change
def follow_page(request, page_id, follow):
    """Follow or stop following a discussion or community the member may read."""
    if not follow:
        # Anyone may drop their own follow, even of a page they can no longer open.
        page = get_object_or_404(Follow.objects.select_related("page"), follower=request.user, page_id=page_id).page
        message = f"You no longer follow {page.title}."
        return _follow_changed(request, follow, message=message, back=page.url if page.live else "/", page=page)
    page = get_object_or_404(PracticePage.objects.live().visible_to(request.user), pk=page_id)
    if not issubclass(page.specific_class, FOLLOWABLE_PAGE_TYPES):
        return refusal(
            request, "You can follow discussions, communities, topics and members, not this kind of page.", status=400
        )
    message = f"You are following {page.title}. We will let you know what is new."
    return _follow_changed(request, follow, message=message, back=page.url, page=page)


@follow_change
def follow_topic(request, slug, follow):
    topic = get_object_or_404(Topic, slug=slug)
    if follow:
        message = f"You are following the topic {topic.name}."
    else:
        get_object_or_404(Follow, follower=request.user, topic=topic)
        message = f"You no longer follow the topic {topic.name}."
    return _follow_changed(request, follow, message=message, back=topic.url, topic=topic)


@follow_change
def follow_member(request, slug, follow):
    if not follow:
        followed = get_object_or_404(
            Follow.objects.select_related("member__profile"), follower=request.user, member__profile__slug=slug
        )
        message = f"You no longer follow {followed.member.profile.display_name}."
        return _follow_changed(request, follow, message=message, back="/", member=followed.member)
    profile = get_object_or_404(MemberProfile.objects.select_related("user"), slug=slug, is_public=True)
    if profile.user_id == request.user.pk:
        return refusal(request, "You cannot follow yourself.", status=400)
    message = f"You are following {profile.display_name}."
    return _follow_changed(request, follow, message=message, back=profile.get_absolute_url(), member=profile.user)


def topic_page(request, slug):
    """A topic's public page: what the reader may open about it, newest first, with a follow button."""
    topic = get_object_or_404(Topic, slug=slug)
    pages = (
        PracticePage.objects.live()
        .visible_to(request.user)
        .type(*CONTENT_TYPES)
        .filter(topics=topic)
        .select_related("community")
        .order_by("-first_published_at", "-pk")
    )
    return render(request, "practice/topic_page.html", {"topic": topic, "pages": paginate(request, pages)})


@login_required
def notification_list(request):
    """The member's notifications, newest first, leaving out any whose page they may no longer open."""
    notifications = (
        Notification.objects.readable_by(request.user)
        .select_related("actor__profile", "page")
        .order_by("-created_at", "-pk")
    )
    context = {"notifications": paginate(request, notifications, per_page=NOTIFICATIONS_PER_PAGE)}
    return render(request, "practice/notifications.html", context)


@login_required
@require_POST
def notifications_mark_read(request):
    marked = Notification.objects.filter(recipient=request.user).unread().update(read_at=timezone.now())
    messages.success(request, "All your notifications are marked as read." if marked else "You had nothing unread.")
    return redirect("notifications")


@login_required
@require_POST
def notification_mark_read(request, notification_id):
    notification = get_object_or_404(Notification, pk=notification_id, recipient=request.user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return back_to(request, "/notifications/")


class NotificationSettingsForm(forms.ModelForm):
    class Meta:
        model = NotificationSettings
        fields = ["digest", "email_new_content", "email_replies", "email_comments"]
        widgets = {"digest": forms.RadioSelect}


@login_required
@require_http_methods(["GET", "POST"])
def notification_settings(request):
    """Choose how often the digest comes and what it includes; see and drop what you follow."""
    digest_settings, _ = NotificationSettings.objects.get_or_create(member=request.user)
    form = NotificationSettingsForm(request.POST or None, instance=digest_settings)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, "Your email settings are saved.")
        return redirect("notification_settings")

    follows = Follow.objects.filter(follower=request.user).order_by("-created_at")
    readable = PracticePage.objects.live().visible_to(request.user).values("pk")
    context = {
        "form": form,
        "page_follows": follows.filter(page__isnull=False).select_related("page"),
        "readable_page_ids": set(readable.filter(pk__in=follows.values("page")).values_list("pk", flat=True)),
        "topic_follows": follows.filter(topic__isnull=False).select_related("topic"),
        "member_follows": follows.filter(member__isnull=False).select_related("member__profile"),
    }
    return render(request, "practice/notification_settings.html", context, status=400 if form.errors else 200)


@csrf_exempt  # The signed token is the credential, and mail clients' one-click unsubscribe posts without cookies.
@require_http_methods(["GET", "POST"])
def email_link(request, token):
    """Confirm (GET) and make (POST) the change a signed email link stands for, signed in or not."""
    try:
        link = read_email_link(token)
    except BadLink:
        return refusal(
            request,
            "This link is not valid: it may have expired or been copied wrongly. "
            "Sign in and use your email settings page instead.",
            status=400,
            heading="This link does not work",
        )
    # Name the page only if the member may still open it: whoever holds the link sees this page.
    page_title = None
    if link.page is not None and may_read(link.member, link.page):
        page_title = link.page.title
    context = {"link": link, "Action": Action, "page_title": page_title, "token": token}
    if request.method == "POST":
        email_link_apply(link)
        return render(request, "practice/email_link_done.html", context)
    return render(request, "practice/email_link_confirm.html", context)
