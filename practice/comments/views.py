"""Posting, reacting to and following comments from the public site.

Every refusal is a GOV.UK page with a 4xx status that says what went wrong, and writes nothing.
"""

import functools

from django_comments_xtd import signed
from django_comments_xtd import views as xtd_views
from django_comments_xtd.models import XtdComment
from django_comments_xtd.utils import get_app_model_options

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hub.converters import parse_id
from hub.ratelimit import rate_limited
from practice.access import may_read
from practice.comments.forms import MemberCommentForm
from practice.comments.services import comment_mark_helpful, comment_post, comment_report
from practice.common.refusals import refusal
from practice.models import CommentSettings
from practice.models.comments import is_commentable


class CommentRefused(Exception):
    """A request about comments that cannot be met, with what to tell the member."""

    def __init__(self, status, title, message, page=None):
        super().__init__(message)
        self.status, self.title, self.message, self.page = status, title, message, page

    def response(self, request):
        back = (f"{self.page.get_url(request)}#comments", f"Go back to {self.page.title}") if self.page else None
        return refusal(request, self.message, status=self.status, heading=self.title, back=back)


NOT_FOUND = ("Page not found", "We could not find the page you are commenting on. It may have been moved or removed.")


def commentable_page(user, content_type, object_pk):
    """Return the live page a comment is for, if members may comment on it and this member may read it."""
    if not content_type or not object_pk:
        raise CommentRefused(
            400, "Your comment was not posted", "The comment form was incomplete. Go back and try again."
        )
    try:
        model = apps.get_model(content_type)
    except (LookupError, ValueError):
        model = None
    if not is_commentable(model):
        raise CommentRefused(400, "Your comment was not posted", "Comments cannot be posted there.")
    page_id = parse_id(object_pk)
    if page_id is None:
        raise CommentRefused(404, *NOT_FOUND)
    page = model.objects.live().filter(pk=page_id).first()
    if page is None or not may_read(user, page):
        raise CommentRefused(404, *NOT_FOUND)
    return page


def published_parent(page, reply_to):
    """Return the published comment on the page that the member is replying to, if there is one."""
    parent_id = parse_id(reply_to)
    if not parent_id:
        return None
    return XtdComment.norel_objects.filter(
        pk=parent_id,
        content_type=ContentType.objects.get_for_model(page.specific_class),
        object_pk=str(page.pk),
        is_public=True,
        is_removed=False,
    ).first()


def require_member(request, action):
    if not request.user.is_authenticated:
        raise CommentRefused(403, "Sign in first", f"Only members who have signed in can {action}.")


def _to_comment(page, comment):
    return redirect(f"{page.url}#c{comment.pk}")


@require_POST
@rate_limited("post")
def post_comment(request):
    """Post a member's comment or reply, held for review if the moderation rules say so."""
    try:
        require_member(request, "comment")
        page = commentable_page(request.user, request.POST.get("content_type"), request.POST.get("object_pk"))
        closed = page.comments_closed_reason(CommentSettings.for_request(request))
        if closed:
            raise CommentRefused(403, "Comments are closed", f"Comments are closed on this page. {closed}", page)
        parent = published_parent(page, request.POST.get("reply_to"))
        form = MemberCommentForm(page, user=request.user, parent=parent, data=request.POST)
        if form.security_errors():
            raise CommentRefused(
                400,
                "Your comment was not posted",
                "The comment form has expired or was changed. Go back to the page, reload it and try again.",
                page,
            )
    except CommentRefused as refusal:
        return refusal.response(request)

    if not form.is_valid():
        return render(request, "comments/preview.html", {"form": form, "page": page, "parent": parent}, status=400)

    comment = comment_post(form=form, author=request.user, ip_address=request.META.get("REMOTE_ADDR") or None)
    if comment.is_public:
        messages.success(request, "Your comment has been posted.")
    else:
        messages.info(
            request, "Thank you. Your comment is awaiting review: others will see it once a moderator approves it."
        )
    return _to_comment(page, comment)


def readable_comment(request, comment_id, feature):
    """Return a published comment whose page the member may read, and the page, if the feature is on for it."""
    comment = XtdComment.objects.filter(pk=comment_id, is_public=True, is_removed=False).first()
    model = comment.content_type.model_class() if comment else None
    page = model.objects.live().filter(pk=comment.object_pk).first() if is_commentable(model) else None
    if page is None or not may_read(request.user, page):
        raise CommentRefused(404, "Comment not found", "We could not find that comment. It may have been removed.")
    if not get_app_model_options(content_type=comment.content_type)[feature]:
        raise CommentRefused(404, "Comment not found", "Comments on this page cannot be marked or reported.", page)
    return comment, page


def about_a_comment(feature, action):
    """Make a view of a member's POST about a published comment: the view is given the comment and its page.

    The member must be signed in (to `action`), may read the comment's page, and `feature` must be on for
    it; a CommentRefused, from these checks or the view, is answered with its page.
    """

    def decorator(view):
        @require_POST
        @rate_limited("post")
        @functools.wraps(view)
        def checked(request, comment_id):
            try:
                require_member(request, action)
                comment, page = readable_comment(request, comment_id, feature)
                return view(request, comment, page)
            except CommentRefused as refused:
                return refused.response(request)

        return checked

    return decorator


@about_a_comment("allow_feedback", "mark comments as helpful")
def mark_helpful(request, comment, page):
    """Record that the member found a comment helpful (once per member and comment)."""
    if comment.user_id == request.user.pk:
        raise CommentRefused(400, "That is your own comment", "You cannot mark your own comment as helpful.", page)
    if comment_mark_helpful(comment=comment, by=request.user):
        messages.success(request, "Thank you. You marked the comment as helpful.")
    return _to_comment(page, comment)


@about_a_comment("allow_flagging", "report comments")
def report(request, comment, page):
    """Report a comment to the moderators (once per member and comment)."""
    comment_report(comment=comment, by=request.user)
    messages.success(request, "Thank you. A moderator will look at the comment you reported.")
    return _to_comment(page, comment)


def permalink(request, content_type_id, object_pk):
    """Send a comment's permalink to its page, if the reader may read it (never reveal the address otherwise)."""
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    model = content_type.model_class() if content_type else None
    try:
        page = commentable_page(request.user, model._meta.label if model else None, object_pk)
    except CommentRefused:
        return CommentRefused(404, *NOT_FOUND).response(request)
    return redirect(page.url)


def mute(request, key):
    """Stop follow-up emails for a page in one click from the email: xtd's mute, with clear answers for old links."""
    try:
        followed = signed.loads(key, extra_key=settings.COMMENTS_XTD_SALT)
        page_model = followed.content_type.model_class()
    except Exception:  # a link that was cut short or tampered with fails in many ways: all mean "not valid"
        return CommentRefused(
            400, "This link does not work", "The link may have been cut short. Use the whole link from the email."
        ).response(request)
    page = page_model.objects.filter(pk=followed.object_pk).first() if is_commentable(page_model) else None
    if page is None or not XtdComment.norel_objects.filter(pk=followed.pk).exists():
        return CommentRefused(404, "Nothing to stop", "The page or comment this email was about is gone.").response(
            request
        )
    if XtdComment.norel_objects.filter(pk=followed.pk, followup=True).exists():
        return xtd_views.mute(request, key)
    return render(request, "django_comments_xtd/muted.html", {"content_object": page})
