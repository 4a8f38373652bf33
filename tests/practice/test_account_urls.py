"""Resetting a forgotten password, without telling strangers who has an account."""

import re

import pytest

from django.core import mail

from tests.factories import UserFactory


@pytest.mark.django_db
def test_reset_link_is_emailed_with_the_hubs_address(client):
    UserFactory(username="ali.khan@kestrelvale.gov.uk", email="ali.khan@kestrelvale.gov.uk")
    response = client.post("/accounts/password/reset/", {"email": "ali.khan@kestrelvale.gov.uk"}, follow=True)
    assert b"Check your email" in response.content
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Reset your Practice Hub password"
    assert re.search(r"http://127\.0\.0\.1:8000/accounts/reset/\S+/\S+/", mail.outbox[0].body)


@pytest.mark.django_db
def test_unknown_address_gets_the_same_answer_and_no_email(client):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.gov.uk"}, follow=True)
    assert b"Check your email" in response.content
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_tampered_link_says_it_has_expired(client):
    user = UserFactory()
    response = client.get(f"/accounts/reset/{user.pk}/not-a-token/", follow=True)
    assert response.status_code == 200
    assert b"This link has expired" in response.content
