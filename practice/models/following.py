"""Following threads, communities, topics and members; the notifications that follow from it; digest choices."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from practice.models.base import PracticePage
from practice.models.posts import CreditRequest


class Follow(models.Model):
    """A member following exactly one thing: a practice page (a thread or a community), a topic or a member."""

    follower = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    page = models.ForeignKey(
        "practice.PracticePage", null=True, blank=True, on_delete=models.CASCADE, related_name="followers"
    )
    topic = models.ForeignKey(
        "practice.Topic", null=True, blank=True, on_delete=models.CASCADE, related_name="followers"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="followers"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(page__isnull=False, topic__isnull=True, member__isnull=True)
                | Q(page__isnull=True, topic__isnull=False, member__isnull=True)
                | Q(page__isnull=True, topic__isnull=True, member__isnull=False),
                name="follow_exactly_one_subject",
            ),
            models.CheckConstraint(condition=~Q(member=models.F("follower")), name="follow_not_oneself"),
            models.UniqueConstraint(fields=["follower", "page"], name="follow_page_once"),
            models.UniqueConstraint(fields=["follower", "topic"], name="follow_topic_once"),
            models.UniqueConstraint(fields=["follower", "member"], name="follow_member_once"),
        ]

    def __str__(self):
        return f"{self.follower} follows {self.page or self.topic or self.member}"


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def readable_by(self, user):
        """Return the user's notifications whose page (and comment) they may open now, and credits left to answer.

        A credit is asked about before its post is published, so it shows while it waits for an answer.
        """
        readable_pages = PracticePage.objects.live().visible_to(user).values("pk")
        asked_about = CreditRequest.objects.filter(member=user).values("post")
        credit = Q(verb=Notification.Verb.CREDIT_REQUESTED)
        return (
            self.filter(recipient=user)
            .filter((credit & Q(page__in=asked_about)) | (~credit & Q(page__in=readable_pages)))
            .filter(Q(comment__isnull=True) | Q(comment__is_public=True, comment__is_removed=False))
        )


class Notification(models.Model):
    """Something happened on a page the recipient follows, directly or through its community, topics or people."""

    class Verb(models.TextChoices):
        THREAD_STARTED = "thread_started", "started a discussion:"
        REPLIED = "replied", "replied in"
        ANSWER_ACCEPTED = "answer_accepted", "marked an accepted answer in"
        PUBLISHED = "published", "published"
        COMMENTED = "commented", "commented on"
        CREDIT_REQUESTED = "credit_requested", "asked to credit you as an author of"

    class Reason(models.TextChoices):
        PAGE = "page", "You follow this"
        COMMUNITY = "community", "You follow its community"
        MEMBER = "member", "You follow this member"
        TOPIC = "topic", "You follow one of its topics"
        CREDITED = "credited", "You are named only if you accept"

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verb = models.CharField(max_length=20, choices=Verb.choices)
    reason = models.CharField(max_length=12, choices=Reason.choices)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    reply = models.ForeignKey("practice.Reply", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    comment = models.ForeignKey(
        "django_comments_xtd.XtdComment", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "-created_at"], name="notification_inbox")]

    def __str__(self):
        return f"{self.actor} {self.get_verb_display()} {self.page} (for {self.recipient})"

    @property
    def link(self):
        """Return where the notification leads: the page (at its reply or comment), or the credits to answer."""
        if self.verb == self.Verb.CREDIT_REQUESTED:
            return reverse("author_credits")
        return f"{self.page.url}{self.anchor}"

    @property
    def anchor(self):
        """Return the fragment that points at the reply or comment on the page, if there is one."""
        if self.reply_id:
            return f"#reply-{self.reply_id}"
        if self.comment_id:
            return f"#c{self.comment_id}"
        return ""


class NotificationSettings(models.Model):
    """How often a member wants their digest email, and what it should include."""

    class Digest(models.TextChoices):
        OFF = "off", "Never: I will look at my notifications on the site"
        DAILY = "daily", "Daily"
        WEEKLY = "weekly", "Weekly"

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    digest = models.CharField(max_length=8, choices=Digest.choices, default=Digest.WEEKLY)
    email_new_content = models.BooleanField(
        default=True, verbose_name="New discussions and posts in communities, topics and from members you follow"
    )
    email_replies = models.BooleanField(
        default=True, verbose_name="Replies and accepted answers in discussions you follow"
    )
    email_comments = models.BooleanField(default=True, verbose_name="Comments on pages you follow")
    last_digest_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name_plural = "notification settings"

    def __str__(self):
        return f"{self.member}: {self.get_digest_display()}"

    def emailed_verbs(self):
        """Return the kinds of notification this member wants in their digest."""
        verb = Notification.Verb
        chosen = {
            (verb.THREAD_STARTED, verb.PUBLISHED): self.email_new_content,
            (verb.REPLIED, verb.ANSWER_ACCEPTED): self.email_replies,
            (verb.COMMENTED,): self.email_comments,
        }
        return [v for verbs, wanted in chosen.items() if wanted for v in verbs]
