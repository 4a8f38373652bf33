"""Writes for discussions, each in one transaction; activity signals go out once it has committed.

Views check who may act (practice.discussions.rules); these functions check the state of the
thread under a row lock (closed, nesting, a reply from another thread) and raise ValidationError.
"""

import html

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify

from wagtail.actions.delete_page import DeletePageAction
from wagtail.coreutils import find_available_slug

from hub.db import lock_row
from practice.activity import answer_accepted, reply_posted, thread_started
from practice.discussions.rules import reply_depth
from practice.markup import render_markdown
from practice.models import DiscussionThreadPage, Reply
from practice.moderation.rules import REPEAT_WINDOW, moderation_verdict

Status = DiscussionThreadPage.Status
SLUG_LENGTH = 80
SUMMARY_LENGTH = 200


def _refuse_held_edit(verdict):
    """Turn down an edit the moderation rules would hold: the published message stays as it was."""
    if verdict.hold:
        raise ValidationError(
            "Your changes were not saved: a moderator would have to check them first (%(reason)s). "
            "Change your message, or post what you want to add as a new reply.",
            code="held",
            params={"reason": verdict.reason},
        )


def _summary(body):
    """Return the opening of a message as plain text, for listings."""
    # strip_tags leaves the HTML's escapes ("&gt;"): undo them, as templates and feeds escape plain text.
    return Truncator(html.unescape(strip_tags(render_markdown(body))).strip()).chars(SUMMARY_LENGTH)


def _locked(thread):
    """Return the thread fresh from the database, its row locked until the transaction ends."""
    # Only the thread's own row: PostgreSQL refuses to lock the nullable side of the join to its community.
    threads = DiscussionThreadPage.objects.select_for_update(of=("self",)).select_related("community")
    return threads.get(pk=thread.pk)


def _locked_held_thread(thread):
    """Return the held thread locked for a moderator's decision; refuse one that is not waiting for review."""
    thread = _locked(thread)
    if not thread.held_reason or thread.live:
        raise ValidationError("This discussion is not waiting for review.", code="not_held")
    return thread


def _locked_held_reply(reply):
    """Return the reply's thread and the held reply, both locked; refuse a reply that is not waiting for review."""
    thread = _locked(reply.thread)
    reply = Reply.objects.select_for_update().get(pk=reply.pk)
    if not reply.is_held:
        raise ValidationError("This reply is not waiting for review.", code="not_held")
    return thread, reply


def _publish(thread, by):
    """Publish the thread as it now is, as a revision by the given user (kept in the page's history)."""
    # Members and facilitators act here under the discussion rules, not Wagtail's editing permissions.
    thread.save_revision(user=by, log_action=True).publish(user=by, skip_permission_checks=True)


def _thread_started(thread):
    """Return the thread as published, and announce it as started by its starter once the transaction commits."""
    thread = DiscussionThreadPage.objects.get(pk=thread.pk)
    transaction.on_commit(lambda: thread_started.send(sender=DiscussionThreadPage, thread=thread, by=thread.starter))
    return thread


@transaction.atomic
def thread_start(*, index, author, title, body, topics=(), security_level):
    """Start a thread in a community's discussions; it goes live at once unless the moderation rules hold it.

    A held thread is a draft page with the reasons, for a moderator to approve or remove. The same
    title and message started again by the same member in the same discussions (a double click) return the first.
    """
    # Starts in one community's discussions take turns here: the second of two identical submissions finds
    # the first, and two threads never race for the same place in the page tree or the same slug.
    lock_row(index)
    since = timezone.now() - REPEAT_WINDOW
    repeated = (
        DiscussionThreadPage.objects.child_of(index)
        .filter(starter=author, title=title, body=body)
        .filter(Q(first_published_at__gte=since) | Q(held_at__gte=since))
        .order_by("pk")
        .first()
    )
    if repeated is not None:
        return repeated
    community = index.get_parent().specific
    verdict = moderation_verdict(author=author, community=community, text=f"{title}\n\n{body}", kind="discussion")
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
        held_reason=verdict.reason,
        held_at=timezone.now() if verdict.hold else None,
    )
    thread.topics = list(topics)
    index.add_child(instance=thread)
    if verdict.hold:
        thread.save_revision(user=author, log_action=True)
        return thread
    _publish(thread, author)
    return _thread_started(thread)


@transaction.atomic
def thread_approve(*, thread, by):
    """Publish a held thread as its starter wrote it, and announce it as started by them."""
    thread = _locked_held_thread(thread)
    # Cleared in place first: publishing keeps the row's held state (DiscussionThreadPage.with_content_json).
    DiscussionThreadPage.objects.filter(pk=thread.pk).update(
        held_reason="", held_at=None, last_activity_at=timezone.now()
    )
    revision = thread.latest_revision or thread.save_revision(user=thread.starter)
    revision.publish(user=by, skip_permission_checks=True)
    return _thread_started(thread)


@transaction.atomic
def thread_remove(*, thread, by):
    """Delete a held thread that a moderator turned down; it was never published."""
    thread = _locked_held_thread(thread)
    DeletePageAction(thread, user=by).execute(skip_permission_checks=True)


