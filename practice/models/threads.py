"""Discussion threads started by members, and their replies."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.utils import timezone

from wagtail.admin.panels import FieldPanel
from wagtail.models import PageManager
from wagtail.search import index

from practice.models.base import ContextFromFeatures, PracticePage, PracticePageQuerySet, SectionPage


class DiscussionIndexPage(SectionPage):
    subpage_types = ["practice.DiscussionThreadPage"]

    class Meta:
        verbose_name = "community discussions"


# A thread's signs of usefulness: an accepted answer counts this much, and replies up to this many.
ANSWERED_BONUS = 3
MOST_COUNTED_REPLIES = 5


def thread_helpfulness(answered, reply_count):
    """An accepted answer counts most; replies show the question drew help (search ranks by this)."""
    return (ANSWERED_BONUS if answered else 0) + min(reply_count, MOST_COUNTED_REPLIES)


def thread_states():
    """Return the condition for each state a reader can filter threads by."""
    status = DiscussionThreadPage.Status
    return {
        "open": Q(status=status.OPEN),
        "answered": Q(status=status.ANSWERED),
        "closed": Q(status=status.CLOSED),
        "unanswered": Q(status=status.OPEN, reply_count=0),
    }


class ThreadQuerySet(PracticePageQuerySet):
    def open(self):
        return self.filter(thread_states()["open"])

    def answered(self):
        return self.filter(thread_states()["answered"])

    def closed(self):
        return self.filter(thread_states()["closed"])

    def unanswered(self):
        return self.filter(thread_states()["unanswered"])

    def status_counts(self):
        """Return how many of these threads are open, answered, closed and unanswered, in one query."""
        return self.order_by().aggregate(
            **{state: Count("pk", filter=condition) for state, condition in thread_states().items()}
        )


class DiscussionThreadPage(ContextFromFeatures, PracticePage):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        ANSWERED = "answered", "Answered"
        CLOSED = "closed", "Closed"

    starter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="threads_started"
    )
    body = models.TextField(help_text="The question or topic, in plain text or Markdown.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    pinned = models.BooleanField(default=False)
    accepted_reply = models.ForeignKey(
        "practice.Reply", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reply_count = models.PositiveIntegerField(default=0, editable=False)
    last_activity_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True, editable=False)
    # A new thread the moderation rules held back stays a draft with the reason until a moderator decides.
    held_reason = models.CharField(max_length=500, blank=True, editable=False)
    held_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = PageManager.from_queryset(ThreadQuerySet)()

    content_panels = PracticePage.content_panels + [
        FieldPanel("body"),
        FieldPanel("starter"),
        FieldPanel("status"),
        FieldPanel("pinned"),
        PracticePage.classification_panel,
    ]
    search_fields = PracticePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("reply_text"),
        index.FilterField("status"),
        index.FilterField("last_activity_at"),
    ]
    parent_page_types = ["practice.DiscussionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "discussion thread"

    def reply_text(self):
        """Return the text of every published reply, so that a thread is found by what its answers say.

        Threads given to prefetch_published_replies read them from what was fetched for them all.
        """
        replies = getattr(self, "published_replies", None)
        if replies is not None:
            return "\n\n".join(reply.body for reply in replies)
        return "\n\n".join(self.replies.published().order_by("created_at").values_list("body", flat=True))

    def content_date(self):
        return self.last_activity_at

    def source_organisation(self):
        profile = getattr(self.starter, "profile", None) if self.starter_id else None
        return profile.organisation_id if profile is not None else None

    def helpfulness(self):
        """An accepted answer counts most; replies show the question drew help."""
        return thread_helpfulness(self.status == self.Status.ANSWERED, self.reply_count)

    def with_content_json(self, content):
        """Return the page as a revision has it, keeping the live reply count, last activity and held state.

        Replies and moderators change those fields in place, not through revisions, so publishing any
        revision (an editor's, a facilitator pinning the thread, a moderator approving it) must not
        turn them back.
        """
        page = super().with_content_json(content)
        page.reply_count = self.reply_count
        page.last_activity_at = self.last_activity_at
        page.held_reason = self.held_reason
        page.held_at = self.held_at
        return page


class ReplyQuerySet(models.QuerySet):
    def published(self):
        """Return the replies everyone who may read their thread sees."""
        return self.filter(held_reason="")

    def held(self):
        """Return the replies waiting for a moderator."""
        return self.exclude(held_reason="")

    def shown_to(self, user):
        """Return the replies this reader sees in a thread: the published ones and their own held ones."""
        if not user.is_authenticated:
            return self.published()
        return self.filter(Q(held_reason="") | Q(author=user))


class Reply(models.Model):
    """A member's reply in a thread, possibly to another reply; held ones wait for a moderator."""

    thread = models.ForeignKey(DiscussionThreadPage, on_delete=models.CASCADE, related_name="replies")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="replies"
    )
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    held_reason = models.CharField(
        max_length=500, blank=True, help_text="Why a moderator must approve the reply first; empty once published."
    )
    held_at = models.DateTimeField(null=True, blank=True)

    objects = ReplyQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "replies"
        ordering = ["created_at"]

    def __str__(self):
        return f"Reply by {self.author} in {self.thread}"

    @property
    def is_held(self):
        return bool(self.held_reason)


def prefetch_published_replies(threads):
    """Fetch the published replies of several threads in one query, for their reply_text."""
    replies = Reply.objects.published().order_by("created_at").only("thread_id", "body")
    prefetch_related_objects(threads, Prefetch("replies", queryset=replies, to_attr="published_replies"))
