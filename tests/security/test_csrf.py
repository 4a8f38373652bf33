"""Every address that could change something refuses a POST without a CSRF token, and writes nothing.

The addresses come from the URL configuration itself, so a new view cannot be forgotten: the walk below
fails when a pattern has no sample value for one of its parts, or when a view opts out of CSRF checks
without being listed, with its reason, in CSRF_EXEMPT.
"""

from collections import Counter

import pytest

from django.apps import apps
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from practice.communities.services import membership_invite, membership_request
from practice.models import CreditRequest, DiscussionThreadPage, Membership, Notification
from tests.factories import CreditRequestFactory, NotificationFactory, ReplyFactory, TopicFactory, UserFactory
from tests.security.conftest import hub_ids, published_comment

pytestmark = pytest.mark.django_db

# Views that skip Django's CSRF check, and why that is safe. Nothing else may.
CSRF_EXEMPT = {
    "email_link": "the signed token in the address is the credential; mail clients' one-click unsubscribe "
    "posts without cookies",
}
# Django REST framework views skip Django's check and make their own: the admin's API enforces CSRF in its
# session authentication; the public API is read-only. Both are tested below.
DRF_PREFIXES = ("admin/api/", "api/v2/")
# The Wagtail admin is walked for exemptions, and sampled below rather than posted to in full.
ADMIN_PREFIXES = ("admin/",)


def url_patterns(patterns=None, prefix="", namespace=None, groups=()):
    """Yield (route, name, callback, parts of the address to fill) for every view in the URL configuration."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        parts = (*groups, *pattern.pattern.regex.groupindex)
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace])) or None
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner, parts)
        else:
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield prefix + str(pattern.pattern), name, pattern.callback, parts


def test_no_view_skips_csrf_checks_unless_listed_with_its_reason():
    exempt = {
        name
        for route, name, callback, _ in url_patterns()
        if getattr(callback, "csrf_exempt", False) and not route.startswith(DRF_PREFIXES)
    }
    assert exempt == set(CSRF_EXEMPT)


@pytest.fixture
def samples(hub):
    """A real object for every id or slug an address can carry."""
    reply = ReplyFactory(thread=hub.thread, author=hub.bob)
    comment = published_comment(hub.post, hub.bob, "A comment to flag")
    restricted = hub.restricted["community"]
    request = membership_request(community=restricted, member=hub.bob)
    invitation = membership_invite(
        community=restricted, email="someone@example.gov.uk", by=hub.restricted["facilitator"]
    )
    notification = NotificationFactory(recipient=hub.alice, actor=hub.bob, page=hub.thread)
    credit_request = CreditRequestFactory(post=hub.post, member=hub.alice, requested_by=hub.bob)
    return {
        **hub_ids(hub, reply),
        "page_id": hub.thread.pk,
        "comment_id": comment.pk,
        "membership_id": request.pk,
        "invitation_id": invitation.pk,
        "notification_id": notification.pk,
        "credit_request_id": credit_request.pk,
        "content_type_id": comment.content_type_id,
        "object_pk": comment.object_pk,
        "slug": hub.alice.profile.slug,
        "topic_slug": TopicFactory(name="Social media").slug,
        "token": "not-a-token",
        "key": "not-a-key",
        "uidb36": "1",
        "log_id": 1,
        "item_id": 1,
        "position": 1,
        "restriction_id": 1,
        "page_view_restriction_id": 1,
        "path": "original_images/poster.jpg",
        "document_id": 1,
        "document_filename": "plan.pdf",
    }


POSITIONAL = {"wagtail_serve": [""], "wagtaildocs_serve": [1, "plan.pdf"]}


def hub_addresses(samples):
    """Every address of the hub outside the admins and the read-only API, filled with real ids."""
    seen = set()
    for route, name, _, parts in url_patterns():
        if route.startswith(ADMIN_PREFIXES + DRF_PREFIXES):
            continue
        assert name, f"{route} has no name: name it so this test can build its address"
        missing = [part for part in parts if part not in samples]
        assert not missing, f"add a sample for {missing} (in {route}) to this test"
        topic = "topic" in name
        kwargs = {part: samples["topic_slug"] if topic and part == "slug" else samples[part] for part in parts}
        url = reverse(name, args=POSITIONAL[name]) if name in POSITIONAL else reverse(name, kwargs=kwargs)
        if url not in seen:
            seen.add(url)
            yield name, url


def row_counts():
    return Counter({model._meta.label: model._default_manager.count() for model in apps.get_models()})


def test_every_hub_address_refuses_a_post_without_a_csrf_token_and_writes_nothing(hub, samples):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(hub.alice)
    before = row_counts()
    thread_before = DiscussionThreadPage.objects.values("status", "pinned", "body").get(pk=hub.thread.pk)
    posted = []
    for name, url in hub_addresses(samples):
        data = {"title": "Forged", "body": "Forged", "comment": "Forged", "display_name": "Forged", "next": "/"}
        response = browser.post(url, data)
        posted.append(name)
        if name in CSRF_EXEMPT:
            assert response.status_code == 400  # refused for its forged token instead
            continue
        assert response.status_code == 403, f"{name} ({url}) answered {response.status_code}"
        assert "form" in response.content.decode().lower()
    assert row_counts() == before
    assert DiscussionThreadPage.objects.values("status", "pinned", "body").get(pk=hub.thread.pk) == thread_before
    assert Membership.objects.get(pk=samples["membership_id"]).status == Membership.Status.REQUESTED
    assert Notification.objects.get(pk=samples["notification_id"]).read_at is None
    assert CreditRequest.objects.filter(pk=samples["credit_request_id"]).exists()
    assert len(posted) > 60  # every address of the hub, not a handful


def test_the_admins_refuse_posts_without_a_csrf_token(hub, superuser):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(superuser)
    before = row_counts()
    for url in (
        f"/admin/pages/{hub.thread.pk}/edit/",
        f"/admin/pages/{hub.thread.pk}/delete/",
        f"/admin/pages/{hub.thread.pk}/unpublish/",
        "/admin/images/add/",
        "/admin/documents/multiple/add/",
        f"/admin/users/{hub.bob.pk}/delete/",
        f"/admin/api/main/pages/{hub.thread.pk}/action/copy/",
        "/admin/logout/",
    ):
        assert browser.post(url, {"post": "yes", "title": "Forged"}).status_code == 403, url
    assert row_counts() == before


def test_the_public_api_takes_no_posts(client, hub):
    assert client.post("/api/v2/pages/", {"title": "Forged"}).status_code == 405


def test_email_links_change_nothing_without_a_valid_signed_token(hub):
    browser = Client(enforce_csrf_checks=True)
    before = row_counts()
    response = browser.post("/notifications/email/forged-token/")
    assert response.status_code == 400
    assert row_counts() == before


def test_a_member_with_a_fresh_token_still_can_post(hub):
    """The check is not simply refusing everything: a form's own token gets through."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(UserFactory(username="new@example.gov.uk"))
    browser.get("/")
    token = browser.cookies["csrftoken"].value
    response = browser.post(f"/membership/{hub.community.pk}/join/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Membership.objects.filter(community=hub.community, member__username="new@example.gov.uk").exists()