@transaction.atomic
def thread_edit(*, thread, by, body):
    """Change the thread's message, noting when it was edited; an edit the moderation rules would hold is refused."""
    thread = _locked(thread)
    if thread.status == Status.CLOSED:
        raise ValidationError("This discussion is closed, so its messages can no longer be edited.", code="closed")
    text = f"{thread.title}\n\n{body}"
    _refuse_held_edit(moderation_verdict(author=by, community=thread.community, text=text, kind="discussion"))
    thread.body = body
    thread.summary = _summary(body)
    thread.edited_at = timezone.now()
    _publish(thread, by)
    return thread


def _reply_published(reply, thread, *, at):
    """Count a reply others can read from `at` on as the thread's latest activity; announce it once committed."""
    DiscussionThreadPage.objects.filter(pk=thread.pk).update(reply_count=F("reply_count") + 1, last_activity_at=at)
    transaction.on_commit(lambda: reply_posted.send(sender=Reply, reply=reply, thread=thread, by=reply.author))


@transaction.atomic
def reply_post(*, thread, author, body, parent=None):
    """Post a reply in an open thread, to the thread or to another reply in it.

    It is counted and announced at once, unless the moderation rules hold it for a moderator. The same
    words posted again by the same member in the same place (a double click) return the first.
    """
    thread = _locked(thread)
    if thread.status == Status.CLOSED:
        raise ValidationError("This discussion is closed to new replies.", code="closed")
    if parent is not None:
        if parent.thread_id != thread.pk:
            raise ValidationError("You can only reply to messages in this discussion.", code="other_thread")
        if parent.is_held:
            raise ValidationError("You can reply to this message once a moderator has approved it.", code="held")
        if reply_depth(parent) >= settings.HUB_REPLY_MAX_DEPTH:
            raise ValidationError(
                "Replies nest %(depth)s deep at most. Reply to an earlier message instead.",
                code="too_deep",
                params={"depth": settings.HUB_REPLY_MAX_DEPTH},
            )
    # The thread's row lock makes identical replies at the same moment take turns, so the second finds the first.
    repeated = (
        thread.replies.filter(parent=parent, author=author, body=body, created_at__gte=timezone.now() - REPEAT_WINDOW)
        .order_by("pk")
        .first()
    )
    if repeated is not None:
        return repeated
    verdict = moderation_verdict(author=author, community=thread.community, text=body, kind="reply")
    now = timezone.now()
    reply = Reply.objects.create(
        thread=thread,
        parent=parent,
        author=author,
        body=body,
        created_at=now,
        held_reason=verdict.reason,
        held_at=now if verdict.hold else None,
    )
    if not verdict.hold:
        _reply_published(reply, thread, at=now)
    return reply


@transaction.atomic
def reply_edit(*, reply, by, body):
    """Change a reply's text, noting when it was edited.

    A published reply whose new text the moderation rules would hold is left as it was; a held one
    stays held, with the reasons brought up to date for its moderator.
    """
    thread = _locked(reply.thread)
    if thread.status == Status.CLOSED:
        raise ValidationError("This discussion is closed, so its messages can no longer be edited.", code="closed")
    reply = Reply.objects.select_for_update().get(pk=reply.pk)
    verdict = moderation_verdict(author=by, community=thread.community, text=body, kind="reply")
    if reply.is_held:
        reply.held_reason = verdict.reason or reply.held_reason
    else:
        _refuse_held_edit(verdict)
    reply.body = body
    reply.edited_at = timezone.now()
    reply.save(update_fields=["body", "edited_at", "held_reason"])
    return reply


@transaction.atomic
def reply_approve(*, reply, by):
    """Publish a held reply: it counts in its thread from now, and its thread's followers are told."""
    thread, reply = _locked_held_reply(reply)
    reply.held_reason = ""
    reply.held_at = None
    reply.save(update_fields=["held_reason", "held_at"])
    _reply_published(reply, thread, at=timezone.now())
    return reply


@transaction.atomic
def reply_remove(*, reply, by):
    """Delete a held reply that a moderator turned down; nobody else ever saw it."""
    _, reply = _locked_held_reply(reply)
    reply.delete()


@transaction.atomic
def thread_accept_answer(*, thread, reply, by):
    """Mark a reply as the thread's accepted answer; the thread counts as answered."""
    thread = _locked(thread)
    if reply.thread_id != thread.pk:
        raise ValidationError("Choose an answer from this discussion's replies.", code="other_thread")
    if reply.is_held:
        raise ValidationError("A reply can be the answer once a moderator has approved it.", code="held")
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


def _publish_changed(thread, by, **values):
    """Publish the locked thread with these field values, unless it has them already."""
    if any(getattr(thread, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(thread, name, value)
        _publish(thread, by)
    return thread


@transaction.atomic
def thread_close(*, thread, by):
    """Close the thread to new replies and edits."""
    return _publish_changed(_locked(thread), by, status=Status.CLOSED)


@transaction.atomic
def thread_reopen(*, thread, by):
    """Open a closed thread again: answered if it has an accepted answer, open if not."""
    thread = _locked(thread)
    if thread.status != Status.CLOSED:
        return thread
    return _publish_changed(thread, by, status=Status.ANSWERED if thread.accepted_reply_id else Status.OPEN)


@transaction.atomic
def thread_pin(*, thread, by, pinned=True):
    """Pin the thread to the top of its community's list of discussions, or unpin it."""
    return _publish_changed(_locked(thread), by, pinned=pinned)
