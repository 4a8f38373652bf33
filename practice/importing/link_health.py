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


@require_POST
@transaction.atomic
def resource_update(request, pk):
    """Point a moved resource link at the address it now redirects to, as a new published revision."""
    page = _resource_for(request, pk, "update")
    if page.link_status != LinkStatus.REDIRECTED or not page.final_url:
        messages.error(request, f"“{page.title}” has no new address to move to.")
        return redirect("link_health")
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
    messages.success(request, f"“{page.title}” now links to {new_url}.")
    return redirect("link_health")


@require_POST
@transaction.atomic
def resource_retire(request, pk):
    """Unpublish a resource whose link is broken."""
    page = _resource_for(request, pk, "retire")
    if page.live:
        page.unpublish(user=request.user)
    messages.success(request, f"“{page.title}” is unpublished. You can republish it from the page editor.")
    return redirect("link_health")


@require_POST
@transaction.atomic
def item_update(request, pk):
    """Point a moved external item at the address it now redirects to."""
    _require_editor(request)
    item = get_object_or_404(ExternalItem, pk=pk)
    if item.link_status != LinkStatus.REDIRECTED or not item.final_url:
        messages.error(request, f"“{item.title}” has no new address to move to.")
    elif ExternalItem.objects.filter(link=item.final_url).exclude(pk=item.pk).exists():
        messages.error(request, f"Another entry already links to {item.final_url}. Retire this one instead.")
    else:
        item.link, item.link_status, item.final_url = item.final_url, LinkStatus.OK, ""
        item.save(update_fields=["link", "link_status", "final_url"])
        messages.success(request, f"“{item.title}” now links to {item.link}.")
    return redirect("link_health")


@require_POST
@transaction.atomic
def item_retire(request, pk):
    """Hide an external item whose link is broken from listings, collections and search."""
    _require_editor(request)
    item = get_object_or_404(ExternalItem, pk=pk)
    item.retired = True
    item.save(update_fields=["retired"])
    messages.success(request, f"“{item.title}” is retired and no longer shown.")
    return redirect("link_health")
