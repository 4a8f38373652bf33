"""What the following, notification and digest tests share: members in communities, and activity announced
the way the posting views announce it (the signals, once the transaction commits)."""

from django.test import TestCase

from practice.activity import answer_accepted, reply_posted, thread_started
from practice.communities.services import membership_join
from tests.factories import (
    DiscussionIndexPageFactory,
    DiscussionThreadPageFactory,
    MemberProfileFactory,
    ReplyFactory,
)


def member_of(community, name):
    """Return a new member with a profile, active in the community."""
    user = MemberProfileFactory(user__username=f"{name}@example.gov.uk", display_name=name.title()).user
    membership_join(community=community, member=user)
    return user


def start_thread(community, starter, **fields):
    """Make a thread in the community's discussions and announce it as the posting view does."""
    discussions = DiscussionIndexPageFactory(parent=community)
    thread = DiscussionThreadPageFactory(parent=discussions, starter=starter, **fields)
    with TestCase.captureOnCommitCallbacks(execute=True):
        thread_started.send(sender=type(thread), thread=thread, by=starter)
    return thread


def post_reply(thread, author, body="We tried it in the last storm."):
    reply = ReplyFactory(thread=thread, author=author, body=body)
    with TestCase.captureOnCommitCallbacks(execute=True):
        reply_posted.send(sender=type(reply), reply=reply, thread=thread, by=author)
    return reply


def accept_answer(thread, reply, by):
    with TestCase.captureOnCommitCallbacks(execute=True):
        answer_accepted.send(sender=type(thread), thread=thread, reply=reply, by=by)
