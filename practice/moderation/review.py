"""The moderation queue: held and reported comments, held discussion replies and held new discussions, in one list.

Hub staff see everything waiting; facilitators what is waiting in the communities they facilitate.
A page of the queue takes the same number of queries however long the queue is: the keys of every
entry first (one query per kind), then the objects on the page (one query per kind, and their pages).
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.paginator import Paginator
from django.urls import reverse

from wagtail.models import Page

from practice.access import is_staff_member
from practice.comments.services import moderation_queue
from practice.common.names import FORMER_MEMBER, member_name
from practice.models import DiscussionThreadPage, Membership, Reply

QUEUE_PAGE_SIZE = 50


def facilitated_communities(user):
    """Return the ids of the communities this member facilitates, as a subquery."""
    return Membership.objects.active().facilitators().filter(member=user).values("community")


def held_replies(user):
    """Return the held discussion replies waiting for this moderator."""
    replies = Reply.objects.held()
    if not is_staff_member(user):
        replies = replies.filter(thread__community__in=facilitated_communities(user))
    return replies


def held_threads(user):
    """Return the new discussions held back as drafts, waiting for this moderator."""
    threads = DiscussionThreadPage.objects.filter(live=False).exclude(held_reason="")
    if not is_staff_member(user):
        threads = threads.filter(community__in=facilitated_communities(user))
    return threads


@dataclass
class QueueEntry:
    """One thing waiting for a moderator: what kind it is, the object, and where it was written."""

    kind: str
    item: object
    when: datetime
    where: Page | None = None

    @property
    def label(self):
        return {"comment": "Comment", "reply": "Reply", "discussion": "New discussion"}[self.kind]

    @property
    def author_name(self):
        if self.kind == "comment":
            # A deleted account's comment keeps the name it was posted under.
            return member_name(self.item.user, former=self.item.user_name or FORMER_MEMBER)
        return member_name(self.item.author if self.kind == "reply" else self.item.starter)

    @property
    def text(self):
        return self.item.comment if self.kind == "comment" else self.item.body

    @property
    def held_reason(self):
        if self.kind == "comment":
            hold = getattr(self.item, "hold", None)
            return hold.reason if hold is not None else ""
        return self.item.held_reason

    @property
    def approve_url(self):
        return reverse(f"{self.kind}_moderation_approve", args=[self.item.pk])

    @property
    def remove_url(self):
        return reverse(f"{self.kind}_moderation_remove", args=[self.item.pk])

    @property
    def anchor(self):
        return {"comment": f"#c{self.item.pk}", "reply": f"#reply-{self.item.pk}", "discussion": ""}[self.kind]


def _comments(user, pks):
    comments = moderation_queue(user).filter(pk__in=pks)
    pages = Page.objects.filter(pk__in=[int(comment.object_pk) for comment in comments]).in_bulk()
    return {comment.pk: (comment, pages.get(int(comment.object_pk))) for comment in comments}


def _replies(user, pks):
    replies = held_replies(user).filter(pk__in=pks).select_related("author__profile", "thread")
    return {reply.pk: (reply, reply.thread) for reply in replies}


def _threads(user, pks):
    threads = held_threads(user).filter(pk__in=pks).select_related("starter__profile", "community")
    return {thread.pk: (thread, thread.community) for thread in threads}


# Each kind: the moderator's queryset, the moment it joined the queue, and how to load a page's worth.
SOURCES = {
    "comment": (moderation_queue, "submit_date", _comments),
    "reply": (held_replies, "held_at", _replies),
    "discussion": (held_threads, "held_at", _threads),
}


def review_queue_page(user, number):
    """Return one page of everything waiting for this moderator, oldest first, as QueueEntry objects."""
    keys = []
    for kind, (queryset, joined, _) in SOURCES.items():
        keys += [(when, kind, pk) for pk, when in queryset(user).order_by().values_list("pk", joined)]
    keys.sort(key=lambda key: (key[0], key[1], key[2]))
    page = Paginator(keys, QUEUE_PAGE_SIZE).get_page(number)
    loaded = {}
    for kind, (_, _, load) in SOURCES.items():
        pks = [pk for _, key_kind, pk in page.object_list if key_kind == kind]
        loaded[kind] = load(user, pks) if pks else {}
    entries = []
    for when, kind, pk in page.object_list:
        if pk in loaded[kind]:  # gone between the two queries
            item, where = loaded[kind][pk]
            entries.append(QueueEntry(kind=kind, item=item, when=when, where=where))
    page.object_list = entries
    return page
