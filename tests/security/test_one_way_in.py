"""One way in: only the hub's sign-in (allauth) starts a session, and it checks the address and counts failures."""

import base64
import re
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client

from practice.accounts.services import member_email_address_vouch
from practice.models import Membership
from practice.models.choices import AccessLevel, SecurityLevel
from tests.factories import BlogIndexPageFactory, BlogPostPageFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Bin day is Tuesday 42!"
HUB_SIGN_IN = "/accounts/sign-in/"
SIGN_INS = [HUB_SIGN_IN, "/admin/login/", "/_util/login/"]


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate limits count in the cache: start every test with none used."""
    cache.clear()
    yield
    cache.clear()


def account(email, *, confirmed=True):
    user = UserFactory(username=email, password=PASSWORD)
    if confirmed:
        member_email_address_vouch(user=user, email=email)
    else:
        EmailAddress.objects.create(user=user, email=email, verified=False, primary=True)
    return user


def credentials(email, password):
    """What any sign-in form might be sent: allauth's field name for the address and Django's and Wagtail's."""
    return {"login": email, "username": email, "password": password}


def signed_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("path", SIGN_INS)
def test_an_account_whose_address_is_not_confirmed_gets_no_session_anywhere(client, communities, path):
    user = account("not.yet@example.gov.uk", confirmed=False)
    community = communities[AccessLevel.OPEN]["community"]

    response = client.post(path, credentials(user.email, PASSWORD))

    assert response.status_code == 302
    expected = "/accounts/confirm-email/" if path == HUB_SIGN_IN else HUB_SIGN_IN
    assert urlsplit(response["Location"]).path == expected
    assert not signed_in(client)
    # So it joins nothing (nor reads members' posts, nor comments).
    assert client.post(f"/membership/{community.pk}/join/")["Location"].startswith(f"{HUB_SIGN_IN}?next=")
    assert not Membership.objects.filter(member=user).exists()


@pytest.mark.parametrize("path", ["/admin/login/", "/_util/login/"])
def test_wagtails_sign_in_addresses_never_sign_anyone_in(client, superuser, path):
    superuser.set_password(PASSWORD)
    superuser.save()
    member_email_address_vouch(user=superuser, email=superuser.email)

    response = client.post(path, credentials(superuser.email, PASSWORD))

    assert (response.status_code, urlsplit(response["Location"]).path) == (302, HUB_SIGN_IN)
    assert not signed_in(client)


@pytest.mark.parametrize("path", SIGN_INS)
def test_fifteen_wrong_passwords_then_the_right_one_is_refused_on_every_path(client, path):
    user = account("ali.khan@kestrelvale.gov.uk")
    for _ in range(15):
        client.post(HUB_SIGN_IN, credentials(user.email, "wrong"))

    response = client.post(path, credentials(user.email, PASSWORD))

    assert not signed_in(client)
    if path == HUB_SIGN_IN:
        assert response.status_code == 429
        assert b"govuk-error-summary" in response.content
        assert b"Too many failed login attempts" in response.content
    else:
        # Wagtail's addresses check no password at all: they send the person to the hub's sign-in.
        assert urlsplit(response["Location"]).path == HUB_SIGN_IN


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("/admin/login/", "/accounts/sign-in/?next=/admin/"),
        ("/admin/login/?next=/admin/pages/", "/accounts/sign-in/?next=/admin/pages/"),
        ("/admin/login/?next=https://evil.example/admin/", "/accounts/sign-in/?next=/admin/"),
        ("/_util/login/", "/accounts/sign-in/"),
        ("/_util/login/?next=/members/", "/accounts/sign-in/?next=/members/"),
        ("/_util/login/?next=//evil.example/", "/accounts/sign-in/"),
        ("/admin/", "/accounts/sign-in/?next=/admin/"),
    ],
)
def test_wagtails_sign_in_pages_lead_to_the_hubs_keeping_only_a_next_on_this_site(client, path, location):
    response = client.get(path)

    assert (response.status_code, response["Location"]) == (302, location)


