"""Writes for discussions, each in one transaction; activity signals go out once it has committed.

Views check who may act (practice.discussions.rules); these functions check the state of the
thread under a row lock (closed, nesting, a reply from another thread) and raise ValidationError.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify

from wagtail.coreutils import find_available_slug

from ..activity import answer_accepted, reply_posted, thread_started
from ..markup import render_markdown
from ..models import DiscussionThreadPage, Reply
from .rules import reply_depth

Status = DiscussionThreadPage.Status
SLUG_LENGTH = 80
SUMMARY_LENGTH = 200


def _publishable(*, author, community, text):
    """Say whether a member's thread may go live at once rather than wait as a draft for a moderator.

    This is the one place where the hub's moderation rules for discussions (too many links, words on
    the moderation list) plug in; until they do, what members write goes up at once.
    """
    return True


def _summary(body):
    """Return the opening of a message as plain text, for listings."""
    return Truncator(strip_tags(render_markdown(body)).strip()).chars(SUMMARY_LENGTH)


def _locked(thread):
    """Return the thread fresh from the database, its row locked until the transaction ends."""
    # Only the thread's own row: PostgreSQL refuses to lock the nullable side of the join to its community.
    threads = DiscussionThreadPage.objects.select_for_update(of=("self",)).select_related("community")
    return threads.get(pk=thread.pk)


def _publish(thread, by):
    """Publish the thread as it now is, as a revision by the given user (kept in the page's history)."""
    # Members and facilitators act here under the discussion rules, not Wagtail's editing permissions.
    thread.save_revision(user=by, log_action=True).publish(user=by, skip_permission_checks=True)


@transaction.atomic
def thread_start(*, index, author, title, body, topics=(), security_level):
    """Start a thread in a community's discussions; it goes live at once unless it waits for review."""
    requested_slug = slugify(title, allow_unicode=True)[:SLUG_LENGTH].strip("-") or "discussion"
    thread = DiscussionThreadPage(
        title=title,
        slug=find_available_slug(index, requested_slug),
        body=body,
        summary=_summary(body),
        starter=author,
        owner=author,
        security_level=security_level,
        last_activity_at=timezone.now(),
        live=False,
    )
    thread.topics = list(topics)
    index.add_child(instance=thread)
    community = thread.community
    if not _publishable(author=author, community=community, text=f"{title}\n\n{body}"):
        thread.save_revision(user=author, log_action=True)
        return thread
    _publish(thread, author)
    thread = DiscussionThreadPage.objects.get(pk=thread.pk)
    transaction.on_commit(lambda: thread_started.send(sender=DiscussionThreadPage, thread=thread, by=author))
    return thread


@transaction.atomic
def thread_edit(*, thread, by, body):
    """Change the thread's message, noting when it was edited."""
    thread = _locked(thread)
    if thread.status == Status.CLOSED:
        raise ValidationError("This discussion is closed, so its messages can no longer be edited.", code="closed")
    thread.body = body
    thread.summary = _summary(body)
    thread.edited_at = timezone.now()
    if _publishable(author=by, community=thread.community, text=f"{thread.title}\n\n{body}"):
        _publish(thread, by)
    else:
        thread.save_revision(user=by, log_action=True)
    return thread


@transaction.atomic
def reply_post(*, thread, author, body, parent=None):
    """Post a reply in an open thread, to the thread or to another reply in it, and count it."""
    thread = _locked(thread)
    if thread.status == Status.CLOSED:
        raise ValidationError("This discussion is closed to new replies.", code="closed")
    if parent is not None:
        if parent.thread_id != thread.pk:
            raise ValidationError("You can only reply to messages in this discussion.", code="other_thread")
        if reply_depth(parent) >= settings.HUB_REPLY_MAX_DEPTH:
            raise ValidationError(
                "Replies nest %(depth)s deep at most. Reply to an earlier message instead.",
                code="too_deep",
                params={"depth": settings.HUB_REPLY_MAX_DEPTH},
            )
    reply = Reply.objects.create(thread=thread, parent=parent, author=author, body=body, created_at=timezone.now())
    DiscussionThreadPage.objects.filter(pk=thread.pk).update(
        reply_count=F("reply_count") + 1, last_activity_at=reply.created_at
    )
    transaction.on_commit(lambda: reply_posted.send(sender=Reply, reply=reply, thread=thread, by=author))
    return reply


@transaction.atomic
def reply_edit(*, reply, by, body):
    """Change a reply's text, noting when it was edited."""
    thread = _locked(reply.thread)
    if thread.status == Status.CLOSED:
        raise ValidationError("This discussion is closed, so its messages can no longer be edited.", code="closed")
    reply.body = body
    reply.edited_at = timezone.now()
    reply.save(update_fields=["body", "edited_at"])
    return reply


@transaction.atomic
def thread_accept_answer(*, thread, reply, by):
    """Mark a reply as the thread's accepted answer; the thread counts as answered."""
    thread = _locked(thread)
    if reply.thread_id != thread.pk:
        raise ValidationError("Choose an answer from this discussion's replies.", code="other_thread")
    if thread.status == Status.CLOSED:
        raise ValidationError("Reopen the discussion before choosing its answer.", code="closed")
    if thread.accepted_reply_id == reply.pk:
        return thread
    thread.accepted_reply = reply
    thread.status = Status.ANSWERED
    _publish(thread, by)
    transaction.on_commit(lambda: answer_accepted.send(sender=DiscussionThreadPage, thread=thread, reply=reply, by=by))
    return thread


@transaction.atomic
def thread_clear_answer(*, thread, by):
    """Take away the thread's accepted answer; an answered thread is open again."""
    thread = _locked(thread)
    if thread.status == Status.CLOSED:
        raise ValidationError("Reopen the discussion before changing its answer.", code="closed")
    if thread.accepted_reply_id is None:
        return thread
    thread.accepted_reply = None
    thread.status = Status.OPEN
    _publish(thread, by)
    return thread


@transaction.atomic
def thread_close(*, thread, by):
    """Close the thread to new replies and edits."""
    thread = _locked(thread)
    if thread.status != Status.CLOSED:
        thread.status = Status.CLOSED
        _publish(thread, by)
    return thread


@transaction.atomic
def thread_reopen(*, thread, by):
    """Open a closed thread again: answered if it has an accepted answer, open if not."""
    thread = _locked(thread)
    if thread.status == Status.CLOSED:
        thread.status = Status.ANSWERED if thread.accepted_reply_id else Status.OPEN
        _publish(thread, by)
    return thread


@transaction.atomic
def thread_pin(*, thread, by, pinned=True):
    """Pin the thread to the top of its community's list of discussions, or unpin it."""
    thread = _locked(thread)
    if thread.pinned != pinned:
        thread.pinned = pinned
        _publish(thread, by)
    return thread
