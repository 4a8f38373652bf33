"""Background work for comments: telling the members who follow a page's comments of a new one."""

from django_comments_xtd import signed
from django_comments_xtd.models import XtdComment
from django_tasks import task

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from practice.access import may_read
from practice.common.addresses import absolute_url
from practice.common.mail import send_templated_mail
from practice.models import PracticePage
from practice.models.comments import comments_on


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
        if not may_read(follower, page):
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
