"""Members' accounts: profiles made at sign-up, verification by email domain, their data, leaving the hub."""

from collections import defaultdict

from allauth.account.models import EmailAddress
from django_comments_xtd.models import XtdComment

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify

from practice.common.names import member_name
from practice.models import (
    BlogPostPage,
    DiscussionThreadPage,
    EventBooking,
    Follow,
    Invitation,
    MemberProfile,
    Membership,
    Notification,
    NotificationSettings,
    Organisation,
    PracticePage,
    Reply,
)

FORMER_MEMBER = "Former member"


def unique_profile_slug(name):
    """Return a profile slug made from the name that no other profile has."""
    base = slugify(name)[:70] or "member"
    slug, number = base, 1
    while MemberProfile.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def organisation_for_email(email):
    """Return the public-sector organisation whose staff use this email domain, or None."""
    domain = email.rpartition("@")[2].lower()
    if not domain:
        return None
    candidates = Organisation.objects.filter(email_domains__icontains=domain).order_by("pk")
    return next((organisation for organisation in candidates if organisation.owns_email(email)), None)


@transaction.atomic
def member_profile_create(*, user, display_name):
    """Give a new member their profile, and their name as Django knows it."""
    user.first_name, _, user.last_name = display_name.partition(" ")
    user.save(update_fields=["first_name", "last_name"])
    return MemberProfile.objects.create(user=user, display_name=display_name, slug=unique_profile_slug(display_name))


def member_profile_for(user):
    """Return the member's profile, making one for accounts that came without (e.g. the administrator)."""
    profile = MemberProfile.objects.filter(user=user).first()
    if profile is None:
        profile = member_profile_create(user=user, display_name=user.get_full_name() or "Member")
    return profile


@transaction.atomic
def member_profile_verify(*, email_address):
    """Mark the member verified and link their organisation when a confirmed address is at its domain."""
    organisation = organisation_for_email(email_address.email)
    if organisation is None or not email_address.verified:
        return None
    profile = member_profile_for(email_address.user)
    profile.is_verified = True
    profile.organisation = organisation
    profile.save(update_fields=["is_verified", "organisation"])
    return profile


@transaction.atomic
def member_profile_reverify(*, user):
    """Take away the verified mark of a member with no confirmed address left at a public-sector domain."""
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    if any(organisation_for_email(email) for email in addresses):
        return
    MemberProfile.objects.filter(user=user, is_verified=True).update(is_verified=False)


@transaction.atomic
def organisation_verify_members(*, organisation):
    """Verify the members not yet verified whose confirmed addresses are at the organisation's domains."""
    if not organisation.is_public_sector:
        return 0
    at_domains = Q()
    for domain in organisation.email_domains.lower().split():
        at_domains |= Q(email__iendswith=f"@{domain}")
    if not at_domains:
        return 0
    addresses = EmailAddress.objects.filter(at_domains, verified=True).exclude(user__profile__is_verified=True)
    verified = 0
    for address in addresses.select_related("user"):
        if member_profile_verify(email_address=address) is not None:
            verified += 1
    return verified


def member_with_confirmed_email(email):
    """Return the active member who confirmed this address, or None: an address not confirmed proves nothing."""
    confirmed = EmailAddress.objects.filter(email__iexact=email, verified=True, user__is_active=True)
    address = confirmed.select_related("user").order_by("pk").first()
    return address.user if address else None


@transaction.atomic
def member_email_address_vouch(*, user, email):
    """Record a member's email address as confirmed, because the people who added them vouch for it."""
    email = email.lower()
    address = EmailAddress.objects.filter(user=user, email__iexact=email).first()
    if address is None:
        primary = not EmailAddress.objects.filter(user=user, primary=True).exists()
        return EmailAddress.objects.create(user=user, email=email, verified=True, primary=primary)
    if not address.verified:
        address.verified = True
        address.save(update_fields=["verified"])
    return address


# Your data -------------------------------------------------------------------------------------------------


