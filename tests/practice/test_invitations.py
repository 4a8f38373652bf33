"""Facilitators invite members to their communities; the invitee accepts or declines."""

import pytest

from django.core import mail
from django.utils.html import escape

from practice.access import AccessLevel, SecurityLevel
from practice.models import Membership
from practice.services import membership_invite
from tests.factories import BlogIndexPageFactory, BlogPostPageFactory, UserFactory


def invite(client, community, email):
    return client.post(f"/membership/{community.pk}/invite/", {"email": email})


def memberships():
    return sorted(Membership.objects.values_list("community", "member", "status", "role", "invited_by"))


@pytest.mark.django_db
def test_invitee_of_a_private_community_sees_it_only_after_accepting(
    client, communities, member, django_capture_on_commit_callbacks
):
    private = communities[AccessLevel.PRIVATE]
    community, facilitator = private["community"], private["facilitator"]
    post = BlogPostPageFactory(
        parent=BlogIndexPageFactory(parent=community), title="Budget notes", security_level=SecurityLevel.COMMUNITY
    )

    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, community, member.email.upper())
    assert response.status_code == 302
    invitation = Membership.objects.get(community=community, member=member)
    assert (invitation.status, invitation.invited_by) == (Membership.Status.INVITED, facilitator)
    [email] = mail.outbox
    assert email.to == [member.email]
    assert community.title in email.body
    assert "/membership/invitations/" in email.body

    client.force_login(member)
    assert client.get(community.url).status_code == 404
    assert client.get(post.url).status_code == 404
    listing = client.get("/membership/invitations/")
    assert community.title.encode() in listing.content
    assert escape(facilitator.get_full_name()).encode() in listing.content
    assert b"Invitations to communities (1)" in client.get("/accounts/profile/").content

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/membership/invitations/{invitation.pk}/accept/")
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == Membership.Status.ACTIVE
    assert member.groups.filter(pk=community.members_group_id).exists()
    assert not member.groups.filter(pk=community.facilitators_group_id).exists()
    assert client.get(community.url).status_code == 200
    assert b"Budget notes" in client.get(post.url).content
    assert mail.outbox[-1].to == [facilitator.email]
    assert "accepted" in mail.outbox[-1].body
    assert b"Invitations to communities (0)" in client.get("/accounts/profile/").content


@pytest.mark.django_db
@pytest.mark.parametrize("level", [AccessLevel.OPEN, AccessLevel.RESTRICTED])
def test_invitations_to_open_and_restricted_communities(client, communities, member, level):
    community = communities[level]["community"]
    client.force_login(communities[level]["facilitator"])
    invite(client, community, member.email)

    client.force_login(member)
    assert b"Accept or decline the invitation" in client.get(community.url).content
    invitation = Membership.objects.get(community=community, member=member)
    client.post(f"/membership/invitations/{invitation.pk}/accept/")
    assert Membership.objects.get(pk=invitation.pk).status == Membership.Status.ACTIVE
    assert member.groups.filter(pk=community.members_group_id).exists()


@pytest.mark.django_db
def test_declining_leaves_the_community_closed_and_tells_the_facilitator(
    client, communities, member, django_capture_on_commit_callbacks
):
    private = communities[AccessLevel.PRIVATE]
    community = private["community"]
    membership_invite(community=community, member=member, by=private["facilitator"])
    invitation = Membership.objects.get(community=community, member=member)
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/membership/invitations/{invitation.pk}/decline/", follow=True)

    assert b"You declined the invitation" in response.content
    invitation.refresh_from_db()
    assert invitation.status == Membership.Status.DECLINED
    assert not member.groups.filter(pk=community.members_group_id).exists()
    assert client.get(community.url).status_code == 404
    assert mail.outbox[-1].to == [private["facilitator"].email]
    assert "declined" in mail.outbox[-1].body
    # Once answered, the invitation can no longer be accepted.
    assert client.post(f"/membership/invitations/{invitation.pk}/accept/").status_code == 404

    # A facilitator may invite them again.
    client.force_login(private["facilitator"])
    assert invite(client, community, member.email).status_code == 302
    assert Membership.objects.get(pk=invitation.pk).status == Membership.Status.INVITED


