"""Background work through django-tasks: immediate in development and tests, the database worker in production.

Tasks take ids, not objects, and look everything up again when they run: by then a page may have gone
or changed its security level, and what is written must reflect that.
"""

from django_comments_xtd.models import XtdComment
from django_tasks import task

from django.contrib.auth import get_user_model
from django.db import transaction

from practice.following.digests import digests_send_due
from practice.following.services import notifications_create
from practice.models import PracticePage, Reply


@task()
def notify_followers(*, verb, page_id, actor_id=None, reply_id=None, comment_id=None):
    """Write the notifications for something that happened on a page; return how many were written."""
    page = PracticePage.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    reply = Reply.objects.published().filter(pk=reply_id).first() if reply_id else None
    comment = XtdComment.objects.filter(pk=comment_id).first() if comment_id else None
    if (reply_id and reply is None) or (comment_id and comment is None):
        return 0  # deleted (or a reply held back) before the worker got to it
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    return len(notifications_create(verb=verb, page=page.specific, actor=actor, reply=reply, comment=comment))


def enqueue_notifications(*, verb, page, actor=None, reply=None, comment=None):
    """Queue the notifications for an event once the current transaction has committed."""
    arguments = {
        "verb": str(verb),
        "page_id": page.pk,
        "actor_id": getattr(actor, "pk", None),
        "reply_id": getattr(reply, "pk", None),
        "comment_id": getattr(comment, "pk", None),
    }
    transaction.on_commit(lambda: notify_followers.enqueue(**arguments))


@task()
def send_due_digests():
    """Send every digest that is due, as `manage.py send_digests` does; return the counts."""
    return digests_send_due()
