"""Keep each page's index entry in step with what it is indexed by but does not save itself.

A thread is found by its replies' text, a commentable page by its published comments' text (and
ranked by how many members marked them helpful), and
every practice page by its denormalised access (`visibility`, `view_groups`), which
practice.receivers rewrites with queryset updates after the page is saved; the engines that keep
their own copy of those filter fields need the page indexed again.
Wagtail's `insert_or_update_object` logs, never raises, when a cluster is down.
"""

from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import PageViewRestriction
from wagtail.search import index

from practice.models import PracticePage, Reply
from practice.models.comments import HELPFUL


def reindex_subtree(path):
    """Index again the live practice pages at and below a tree path, after the transaction commits."""

    def reindex():
        for page in PracticePage.objects.filter(path__startswith=path).specific().iterator(chunk_size=200):
            index.insert_or_update_object(page)

    transaction.on_commit(reindex)


def reindex_page(page_id):
    """Index the practice page again after the transaction commits, if it is still there."""

    def reindex():
        page = PracticePage.objects.filter(pk=page_id).specific().first()
        if page is not None:
            index.insert_or_update_object(page)

    transaction.on_commit(reindex)


@receiver([post_save, post_delete], sender=Reply)
def reply_changed(sender, instance, **kwargs):
    reindex_page(instance.thread_id)


@receiver([post_save, post_delete], sender=XtdComment)
def comment_changed(sender, instance, raw=False, **kwargs):
    # Posted, approved, held, removed or deleted: the page's comment text changes with it.
    if raw or not str(instance.object_pk).isdigit():
        return
    model = instance.content_type.model_class()
    if model is not None and issubclass(model, PracticePage):
        reindex_page(int(instance.object_pk))


@receiver([post_save, post_delete], sender=CommentFlag)
def comment_flag_changed(sender, instance, raw=False, **kwargs):
    # A comment marked helpful makes its page more helpful (PracticePage.helpfulness).
    if not raw and instance.flag == HELPFUL:
        comment_changed(XtdComment, instance.comment)


@receiver(post_save)
def practice_page_saved(sender, instance, raw=False, **kwargs):
    # practice.receivers has rewritten the page's access (and its descendants') by now.
    if raw or not isinstance(instance, PracticePage):
        return
    reindex_subtree(instance.path)


@receiver([post_save, post_delete], sender=PageViewRestriction)
def restriction_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        reindex_subtree(instance.page.path)
