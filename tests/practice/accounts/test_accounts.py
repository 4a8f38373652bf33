"""Members' accounts: signing up and in with django-allauth, their profile, their data, deleting it."""

import json
import re

import pytest
from allauth.account.models import EmailAddress
from django_comments_xtd.models import XtdComment

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client

from practice.accounts.services import member_email_address_vouch
from practice.communities.services import membership_invite, membership_join
from practice.models import (
    DiscussionThreadPage,
    EventBooking,
    MemberProfile,
    Membership,
    Notification,
    Organisation,
    Reply,
)
from practice.models.choices import AccessLevel
from tests.factories import (
    AudienceRoleFactory,
    BlogPostPageFactory,
    CommentFactory,
    CommunityPageFactory,
    DiscussionThreadPageFactory,
    EventBookingFactory,
    EventPageFactory,
    FollowFactory,
    MemberProfileFactory,
    NotificationFactory,
    OrganisationFactory,
    RegionFactory,
    ReplyFactory,
    TopicFactory,
    UserFactory,
)

PASSWORD = "Bin day is Tuesday 42!"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate limits count in the cache: start every test with none used."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def northmoor(db):
    return OrganisationFactory(name="Northmoor District Council", email_domains="northmoor.gov.uk\nnorthmoor-dc.gov.uk")


def signed_up_member(email="ali.khan@example.gov.uk", password=PASSWORD, **profile):
    """A member with a confirmed email address and a profile, as after signing up."""
    user = UserFactory(username=email, email=email, password=password)
    member_email_address_vouch(user=user, email=email)
    MemberProfileFactory(user=user, **profile)
    return user


def sign_up(client, email, name="Priya Shah", password=PASSWORD):
    return client.post("/accounts/create-account/", {"display_name": name, "email": email, "password1": password})


def confirmation_path(message):
    return re.search(r"http://127\.0\.0\.1:8000(/accounts/confirm-email/\S+/)", message.body).group(1)


# Signing up -------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_sign_up_confirm_and_be_verified_at_a_known_council(client, northmoor):
    response = sign_up(client, "Priya.Shah@Northmoor.gov.uk", name="  Priya   Shah ")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = get_user_model().objects.get(email__iexact="priya.shah@northmoor.gov.uk")
    assert user.username == "priya.shah@northmoor.gov.uk"
    profile = user.profile
    assert (profile.display_name, profile.slug, profile.is_verified) == ("Priya Shah", "priya-shah", False)
    assert "_auth_user_id" not in client.session  # not until the address is confirmed

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["priya.shah@northmoor.gov.uk"]
    assert mail.outbox[0].subject == "Confirm your email address to finish joining Practice Hub"
    path = confirmation_path(mail.outbox[0])
    page = client.get(path)
    assert page.status_code == 200
    assert b"Confirm your email address" in page.content
    profile.refresh_from_db()
    assert not profile.is_verified  # a GET confirms nothing

    confirmed = client.post(path)

    assert confirmed.status_code == 302
    assert confirmed["Location"] == "/accounts/profile/"
    profile.refresh_from_db()
    assert profile.is_verified
    assert profile.organisation == northmoor
    assert EmailAddress.objects.get(user=user).verified
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "email",
    ["sam@gmail.example", "sam@northmoor.gov.uk.evil.example", "sam@helping-hands.org.uk"],
    ids=["unknown domain", "lookalike domain", "voluntary sector"],
)
def test_an_address_at_no_public_sector_domain_is_confirmed_but_not_verified(client, northmoor, email):
    OrganisationFactory(name="Helping Hands", kind=Organisation.Kind.VOLUNTARY, email_domains="helping-hands.org.uk")
    sign_up(client, email)
    client.post(confirmation_path(mail.outbox[0]))

    profile = MemberProfile.objects.get(user__email=email)
    assert EmailAddress.objects.get(email=email).verified
    assert profile.is_verified is False
    assert profile.organisation is None


