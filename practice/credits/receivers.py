"""Apply the co-authors chosen in the post editor once the post is saved."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from practice.credits.services import post_co_authors_set
from practice.models import BlogPostPage


@receiver(post_save, sender=BlogPostPage)
def apply_co_author_choice(sender, instance, raw=False, **kwargs):
    # The editor's form leaves its choice on the post (BlogPostPageForm.save); every editor action saves
    # the post at least once after that, and a new post only then has an id to credit anyone on.
    choice = getattr(instance, "co_author_choice", None)
    if raw or choice is None:
        return
    del instance.co_author_choice
    post_co_authors_set(post=instance, members=choice.members, by=choice.by)
