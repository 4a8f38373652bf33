"""The comment moderation queue and the word list in the Wagtail admin.

Hub staff see every held or reported comment; facilitators see those on their communities' pages.
Registered by practice.wagtail_hooks importing this module.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from .comments import can_moderate, comment_approve, comment_remove, moderation_queue
from .models import ModerationWord

QUEUE_PAGE_SIZE = 50


class ModerationQueueView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Comments to review"
    header_icon = "comment"
    template_name = "django_comments_xtd/moderation_queue.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        queue = Paginator(moderation_queue(self.request.user), QUEUE_PAGE_SIZE).get_page(self.request.GET.get("p"))
        pages = Page.objects.filter(pk__in=[comment.object_pk for comment in queue]).in_bulk()
        context["queue"] = queue
        context["rows"] = [(comment, pages.get(int(comment.object_pk))) for comment in queue]
        return context


@method_decorator(require_POST, name="dispatch")
class ModerationActionView(TemplateView):
    """Approve or remove one comment from the queue; a comment outside this moderator's queue is a 404."""

    action = None

    def post(self, request, comment_id):
        if not can_moderate(request.user):
            raise PermissionDenied
        comment = get_object_or_404(moderation_queue(request.user), pk=comment_id)
        if self.action == "approve":
            comment_approve(comment=comment, by=request.user)
            messages.success(request, f"The comment by {comment.user_name} is published.")
        else:
            comment_remove(comment=comment, by=request.user)
            messages.success(request, f"The comment by {comment.user_name} is removed.")
        return redirect("comment_moderation_queue")


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path("comments/review/", ModerationQueueView.as_view(), name="comment_moderation_queue"),
        path(
            "comments/review/<int:comment_id>/approve/",
            ModerationActionView.as_view(action="approve"),
            name="comment_moderation_approve",
        ),
        path(
            "comments/review/<int:comment_id>/remove/",
            ModerationActionView.as_view(action="remove"),
            name="comment_moderation_remove",
        ),
    ]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem("Comments to review", reverse("comment_moderation_queue"), icon_name="comment", order=250)


class ModerationWordAdmin(ModelAdmin):
    """The words and phrases that hold a comment for review."""

    model = ModerationWord
    menu_label = "Moderation words"
    menu_icon = "warning"
    add_to_settings_menu = True
    list_display = ["word", "note"]
    search_fields = ["word", "note"]


modeladmin_register(ModerationWordAdmin)
