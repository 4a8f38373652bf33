"""What a page's comments section shows its reader: the comments they may see, and the form if they may post."""

from django_comments_xtd.models import max_thread_level_for_content_type
from django_comments_xtd.utils import get_app_model_options

from django import template
from django.contrib.contenttypes.models import ContentType

from practice.comments.forms import MemberCommentForm
from practice.models import CommentSettings
from practice.models.comments import comment_tree

register = template.Library()


@register.simple_tag(takes_context=True)
def comment_section(context, page):
    """Return the page's comment thread, whether comments are open and, for a member, the comment form."""
    request = context["request"]
    user = request.user
    content_type = ContentType.objects.get_for_model(page.specific_class)
    closed_reason = page.comments_closed_reason(CommentSettings.for_request(request))
    nodes, published_count = comment_tree(page, user)
    may_post = user.is_authenticated and closed_reason is None
    return {
        "nodes": nodes,
        "count": published_count,
        "closed_reason": closed_reason,
        "form": MemberCommentForm(page, user=user) if may_post else None,
        "may_reply": may_post,
        "max_level": max_thread_level_for_content_type(content_type),
        "options": get_app_model_options(content_type=content_type),
    }


@register.simple_tag(takes_context=True)
def reply_form(context, page, comment):
    """Return a form for replying to the comment (its own field ids, so many fit on one page)."""
    return MemberCommentForm(page, user=context["request"].user, parent=comment)
