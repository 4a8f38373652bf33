"""Facilitators invite an email address to their community; whoever confirms that address accepts or declines."""

import re

import pytest
from allauth.account.models import EmailAddress

from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from practice.accounts.services import member_email_address_vouch
from practice.communities.services import membership_invite, membership_request
from practice.models import Invitation, Membership
from practice.models.choices import AccessLevel, SecurityLevel
from tests.factories import BlogIndexPageFactory, BlogPostPageFactory, UserFactory

PASSWORD = "Bin day is Tuesday 42!"


def invite(client, community, email):
    return client.post(f"/membership/{community.pk}/invite/", {"email": email})


def confirmed(user, email=None):
    """Give the user a confirmed address (their own by default), as after confirming it from its email."""
    member_email_address_vouch(user=user, email=email or user.email)
    return user


def state():
    """Every membership and invitation, to show that a refused request wrote nothing."""
    return (
        sorted(Membership.objects.values_list("community", "member", "status", "role")),
        sorted(Invitation.objects.values_list("community", "email", "invited_by")),
    )


@pytest.mark.django_db
def test_invitee_of_a_private_community_sees_it_only_after_accepting(
    client, communities, member, django_capture_on_commit_callbacks
):
    private = communities[AccessLevel.PRIVATE]
    community, facilitator = private["community"], private["facilitator"]
    post = BlogPostPageFactory(
        parent=BlogIndexPageFactory(parent=community), title="Budget notes", security_level=SecurityLevel.COMMUNITY
    )
    confirmed(member)

    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, community, member.email.upper())
    assert response.status_code == 302
    invitation = Invitation.objects.get(community=community)
    assert (invitation.email, invitation.invited_by) == (member.email, facilitator)
    assert not Membership.objects.filter(community=community, member=member).exists()
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
    membership = Membership.objects.get(community=community, member=member)
    assert (membership.status, membership.role) == (Membership.Status.ACTIVE, Membership.Role.MEMBER)
    assert not Invitation.objects.exists()
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
    confirmed(member)
    client.force_login(communities[level]["facilitator"])
    invite(client, community, member.email)

    client.force_login(member)
    assert b"Accept or decline the invitation" in client.get(community.url).content
    invitation = Invitation.objects.get(community=community)
    client.post(f"/membership/invitations/{invitation.pk}/accept/")
    assert Membership.objects.get(community=community, member=member).status == Membership.Status.ACTIVE
    assert member.groups.filter(pk=community.members_group_id).exists()


