"""Following discussions, communities, topics and members: the buttons, the endpoints, the topic page."""

import pytest

from django.db import IntegrityError, transaction
from django.urls import reverse

from practice.models import Follow
from practice.models.choices import AccessLevel
from tests.factories import (
    BlogPostPageFactory,
    DiscussionThreadPageFactory,
    FollowFactory,
    MemberProfileFactory,
    TopicFactory,
    UserFactory,
)
from tests.practice.following.helpers import member_of, post_reply, start_thread
from tests.practice.querycounts import queries_to_render

pytestmark = pytest.mark.django_db

OPEN, RESTRICTED, PRIVATE = AccessLevel.OPEN, AccessLevel.RESTRICTED, AccessLevel.PRIVATE


def test_a_member_follows_a_thread_from_its_page_and_stops(client, communities, member):
    thread = DiscussionThreadPageFactory(parent__parent=communities[OPEN]["community"], title="Storm posting")
    client.force_login(member)

    page = client.get(thread.url)
    assert b'Follow<span class="govuk-visually-hidden"> this discussion' in page.content

    response = client.post(reverse("follow_page", args=[thread.pk]), {"next": thread.url})
    assert response.status_code == 302 and response.url == thread.url
    assert Follow.objects.filter(follower=member, page=thread).count() == 1

    client.post(reverse("follow_page", args=[thread.pk]))
    assert Follow.objects.filter(follower=member, page=thread).count() == 1, "following twice keeps one follow"
    assert b"Stop following" in client.get(thread.url).content

    client.post(reverse("unfollow_page", args=[thread.pk]))
    assert not Follow.objects.filter(follower=member).exists()
    assert client.post(reverse("unfollow_page", args=[thread.pk])).status_code == 404


def test_a_member_follows_a_community(client, communities, member):
    community = communities[OPEN]["community"]
    client.force_login(member)
    assert b"Follow<span" in client.get(community.url).content
    client.post(reverse("follow_page", args=[community.pk]))
    assert Follow.objects.filter(follower=member, page=community).exists()


def test_forged_and_unreadable_pages_cannot_be_followed(client, communities, member):
    private_thread = DiscussionThreadPageFactory(parent__parent=communities[PRIVATE]["community"])
    restricted_thread = DiscussionThreadPageFactory(parent__parent=communities[RESTRICTED]["community"])
    client.force_login(member)

    assert client.post(reverse("follow_page", args=[999_999])).status_code == 404
    assert client.post(reverse("follow_page", args=[private_thread.pk])).status_code == 404
    assert client.post(reverse("follow_page", args=[restricted_thread.pk])).status_code == 404
    assert client.post(reverse("follow_page", args=[communities[PRIVATE]["community"].pk])).status_code == 404
    assert not Follow.objects.exists()


def test_only_discussions_and_communities_are_followed_as_pages(client, communities, member):
    post = BlogPostPageFactory(parent__parent=communities[OPEN]["community"])
    client.force_login(member)
    response = client.post(reverse("follow_page", args=[post.pk]))
    assert response.status_code == 400
    assert b"not this kind of page" in response.content
    assert not Follow.objects.exists()


def test_following_needs_a_signed_in_post(client, communities, member):
    thread = DiscussionThreadPageFactory(parent__parent=communities[OPEN]["community"])
    response = client.post(reverse("follow_page", args=[thread.pk]))
    assert response.status_code == 302 and reverse("login") in response.url
    client.force_login(member)
    assert client.get(reverse("follow_page", args=[thread.pk])).status_code == 405
    assert not Follow.objects.exists()


def test_following_goes_back_only_to_this_site(client, communities, member):
    thread = DiscussionThreadPageFactory(parent__parent=communities[OPEN]["community"])
    client.force_login(member)
    response = client.post(reverse("follow_page", args=[thread.pk]), {"next": "https://evil.example.com/"})
    assert response.url == thread.url


def test_topics_are_followed_by_slug(client, member):
    topic = TopicFactory(name="Live posting")
    client.force_login(member)
    assert client.post(reverse("follow_topic", args=["no-such-topic"])).status_code == 404
    assert client.post(reverse("unfollow_topic", args=[topic.slug])).status_code == 404
    assert not Follow.objects.exists()

    client.post(reverse("follow_topic", args=[topic.slug]))
    assert Follow.objects.filter(follower=member, topic=topic).exists()
    client.post(reverse("unfollow_topic", args=[topic.slug]))
    assert not Follow.objects.exists()


def test_members_are_followed_through_their_public_profile(client, member):
    public = MemberProfileFactory(slug="priya", display_name="Priya Shah")
    private = MemberProfileFactory(slug="hidden", is_public=False)
    own = member.profile
    client.force_login(member)

    assert client.post(reverse("follow_member", args=[private.slug])).status_code == 404
    response = client.post(reverse("follow_member", args=[own.slug]))
    assert response.status_code == 400 and b"cannot follow yourself" in response.content
    assert b"Follow<span" not in client.get(own.get_absolute_url()).content
    assert not Follow.objects.exists()

    assert b'Follow<span class="govuk-visually-hidden"> Priya Shah' in client.get(public.get_absolute_url()).content
    client.post(reverse("follow_member", args=[public.slug]))
    assert Follow.objects.filter(follower=member, member=public.user).exists()
    client.post(reverse("unfollow_member", args=[public.slug]))
    assert not Follow.objects.exists()


def test_a_follow_names_exactly_one_thing(member):
    topic = TopicFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        FollowFactory(follower=member, topic=topic, member=UserFactory())
    with pytest.raises(IntegrityError), transaction.atomic():
        FollowFactory(follower=member, topic=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        FollowFactory(follower=member, member=member)


def test_visitors_are_asked_to_sign_in_to_follow(client, communities):
    community = communities[OPEN]["community"]
    response = client.get(community.url)
    assert b"to follow this community" in response.content
    assert b"Follow<span" not in response.content


def test_starting_or_replying_to_a_thread_follows_it(communities):
    community = communities[OPEN]["community"]
    starter, replier = member_of(community, "starter"), member_of(community, "replier")
    thread = start_thread(community, starter)
    post_reply(thread, replier)
    assert set(Follow.objects.filter(page=thread).values_list("follower", flat=True)) == {starter.pk, replier.pk}


def test_topic_page_lists_what_the_reader_may_open(client, communities, member):
    topic = TopicFactory(name="Storms")
    open_post = BlogPostPageFactory(parent__parent=communities[OPEN]["community"], title="Open storm post")
    secret_post = BlogPostPageFactory(parent__parent=communities[PRIVATE]["community"], title="Private storm post")
    for post in (open_post, secret_post):
        post.topics.add(topic)
        post.save()

    response = client.get(topic.url)
    assert response.status_code == 200
    assert b"Open storm post" in response.content
    assert b"Private storm post" not in response.content
    assert client.get(reverse("topic_page", args=["nothing-here"])).status_code == 404

    client.force_login(communities[PRIVATE]["insider"])
    assert b"Private storm post" in client.get(topic.url).content


def test_topic_page_queries_do_not_grow_with_its_content(client, communities, member):
    topic = TopicFactory(name="Storms")
    blog_parent = communities[OPEN]["community"]
    client.force_login(member)

    def add_posts(count):
        for _ in range(count):
            post = BlogPostPageFactory(parent__parent=blog_parent)
            post.topics.add(topic)
            post.save()

    add_posts(2)
    few = queries_to_render(client, topic.url)
    add_posts(10)
    many = queries_to_render(client, topic.url)
    assert many == few
