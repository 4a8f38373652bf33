"""The Content Security Policy: strict on the public site, its own policy for the editors' admin."""

import pytest

from hub.csp import admin_policy, site_policy, tile_origin

pytestmark = pytest.mark.django_db


def directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split("; ")}


def test_public_pages_allow_no_inline_script_or_style(client):
    policy = directives(client.get("/"))

    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]


def test_error_pages_carry_the_policy_too(client):
    assert "'unsafe-inline'" not in client.get("/no-such-page/")["Content-Security-Policy"]


def test_the_admin_has_its_own_policy(client, superuser):
    client.force_login(superuser)
    policy = directives(client.get("/admin/"))

    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]


def test_map_tiles_are_allowed_from_the_configured_tile_server():
    assert "https://tiles.example.gov.uk" in site_policy("https://tiles.example.gov.uk/{z}/{x}/{y}.png")["img-src"]
    assert tile_origin("https://{s}.tile.example.org/{z}/{x}/{y}.png") == "https://*.tile.example.org"
    assert tile_origin("/tiles/{z}/{x}/{y}.png") is None
    assert admin_policy("/tiles/{z}/{x}/{y}.png")["img-src"] == ["'self'", "data:", "https:"]