@pytest.mark.django_db
def test_an_invitation_waits_for_an_account_created_later_with_its_address(
    client, communities, django_capture_on_commit_callbacks
):
    private = communities[AccessLevel.PRIVATE]
    client.force_login(private["facilitator"])
    with django_capture_on_commit_callbacks(execute=True):
        assert invite(client, private["community"], "New.Colleague@Example.gov.uk").status_code == 302
    [invitation_email] = mail.outbox
    assert invitation_email.to == ["new.colleague@example.gov.uk"]
    assert "/accounts/create-account/" in invitation_email.body

    newcomer = Client()
    with django_capture_on_commit_callbacks(execute=True):
        newcomer.post(
            "/accounts/create-account/",
            {"display_name": "New Colleague", "email": "new.colleague@example.gov.uk", "password1": PASSWORD},
        )
    user = EmailAddress.objects.get(email="new.colleague@example.gov.uk").user
    newcomer.force_login(user)
    # Not confirmed yet: the invitation is not theirs.
    assert private["community"].title.encode() not in newcomer.get("/membership/invitations/").content

    link = re.search(r"http://127\.0\.0\.1:8000(/accounts/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    newcomer.post(link)
    invitation = Invitation.objects.get(community=private["community"])
    assert private["community"].title.encode() in newcomer.get("/membership/invitations/").content
    assert newcomer.post(f"/membership/invitations/{invitation.pk}/accept/").status_code == 302
    assert Membership.objects.active().filter(community=private["community"], member=user).exists()


@pytest.mark.django_db
def test_declining_leaves_the_community_closed_and_tells_the_facilitator(
    client, communities, member, django_capture_on_commit_callbacks
):
    private = communities[AccessLevel.PRIVATE]
    community = private["community"]
    confirmed(member)
    invitation = membership_invite(community=community, email=member.email, by=private["facilitator"])
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/membership/invitations/{invitation.pk}/decline/", follow=True)

    assert b"You declined the invitation" in response.content
    assert not Invitation.objects.exists()
    assert not Membership.objects.filter(community=community, member=member).exists()
    assert not member.groups.filter(pk=community.members_group_id).exists()
    assert client.get(community.url).status_code == 404
    assert mail.outbox[-1].to == [private["facilitator"].email]
    assert "declined" in mail.outbox[-1].body
    # Once answered, the invitation can no longer be accepted.
    assert client.post(f"/membership/invitations/{invitation.pk}/accept/").status_code == 404

    # A facilitator may invite them again.
    client.force_login(private["facilitator"])
    assert invite(client, community, member.email).status_code == 302
    assert Invitation.objects.filter(community=community, email=member.email).exists()


@pytest.mark.django_db
def test_facilitator_withdraws_an_invitation(client, communities, member):
    private = communities[AccessLevel.PRIVATE]
    confirmed(member)
    invitation = membership_invite(community=private["community"], email=member.email, by=private["facilitator"])
    client.force_login(private["facilitator"])

    members_page = client.get(f"/membership/{private['community'].pk}/members/")
    assert member.email.encode() in members_page.content
    assert client.get(f"/membership/invitations/{invitation.pk}/withdraw/").status_code == 405
    response = client.post(f"/membership/invitations/{invitation.pk}/withdraw/")

    assert response.status_code == 302
    assert not Invitation.objects.exists()
    client.force_login(member)
    assert client.post(f"/membership/invitations/{invitation.pk}/accept/").status_code == 404
    assert not member.groups.filter(pk=private["community"].members_group_id).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", b"Enter the email address of the person to invite"),
        ("not-an-address", b"Enter an email address in the correct format"),
        ("x" * 250 + "@example.gov.uk", b"254 characters or fewer"),
        ("insider-private@example.gov.uk", b"is already a member of this community"),
        ("Invited@Example.gov.uk", b"invited@example.gov.uk has already been invited to this community"),
        ("asking@example.gov.uk", b"has already asked to join"),
    ],
)
def test_bad_invitations_answer_400_with_an_error_summary_and_write_nothing(client, communities, email, message):
    private = communities[AccessLevel.PRIVATE]
    confirmed(private["insider"])
    membership_invite(community=private["community"], email="invited@example.gov.uk", by=private["facilitator"])
    membership_request(community=private["community"], member=UserFactory(username="asking@example.gov.uk"))
    before = state()
    outbox = len(mail.outbox)
    client.force_login(private["facilitator"])

    response = invite(client, private["community"], email)

    assert response.status_code == 400
    assert b"govuk-error-summary" in response.content
    assert message in response.content
    assert state() == before
    assert len(mail.outbox) == outbox


def normalised(response, address):
    """Return the page with the address, tokens and row ids that differ from request to request blanked."""
    html = response.content.decode().replace(address, "ADDRESS")
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF", html)
    return re.sub(r"/membership/invitations/\d+/", "/membership/invitations/ID/", html)


@pytest.mark.django_db
def test_inviting_answers_alike_whether_or_not_the_address_has_an_account(
    communities, member, django_capture_on_commit_callbacks
):
    private = communities[AccessLevel.PRIVATE]
    community, facilitator = private["community"], private["facilitator"]
    confirmed(member)  # in no community
    unconfirmed = UserFactory(username="not.confirmed@example.gov.uk")
    EmailAddress.objects.create(user=unconfirmed, email=unconfirmed.email, verified=False, primary=True)
    # Someone outside the community waiting for an answer to their request, or already invited, under
    # their main address: their other confirmed address must read as anyone's.
    requester = confirmed(confirmed(UserFactory(username="asking@example.gov.uk")), "asking@home.example")
    membership_request(community=community, member=requester)
    invitee = confirmed(confirmed(UserFactory(username="invitee@example.gov.uk")), "invitee@home.example")
    membership_invite(community=community, email=invitee.email, by=facilitator)
    addresses = [
        member.email,
        unconfirmed.email,
        "nobody@example.gov.uk",
        "asking@home.example",
        "invitee@home.example",
    ]

    answers = []
    for address in addresses:
        client = Client()
        client.force_login(facilitator)
        mail.outbox.clear()
        with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
            response = invite(client, community, address)
        page = client.get(response["Location"])
        [sent] = mail.outbox
        again = invite(client, community, address)
        answers.append(
            {
                "status": response.status_code,
                "location": response["Location"],
                "queries": len(queries),
                "page": normalised(page, address),
                "mail": (sent.to == [address], sent.subject, sent.body),
                "again": (again.status_code, normalised(again, address)),
            }
        )
        Invitation.objects.get(community=community, email=address).delete()

    assert answers[0]["status"] == 302
    assert b"Invitation sent to" in page.content
    assert all(answer == answers[0] for answer in answers[1:])


