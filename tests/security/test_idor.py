"""Every id in an address or form is checked against who asks: other people's things answer 403 or 404
and stay as they were."""

import pytest
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from practice.communities.services import membership_request
from practice.models import DiscussionThreadPage, EventBooking, Follow, Membership, Notification, Reply
from tests.factories import (
    BlogIndexPageFactory,
    BlogPostPageFactory,
    DiscussionIndexPageFactory,
    NotificationFactory,
    ReplyFactory,
)
from tests.security.conftest import comment_data, published_comment, start_thread

pytestmark = pytest.mark.django_db

REFUSED = (403, 404)


def refused(response):
    return response.status_code in REFUSED


@pytest.fixture
def private(hub):
    """A private community's thread, post and comment, which Bob (not a member) may not read."""
    side = hub.private
    community = side["community"]
    place = type(hub)(discussions=DiscussionIndexPageFactory(parent=community))
    side["thread"] = start_thread(place, side["insider"], title="Private plans")
    side["post"] = BlogPostPageFactory(parent=BlogIndexPageFactory(parent=community), title="Private post")
    side["comment"] = published_comment(side["post"], side["insider"], "A private comment")
    return side


def test_members_cannot_edit_other_members_threads_or_replies(client, hub):
    alices_reply = ReplyFactory(thread=hub.thread, author=hub.alice, body="Alice's words")
    client.force_login(hub.bob)
    assert refused(client.post(f"/discussions/{hub.thread.pk}/edit/", {"body": "Bob was here"}))
    assert refused(client.post(f"/discussions/replies/{alices_reply.pk}/edit/", {"body": "Bob was here"}))
    hub.thread.refresh_from_db()
    assert hub.thread.body == "Has anyone tried this?"
    assert Reply.objects.get(pk=alices_reply.pk).body == "Alice's words"


def test_a_reply_cannot_hang_under_a_reply_from_another_thread(client, hub):
    other_thread = start_thread(hub, hub.bob, title="Another question")
    elsewhere = ReplyFactory(thread=other_thread, author=hub.bob)
    client.force_login(hub.alice)
    assert refused(client.post(f"/discussions/{hub.thread.pk}/reply/{elsewhere.pk}/", {"body": "Crossed"}))
    assert refused(client.post(f"/discussions/{hub.thread.pk}/answer/{elsewhere.pk}/"))
    assert not Reply.objects.filter(body="Crossed").exists()
    assert DiscussionThreadPage.objects.get(pk=hub.thread.pk).accepted_reply_id is None


def test_members_cannot_run_discussions_they_do_not_facilitate(client, hub):
    reply = ReplyFactory(thread=hub.thread, author=hub.bob)
    restricted_facilitator = hub.restricted["facilitator"]
    for user in (hub.bob, restricted_facilitator):
        client.force_login(user)
        for action in ("close", "pin"):
            assert refused(client.post(f"/discussions/{hub.thread.pk}/{action}/")), (user, action)
    client.force_login(hub.bob)  # not the starter
    assert refused(client.post(f"/discussions/{hub.thread.pk}/answer/{reply.pk}/"))
    thread = DiscussionThreadPage.objects.get(pk=hub.thread.pk)
    assert (thread.status, thread.pinned, thread.accepted_reply_id) == ("open", False, None)


def test_facilitators_answer_only_their_own_communitys_requests(client, hub):
    request = membership_request(community=hub.restricted["community"], member=hub.bob)
    client.force_login(hub.facilitator)  # of the open community
    assert refused(client.post(f"/membership/requests/{request.pk}/approve/"))
    assert refused(client.post(f"/membership/requests/{request.pk}/decline/"))
    assert refused(client.get(f"/membership/{hub.restricted['community'].pk}/members/"))
    assert Membership.objects.get(pk=request.pk).status == Membership.Status.REQUESTED


def test_members_cannot_mark_other_members_notifications(client, hub):
    theirs = NotificationFactory(recipient=hub.alice, actor=hub.bob, page=hub.thread)
    client.force_login(hub.bob)
    assert refused(client.post(f"/notifications/{theirs.pk}/read/"))
    client.post("/notifications/read/")  # marks only Bob's own
    assert Notification.objects.get(pk=theirs.pk).read_at is None


def test_members_cannot_cancel_other_members_bookings_or_see_attendees(client, hub):
    client.force_login(hub.alice)
    client.post(f"/bookings/events/{hub.event.pk}/rsvp/")
    client.force_login(hub.bob)
    response = client.post(f"/bookings/events/{hub.event.pk}/cancel/", {"member": hub.alice.pk})
    assert response.status_code >= 400
    assert EventBooking.objects.filter(event=hub.event, member=hub.alice).live().exists()
    assert refused(client.get(f"/bookings/events/{hub.event.pk}/attendees/"))
    assert refused(client.get(f"/bookings/events/{hub.event.pk}/attendees.csv"))


def test_nothing_in_a_private_community_can_be_reached_by_its_id(client, hub, private):
    client.force_login(hub.bob)
    thread, post, comment = private["thread"], private["post"], private["comment"]
    assert refused(client.post(f"/following/pages/{thread.pk}/follow/"))
    assert refused(client.post(f"/following/pages/{private['community'].pk}/follow/"))
    assert refused(client.post(f"/comments/{comment.pk}/report/"))
    assert refused(client.post(f"/comments/{comment.pk}/helpful/"))
    assert refused(client.post(f"/discussions/{thread.pk}/reply/", {"body": "Let me in"}))
    assert refused(client.get(f"/comments/cr/{comment.content_type_id}/{post.pk}/"))
    assert refused(client.get(f"/search/go/1/1/{thread.pk}/"))
    assert refused(client.post(f"/membership/{private['community'].pk}/join/"))
    assert not Follow.objects.filter(follower=hub.bob).exists()
    assert not CommentFlag.objects.exists()
    assert not Reply.objects.filter(body="Let me in").exists()
    assert not Membership.objects.filter(member=hub.bob, community=private["community"]).exists()


def test_comments_cannot_be_posted_onto_a_page_the_member_may_not_read(client, hub, private):
    data = comment_data(private["post"], private["insider"], "Smuggled in")
    client.force_login(hub.bob)
    assert refused(client.post("/comments/post/", data))
    assert not XtdComment.objects.filter(comment="Smuggled in").exists()


def test_facilitators_moderate_only_their_own_communitys_comments(client, hub, private):
    held = published_comment(private["post"], private["insider"], "Held for review")
    XtdComment.objects.filter(pk=held.pk).update(is_public=False)
    client.force_login(hub.facilitator)  # of the open community
    assert refused(client.post(f"/admin/comments/review/{held.pk}/approve/"))
    assert refused(client.post(f"/admin/comments/review/{held.pk}/remove/"))
    held.refresh_from_db()
    assert (held.is_public, held.is_removed) == (False, False)