@pytest.mark.django_db
def test_members_with_the_same_name_get_different_profile_addresses(client):
    sign_up(client, "priya@example.gov.uk")
    sign_up(Client(), "priya.shah@example.gov.uk")

    assert sorted(MemberProfile.objects.values_list("slug", flat=True)) == ["priya-shah", "priya-shah-2"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"display_name": "", "email": "a@example.gov.uk", "password1": PASSWORD}, b"Enter your name"),
        ({"display_name": "x" * 121, "email": "a@example.gov.uk", "password1": PASSWORD}, b"at most 120 characters"),
        ({"display_name": "Ann", "email": "not an email", "password1": PASSWORD}, b"Enter a valid email address"),
        ({"display_name": "Ann", "email": "a@example.gov.uk", "password1": "password"}, b"too common"),
    ],
    ids=["no name", "long name", "bad email", "weak password"],
)
def test_bad_sign_up_is_explained_and_creates_nobody(client, data, message):
    response = client.post("/accounts/create-account/", data)

    assert response.status_code == 400
    assert message in response.content
    assert b"There is a problem" in response.content
    assert not get_user_model().objects.exists()
    assert not MemberProfile.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_signing_up_again_with_a_taken_address_tells_only_its_owner(client):
    owner = signed_up_member("ali.khan@example.gov.uk")

    response = sign_up(client, "ali.khan@example.gov.uk", name="Somebody Else")

    assert response.status_code == 302  # the same answer as for a new address
    assert list(get_user_model().objects.all()) == [owner]
    assert [message.subject for message in mail.outbox] == ["You already have a Practice Hub account"]


