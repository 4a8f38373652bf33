"""Comments on practice pages: when they are open, the site's comment settings and what moderators hold back."""

import datetime as dt

from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.search import index

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

        Held and removed comments, and replies below them, are left out; search.signals indexes the
        page again whenever one of its comments is saved or deleted.
        """
        from practice.comments.services import published_comment_text

        return published_comment_text(self)

    def helpfulness(self):
        """Comments members marked helpful add to the page type's own signs of usefulness."""
        from practice.comments.services import helpful_marks

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
