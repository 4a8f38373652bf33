"""Comments on practice pages (django-comments-xtd): reading them, posting, reactions, moderation and follow-ups.

Every comment belongs to a page members may comment on (a CommentsMixin page). Who may read a comment
is who may read its page, at the moment it is shown or emailed.
"""

from django_comments.models import CommentFlag
from django_comments_xtd import signed
from django_comments_xtd.models import XtdComment
from django_tasks import task

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import CharField, Count, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone

from hub.db import lock_row
from practice.access import is_staff_member
from practice.activity import comment_posted
from practice.common.addresses import absolute_url
from practice.common.mail import send_templated_mail
from practice.models import CommentHold, Membership, PracticePage
from practice.models.comments import APPROVED, HELPFUL, REPORTED, commentable_content_types, comments_on
from practice.moderation.rules import REPEAT_WINDOW, moderation_verdict


def readable_by(page, user):
    """Say whether the user may read the live page now."""
    return PracticePage.objects.live().visible_to(user).filter(pk=page.pk).exists()


def comment_post(*, form, author, ip_address=None):
    """Save a valid comment form's comment, held for review if the moderation rules say so; return it.

    The same words posted again by the same member in the same place (a double click) return the first.
    """
    text, reply_to = form.cleaned_data["comment"], form.cleaned_data["reply_to"]
    same_place = Q(parent_id=reply_to) if reply_to else Q(level=0)
    with transaction.atomic():
        # Identical submissions at the same moment take turns here, so the second finds the first.
        lock_row(author)
        repeated = (
            comments_on(form.target_object)
            .filter(same_place, user=author, comment=text, is_removed=False)
            .filter(submit_date__gte=timezone.now() - REPEAT_WINDOW)
            .first()
        )
        if repeated is not None:
            return repeated
        verdict = moderation_verdict(author=author, text=text)
        comment = XtdComment(**form.get_comment_object(site_id=settings.SITE_ID))
        comment.user = author
        comment.ip_address = ip_address
        comment.is_public = not verdict.hold
        comment.save()
        if verdict.hold:
            CommentHold.objects.create(comment=comment, reason=verdict.reason)
        else:
            transaction.on_commit(lambda: comment_published(comment))
    return comment


def comment_published(comment):
    """Tell followers and listeners about a comment others can now read."""
    notify_comment_followers.enqueue(comment_id=comment.pk)
    comment_posted.send(sender=XtdComment, comment=comment, page=comment.content_object, by=comment.user)


def comment_mark_helpful(*, comment, by):
    """Record that the member found the comment helpful; marking it again changes nothing."""
    _, created = CommentFlag.objects.get_or_create(comment=comment, user=by, flag=HELPFUL)
    return created


def comment_report(*, comment, by):
    """Suggest the comment's removal to moderators; reporting it again changes nothing."""
    _, created = CommentFlag.objects.get_or_create(comment=comment, user=by, flag=REPORTED)
    return created


@transaction.atomic
def comment_approve(*, comment, by):
    """Publish a held comment, or keep a reported one, and take it out of the queue."""
    was_public = comment.is_public
    CommentFlag.objects.get_or_create(comment=comment, user=by, flag=APPROVED)
    CommentHold.objects.filter(comment=comment).delete()
    if not was_public:
        comment.is_public = True
        comment.save()
        transaction.on_commit(lambda: comment_published(comment))


@transaction.atomic
def comment_remove(*, comment, by):
    """Take a comment (and the replies below it) off its page, and out of the queue."""
    CommentFlag.objects.get_or_create(comment=comment, user=by, flag=CommentFlag.MODERATOR_DELETION)
    CommentHold.objects.filter(comment=comment).delete()
    comment.is_removed = True
    comment.save()


def facilitated_pages(user):
    """Return the practice pages in the communities this member facilitates."""
    communities = Membership.objects.active().facilitators().filter(member=user).values("community")
    return PracticePage.objects.filter(community__in=communities)


def can_moderate(user):
    """Say whether the user has a moderation queue: hub staff, and active facilitators."""
    if not user.is_authenticated:
        return False
    return is_staff_member(user) or Membership.objects.active().facilitators().filter(member=user).exists()


def moderation_queue(user):
    """Return the comments waiting for this moderator: held ones, and published ones members reported.

    Hub staff see every page's; facilitators only those on their communities' pages.
    """
    flags = CommentFlag.objects.filter(comment=OuterRef("pk"))
    reported = Q(is_public=True) & Exists(flags.filter(flag=REPORTED)) & ~Exists(flags.filter(flag=APPROVED))
    comments = (
        XtdComment.objects.filter(content_type__in=commentable_content_types(), is_removed=False)
        .filter(Q(hold__isnull=False) | reported)
        .annotate(report_count=Count("flags", filter=Q(flags__flag=REPORTED)))
        .select_related("user__profile", "hold")
        .order_by("submit_date")
    )
    if not is_staff_member(user):
        page_ids = facilitated_pages(user).annotate(pk_text=Cast("pk", CharField())).values("pk_text")
        comments = comments.filter(object_pk__in=page_ids)
    return comments


@task()
def notify_comment_followers(comment_id):
    """Email the members following the comment's page, if the comment and page are still there for them to read."""
    comment = XtdComment.objects.filter(pk=comment_id, is_public=True, is_removed=False).first()
    if comment is None:
        return 0
    page = PracticePage.objects.live().filter(pk=comment.object_pk).first()
    if page is None:
        return 0
    followers = {}
    following = (
        comments_on(page)
        .filter(is_public=True, is_removed=False, followup=True, user__isnull=False)
        .exclude(user=comment.user_id)
        .order_by("submit_date")
    )
    for followed in following:
        followers[followed.user_id] = followed  # their latest, whose signed copy mutes the page for them
    sent = 0
    for follower in get_user_model().objects.filter(pk__in=followers, is_active=True).exclude(email=""):
        if not readable_by(page, follower):
            continue
        key = signed.dumps(followers[follower.pk], compress=True, extra_key=settings.COMMENTS_XTD_SALT)
        context = {
            "follower": follower,
            "comment": comment,
            "page": page,
            "comment_url": absolute_url(page.get_url() or "/") + f"#c{comment.pk}",
            "mute_url": absolute_url(reverse("comments-xtd-mute", args=[key.decode()])),
        }
        send_templated_mail(
            subject=f"New comment on {page.title}",
            template="django_comments_xtd/email_followup_comment.txt",
            context=context,
            recipients=[follower.email],
            from_email=settings.COMMENTS_XTD_FROM_EMAIL,
        )
        sent += 1
    return sent