# Signing in and out -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_member_signs_in_with_email_and_returns_where_they_were(client):
    user = signed_up_member("ali.khan@kestrelvale.gov.uk")
    response = client.post(
        "/accounts/sign-in/", {"login": "Ali.Khan@kestrelvale.gov.uk", "password": PASSWORD, "next": "/search/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/search/"
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_sign_in_refuses_to_send_people_to_other_sites(client):
    signed_up_member("ali.khan@kestrelvale.gov.uk")
    response = client.post(
        "/accounts/sign-in/",
        {"login": "ali.khan@kestrelvale.gov.uk", "password": PASSWORD, "next": "https://evil.example"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"login": "ali.khan@kestrelvale.gov.uk", "password": "wrong"}, b"email address and/or password"),
        ({"login": "not an email", "password": "x"}, b"Enter a valid email address"),
        ({"login": "", "password": ""}, b"This field is required"),
    ],
)
def test_bad_sign_in_is_explained_and_signs_nobody_in(client, data, message):
    signed_up_member("ali.khan@kestrelvale.gov.uk")
    response = client.post("/accounts/sign-in/", data)
    assert response.status_code == 400
    assert message in response.content
    assert b"There is a problem" in response.content
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_an_unconfirmed_address_cannot_sign_in_until_confirmed(client):
    sign_up(client, "new.member@example.gov.uk")
    mail.outbox.clear()

    response = Client().post("/accounts/sign-in/", {"login": "new.member@example.gov.uk", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_sign_out_is_a_post(client):
    user = signed_up_member()
    client.force_login(user)

    assert client.get("/accounts/sign-out/").status_code == 200  # asks first
    assert "_auth_user_id" in client.session
    response = client.post("/accounts/sign-out/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_header_offers_the_account_links_and_never_a_username(client):
    page = client.get("/accounts/sign-in/")
    assert b">Sign in</a>" in page.content
    assert b'href="/accounts/create-account/">Create an account</a>' in page.content

    user = signed_up_member("ali.khan@kestrelvale.gov.uk", display_name="Ali Khan")
    client.force_login(user)
    page = client.get("/accounts/profile/")
    assert b'href="/accounts/profile/">Your profile</a>' in page.content
    assert b">Sign out</button>" in page.content
    assert b"ali.khan@kestrelvale.gov.uk" not in page.content


# Rate limits ------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_too_many_sign_ups_from_one_address_answer_429(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "3/m/ip"}
    for number in range(3):
        assert sign_up(client, f"member{number}@example.gov.uk").status_code == 302

    response = sign_up(client, "one.more@example.gov.uk")

    assert response.status_code == 429
    assert b"Too many attempts" in response.content
    assert not get_user_model().objects.filter(email="one.more@example.gov.uk").exists()


@pytest.mark.django_db
def test_too_many_sign_ins_from_one_address_answer_429(client, settings):
    signed_up_member("ali.khan@kestrelvale.gov.uk")
    limit = int(settings.ACCOUNT_RATE_LIMITS["login"].split("/")[0])
    for number in range(limit):
        client.post("/accounts/sign-in/", {"login": f"guess{number}@example.gov.uk", "password": "wrong"})

    response = client.post("/accounts/sign-in/", {"login": "ali.khan@kestrelvale.gov.uk", "password": PASSWORD})

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_repeated_wrong_passwords_for_one_address_lock_it_for_a_while(client):
    signed_up_member("ali.khan@kestrelvale.gov.uk")
    for _ in range(5):
        assert (
            client.post("/accounts/sign-in/", {"login": "ali.khan@kestrelvale.gov.uk", "password": "wrong"}).status_code
            == 400
        )

    response = client.post("/accounts/sign-in/", {"login": "ali.khan@kestrelvale.gov.uk", "password": PASSWORD})

    assert response.status_code == 429
    assert b"govuk-error-summary" in response.content
    assert b"Too many failed login attempts" in response.content
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_password_reset_mails_one_address_a_few_times_then_answers_429(client):
    signed_up_member("ali.khan@kestrelvale.gov.uk")
    for _ in range(3):
        response = client.post("/accounts/password/reset/", {"email": "ali.khan@kestrelvale.gov.uk"})
        assert response.status_code == 302

    response = client.post("/accounts/password/reset/", {"email": "Ali.Khan@kestrelvale.gov.uk"})

    assert response.status_code == 429
    assert b"Too many attempts" in response.content
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_password_reset_limits_each_client_across_addresses(client, settings):
    limit = int(settings.ACCOUNT_RATE_LIMITS["reset_password"].split("/")[0])
    for number in range(limit):
        signed_up_member(f"member{number}@kestrelvale.gov.uk")
        assert (
            client.post("/accounts/password/reset/", {"email": f"member{number}@kestrelvale.gov.uk"}).status_code == 302
        )
    signed_up_member("one.more@kestrelvale.gov.uk")

    response = client.post("/accounts/password/reset/", {"email": "one.more@kestrelvale.gov.uk"})

    assert response.status_code == 429
    assert len(mail.outbox) == limit
    # Another client is not held back by this one.
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert other.post("/accounts/password/reset/", {"email": "one.more@kestrelvale.gov.uk"}).status_code == 302


# Password reset and invitations -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_password_reset_sets_a_new_password_to_sign_in_with(client):
    signed_up_member("ali.khan@kestrelvale.gov.uk")
    response = client.post("/accounts/password/reset/", {"email": "ali.khan@kestrelvale.gov.uk"}, follow=True)
    assert b"Check your email" in response.content
    assert mail.outbox[0].subject == "Reset your Practice Hub password"
    path = re.search(r"http://127\.0\.0\.1:8000(/accounts/password/reset/key/\S+/)", mail.outbox[0].body).group(1)

    form = client.get(path, follow=True)
    assert b"Choose your password" in form.content
    new_password = "Gritting lorries at dawn 7"
    saved = client.post(form.redirect_chain[-1][0], {"password1": new_password, "password2": new_password}, follow=True)
    assert b"Password saved" in saved.content
    assert (
        Client().post("/accounts/sign-in/", {"login": "ali.khan@kestrelvale.gov.uk", "password": new_password})[
            "Location"
        ]
        == "/"
    )


# Profile ----------------------------------------------------------------------------------------------------


@pytest.fixture
def vocabulary(db):
    return {
        "organisation": OrganisationFactory(name="Kestrel Vale Council"),
        "role": AudienceRoleFactory(name="Comms officer"),
        "region": RegionFactory(name="Wales"),
        "topics": [TopicFactory(name="Social media"), TopicFactory(name="Digital inclusion")],
    }


def profile_data(vocabulary, **changes):
    data = {
        "display_name": "Ali Khan",
        "organisation": vocabulary["organisation"].pk,
        "role": vocabulary["role"].pk,
        "region": vocabulary["region"].pk,
        "interests": [topic.pk for topic in vocabulary["topics"]],
        "bio": "I run the council's social media.",
        "show_organisation": "on",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


@pytest.mark.django_db
def test_member_edits_their_profile_and_chooses_what_is_public(client, vocabulary):
    user = signed_up_member(display_name="A Khan", slug="a-khan")
    client.force_login(user)
    form = client.get("/accounts/profile/")
    assert form.status_code == 200
    assert b'<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Interests</legend>' in form.content

    response = client.post("/accounts/profile/", profile_data(vocabulary))  # is_public left unticked

    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=user)
    assert profile.display_name == "Ali Khan"
    assert (profile.organisation, profile.role, profile.region) == (
        vocabulary["organisation"],
        vocabulary["role"],
        vocabulary["region"],
    )
    assert set(profile.interests.all()) == set(vocabulary["topics"])
    assert (profile.is_public, profile.show_organisation) == (False, True)
    assert Client().get("/members/a-khan/").status_code == 404

    client.post("/accounts/profile/", profile_data(vocabulary, is_public="on", show_organisation=None))
    public = Client().get("/members/a-khan/")
    assert public.status_code == 200
    assert b"Ali Khan" in public.content and b"Comms officer" in public.content
    assert b"Kestrel Vale Council" not in public.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"bio": "x" * 1001}, b"at most 1000 characters"),
        ({"display_name": " "}, b"Enter your name"),
        ({"organisation": 999999}, b"Select a valid choice"),
        ({"role": "not-a-number"}, b"Select a valid choice"),
        ({"interests": [999999]}, b"Select a valid choice"),
    ],
    ids=["long bio", "no name", "unknown organisation", "bad role", "unknown topic"],
)
def test_bad_profile_changes_are_explained_and_write_nothing(client, vocabulary, changes, message):
    user = signed_up_member(display_name="A Khan")
    client.force_login(user)

    response = client.post("/accounts/profile/", profile_data(vocabulary, **changes))

    assert response.status_code == 400
    assert message in response.content
    assert b"There is a problem" in response.content
    profile = MemberProfile.objects.get(user=user)
    assert (profile.display_name, profile.organisation, profile.bio) == ("A Khan", None, "")
    assert not profile.interests.exists()


