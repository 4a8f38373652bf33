"""Keep each practice page's community and effective access in step with Wagtail's page privacy."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import post_page_move

from .access import ancestor_paths, apply_security, refresh_visibility
from .models import CommunityPage, PracticePage

# Saves that only move Wagtail's revision bookkeeping leave access as it was.
_BOOKKEEPING_FIELDS = {"latest_revision", "live_revision", "has_unpublished_changes", "draft_title", "locked"}


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
    sync_access(instance)
    if isinstance(instance, CommunityPage) and instance.access_level_changed:
        for page in PracticePage.objects.descendant_of(instance).select_related("community"):
            apply_security(page)
    refresh_visibility(instance)


@receiver(post_page_move)
def practice_page_moved(sender, instance, **kwargs):
    for page in PracticePage.objects.descendant_of(instance, inclusive=True).order_by("depth"):
        sync_access(page.specific)
    refresh_visibility(instance)


def _refresh_restricted_page(restriction):
    page = Page.objects.filter(pk=restriction.page_id).first()
    if page is not None:
        refresh_visibility(page)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs):
    _refresh_restricted_page(instance)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def restriction_groups_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, PageViewRestriction):
        _refresh_restricted_page(instance)
