"""Turn what members and editors do into follows and notifications.

The activity signals are sent after their transaction commits; Wagtail's page_published and comment saves
are caught inside theirs, so their notifications are queued for after it commits.
"""

from django_comments_xtd.models import XtdComment

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.signals import page_published

from practice.activity import answer_accepted, reply_posted, thread_started
from practice.following.services import follow_create
from practice.following.tasks import enqueue_notifications
from practice.models import (
    BlogPostPage,
    CaseStudyPage,
    CollectionPage,
    EventPage,
    GuidancePage,
    Notification,
    PracticePage,
    ResourceLinkPage,
)

# Page types whose first publication is news to followers of their community, topics and people.
# Threads are announced by thread_started instead, so they are not announced twice.
ANNOUNCED_PAGE_TYPES = (BlogPostPage, ResourceLinkPage, CollectionPage, EventPage, GuidancePage, CaseStudyPage)

Verb = Notification.Verb


@receiver(thread_started)
def thread_was_started(sender, thread, by, **kwargs):
    follow_create(follower=by, page=thread)
    enqueue_notifications(verb=Verb.THREAD_STARTED, page=thread, actor=by)


@receiver(reply_posted)
def reply_was_posted(sender, reply, thread, by, **kwargs):
    follow_create(follower=by, page=thread)
    enqueue_notifications(verb=Verb.REPLIED, page=thread, actor=by, reply=reply)


@receiver(answer_accepted)
def answer_was_accepted(sender, thread, reply, by, **kwargs):
    enqueue_notifications(verb=Verb.ANSWER_ACCEPTED, page=thread, actor=by, reply=reply)


@receiver(page_published)
def page_was_published(sender, instance, revision=None, **kwargs):
    if not isinstance(instance, ANNOUNCED_PAGE_TYPES):
        return
    # Wagtail stamps both dates with the same moment only on a page's first publication.
    if instance.first_published_at != instance.last_published_at:
        return
    actor = getattr(revision, "user", None) or instance.owner
    enqueue_notifications(verb=Verb.PUBLISHED, page=instance, actor=actor)


@receiver(post_save, sender=XtdComment)
def comment_was_saved(sender, instance, raw=False, **kwargs):
    """Announce a comment once it is public: when posted, or when a moderator lets it through."""
    if raw or not instance.is_public or instance.is_removed:
        return
    model = instance.content_type.model_class()
    if model is None or not issubclass(model, PracticePage) or not str(instance.object_pk).isdigit():
        return
    page = PracticePage(pk=int(instance.object_pk))
    enqueue_notifications(verb=Verb.COMMENTED, page=page, actor=instance.user, comment=instance)