@pytest.mark.django_db
def test_account_pages_need_signing_in(client):
    for path in ["/accounts/profile/", "/accounts/your-data/", "/accounts/your-data/download/", "/accounts/delete/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/accounts/sign-in/?next="), path


@pytest.mark.django_db
def test_an_account_without_a_profile_gets_one_on_its_profile_page(client):
    user = UserFactory(first_name="Ada", last_name="Admin")
    client.force_login(user)

    assert client.get("/accounts/profile/").status_code == 200
    assert MemberProfile.objects.get(user=user).display_name == "Ada Admin"


# Your data --------------------------------------------------------------------------------------------------


def comment_on(page, user, text, parent=None):
    """A django-comments-xtd comment on a page, as its comment form would save it."""
    return CommentFactory(page=page, user=user, comment=text, ip_address="192.0.2.7", parent=parent)


@pytest.fixture
def conversation(db):
    """Ali and Bea write in the same open community: a thread, replies to each other, comments."""
    community = CommunityPageFactory(title="Localgov gets social")
    ali = signed_up_member("ali.khan@kestrelvale.gov.uk", display_name="Ali Khan", bio="Ali's own words")
    bea = signed_up_member("bea.jones@otherplace.gov.uk", display_name="Bea Jones", bio="Bea's private bio")
    membership_join(community=community, member=ali)
    membership_join(community=community, member=bea)
    thread = DiscussionThreadPageFactory(
        title="Live-posting during a storm?",
        body="Which teams have tried it?",
        starter=ali,
        parent__parent=community,
    )
    ali_reply = ReplyFactory(thread=thread, author=ali, body="Ali's answer")
    bea_reply = ReplyFactory(thread=thread, author=bea, body="Bea's answer to Ali", parent=ali_reply)
    post = BlogPostPageFactory(title="What the storm taught us", parent__parent=community, authors=[ali])
    ali_comment = comment_on(post, ali, "Ali's comment")
    bea_comment = comment_on(post, bea, "Bea's comment on Ali's", parent=ali_comment)
    ali_leaf = comment_on(post, ali, "Ali's second comment")
    return {
        "ali": ali,
        "bea": bea,
        "community": community,
        "thread": thread,
        "ali_reply": ali_reply,
        "bea_reply": bea_reply,
        "post": post,
        "ali_comment": ali_comment,
        "bea_comment": bea_comment,
        "ali_leaf": ali_leaf,
    }