@pytest.mark.django_db
def test_facilitator_withdraws_an_invitation(client, communities, member):
    private = communities[AccessLevel.PRIVATE]
    membership_invite(community=private["community"], member=member, by=private["facilitator"])
    invitation = Membership.objects.get(community=private["community"], member=member)
    client.force_login(private["facilitator"])

    members_page = client.get(f"/membership/{private['community'].pk}/members/")
    assert member.email.encode() in members_page.content
    assert client.get(f"/membership/invitations/{invitation.pk}/withdraw/").status_code == 405
    response = client.post(f"/membership/invitations/{invitation.pk}/withdraw/")

    assert response.status_code == 302
    assert not Membership.objects.filter(pk=invitation.pk).exists()
    client.force_login(member)
    assert client.post(f"/membership/invitations/{invitation.pk}/accept/").status_code == 404
    assert not member.groups.filter(pk=private["community"].members_group_id).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", b"Enter the email address of the member to invite"),
        ("not-an-address", b"Enter an email address in the correct format"),
        ("x" * 250 + "@example.gov.uk", b"254 characters or fewer"),
        ("nobody@example.gov.uk", b"No member has that email address"),
        ("insider-private@example.gov.uk", b"is already a member of this community"),
        ("invited@example.gov.uk", b"has already been invited to this community"),
    ],
)
def test_bad_invitations_answer_400_with_an_error_summary_and_write_nothing(client, communities, email, message):
    private = communities[AccessLevel.PRIVATE]
    membership_invite(
        community=private["community"], member=UserFactory(username="invited@example.gov.uk"), by=private["facilitator"]
    )
    before = memberships()
    outbox = len(mail.outbox)
    client.force_login(private["facilitator"])

    response = invite(client, private["community"], email)

    assert response.status_code == 400
    assert b"govuk-error-summary" in response.content
    assert message in response.content
    assert memberships() == before
    assert len(mail.outbox) == outbox


@pytest.mark.django_db
def test_only_facilitators_and_editors_invite(client, communities, member, editor):
    private, restricted = communities[AccessLevel.PRIVATE], communities[AccessLevel.RESTRICTED]
    before = memberships()

    client.force_login(private["insider"])
    assert invite(client, private["community"], member.email).status_code == 403
    client.force_login(restricted["facilitator"])
    assert invite(client, private["community"], member.email).status_code == 404  # cannot even see it
    client.force_login(member)
    assert invite(client, restricted["community"], member.email).status_code == 403
    assert client.get(f"/membership/{private['community'].pk}/invite/").status_code == 405
    client.force_login(private["facilitator"])
    assert client.get(f"/membership/{private['community'].pk}/invite/").status_code == 405
    client.logout()
    assert invite(client, private["community"], member.email).status_code == 302  # to sign in
    assert memberships() == before

    client.force_login(editor)
    assert invite(client, private["community"], member.email).status_code == 302
    assert Membership.objects.get(community=private["community"], member=member).invited_by == editor


@pytest.mark.django_db
def test_no_one_answers_or_withdraws_someone_elses_invitation(client, communities, member):
    private = communities[AccessLevel.PRIVATE]
    membership_invite(community=private["community"], member=member, by=private["facilitator"])
    invitation = Membership.objects.get(community=private["community"], member=member)
    before = memberships()

    client.force_login(private["insider"])
    for action in ["accept", "decline"]:
        assert client.post(f"/membership/invitations/{invitation.pk}/{action}/").status_code == 404
        assert client.post(f"/membership/invitations/999999/{action}/").status_code == 404
    assert client.post(f"/membership/invitations/{invitation.pk}/withdraw/").status_code == 403
    assert b"Invitations to communities (0)" in client.get("/accounts/profile/").content
    assert private["community"].title.encode() not in client.get("/membership/invitations/").content

    client.force_login(member)
    assert client.get(f"/membership/invitations/{invitation.pk}/accept/").status_code == 405
    assert client.post(f"/membership/invitations/{invitation.pk}/withdraw/").status_code == 404
    # An active membership is not an invitation: it cannot be "accepted" again or withdrawn.
    insider_membership = Membership.objects.get(community=private["community"], member=private["insider"])
    client.force_login(private["facilitator"])
    assert client.post(f"/membership/invitations/{insider_membership.pk}/withdraw/").status_code == 404
    assert memberships() == before


@pytest.mark.django_db
def test_invitations_page_has_fixed_queries_and_an_empty_state(
    client, communities, member, django_assert_max_num_queries
):
    client.force_login(member)
    assert b"You have no invitations waiting" in client.get("/membership/invitations/").content

    for level in AccessLevel:
        community, facilitator = communities[level]["community"], communities[level]["facilitator"]
        membership_invite(community=community, member=member, by=facilitator)
    with django_assert_max_num_queries(12):
        response = client.get("/membership/invitations/")
    for level in AccessLevel:
        assert communities[level]["community"].title.encode() in response.content
