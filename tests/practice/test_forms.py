"""Signing in to the public site with an email address."""

import pytest

from tests.factories import UserFactory


@pytest.mark.django_db
def test_member_signs_in_with_email_and_returns_where_they_were(client):
    UserFactory(username="ali.khan@kestrelvale.gov.uk", password="a long enough password")
    response = client.post(
        "/accounts/sign-in/",
        {"username": "ali.khan@kestrelvale.gov.uk", "password": "a long enough password", "next": "/search/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/search/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"username": "ali.khan@kestrelvale.gov.uk", "password": "wrong"}, b"Enter a correct email address"),
        ({"username": "not an email", "password": "x"}, b"Enter a valid email address"),
        ({"username": "", "password": ""}, b"This field is required"),
    ],
)
def test_bad_sign_in_is_explained_and_signs_nobody_in(client, data, message):
    UserFactory(username="ali.khan@kestrelvale.gov.uk", password="a long enough password")
    response = client.post("/accounts/sign-in/", data)
    assert response.status_code == 200
    assert message in response.content
    assert b"There is a problem" in response.content
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_sign_in_refuses_to_send_people_to_other_sites(client):
    UserFactory(username="ali.khan@kestrelvale.gov.uk", password="a long enough password")
    response = client.post(
        "/accounts/sign-in/",
        {
            "username": "ali.khan@kestrelvale.gov.uk",
            "password": "a long enough password",
            "next": "https://evil.example",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