@pytest.mark.django_db
def test_only_facilitators_and_editors_invite(client, communities, member, editor):
    private, restricted = communities[AccessLevel.PRIVATE], communities[AccessLevel.RESTRICTED]
    before = state()

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
    assert state() == before

    client.force_login(editor)
    assert invite(client, private["community"], member.email).status_code == 302
    assert Invitation.objects.get(community=private["community"], email=member.email).invited_by == editor


@pytest.mark.django_db
def test_no_one_answers_or_withdraws_someone_elses_invitation(client, communities, member):
    private = communities[AccessLevel.PRIVATE]
    confirmed(member)
    invitation = membership_invite(community=private["community"], email=member.email, by=private["facilitator"])
    before = state()

    client.force_login(confirmed(private["insider"]))
    for action in ["accept", "decline"]:
        assert client.post(f"/membership/invitations/{invitation.pk}/{action}/").status_code == 404
        assert client.post(f"/membership/invitations/999999/{action}/").status_code == 404
    assert client.post(f"/membership/invitations/{invitation.pk}/withdraw/").status_code == 403
    assert b"Invitations to communities (0)" in client.get("/accounts/profile/").content
    assert private["community"].title.encode() not in client.get("/membership/invitations/").content

    client.force_login(member)
    assert client.get(f"/membership/invitations/{invitation.pk}/accept/").status_code == 405
    assert client.post(f"/membership/invitations/{invitation.pk}/withdraw/").status_code == 404
    assert state() == before


@pytest.mark.django_db
def test_an_address_taken_without_confirming_it_never_receives_the_invitation(client, communities, member):
    """The hijack: a member puts someone else's address on their account, then that address is invited."""
    private = communities[AccessLevel.PRIVATE]
    victim_address = "victim@northmoor.gov.uk"  # someone with no account yet
    attacker = confirmed(member)
    client.force_login(attacker)
    # Every way an address reaches an account without its owner confirming it: Wagtail's account
    # page (its email field is off), allauth's "add an address" (waits for confirmation), and
    # the account's own email field however it was set.
    client.post(
        "/admin/account/",
        {
            "name_email-first_name": "Sam",
            "name_email-last_name": "Reader",
            "name_email-email": victim_address,
            "locale-preferred_language": "",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-contrast": "system",
            "theme-density": "default",
        },
    )
    client.post("/accounts/email/", {"action_add": "", "email": victim_address})
    attacker.email = victim_address
    attacker.save(update_fields=["email"])

    facilitator = Client()
    facilitator.force_login(private["facilitator"])
    assert invite(facilitator, private["community"], victim_address).status_code == 302
    invitation = Invitation.objects.get(community=private["community"])

    assert b"Invitations to communities (0)" in client.get("/accounts/profile/").content
    assert client.post(f"/membership/invitations/{invitation.pk}/accept/").status_code == 404
    assert not Membership.objects.filter(community=private["community"], member=attacker).exists()
    assert client.get(private["community"].url).status_code == 404

    # The address's owner, once their account has it confirmed, is the one invited.
    victim = confirmed(UserFactory(username=victim_address))
    client.force_login(victim)
    assert client.post(f"/membership/invitations/{invitation.pk}/accept/").status_code == 302
    assert Membership.objects.active().filter(community=private["community"], member=victim).exists()


@pytest.mark.django_db
def test_a_member_with_two_invited_addresses_sees_one_invitation_and_joins_once(client, communities, member):
    private = communities[AccessLevel.PRIVATE]
    confirmed(confirmed(member), "sam@home.example")
    for address in (member.email, "sam@home.example"):
        membership_invite(community=private["community"], email=address, by=private["facilitator"])
    client.force_login(member)

    assert b"Invitations to communities (1)" in client.get("/accounts/profile/").content
    listing = client.get("/membership/invitations/").content.decode()
    assert listing.count("/accept/") == 1
    invitation = Invitation.objects.order_by("pk").first()
    assert client.post(f"/membership/invitations/{invitation.pk}/accept/").status_code == 302
    assert not Invitation.objects.exists()
    assert Membership.objects.active().filter(community=private["community"], member=member).exists()


@pytest.mark.django_db
def test_invitations_page_has_fixed_queries_and_an_empty_state(
    client, communities, member, django_assert_max_num_queries
):
    confirmed(member)
    client.force_login(member)
    assert b"You have no invitations waiting" in client.get("/membership/invitations/").content

    for level in AccessLevel:
        community, facilitator = communities[level]["community"], communities[level]["facilitator"]
        membership_invite(community=community, email=member.email, by=facilitator)
    with django_assert_max_num_queries(12):
        response = client.get("/membership/invitations/")
    for level in AccessLevel:
        assert communities[level]["community"].title.encode() in response.content
