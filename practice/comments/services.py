"""Comments on practice pages (django-comments-xtd): reading them, posting, reactions, moderation and follow-ups.

Every comment belongs to a page members may comment on (a CommentsMixin page). Who may read a comment
is who may read its page, at the moment it is shown or emailed.
"""

from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from django.conf import settings
from django.db import transaction
from django.db.models import CharField, Count, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.utils import timezone

from hub.db import lock_row
from practice.access import facilitates, is_staff_member
from practice.activity import comment_posted
from practice.comments.tasks import notify_comment_followers
from practice.models import CommentHold, Membership, PracticePage
from practice.models.comments import APPROVED, HELPFUL, REPORTED, commentable_content_types, comments_on
from practice.moderation.rules import REPEAT_WINDOW, moderation_verdict


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
    return facilitates(user)


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
