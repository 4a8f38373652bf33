"""The demo loader builds a hub with every access level, and loading it again changes nothing."""

import io

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page

from practice.models import BlogPostPage, CommunityPage, Membership, PracticePage, Reply
from practice.models.choices import AccessLevel


def load_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts():
    models = (Page, Reply, Membership, get_user_model(), get_image_model())
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.django_db
def test_loading_the_demo_twice_creates_nothing_the_second_time(client):
    load_demo()
    first = counts()

    output = load_demo()

    assert counts() == first
    assert "Demo hub ready: 0 created" in output
    assert "Blog posts: 0 created" in output
    assert (
        "The administrator signs in at http://127.0.0.1:8000/accounts/sign-in/ as admin@practicehub.example / "
        "practicehub, then opens the admin at http://127.0.0.1:8000/admin/"
    ) in output
    # ...through the hub's one sign-in, and reaches the admin.
    response = client.post("/accounts/sign-in/", {"login": "admin@practicehub.example", "password": "practicehub"})
    assert (response.status_code, response["Location"]) == (302, "/")
    assert client.get("/admin/").status_code == 200
    client.logout()
    # The demo's chart, drawn into its community's collection, shows with its description to anyone.
    post = BlogPostPage.objects.get(slug="why-we-stopped-scheduling-everything-for-9am")
    html = client.get(post.url).content.decode()
    assert 'alt="Bar chart of link clicks by hour' in html
    assert "Twelve months of clicks on practical updates" in html
    image = client.get(html.split('<img src="', 1)[1].split('"', 1)[0])
    assert (image.status_code, image["Content-Type"]) == (200, "image/png")
    community = CommunityPage.objects.get(pk=post.get_parent().get_parent().pk)
    assert get_image_model().objects.filter(collection=community.media_collection).count() == 1


@pytest.mark.django_db
def test_demo_has_two_communities_of_each_access_level_and_hides_private_ones_from_visitors():
    load_demo()

    for level in AccessLevel:
        assert CommunityPage.objects.filter(access_level=level).count() == 2, level
    visible = PracticePage.objects.visible_to(AnonymousUser())
    for community in CommunityPage.objects.filter(access_level=AccessLevel.PRIVATE):
        assert not visible.descendant_of(community, inclusive=True).exists(), community.title
    public_posts = BlogPostPage.objects.filter(visibility="public")
    assert public_posts.exists()
    assert not public_posts.exclude(community__access_level=AccessLevel.OPEN).exists()
    assert not public_posts.exclude(security_level="public").exists()


@pytest.mark.django_db
def test_demo_keeps_an_existing_administrators_password():
    get_user_model().objects.create_superuser("admin", "admin@example.org", "a different password")

    output = load_demo()

    assert get_user_model().objects.get(username="admin").check_password("a different password")
    assert "admin@example.org / practicehub" not in output
    assert "signs in at http://127.0.0.1:8000/accounts/sign-in/ as admin@example.org (password unchanged)" in output


@pytest.mark.django_db
def test_demo_members_are_verified_and_sign_in_with_their_email_address(client):
    from allauth.account.models import EmailAddress

    from practice.demo.builder import DEMO_PASSWORD
    from practice.demo.people import PRIYA

    load_demo()

    assert not get_user_model().objects.exclude(emailaddress__verified=True).exists()
    assert EmailAddress.objects.get(email=PRIYA).user.profile.is_verified
    response = client.post("/accounts/sign-in/", {"login": PRIYA, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(EmailAddress.objects.get(email=PRIYA).user_id)
