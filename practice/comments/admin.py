"""The moderation queue and the word list in the Wagtail admin.

The queue (practice.moderation.review) holds held or reported comments, held discussion replies and new
discussions held back as drafts. Hub staff see all of it; facilitators what is in their communities.
Anything outside a moderator's queue is a 404 to them. Registered by practice.wagtail_hooks importing
this module.
"""

from collections.abc import Callable
from typing import NamedTuple

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail_modeladmin.options import modeladmin_register

from practice.comments.services import can_moderate, comment_approve, comment_remove, moderation_queue
from practice.discussions import services as discussions
from practice.editorial.menu import MenuItemFor
from practice.editorial.modeladmin import ModelAdmin
from practice.models import ModerationWord
from practice.moderation.review import held_replies, held_threads, review_queue_page


class ModerationQueueView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Comments and discussions to review"
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
        context["queue"] = review_queue_page(self.request.user, self.request.GET.get("p"))
        return context


class Queued(NamedTuple):
    """One kind of item in the queue: who may act on which, the services that do it, and how to name one."""

    queryset: Callable  # the items in this moderator's queue
    argument: str  # the keyword the services take the item by
    approve: Callable
    remove: Callable
    name: str  # formatted with the item


QUEUED = {
    "comment": Queued(moderation_queue, "comment", comment_approve, comment_remove, "The comment by {item.user_name}"),
    "reply": Queued(
        held_replies, "reply", discussions.reply_approve, discussions.reply_remove, "The reply in “{item.thread.title}”"
    ),
    "discussion": Queued(
        held_threads, "thread", discussions.thread_approve, discussions.thread_remove, "The discussion “{item.title}”"
    ),
}
DONE = {"approve": "published", "remove": "removed"}


@method_decorator(require_POST, name="dispatch")
class ModerationActionView(TemplateView):
    """Approve or remove one item in the queue; anything outside this moderator's queue is a 404."""

    kind = "comment"
    action = None

    def post(self, request, pk):
        if not can_moderate(request.user):
            raise PermissionDenied
        queued = QUEUED[self.kind]
        item = get_object_or_404(queued.queryset(request.user), pk=pk)
        try:
            getattr(queued, self.action)(**{queued.argument: item, "by": request.user})
        except ValidationError as error:  # another moderator got there first
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"{queued.name.format(item=item)} is {DONE[self.action]}.")
        return redirect("comment_moderation_queue")


@hooks.register("register_admin_urls")
def register_moderation_urls():
    prefixes = {
        "comment": "comments/review/",
        "reply": "comments/review/replies/",
        "discussion": "comments/review/discussions/",
    }
    return [path("comments/review/", ModerationQueueView.as_view(), name="comment_moderation_queue")] + [
        path(
            f"{prefix}<id:pk>/{action}/",
            ModerationActionView.as_view(kind=kind, action=action),
            name=f"{kind}_moderation_{action}",
        )
        for kind, prefix in prefixes.items()
        for action in ("approve", "remove")
    ]


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return MenuItemFor(
        "Posts to review", reverse("comment_moderation_queue"), shown_to=can_moderate, icon_name="comment", order=250
    )


class ModerationWordAdmin(ModelAdmin):
    """The words and phrases that hold a comment for review."""

    model = ModerationWord
    menu_label = "Moderation words"
    menu_icon = "warning"
    add_to_settings_menu = True
    list_display = ["word", "note"]
    search_fields = ["word", "note"]


modeladmin_register(ModerationWordAdmin)