def _page_reference(page_id, readable, request):
    """Name a page the member wrote on: its title and address only while they may still read it."""
    page = readable.get(page_id)
    if page is None:
        return {"id": page_id}
    return {"id": page_id, "title": page.title, "url": page.get_url(request)}


def _followed(follow, readable, request):
    """Name what the member follows: a page (while they may read it), a topic or another member."""
    if follow.page_id:
        return {"page": _page_reference(follow.page_id, readable, request)}
    if follow.topic_id:
        return {"topic": follow.topic.name}
    return {"member": member_name(follow.member)}


def account_export(user, request=None):
    """Return everything the hub holds about the member, as JSON-ready data."""
    profile = MemberProfile.objects.filter(user=user).select_related("organisation", "role", "region").first()
    threads = DiscussionThreadPage.objects.filter(starter=user).order_by("first_published_at", "pk")
    replies = Reply.objects.filter(author=user).order_by("created_at", "pk")
    comments = XtdComment.objects.filter(user=user).select_related("content_type").order_by("submit_date", "pk")
    posts = BlogPostPage.objects.filter(Q(owner=user) | Q(authors=user)).distinct().order_by("date", "pk")
    follows = Follow.objects.filter(follower=user).select_related("topic", "member__profile").order_by("pk")
    bookings = EventBooking.objects.filter(member=user).order_by("created_at", "pk")
    notifications = Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")
    settings = NotificationSettings.objects.filter(member=user).first()

    page_ids = (
        {reply.thread_id for reply in replies}
        | {int(comment.object_pk) for comment in comments if comment.object_pk.isdigit()}
        | {follow.page_id for follow in follows if follow.page_id}
        | {booking.event_id for booking in bookings}
        | {notification.page_id for notification in notifications}
    )
    readable = {page.pk: page for page in PracticePage.objects.live().visible_to(user).filter(pk__in=page_ids)}
    return {
        "account": {
            "name": user.get_full_name(),
            "email": user.email,
            "joined": user.date_joined.isoformat(),
            "last_signed_in": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "profile": profile
        and {
            "display_name": profile.display_name,
            "address": profile.get_absolute_url(),
            "organisation": profile.organisation and profile.organisation.name,
            "role": profile.role and profile.role.name,
            "region": profile.region and profile.region.name,
            "interests": list(profile.interests.order_by("name").values_list("name", flat=True)),
            "bio": profile.bio,
            "public_profile": profile.is_public,
            "show_organisation": profile.show_organisation,
            "verified_public_sector": profile.is_verified,
        },
        "memberships": [
            {
                "community": membership.community.title,
                "role": membership.get_role_display(),
                "status": membership.get_status_display(),
                "since": membership.created_at.isoformat(),
            }
            for membership in Membership.objects.filter(member=user).select_related("community").order_by("pk")
        ],
        "invitations": [
            {"community": invitation.community.title, "to": invitation.email, "sent": invitation.created_at.isoformat()}
            for invitation in Invitation.objects.waiting_for(user).select_related("community").order_by("pk")
        ],
        "threads_started": [
            {
                "title": thread.title,
                "url": thread.get_url(request),
                "body": thread.body,
                "status": thread.get_status_display(),
                "started": thread.first_published_at and thread.first_published_at.isoformat(),
            }
            for thread in threads
        ],
        "replies": [
            {
                "thread": _page_reference(reply.thread_id, readable, request),
                "body": reply.body,
                "posted": reply.created_at.isoformat(),
                "edited": reply.edited_at and reply.edited_at.isoformat(),
            }
            for reply in replies
        ],
        "comments": [
            {
                "on": _page_reference(int(comment.object_pk), readable, request)
                if comment.object_pk.isdigit()
                else {"type": comment.content_type.model, "id": comment.object_pk},
                "comment": comment.comment,
                "posted": comment.submit_date.isoformat(),
                "published": comment.is_public and not comment.is_removed,
            }
            for comment in comments
        ],
        "blog_posts": [
            {"title": post.title, "url": post.get_url(request), "date": post.date.isoformat(), "published": post.live}
            for post in posts
        ],
        "following": [_followed(follow, readable, request) for follow in follows],
        "event_bookings": [
            {
                "event": _page_reference(booking.event_id, readable, request),
                "status": booking.get_status_display(),
                "booked": booking.created_at.isoformat(),
                "cancelled": booking.cancelled_at and booking.cancelled_at.isoformat(),
            }
            for booking in bookings
        ],
        "notification_settings": settings
        and {
            "digest": settings.get_digest_display(),
            "new_content": settings.email_new_content,
            "replies": settings.email_replies,
            "comments": settings.email_comments,
        },
        "notifications": [
            {
                "what": notification.get_verb_display(),
                "page": _page_reference(notification.page_id, readable, request),
                "at": notification.created_at.isoformat(),
                "read": notification.read_at is not None,
            }
            for notification in notifications
        ],
    }


# Deleting an account ---------------------------------------------------------------------------------------


def _comments_delete(comments):
    """Delete the member's comments; one that others answered stays as a removed, nameless placeholder."""
    affected_threads = set(comments.values_list("thread_id", flat=True))
    # Deepest first, so that a comment whose only replies were the member's own can go too.
    for comment in comments.order_by("-level"):
        answered = XtdComment.norel_objects.filter(parent_id=comment.pk).exclude(pk=comment.pk).exists()
        if answered:
            # Saved, not updated in bulk, so that search indexes the page again without these words.
            comment.comment, comment.is_removed, comment.user, comment.ip_address = "", True, None, None
            comment.user_name, comment.user_email, comment.user_url = FORMER_MEMBER, "", ""
            comment.save(
                update_fields=["comment", "is_removed", "user", "user_name", "user_email", "user_url", "ip_address"]
            )
        else:
            comment.delete()
    _comments_recount(affected_threads)


def _comments_recount(thread_ids):
    """Set each comment's count of replies beneath it, as django-comments-xtd keeps it, after deletions."""
    comments = list(XtdComment.norel_objects.filter(thread_id__in=thread_ids).order_by("-level"))
    below = defaultdict(int)
    for comment in comments:  # children before their parents
        if comment.parent_id != comment.pk:
            below[comment.parent_id] += below[comment.pk] + 1
    for comment in comments:
        if comment.nested_count != below[comment.pk]:
            XtdComment.norel_objects.filter(pk=comment.pk).update(nested_count=below[comment.pk])


def _replies_delete(replies):
    """Delete the member's replies; others' answers to them move up to what the deleted reply answered."""
    thread_ids = set(replies.values_list("thread_id", flat=True))
    for reply in replies.order_by("-created_at"):  # latest first, so a chain of own replies unwinds
        Reply.objects.filter(parent=reply).update(parent_id=reply.parent_id)
        reply.delete()
    for thread in DiscussionThreadPage.objects.filter(pk__in=thread_ids):
        lost_answer = thread.accepted_reply_id is None and thread.status == DiscussionThreadPage.Status.ANSWERED
        DiscussionThreadPage.objects.filter(pk=thread.pk).update(
            reply_count=thread.replies.count(),
            status=DiscussionThreadPage.Status.OPEN if lost_answer else thread.status,
        )


@transaction.atomic
def account_delete(*, user, delete_contributions=False):
    """Delete the member's account, profile, memberships and email addresses.

    Their comments and replies stay, attributed to a former member, unless they ask for those to go too.
    """
    comments = XtdComment.objects.filter(user=user)
    replies = Reply.objects.filter(author=user)
    if delete_contributions:
        _comments_delete(comments)
        _replies_delete(replies)
    else:
        comments.update(user=None, user_name=FORMER_MEMBER, user_email="", user_url="", ip_address=None)
        replies.update(author=None)
    Membership.objects.filter(member=user).delete()
    MemberProfile.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    user.delete()
