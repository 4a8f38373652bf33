"""The moderation queue and the word list in the Wagtail admin.

The queue (practice.moderation.review) holds held or reported comments, held discussion replies and new
discussions held back as drafts. Hub staff see all of it; facilitators what is in their communities.
Anything outside a moderator's queue is a 404 to them. Registered by practice.wagtail_hooks importing
this module.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail_modeladmin.options import modeladmin_register

from practice.comments.services import can_moderate, comment_approve, comment_remove, moderation_queue
from practice.discussions import services as discussions
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


def _approve_comment(comment, by):
    comment_approve(comment=comment, by=by)
    return f"The comment by {comment.user_name} is published."


def _remove_comment(comment, by):
    comment_remove(comment=comment, by=by)
    return f"The comment by {comment.user_name} is removed."


def _approve_reply(reply, by):
    discussions.reply_approve(reply=reply, by=by)
    return f"The reply in “{reply.thread.title}” is published."


def _remove_reply(reply, by):
    discussions.reply_remove(reply=reply, by=by)
    return f"The reply in “{reply.thread.title}” is removed."


def _approve_thread(thread, by):
    discussions.thread_approve(thread=thread, by=by)
    return f"The discussion “{thread.title}” is published."


def _remove_thread(thread, by):
    discussions.thread_remove(thread=thread, by=by)
    return f"The discussion “{thread.title}” is removed."


# For each kind in the queue: the moderator's queryset and what approving and removing do.
ACTIONS = {
    "comment": (moderation_queue, {"approve": _approve_comment, "remove": _remove_comment}),
    "reply": (held_replies, {"approve": _approve_reply, "remove": _remove_reply}),
    "discussion": (held_threads, {"approve": _approve_thread, "remove": _remove_thread}),
}


@method_decorator(require_POST, name="dispatch")
class ModerationActionView(TemplateView):
    """Approve or remove one item in the queue; anything outside this moderator's queue is a 404."""

    kind = "comment"
    action = None

    def post(self, request, pk):
        if not can_moderate(request.user):
            raise PermissionDenied
        queryset, actions = ACTIONS[self.kind]
        item = get_object_or_404(queryset(request.user), pk=pk)
        try:
            done = actions[self.action](item, request.user)
        except ValidationError as error:  # another moderator got there first
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, done)
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


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem("Posts to review", reverse("comment_moderation_queue"), icon_name="comment", order=250)


class ModerationWordAdmin(ModelAdmin):
    """The words and phrases that hold a comment for review."""

    model = ModerationWord
    menu_label = "Moderation words"
    menu_icon = "warning"
    add_to_settings_menu = True
    list_display = ["word", "note"]
    search_fields = ["word", "note"]


modeladmin_register(ModerationWordAdmin)
