"""Members join, leave and ask to join communities; facilitators answer the requests."""

import pytest

from django.core import mail

from practice.models import Membership
from practice.models.choices import AccessLevel
from tests.factories import BlogIndexPageFactory, BlogPostPageFactory


def join(client, community):
    return client.post(f"/membership/{community.pk}/join/", follow=True)


@pytest.mark.django_db
def test_signing_in_comes_before_joining(client, communities):
    community = communities[AccessLevel.OPEN]["community"]
    response = client.post(f"/membership/{community.pk}/join/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")
    assert not Membership.objects.filter(community=community, member__username__startswith="sam").exists()


@pytest.mark.django_db
def test_member_joins_an_open_community_and_can_leave_it(client, communities, member):
    community = communities[AccessLevel.OPEN]["community"]
    client.force_login(member)

    response = join(client, community)

    assert b"You have joined" in response.content
    assert Membership.objects.get(community=community, member=member).status == Membership.Status.ACTIVE
    assert member.groups.filter(pk=community.members_group_id).exists()

    response = client.post(f"/membership/{community.pk}/leave/", follow=True)
    assert b"You have left" in response.content
    assert not Membership.objects.filter(community=community, member=member).exists()
    assert not member.groups.filter(pk=community.members_group_id).exists()


@pytest.mark.django_db
def test_restricted_community_request_is_approved_by_a_facilitator(
    client, communities, member, django_capture_on_commit_callbacks
):
    level = communities[AccessLevel.RESTRICTED]
    community, facilitator = level["community"], level["facilitator"]
    post = BlogPostPageFactory(parent=BlogIndexPageFactory(parent=community), title="Web team rota")
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        response = join(client, community)
        join(client, community)  # asking twice sends one request

    assert b"Your request has been sent" in response.content
    membership = Membership.objects.get(community=community, member=member)
    assert membership.status == Membership.Status.REQUESTED
    assert client.get(post.url).status_code == 403
    assert [message.to for message in mail.outbox] == [[facilitator.email]]

    client.force_login(facilitator)
    members_page = client.get(f"/membership/{community.pk}/members/")
    assert member.email.encode() in members_page.content
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/membership/requests/{membership.pk}/approve/")

    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE
    assert mail.outbox[-1].to == [member.email]
    assert "approved" in mail.outbox[-1].body
    client.force_login(member)
    assert client.get(post.url).status_code == 200


@pytest.mark.django_db
def test_a_declined_requester_is_told_and_gets_no_access(
    client, communities, member, django_capture_on_commit_callbacks
):
    level = communities[AccessLevel.RESTRICTED]
    client.force_login(member)
    join(client, level["community"])
    membership = Membership.objects.get(community=level["community"], member=member)

    client.force_login(level["facilitator"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/membership/requests/{membership.pk}/decline/")

    membership.refresh_from_db()
    assert membership.status == Membership.Status.DECLINED
    assert "declined" in mail.outbox[-1].body
    assert not member.groups.filter(pk=level["community"].members_group_id).exists()


@pytest.mark.django_db
def test_only_that_communitys_facilitators_answer_its_requests(client, communities, member):
    restricted = communities[AccessLevel.RESTRICTED]
    client.force_login(member)
    join(client, restricted["community"])
    membership = Membership.objects.get(community=restricted["community"], member=member)

    for intruder in [member, restricted["insider"], communities[AccessLevel.OPEN]["facilitator"]]:
        client.force_login(intruder)
        assert client.post(f"/membership/requests/{membership.pk}/approve/").status_code == 403
        assert client.get(f"/membership/{restricted['community'].pk}/members/").status_code == 403
    membership.refresh_from_db()
    assert membership.status == Membership.Status.REQUESTED


@pytest.mark.django_db
def test_private_communities_cannot_be_joined_or_probed(client, communities, member):
    private = communities[AccessLevel.PRIVATE]["community"]
    client.force_login(member)
    assert client.post(f"/membership/{private.pk}/join/").status_code == 404
    assert client.get(f"/membership/{private.pk}/members/").status_code == 404
    assert client.post("/membership/999999/join/").status_code == 404
    assert client.get(f"/membership/{communities[AccessLevel.OPEN]['community'].pk}/join/").status_code == 405
    assert not Membership.objects.filter(member=member).exists()
