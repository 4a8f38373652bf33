"""Notifications: who is told what, never the actor, never about what they may not read; the page and header."""

import pytest

from django.test import TestCase
from django.urls import reverse

from practice.communities.services import membership_join, membership_leave
from practice.context_processors import notifications
from practice.following.services import follow_create, notifications_create, readers_among
from practice.models import Notification
from practice.models.choices import AccessLevel, SecurityLevel
from tests.factories import BlogIndexPageFactory, BlogPostPageFactory, CommentFactory, TopicFactory, UserFactory
from tests.practice.following.helpers import accept_answer, member_of, post_reply, start_thread
from tests.practice.querycounts import queries_to_render

pytestmark = pytest.mark.django_db

OPEN, RESTRICTED, PRIVATE = AccessLevel.OPEN, AccessLevel.RESTRICTED, AccessLevel.PRIVATE
Verb, Reason = Notification.Verb, Notification.Reason


def told(user):
    return list(Notification.objects.filter(recipient=user).values_list("verb", "page_id", "reason"))


def test_a_new_thread_is_told_to_followers_of_its_community_topics_and_starter(communities, member):
    community = communities[OPEN]["community"]
    topic = TopicFactory(name="Storms")
    starter = member_of(community, "starter")
    by_community, by_topic, by_starter = (member_of(community, name) for name in ("alice", "bob", "carol"))
    follow_create(follower=by_community, page=community)
    follow_create(follower=by_topic, topic=topic)
    follow_create(follower=by_starter, member=starter)
    follow_create(follower=starter, page=community)  # the actor follows the community too

    thread = start_thread(community, starter, title="Storm posting", topics=[topic])

    assert told(by_community) == [(Verb.THREAD_STARTED, thread.pk, Reason.COMMUNITY)]
    assert told(by_topic) == [(Verb.THREAD_STARTED, thread.pk, Reason.TOPIC)]
    assert told(by_starter) == [(Verb.THREAD_STARTED, thread.pk, Reason.MEMBER)]
    assert told(starter) == [], "the actor is never told of their own doing"
    assert told(member) == [], "someone following nothing hears nothing"


def test_replies_and_answers_are_told_to_the_thread_followers_but_not_the_actor(communities):
    community = communities[OPEN]["community"]
    starter, replier, watcher = (member_of(community, name) for name in ("starter", "replier", "watcher"))
    thread = start_thread(community, starter)
    follow_create(follower=watcher, page=thread)

    reply = post_reply(thread, replier)
    assert told(starter) == [(Verb.REPLIED, thread.pk, Reason.PAGE)]
    assert told(watcher) == [(Verb.REPLIED, thread.pk, Reason.PAGE)]
    assert told(replier) == []
    assert Notification.objects.get(recipient=watcher).reply == reply

    accept_answer(thread, reply, by=starter)
    assert (Verb.ANSWER_ACCEPTED, thread.pk, Reason.PAGE) in told(replier), "the replier now follows the thread"
    assert (Verb.ANSWER_ACCEPTED, thread.pk, Reason.PAGE) in told(watcher)
    assert Verb.ANSWER_ACCEPTED not in [verb for verb, _, _ in told(starter)]


def test_a_task_run_twice_tells_nobody_twice(communities):
    community = communities[OPEN]["community"]
    starter, watcher = member_of(community, "starter"), member_of(community, "watcher")
    thread = start_thread(community, starter)
    follow_create(follower=watcher, page=thread)
    reply = post_reply(thread, starter)
    notifications_create(verb=Verb.REPLIED, page=thread, actor=starter, reply=reply)
    assert Notification.objects.filter(recipient=watcher).count() == 1


def test_a_first_publication_is_told_to_followers_but_not_its_authors_and_an_edit_is_not(communities):
    community = communities[OPEN]["community"]
    author, follower = member_of(community, "author"), member_of(community, "follower")
    follow_create(follower=follower, page=community)
    follow_create(follower=author, page=community)
    post = BlogPostPageFactory(parent=BlogIndexPageFactory(parent=community), live=False, owner=author)
    post.authors.add(author)

    with TestCase.captureOnCommitCallbacks(execute=True):
        post.save_revision(user=author).publish()
    assert told(follower) == [(Verb.PUBLISHED, post.pk, Reason.COMMUNITY)]
    assert told(author) == []

    post.title = "Updated title"
    with TestCase.captureOnCommitCallbacks(execute=True):
        post.save_revision(user=author).publish()
    assert Notification.objects.count() == 1


def make_comment(page, user, *, is_public=True):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return CommentFactory(page=page, user=user, comment="We did the same.", is_public=is_public)


def test_comments_are_told_to_page_followers_once_they_are_public(communities):
    community = communities[OPEN]["community"]
    starter, commenter = member_of(community, "starter"), member_of(community, "commenter")
    thread = start_thread(community, starter)

    held = make_comment(thread, commenter, is_public=False)
    assert told(starter) == []

    held.is_public = True
    with TestCase.captureOnCommitCallbacks(execute=True):
        held.save()
    assert told(starter) == [(Verb.COMMENTED, thread.pk, Reason.PAGE)]
    assert told(commenter) == []

    with TestCase.captureOnCommitCallbacks(execute=True):
        held.save()
    assert Notification.objects.count() == 1, "saving the comment again tells nobody again"

    held.is_removed = True
    held.save()
    assert Notification.objects.readable_by(starter).count() == 0, "a removed comment's notification is hidden"


