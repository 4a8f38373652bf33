"""The account addresses the hub has always had, now served by django-allauth under their old names."""

import pytest

from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory


def test_old_names_and_addresses_still_lead_to_the_same_pages():
    assert reverse("login") == reverse("account_login") == "/accounts/sign-in/"
    assert reverse("logout") == reverse("account_logout") == "/accounts/sign-out/"
    assert reverse("password_reset") == reverse("account_reset_password") == "/accounts/password/reset/"
    assert reverse("password_reset_done") == reverse("account_reset_password_done")
    assert reverse("password_reset_complete") == reverse("account_reset_password_from_key_done")


@pytest.mark.django_db
def test_reset_link_is_emailed_with_the_hubs_address(client):
    UserFactory(username="ali.khan@kestrelvale.gov.uk", email="ali.khan@kestrelvale.gov.uk")
    response = client.post("/accounts/password/reset/", {"email": "ali.khan@kestrelvale.gov.uk"}, follow=True)
    assert b"Check your email" in response.content
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Reset your Practice Hub password"
    assert "http://127.0.0.1:8000/accounts/password/reset/key/" in mail.outbox[0].body


@pytest.mark.django_db
def test_unknown_address_gets_the_same_answer_and_no_email(client):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.gov.uk"}, follow=True)
    assert b"Check your email" in response.content
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_tampered_link_says_it_has_expired(client):
    user = UserFactory()
    response = client.get(f"/accounts/password/reset/key/{user.pk}-not-a-token/", follow=True)
    assert response.status_code == 200
    assert b"This link has expired" in response.content