def test_an_administrator_made_with_createsuperuser_confirms_their_address_at_first_sign_in(
    client, django_capture_on_commit_callbacks
):
    get_user_model().objects.create_superuser("root", "root@practicehub.example", PASSWORD)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(HUB_SIGN_IN, {"login": "root@practicehub.example", "password": PASSWORD})

    assert response["Location"] == "/accounts/confirm-email/"
    assert not signed_in(client)
    link = re.search(r"http://127\.0\.0\.1:8000(/accounts/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    client.post(link)
    assert signed_in(client)
    assert client.get("/admin/").status_code == 200


def test_the_admins_password_reset_sends_no_mail_and_leads_to_the_hubs(client):
    user = account("ali.khan@kestrelvale.gov.uk")

    for _ in range(10):
        response = client.post("/admin/password_reset/", {"email": user.email})
        assert (response.status_code, response["Location"]) == (302, "/accounts/password/reset/")

    assert mail.outbox == []
    assert client.get("/admin/password_reset/")["Location"] == "/accounts/password/reset/"


def test_get_admin_logout_keeps_the_session_and_a_post_with_its_token_ends_it(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    # allauth's backend alone still reads group permissions: the editor reaches the admin.
    assert client.get("/admin/").status_code == 200

    response = client.get("/admin/logout/")
    assert response.status_code == 200
    assert b"Do you want to sign out" in response.content
    assert response.cookies.get(settings.SESSION_COOKIE_NAME) is None  # neither renewed nor deleted
    assert signed_in(client)
    assert client.get("/accounts/profile/").status_code == 200

    assert client.post("/admin/logout/").status_code == 403  # no CSRF token
    assert signed_in(client)

    response = client.post("/admin/logout/", {"csrfmiddlewaretoken": client.cookies[settings.CSRF_COOKIE_NAME].value})
    assert (response.status_code, response["Location"]) == (302, "/")
    assert not signed_in(client)
    assert client.get("/accounts/profile/")["Location"].startswith(f"{HUB_SIGN_IN}?next=")


def test_the_admin_account_page_changes_neither_email_nor_password(client, editor):
    email = editor.email
    client.force_login(editor)

    # The account page saves only when every one of its panels is sent.
    name = {
        "name_email-first_name": "Eddie",
        "name_email-last_name": "Editor",
        "locale-preferred_language": "",
        "locale-current_time_zone": "",
        "theme-theme": "system",
        "theme-contrast": "system",
        "theme-density": "default",
    }
    client.post("/admin/account/", {**name, "name_email-email": "someone.else@northmoor.gov.uk"})
    new_password = "A new password of mine 9"
    client.post(
        "/admin/account/",
        {
            **name,
            "password-old_password": "correct horse battery",
            "password-new_password1": new_password,
            "password-new_password2": new_password,
        },
    )

    editor.refresh_from_db()
    assert editor.email == email
    assert editor.check_password("correct horse battery")
    assert b'name="name_email-email"' not in client.get("/admin/account/").content


def test_there_is_no_django_admin(client, superuser):
    client.force_login(superuser)

    for path in ["/django-admin/", "/django-admin/login/", f"/django-admin/auth/user/{superuser.pk}/change/"]:
        assert client.get(path).status_code == 404, path


def test_the_api_takes_no_passwords(client, communities):
    private = communities[AccessLevel.PRIVATE]
    insider = private["insider"]
    BlogPostPageFactory(
        parent=BlogIndexPageFactory(parent=private["community"]),
        title="Budget notes",
        security_level=SecurityLevel.COMMUNITY,
    )
    basic = base64.b64encode(f"{insider.email}:correct horse battery".encode()).decode()
    listing = "/api/v2/pages/?type=practice.BlogPostPage&fields=title"

    response = client.get(listing, HTTP_AUTHORIZATION=f"Basic {basic}")

    assert response.status_code == 200
    assert b"Budget notes" not in response.content
    client.force_login(insider)
    assert b"Budget notes" in client.get(listing).content
