"""Keep a held discussion right when an editor publishes it from the Wagtail page editor, not the queue."""

from django.db import transaction
from django.dispatch import receiver

from wagtail.signals import page_published

from practice.activity import thread_started
from practice.models import DiscussionThreadPage


@receiver(page_published, sender=DiscussionThreadPage)
def held_thread_published(sender, instance, **kwargs):
    """Count publishing a held thread as approving it: it leaves the queue and is announced as its starter's."""
    if not instance.held_reason:
        return
    DiscussionThreadPage.objects.filter(pk=instance.pk).update(held_reason="", held_at=None)
    instance.held_reason, instance.held_at = "", None
    transaction.on_commit(
        lambda: thread_started.send(sender=DiscussionThreadPage, thread=instance, by=instance.starter)
    )
