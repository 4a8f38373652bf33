"""No `next=` can send a member off the site: sign-in, sign-out, following, notifications, search, comments."""

from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress

from tests.factories import NotificationFactory
from tests.security.conftest import comment_data

pytestmark = pytest.mark.django_db

OFF_SITE = [
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https:evil.example",
    " //evil.example",
    "http://testserver@evil.example/",
    "javascript:alert(1)",
]


def assert_on_site(response):
    assert response.status_code in (301, 302, 303), response.status_code
    location = response["Location"]
    # Browsers read backslashes as slashes and ignore leading spaces and control characters.
    seen_as = location.strip().replace("\\", "/")
    parts = urlsplit(seen_as)
    assert parts.scheme in ("", "http", "https"), location
    assert parts.netloc in ("", "testserver"), location
    assert not seen_as.startswith("//"), location
    assert "evil.example" not in location


@pytest.mark.parametrize("target", OFF_SITE)
def test_signing_in_never_sends_a_member_off_the_site(client, hub, target):
    EmailAddress.objects.create(user=hub.bob, email=hub.bob.email, verified=True, primary=True)
    response = client.post(
        f"/accounts/sign-in/?next={target}",
        {"login": hub.bob.email, "password": "correct horse battery", "next": target},
    )
    assert_on_site(response)
    assert "_auth_user_id" in client.session


@pytest.mark.parametrize("target", OFF_SITE)
def test_signing_out_never_sends_a_member_off_the_site(client, hub, target):
    client.force_login(hub.bob)
    assert_on_site(client.post("/accounts/sign-out/", {"next": target}))


@pytest.mark.parametrize("target", OFF_SITE)
def test_following_and_notifications_never_send_a_member_off_the_site(client, hub, target):
    client.force_login(hub.bob)
    for url in (
        f"/following/pages/{hub.thread.pk}/follow/",
        f"/following/pages/{hub.thread.pk}/unfollow/",
        f"/following/members/{hub.alice.profile.slug}/follow/",
        "/search/personalisation/",
    ):
        assert_on_site(client.post(url, {"next": target, "personalise": "off"}))


def test_marking_a_notification_read_never_sends_a_member_off_the_site(client, hub):
    for target in OFF_SITE:
        notification = NotificationFactory(recipient=hub.bob, actor=hub.alice, page=hub.thread)
        client.force_login(hub.bob)
        assert_on_site(client.post(f"/notifications/{notification.pk}/read/", {"next": target}))


def test_posting_a_comment_goes_back_to_its_page_whatever_next_says(client, hub):
    client.force_login(hub.bob)
    response = client.post("/comments/post/", comment_data(hub.post, hub.bob, "Back to the page", next=OFF_SITE[0]))
    assert_on_site(response)
    assert response["Location"].startswith(hub.post.url)


def test_a_safe_next_is_still_followed(client, hub):
    client.force_login(hub.bob)
    response = client.post(f"/following/pages/{hub.thread.pk}/follow/", {"next": "/notifications/settings/"})
    assert response["Location"] == "/notifications/settings/"
