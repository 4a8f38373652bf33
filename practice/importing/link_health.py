"""The editors' link health report: broken and moved links, each with a one-click fix."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from practice.access import is_staff_member
from practice.filters import paginate
from practice.models import ExternalItem, ResourceLinkPage
from practice.models.external import LinkStatus

NEEDS_ATTENTION = [LinkStatus.BROKEN, LinkStatus.REDIRECTED]


def _require_editor(request):
    if not is_staff_member(request.user):
        raise PermissionDenied


def link_health_report(request):
    """List the resource links and external items whose last check found them broken or moved."""
    _require_editor(request)
    resources = (
        ResourceLinkPage.objects.filter(link_status__in=NEEDS_ATTENTION)
        .select_related("publisher")
        .order_by("link_status", "-last_checked_at", "pk")
    )
    items = (
        ExternalItem.objects.current()
        .filter(link_status__in=NEEDS_ATTENTION)
        .select_related("source")
        .order_by("link_status", "-last_checked_at", "pk")
    )
    resources = paginate(request, resources)
    for page in resources:
        # Changing or unpublishing a page takes Wagtail's publish permission on it, as in the page editor.
        page.can_publish = page.permissions_for_user(request.user).can_publish()
    context = {"resources": resources, "items": items[:200], "item_count": items.count()}
    return TemplateResponse(request, "practice/admin/link_health.html", context)


def _resource_for(request, pk, action):
    page = get_object_or_404(ResourceLinkPage, pk=pk)
    permissions = page.permissions_for_user(request.user)
    allowed = permissions.can_publish() if action == "update" else permissions.can_unpublish()
    if not (is_staff_member(request.user) and allowed):
        raise PermissionDenied
    return page


def _item_for(request, pk):
    _require_editor(request)
    return get_object_or_404(ExternalItem, pk=pk)


def _reported(request, message, level=messages.SUCCESS):
    """Go back to the report, saying what was done or why nothing was."""
    messages.add_message(request, level, message)
    return redirect("link_health")


def _no_new_address(request, link):
    """Refuse to move a resource or item whose last check found no new address."""
    return _reported(request, f"“{link.title}” has no new address to move to.", messages.ERROR)


@require_POST
@transaction.atomic
def resource_update(request, pk):
    """Point a moved resource link at the address it now redirects to, as a new published revision."""
    page = _resource_for(request, pk, "update")
    if page.link_status != LinkStatus.REDIRECTED or not page.final_url:
        return _no_new_address(request, page)
    new_url = page.final_url
    publish_now = page.live and not page.has_unpublished_changes
    draft = page.get_latest_revision_as_object()
    draft.link_url, draft.link_status, draft.final_url = new_url, LinkStatus.OK, ""
    revision = draft.save_revision(user=request.user, log_action=True)
    if publish_now:
        revision.publish(user=request.user)
    else:
        # Someone's draft is waiting: keep it a draft, but the live page gets the new address now.
        ResourceLinkPage.objects.filter(pk=page.pk).update(link_url=new_url, link_status=LinkStatus.OK, final_url="")
    return _reported(request, f"“{page.title}” now links to {new_url}.")


@require_POST
@transaction.atomic
def resource_retire(request, pk):
    """Unpublish a resource whose link is broken."""
    page = _resource_for(request, pk, "retire")
    if page.live:
        page.unpublish(user=request.user)
    return _reported(request, f"“{page.title}” is unpublished. You can republish it from the page editor.")


@require_POST
@transaction.atomic
def item_update(request, pk):
    """Point a moved external item at the address it now redirects to."""
    item = _item_for(request, pk)
    if item.link_status != LinkStatus.REDIRECTED or not item.final_url:
        return _no_new_address(request, item)
    if ExternalItem.objects.filter(link=item.final_url).exclude(pk=item.pk).exists():
        return _reported(
            request, f"Another entry already links to {item.final_url}. Retire this one instead.", messages.ERROR
        )
    item.link, item.link_status, item.final_url = item.final_url, LinkStatus.OK, ""
    item.save(update_fields=["link", "link_status", "final_url"])
    return _reported(request, f"“{item.title}” now links to {item.link}.")


@require_POST
@transaction.atomic
def item_retire(request, pk):
    """Hide an external item whose link is broken from listings, collections and search."""
    item = _item_for(request, pk)
    item.retired = True
    item.save(update_fields=["retired"])
    return _reported(request, f"“{item.title}” is retired and no longer shown.")
