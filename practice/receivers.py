"""Keep each practice page's community and effective access in step with Wagtail's page privacy,
and each community's editing permissions in step with its sections."""

import contextlib
import contextvars

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import post_page_move

from practice.communities.permissions import SECTION_MODELS
from practice.communities.services import community_grant_permissions
from practice.models import CommunityPage, PracticePage
from practice.privacy import ancestor_paths, apply_security, refresh_visibility

# Saves that only move Wagtail's revision bookkeeping leave access as it was.
_BOOKKEEPING_FIELDS = {"latest_revision", "live_revision", "has_unpublished_changes", "draft_title", "locked"}


# Set while this module rewrites restrictions itself, so that only changes made elsewhere are undone.
_writing_restrictions = contextvars.ContextVar("writing_restrictions", default=False)
# Pages being deleted: their restrictions go with them and must not be put back.
_deleting_pages = contextvars.ContextVar("deleting_pages", default=frozenset())


@contextlib.contextmanager
def writing_restrictions():
    token = _writing_restrictions.set(True)
    try:
        yield
    finally:
        _writing_restrictions.reset(token)


def sync_access(page):
    """Point a practice page at its community and write its restriction from its security level."""
    community_id = (
        CommunityPage.objects.filter(path__in=ancestor_paths(page.path)).order_by("-depth").values_list("pk", flat=True)
    ).first()
    if page.community_id != community_id:
        PracticePage.objects.filter(pk=page.pk).update(community_id=community_id)
        page.community_id = community_id
        page._state.fields_cache.pop("community", None)
    apply_security(page)


@receiver(post_save)
def practice_page_saved(sender, instance, created, raw, update_fields=None, **kwargs):
    if raw or not isinstance(instance, PracticePage):
        return
    if update_fields is not None and set(update_fields) <= _BOOKKEEPING_FIELDS:
        return
    with writing_restrictions():
        sync_access(instance)
        if isinstance(instance, CommunityPage) and instance.access_level_changed:
            for page in PracticePage.objects.descendant_of(instance).select_related("community"):
                apply_security(page)
    refresh_visibility(instance)


@receiver(post_page_move)
def practice_page_moved(sender, instance, **kwargs):
    with writing_restrictions():
        for page in PracticePage.objects.descendant_of(instance, inclusive=True).order_by("depth"):
            sync_access(page.specific)
    refresh_visibility(instance)


@receiver(post_save, sender=CommunityPage)
def community_saved(sender, instance, raw, update_fields=None, **kwargs):
    if raw or (update_fields is not None and set(update_fields) <= _BOOKKEEPING_FIELDS):
        return
    community_grant_permissions(instance)


def _grant_in_parent_community(page):
    community = CommunityPage.objects.filter(path=page.path[: -Page.steplen]).first()
    if community is not None:
        community_grant_permissions(community)


@receiver(post_save)
def section_created(sender, instance, created, raw, **kwargs):
    if created and not raw and isinstance(instance, SECTION_MODELS):
        _grant_in_parent_community(instance)


@receiver(post_page_move)
def section_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    if not issubclass(sender, SECTION_MODELS):
        return
    for parent in {parent_page_before.pk, parent_page_after.pk}:
        community = CommunityPage.objects.filter(pk=parent).first()
        if community is not None:
            community_grant_permissions(community)


def _restriction_written(restriction):
    """Put a practice page's restriction back to what its security level and community decide; refresh the copy."""
    # Anyone who may publish a page may set its privacy in Wagtail, members included where they publish
    # their own posts; a page's security level and its community decide its restriction, not them.
    if _writing_restrictions.get() or restriction.page_id in _deleting_pages.get():
        return
    page = Page.objects.filter(pk=restriction.page_id).first()
    if page is None:
        return
    if page.specific_class is not None and issubclass(page.specific_class, PracticePage):
        with writing_restrictions():
            apply_security(page.specific)
    refresh_visibility(page)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _restriction_written(instance)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def restriction_groups_changed(sender, instance, action, pk_set, **kwargs):
    if isinstance(instance, PageViewRestriction):
        restrictions = [instance]
        if (
            action == "pre_add"
            and not _writing_restrictions.get()
            and not PageViewRestriction.objects.filter(pk=instance.pk).exists()
        ):
            # Taken away just after it was saved (its page must be public), before its groups came: the
            # groups would belong to no restriction.
            pk_set.clear()
    else:
        # Groups given or taken restrictions from the group's side. Clearing a group's restrictions
        # (pk_set None) only narrows who may read, so those pages wait for their next save.
        restrictions = PageViewRestriction.objects.filter(pk__in=pk_set or ())
    if action in {"post_add", "post_remove", "post_clear"}:
        for restriction in restrictions:
            _restriction_written(restriction)


@receiver(pre_delete)
def page_deleting(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _deleting_pages.set(_deleting_pages.get() | {instance.pk})


@receiver(post_delete, sender=Page)
def page_deleted(sender, instance, **kwargs):
    # The base page row goes last, after the restrictions and the specific page's own rows.
    _deleting_pages.set(_deleting_pages.get() - {instance.pk})