@pytest.mark.django_db
def test_your_data_download_holds_everything_of_yours_and_nothing_of_others(client, conversation):
    private = CommunityPageFactory(title="Heads of comms", access_level=AccessLevel.PRIVATE)
    membership_invite(community=private, email="ali.khan@kestrelvale.gov.uk", by=None)
    membership_invite(community=private, email="bea.jones@otherplace.gov.uk", by=None)
    client.force_login(conversation["ali"])

    response = client.get("/accounts/your-data/download/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="practice-hub-your-data-')
    data = json.loads(response.content)
    assert data["account"]["email"] == "ali.khan@kestrelvale.gov.uk"
    assert data["email_addresses"] == [{"email": "ali.khan@kestrelvale.gov.uk", "verified": True, "primary": True}]
    assert data["profile"]["display_name"] == "Ali Khan"
    assert data["profile"]["bio"] == "Ali's own words"
    assert [(m["community"], m["status"]) for m in data["memberships"]] == [("Localgov gets social", "Active")]
    assert [(i["community"], i["to"]) for i in data["invitations"]] == [
        ("Heads of comms", "ali.khan@kestrelvale.gov.uk")
    ]
    assert [(t["title"], t["body"]) for t in data["threads_started"]] == [
        ("Live-posting during a storm?", "Which teams have tried it?")
    ]
    assert [r["body"] for r in data["replies"]] == ["Ali's answer"]
    assert data["replies"][0]["thread"]["title"] == "Live-posting during a storm?"
    assert [c["comment"] for c in data["comments"]] == ["Ali's comment", "Ali's second comment"]
    assert data["comments"][0]["on"]["title"] == "What the storm taught us"
    assert [p["title"] for p in data["blog_posts"]] == ["What the storm taught us"]

    text = response.content.decode()
    for others in ["Bea", "bea.jones", "otherplace", "192.0.2.7"]:
        assert others not in text


@pytest.mark.django_db
def test_your_data_download_holds_follows_bookings_and_notifications(client, conversation):
    ali, bea, thread = conversation["ali"], conversation["bea"], conversation["thread"]
    event = EventPageFactory(title="Comms camp north")
    FollowFactory(follower=ali, page=thread)
    FollowFactory(follower=ali, topic=TopicFactory(name="Digital inclusion"))
    FollowFactory(follower=ali, member=bea)
    EventBookingFactory(event=event, member=ali, status=EventBooking.Status.GOING)
    NotificationFactory(recipient=ali, actor=bea, verb=Notification.Verb.REPLIED, page=thread)
    NotificationFactory(recipient=bea, actor=ali, verb=Notification.Verb.REPLIED, page=thread)
    client.force_login(ali)

    data = client.get("/accounts/your-data/download/").json()

    assert data["following"] == [
        {"page": {"id": thread.pk, "title": thread.title, "url": thread.url}},
        {"topic": "Digital inclusion"},
        {"member": "Bea Jones"},
    ]
    assert [(b["event"]["title"], b["status"]) for b in data["event_bookings"]] == [("Comms camp north", "Going")]
    assert [(n["page"]["title"], n["read"]) for n in data["notifications"]] == [(thread.title, False)]


@pytest.mark.django_db
def test_your_data_names_pages_the_member_can_no_longer_read_only_by_number(client, conversation):
    private = CommunityPageFactory(title="Chief executives' circle", access_level="private")
    secret_thread = DiscussionThreadPageFactory(title="Restructure plans", parent__parent=private)
    ReplyFactory(thread=secret_thread, author=conversation["ali"], body="Ali's reply before leaving")
    client.force_login(conversation["ali"])

    data = client.get("/accounts/your-data/download/").json()

    secret = next(reply for reply in data["replies"] if reply["body"] == "Ali's reply before leaving")
    assert secret["thread"] == {"id": secret_thread.pk}
    assert b"Restructure plans" not in client.get("/accounts/your-data/download/").content


@pytest.mark.django_db
def test_your_data_download_makes_a_fixed_number_of_queries(client, conversation, django_assert_max_num_queries):
    for number in range(5):
        ReplyFactory(thread=conversation["thread"], author=conversation["ali"], body=f"More {number}")
        comment_on(conversation["post"], conversation["ali"], f"More {number}")
    client.force_login(conversation["ali"])

    with django_assert_max_num_queries(25):
        assert client.get("/accounts/your-data/download/").status_code == 200


# Deleting an account ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_deleting_an_account_keeps_comments_and_replies_as_a_former_member(client, conversation):
    ali = conversation["ali"]
    client.force_login(ali)
    assert b"Delete your account" in client.get("/accounts/delete/").content

    response = client.post("/accounts/delete/", {"password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session
    assert not get_user_model().objects.filter(pk=ali.pk).exists()
    assert not MemberProfile.objects.filter(display_name="Ali Khan").exists()
    assert not EmailAddress.objects.filter(email="ali.khan@kestrelvale.gov.uk").exists()
    assert not Membership.objects.filter(member_id=ali.pk).exists()

    reply = Reply.objects.get(pk=conversation["ali_reply"].pk)
    assert (reply.author, reply.body) == (None, "Ali's answer")
    for comment in XtdComment.objects.filter(pk__in=[conversation["ali_comment"].pk, conversation["ali_leaf"].pk]):
        assert (comment.user, comment.user_name, comment.user_email, comment.ip_address) == (
            None,
            "Former member",
            "",
            None,
        )
        assert comment.name == "Former member"
    assert DiscussionThreadPage.objects.get(pk=conversation["thread"].pk).starter is None
    # Nobody else's account or words changed.
    assert Reply.objects.get(pk=conversation["bea_reply"].pk).author == conversation["bea"]
    assert XtdComment.objects.get(pk=conversation["bea_comment"].pk).user == conversation["bea"]


@pytest.mark.django_db
def test_deleting_an_account_with_its_comments_and_replies_spares_others_answers(client, conversation):
    client.force_login(conversation["ali"])

    response = client.post("/accounts/delete/", {"password": PASSWORD, "delete_contributions": "on"})

    assert response.status_code == 302
    assert not Reply.objects.filter(pk=conversation["ali_reply"].pk).exists()
    bea_reply = Reply.objects.get(pk=conversation["bea_reply"].pk)
    assert bea_reply.parent is None  # moved up to answer the thread itself
    assert DiscussionThreadPage.objects.get(pk=conversation["thread"].pk).reply_count == 1

    assert not XtdComment.objects.filter(pk=conversation["ali_leaf"].pk).exists()
    placeholder = XtdComment.objects.get(pk=conversation["ali_comment"].pk)  # Bea answered it
    assert (placeholder.comment, placeholder.is_removed, placeholder.user) == ("", True, None)
    assert placeholder.nested_count == 1
    assert XtdComment.objects.get(pk=conversation["bea_comment"].pk).comment == "Bea's comment on Ali's"
    assert "Ali" not in " ".join(XtdComment.objects.values_list("comment", flat=True).exclude(user__isnull=False))


@pytest.mark.django_db
def test_deleting_a_thread_answer_opens_the_thread_again(client, conversation):
    thread = conversation["thread"]
    thread.accepted_reply = conversation["ali_reply"]
    thread.status = DiscussionThreadPage.Status.ANSWERED
    thread.save()
    client.force_login(conversation["ali"])

    client.post("/accounts/delete/", {"password": PASSWORD, "delete_contributions": "on"})

    thread.refresh_from_db()
    assert (thread.status, thread.accepted_reply) == (DiscussionThreadPage.Status.OPEN, None)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [({"password": "not it"}, b"The password is not right"), ({}, b"Enter your password")],
)
def test_deleting_needs_the_password_and_otherwise_deletes_nothing(client, conversation, data, message):
    client.force_login(conversation["ali"])

    response = client.post("/accounts/delete/", {**data, "delete_contributions": "on"})

    assert response.status_code == 400
    assert message in response.content
    assert get_user_model().objects.filter(pk=conversation["ali"].pk).exists()
    assert Reply.objects.filter(author=conversation["ali"]).count() == 1
    assert XtdComment.objects.filter(user=conversation["ali"]).count() == 2
    assert client.session["_auth_user_id"] == str(conversation["ali"].pk)


@pytest.mark.django_db
def test_guessing_the_password_on_the_delete_page_is_limited(client, conversation):
    client.force_login(conversation["ali"])
    for _ in range(10):
        client.post("/accounts/delete/", {"password": "guess"})

    response = client.post("/accounts/delete/", {"password": PASSWORD})

    assert response.status_code == 429
    assert get_user_model().objects.filter(pk=conversation["ali"].pk).exists()


# Forged requests --------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_posts_without_a_csrf_token_are_refused_and_change_nothing(vocabulary):
    user = signed_up_member(display_name="A Khan")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)

    for path, data in [
        ("/accounts/profile/", profile_data(vocabulary)),
        ("/accounts/delete/", {"password": PASSWORD}),
        ("/accounts/sign-out/", {}),
    ]:
        response = client.post(path, data)
        assert response.status_code == 403, path
        assert b"Your form could not be sent" in response.content

    anonymous = Client(enforce_csrf_checks=True)
    response = anonymous.post(
        "/accounts/create-account/", {"display_name": "X", "email": "x@example.gov.uk", "password1": PASSWORD}
    )
    assert response.status_code == 403
    assert MemberProfile.objects.get(user=user).display_name == "A Khan"
    assert get_user_model().objects.count() == 1
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_a_deleted_members_replies_read_as_a_former_members(client, conversation):
    thread = conversation["thread"]
    thread.save_revision().publish()
    account_client = Client()
    account_client.force_login(conversation["ali"])
    account_client.post("/accounts/delete/", {"password": PASSWORD})

    page = client.get(thread.url)

    assert page.status_code == 200
    text = page.content.decode()
    assert "Started by a former member" in text
    assert "A former member" in text
    assert "Ali's answer" in text
    assert "Ali Khan" not in text


@pytest.mark.django_db
def test_members_are_verified_when_an_editor_adds_their_domain_later(client):
    sign_up(client, "tom@wexley.gov.uk")
    client.post(confirmation_path(mail.outbox[0]))
    sign_up(Client(), "not.confirmed@wexley.gov.uk", name="Not Confirmed")
    council = OrganisationFactory(name="Wexley Borough Council")
    assert not MemberProfile.objects.filter(is_verified=True).exists()

    council.email_domains = "wexley.gov.uk"
    council.save()

    profile = MemberProfile.objects.get(user__email="tom@wexley.gov.uk")
    assert (profile.is_verified, profile.organisation) == (True, council)
    assert MemberProfile.objects.get(display_name="Not Confirmed").is_verified is False


@pytest.mark.django_db
def test_a_new_email_address_counts_only_once_confirmed(client, django_capture_on_commit_callbacks):
    user = signed_up_member("ali.khan@kestrelvale.gov.uk")
    client.force_login(user)
    assert b'href="/accounts/email/"' in client.get("/accounts/profile/").content

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/email/", {"action_add": "", "email": "ali@northmoor.gov.uk"})
    client.post("/accounts/email/", {"action_primary": "", "email": "ali@northmoor.gov.uk"})

    user.refresh_from_db()
    assert user.email == "ali.khan@kestrelvale.gov.uk"
    assert not EmailAddress.objects.get(email="ali@northmoor.gov.uk").verified
    assert mail.outbox[-1].to == ["ali@northmoor.gov.uk"]

    client.post(confirmation_path(mail.outbox[-1]))
    client.post("/accounts/email/", {"action_primary": "", "email": "ali@northmoor.gov.uk"})
    user.refresh_from_db()
    assert user.email == "ali@northmoor.gov.uk"


@pytest.mark.django_db
def test_removing_the_only_council_address_takes_the_verified_mark_away(client, northmoor):
    user = signed_up_member("ali@northmoor.gov.uk", is_verified=True, organisation=northmoor)
    EmailAddress.objects.create(user=user, email="ali@gmail.example", verified=True, primary=False)
    EmailAddress.objects.filter(email="ali@northmoor.gov.uk").update(primary=False)
    EmailAddress.objects.filter(email="ali@gmail.example").update(primary=True)
    client.force_login(user)

    response = client.post("/accounts/email/", {"action_remove": "", "email": "ali@northmoor.gov.uk"})

    assert response.status_code == 302
    assert not EmailAddress.objects.filter(email="ali@northmoor.gov.uk").exists()
    assert MemberProfile.objects.get(user=user).is_verified is False


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "signed_in", "heading"),
    [
        ("/accounts/sign-in/", False, "Sign in"),
        ("/accounts/create-account/", False, "Create an account"),
        ("/accounts/confirm-email/", False, "Check your email"),
        ("/accounts/confirm-email/no-such-key/", False, "This link has expired"),
        ("/accounts/password/reset/", False, "Reset your password"),
        ("/accounts/password/reset/sent/", False, "Check your email"),
        ("/accounts/password/saved/", False, "Password saved"),
        ("/accounts/sign-out/", True, "Sign out"),
        ("/accounts/email/", True, "Your email addresses"),
        ("/accounts/password/change/", True, "Change your password"),
        ("/accounts/sign-in-again/", True, "Enter your password again"),
        ("/accounts/profile/", True, "Your profile"),
        ("/accounts/your-data/", True, "Your data"),
        ("/accounts/delete/", True, "Delete your account"),
    ],
)
def test_every_account_page_is_a_govuk_page(client, path, signed_in, heading):
    if signed_in:
        client.force_login(signed_up_member())

    response = client.get(path)

    assert response.status_code == 200
    text = response.content.decode()
    assert f"<title>{heading} – Practice Hub</title>" in text
    assert re.search(rf'<h1 class="govuk-(heading-l|panel__title)">{heading}</h1>', text)
    assert "govuk-header" in text or "govuk-generic-header" in text
