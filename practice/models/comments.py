"""Comments on practice pages: when they are open, reading them, the comment settings and what moderators hold.

Comments themselves are django-comments-xtd's; these read them for a page (its tree of published
comments, their text for search, members' helpful marks), so that the page models can index them.
"""

import datetime as dt
from dataclasses import dataclass, field

from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG, XtdComment

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.search import index

from hub.db import one_of

# Helpful marks on a page's comments count towards its helpfulness up to this many.
MAX_HELPFUL_MARKS = 5


class CommentsMixin(models.Model):
    """A page members may comment on, unless its editor closes comments or the site's period runs out."""

    comments_open = models.BooleanField(
        default=True,
        verbose_name="comments open",
        help_text="Untick to close comments on this page. Comments already posted stay visible.",
    )

    comments_panel = FieldPanel("comments_open")
    # Added to each commentable page type's search_fields: the page is found by what its comments say.
    comment_search_fields = [index.SearchField("comment_text")]

    class Meta:
        abstract = True

    def comment_text(self):
        """Return the words of the comments every reader of the page sees, for search.

        Held and removed comments, and replies below them, are left out; search.receivers indexes the
        page again whenever one of its comments is saved or deleted.
        """
        return published_comment_text(self)

    def helpfulness(self):
        """Comments members marked helpful add to the page type's own signs of usefulness."""
        return super().helpfulness() + min(helpful_marks([self.pk]).get(self.pk, 0), MAX_HELPFUL_MARKS)

    def commenting_since(self):
        """Return when the page came out, from which the site's comment period is counted."""
        return self.first_published_at

    def comments_closed_reason(self, comment_settings):
        """Say why comments are closed on this page, or return None while they are open."""
        if not self.comments_open:
            return "The editor has closed comments on this page."
        days = comment_settings.close_comments_after_days
        since = self.commenting_since()
        if days and since and timezone.now() >= since + dt.timedelta(days=days):
            return f"Comments close {days} days after a page is published."
        return None


HELPFUL = LIKEDIT_FLAG
REPORTED = CommentFlag.SUGGEST_REMOVAL
APPROVED = CommentFlag.MODERATOR_APPROVAL


def is_commentable(model):
    """Say whether members may comment on pages of this model."""
    return model is not None and issubclass(model, CommentsMixin)


def commentable_content_types():
    """Return the content types of the page models members may comment on."""
    models = [model for model in apps.get_models() if is_commentable(model)]
    return list(ContentType.objects.get_for_models(*models).values())


def helpful_marks(page_ids):
    """Return {page id: times members marked its published comments helpful}, for pages that have any."""
    marks = (
        CommentFlag.objects.filter(
            one_of("comment__object_pk", [str(page_id) for page_id in page_ids]),
            flag=HELPFUL,
            comment__content_type__in=commentable_content_types(),
            comment__site_id=settings.SITE_ID,
            comment__is_public=True,
            comment__is_removed=False,
        )
        .values_list("comment__object_pk")
        .annotate(count=Count("pk"))
    )
    return {int(object_pk): count for object_pk, count in marks}


def comments_on(page):
    """Return every comment on the page, published or not, in xtd's thread order."""
    return XtdComment.objects.filter(
        content_type=ContentType.objects.get_for_model(page.specific_class),
        object_pk=str(page.pk),
        site_id=settings.SITE_ID,
    )


@dataclass
class CommentNode:
    comment: XtdComment
    replies: list = field(default_factory=list)


def comment_tree(page, user):
    """Return the page's published comments as nested nodes, with the user's own comments awaiting review,
    and how many are published.

    Each comment carries helpful_count, and for a signed-in user found_helpful and reported, all in one query.
    """
    shown = Q(is_public=True)
    comments = comments_on(page).filter(is_removed=False).select_related("user__profile")
    helpful = Count("flags", filter=Q(flags__flag=HELPFUL))
    if user.is_authenticated:
        shown |= Q(user=user, hold__isnull=False)
        own_flags = CommentFlag.objects.filter(comment=OuterRef("pk"), user=user)
        comments = comments.annotate(
            helpful_count=helpful,
            found_helpful=Exists(own_flags.filter(flag=HELPFUL)),
            reported=Exists(own_flags.filter(flag=REPORTED)),
        )
    else:
        comments = comments.annotate(helpful_count=helpful)
    nodes, roots, published = {}, [], 0
    for comment in comments.filter(shown).order_by("thread_id", "order"):
        if comment.parent_id == comment.pk:
            siblings = roots
        elif comment.parent_id in nodes:
            siblings = nodes[comment.parent_id].replies
        else:
            continue  # below a comment this reader cannot see
        node = nodes[comment.pk] = CommentNode(comment)
        siblings.append(node)
        published += comment.is_public
    return roots, published


def published_comment_text(page):
    """Return the text of the page's comments that any reader of the page sees, in thread order."""
    roots, _ = comment_tree(page, AnonymousUser())
    texts, nodes = [], list(reversed(roots))
    while nodes:
        node = nodes.pop()
        texts.append(node.comment.comment)
        nodes.extend(reversed(node.replies))
    return "\n\n".join(texts)


@register_setting(icon="comment")
class CommentSettings(BaseSiteSetting):
    close_comments_after_days = models.PositiveIntegerField(
        null=True,
        blank=True,
        verbose_name="close comments after (days)",
        help_text="Comments close this many days after a page is published. Leave empty to keep them open.",
    )

    panels = [FieldPanel("close_comments_after_days")]

    class Meta:
        verbose_name = "comments"


class ModerationWord(models.Model):
    """A word or phrase that sends a comment to the moderation queue instead of straight onto the page."""

    word = models.CharField(
        max_length=100,
        unique=True,
        help_text="Matched as a whole word or phrase, whatever its capitals.",
    )
    note = models.CharField(max_length=200, blank=True, help_text="Why this word is on the list (for editors).")

    class Meta:
        ordering = ["word"]
        verbose_name = "moderation word"

    def __str__(self):
        return self.word

    def clean(self):
        # Stored as typed would let "Spam" and "spam" both in, and the unique check miss it.
        self.word = " ".join(self.word.split()).lower()


class CommentHold(models.Model):
    """A comment waiting for a moderator, and why it was held back."""

    comment = models.OneToOneField("django_comments_xtd.XtdComment", on_delete=models.CASCADE, related_name="hold")
    reason = models.CharField(max_length=500)
    held_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["held_at"]

    def __str__(self):
        return f"Comment {self.comment_id} held: {self.reason}"
