"""A small hub to attack: an open community with a post, a thread, an event and two trusted members."""

from types import SimpleNamespace

import pytest

from practice.comments.forms import MemberCommentForm
from practice.communities.services import membership_join
from practice.discussions import services as discussions
from practice.models.choices import AccessLevel, SecurityLevel
from tests.factories import (
    BlogIndexPageFactory,
    BlogPostPageFactory,
    CommentFactory,
    DiscussionIndexPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    MemberProfileFactory,
)


def published_comment(page, user, text="An earlier thought.", followup=False):
    """Put a published comment on the page, as if posted and approved earlier."""
    return CommentFactory(page=page, user=user, comment=text, followup=followup)


def comment_data(page, user, text, **overrides):
    """Return what the page's comment form sends: xtd's signed fields and the member's text."""
    form = MemberCommentForm(page, user=user)
    data = {name: form.initial[name] for name in ("content_type", "object_pk", "timestamp", "security_hash")}
    data.update(comment=text, reply_to=0, honeypot="", **overrides)
    return data


def hub_ids(hub, reply):
    """Return the ids of the hub's community, thread, event and a reply, by the names addresses give them."""
    return {
        "community_id": hub.community.pk,
        "thread_id": hub.thread.pk,
        "reply_id": reply.pk,
        "parent_id": reply.pk,
        "event_id": hub.event.pk,
    }


def start_thread(hub, author, title="How do you caption live video?", body="Has anyone tried this?"):
    return discussions.thread_start(
        index=hub.discussions, author=author, title=title, body=body, security_level=SecurityLevel.PUBLIC
    )


def trusted_member(name, username, community):
    """A member of the community who has commented before, so nothing they write waits for review."""
    user = MemberProfileFactory(display_name=name, user__username=username).user
    membership_join(community=community, member=user)
    return user


@pytest.fixture
def hub(communities):
    """The open community with a blog post, a discussions section, a thread and an event."""
    open_side = communities[AccessLevel.OPEN]
    community = open_side["community"]
    hub = SimpleNamespace(**open_side, **{level.name.lower(): communities[level] for level in AccessLevel})
    hub.post = BlogPostPageFactory(parent=BlogIndexPageFactory(parent=community), title="Live-posting in a storm")
    hub.discussions = DiscussionIndexPageFactory(parent=community)
    hub.event = EventPageFactory(parent=EventIndexPageFactory(parent=community), title="Northmoor teacamp", capacity=5)
    hub.alice = trusted_member("Alice Barnes", "alice@northmoor.gov.uk", community)
    hub.bob = trusted_member("Bob Carter", "bob@westleigh.gov.uk", community)
    for user in (hub.alice, hub.bob):
        published_comment(hub.post, user)
    hub.thread = start_thread(hub, hub.alice)
    return hub
