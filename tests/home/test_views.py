"""Error pages in the GOV.UK style, and the CSRF failure explained in plain words."""

import pytest

from django.test import Client, RequestFactory
from django.views.defaults import server_error


@pytest.mark.django_db
def test_unknown_address_gets_the_page_not_found_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"govuk-generic-header" in response.content


def test_server_error_page_needs_neither_database_nor_context():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert b"govuk-template" in response.content
    assert b"Sorry, something went wrong" in response.content


@pytest.mark.django_db
def test_a_post_without_its_csrf_token_is_explained_and_changes_nothing():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/sign-in/", {"username": "a@example.gov.uk", "password": "x"})
    assert response.status_code == 403
    assert b"Your form could not be sent" in response.content
    assert "_auth_user_id" not in client.session