def test_leaving_a_private_community_stops_and_hides_its_notifications(client, communities):
    community = communities[PRIVATE]["community"]
    starter, leaver = member_of(community, "starter"), member_of(community, "leaver")
    thread = start_thread(community, starter, title="Confidential restructure")
    follow_create(follower=leaver, page=thread)
    post_reply(thread, starter, body="First reply")
    assert Notification.objects.filter(recipient=leaver).count() == 1

    membership_leave(community=community, member=leaver)
    post_reply(thread, starter, body="Second reply")
    assert Notification.objects.filter(recipient=leaver).count() == 1, "no notification after leaving"

    client.force_login(leaver)
    page = client.get(reverse("notifications"))
    assert b"Confidential restructure" not in page.content
    assert b"no notifications yet" in page.content
    assert b"unread notification" not in page.content


def test_raising_a_posts_security_level_hides_its_notification(client, communities, member):
    community = communities[OPEN]["community"]
    topic = TopicFactory(name="Budgets")
    author = member_of(community, "author")
    follow_create(follower=member, topic=topic)  # an outsider following the topic
    post = BlogPostPageFactory(
        parent=BlogIndexPageFactory(parent=community), live=False, owner=author, title="Budget lines"
    )
    post.topics.add(topic)
    with TestCase.captureOnCommitCallbacks(execute=True):
        post.save_revision(user=author).publish()
    client.force_login(member)
    assert b"Budget lines" in client.get(reverse("notifications")).content

    post.security_level = SecurityLevel.COMMUNITY
    post.save_revision(user=author).publish()
    assert b"Budget lines" not in client.get(reverse("notifications")).content


def test_a_post_that_followers_may_not_read_is_told_only_to_those_who_may(communities, member):
    community = communities[RESTRICTED]["community"]
    insider, author = communities[RESTRICTED]["insider"], member_of(community, "author")
    follow_create(follower=member, page=community)  # an outsider may follow a restricted community
    follow_create(follower=insider, page=community)
    post = BlogPostPageFactory(parent=BlogIndexPageFactory(parent=community), live=False, owner=author)
    with TestCase.captureOnCommitCallbacks(execute=True):
        post.save_revision(user=author).publish()
    assert told(insider) == [(Verb.PUBLISHED, post.pk, Reason.COMMUNITY)]
    assert told(member) == []


def test_readers_are_checked_once_per_set_of_groups(communities, django_assert_max_num_queries):
    community = communities[PRIVATE]["community"]
    thread = start_thread(community, communities[PRIVATE]["facilitator"])
    insiders = [UserFactory() for _ in range(8)]
    for user in insiders:
        membership_join(community=community, member=user)
    outsiders = [UserFactory() for _ in range(8)]
    inactive = UserFactory(is_active=False)
    membership_join(community=community, member=inactive)

    everyone = [user.pk for user in insiders + outsiders + [inactive]]
    # Users, their groups, then one access check per set of groups (members, no groups).
    with django_assert_max_num_queries(4):
        readers = readers_among(thread, everyone)
    assert readers == {user.pk for user in insiders}


def test_notifications_page_is_for_the_signed_in_member_alone(client, communities, member):
    community = communities[OPEN]["community"]
    starter, other = member_of(community, "starter"), member_of(community, "other")
    thread = start_thread(community, starter, title="Whose notification")
    follow_create(follower=other, page=thread)
    post_reply(thread, starter)
    notification = Notification.objects.get(recipient=other)

    response = client.get(reverse("notifications"))
    assert response.status_code == 302 and reverse("login") in response.url

    client.force_login(member)
    assert b"Whose notification" not in client.get(reverse("notifications")).content
    assert client.post(reverse("notification_mark_read", args=[notification.pk])).status_code == 404
    client.post(reverse("notifications_mark_read"))
    notification.refresh_from_db()
    assert notification.read_at is None, "marking all read touches only one's own"

    client.force_login(other)
    page = client.get(reverse("notifications"))
    assert b"Whose notification" in page.content
    assert b"Unread" in page.content
    assert f"{thread.url}#reply-{notification.reply_id}".encode() in page.content
    assert client.get(reverse("notifications_mark_read")).status_code == 405
    client.post(reverse("notification_mark_read", args=[notification.pk]))
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_mark_all_read_clears_the_header_count(client, communities):
    community = communities[OPEN]["community"]
    starter, follower = member_of(community, "starter"), member_of(community, "follower")
    thread = start_thread(community, starter)
    follow_create(follower=follower, page=thread)
    for _ in range(3):
        post_reply(thread, starter)

    client.force_login(follower)
    page = client.get(reverse("notifications"))
    assert b"3 unread notifications" in page.content
    client.post(reverse("notifications_mark_read"))
    page = client.get(reverse("notifications"))
    assert b"unread notification" not in page.content
    assert b"Mark all as read" not in page.content


def test_header_count_and_notifications_page_take_the_same_queries_however_many(client, communities):
    community = communities[OPEN]["community"]
    starter, follower = member_of(community, "starter"), member_of(community, "follower")
    thread = start_thread(community, starter)
    follow_create(follower=follower, page=thread)
    client.force_login(follower)
    post_reply(thread, starter)

    few = {url: queries_to_render(client, url) for url in (reverse("notifications"), community.url)}
    for _ in range(25):
        post_reply(thread, starter)
    many = {url: queries_to_render(client, url) for url in (reverse("notifications"), community.url)}
    assert many == few
    assert b"26 unread notifications" in client.get(community.url).content


def test_the_header_count_costs_one_query(rf, communities, django_assert_num_queries):
    community = communities[OPEN]["community"]
    starter, follower = member_of(community, "starter"), member_of(community, "follower")
    thread = start_thread(community, starter)
    follow_create(follower=follower, page=thread)
    post_reply(thread, starter)
    post_reply(thread, starter)

    request = rf.get("/")
    request.user = follower
    unread = notifications(request)["unread_notifications"]
    with django_assert_num_queries(1):
        assert unread.count == 2
        assert unread.count == 2
