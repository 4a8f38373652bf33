"""Who may start, reply to, edit and run a community's discussions, and how a thread's replies nest."""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from practice.access import is_staff_member
from practice.common.names import member_name
from practice.discussions.forms import ReplyForm
from practice.models import DiscussionThreadPage, Membership, Reply


def edit_deadline(written_at):
    """Return the moment after which something written at written_at can no longer be edited."""
    return written_at + dt.timedelta(minutes=settings.HUB_EDIT_WINDOW_MINUTES)


def reply_depth(reply):
    """Return how deep a reply sits: 1 for a reply to the thread, 2 for a reply to that, and so on."""
    depth = 1
    while reply.parent_id is not None and depth <= settings.HUB_REPLY_MAX_DEPTH:
        reply = Reply.objects.only("parent_id").get(pk=reply.parent_id)
        depth += 1
    return depth


@dataclass(frozen=True)
class Standing:
    """What one user may do in one community's discussions, worked out once per request."""

    user_id: int | None
    member: bool = False
    facilitator: bool = False

    @classmethod
    def of(cls, user, community):
        """Return the user's standing: active members and facilitators take part, and so do hub staff."""
        if not user.is_authenticated or community is None:
            return cls(user_id=None)
        if is_staff_member(user):
            return cls(user_id=user.pk, member=True, facilitator=True)
        role = (
            Membership.objects.active().filter(community=community, member=user).values_list("role", flat=True).first()
        )
        return cls(user_id=user.pk, member=role is not None, facilitator=role == Membership.Role.FACILITATOR)

    @property
    def takes_part(self):
        """Say whether they may start threads and reply."""
        return self.member

    def may_reply(self, thread):
        return self.member and thread.status != DiscussionThreadPage.Status.CLOSED

    def may_edit(self, thread, author_id, written_at):
        """Say whether they may still edit something they wrote in this thread."""
        return (
            self.member
            and author_id == self.user_id
            and written_at is not None
            and thread.status != DiscussionThreadPage.Status.CLOSED
            and timezone.now() < edit_deadline(written_at)
        )

    def may_accept(self, thread):
        """Say whether they may choose the thread's answer: its starter or the community's facilitators."""
        return self.facilitator or (self.member and thread.starter_id == self.user_id)


@dataclass
class ReplyNode:
    """A reply in a thread's tree, with its answers and what the reader may do with it."""

    reply: Reply
    depth: int = 1
    children: list = field(default_factory=list)
    may_reply: bool = False
    may_edit: bool = False

    @property
    def author_name(self):
        """Return how the reply's author is named to readers."""
        return member_name(self.reply.author)  # the profile is selected with the reply: no query either way

    @property
    def heading_level(self):
        # The thread's title is h1 and "Replies" h2, so replies start at h3 and go one deeper per level.
        return self.depth + 2


def reply_tree(replies, *, thread, standing):
    """Return the thread's replies as a tree of ReplyNodes (in the order given at every level), and each node by id."""
    nodes = {reply.pk: ReplyNode(reply=reply) for reply in replies}
    roots = []
    for node in nodes.values():
        parent = nodes.get(node.reply.parent_id)
        (parent.children if parent else roots).append(node)
    may_reply = standing.may_reply(thread)
    to_visit = [(node, 1) for node in roots]
    while to_visit:
        node, depth = to_visit.pop()
        node.depth = depth
        # A held reply is its author's alone until a moderator approves it: nobody can answer it yet.
        node.may_reply = may_reply and depth < settings.HUB_REPLY_MAX_DEPTH and not node.reply.is_held
        node.may_edit = standing.may_edit(thread, node.reply.author_id, node.reply.created_at)
        to_visit += [(child, depth + 1) for child in node.children]
    return roots, nodes


def thread_page_context(thread, user):
    """Return what the thread page shows this reader: the reply tree and the actions open to them.

    Held replies are in it only for their authors, marked as awaiting review, and are not counted.
    """
    standing = Standing.of(user, thread.community)
    replies = thread.replies.shown_to(user).select_related("author__profile").order_by("created_at", "pk")
    roots, nodes = reply_tree(replies, thread=thread, standing=standing)
    may_reply = standing.may_reply(thread)
    return {
        "standing": standing,
        "reply_tree": roots,
        "reply_total": sum(not node.reply.is_held for node in nodes.values()),
        "accepted": nodes.get(thread.accepted_reply_id),
        "may_reply": may_reply,
        "reply_form": ReplyForm() if may_reply else None,
        "may_edit_thread": standing.may_edit(thread, thread.starter_id, thread.first_published_at),
        "may_accept": standing.may_accept(thread) and thread.status != DiscussionThreadPage.Status.CLOSED,
        "max_depth": settings.HUB_REPLY_MAX_DEPTH,
    }
