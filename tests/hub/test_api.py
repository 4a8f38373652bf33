"""The Wagtail API shows each caller exactly the pages, images and documents they may open."""

import pytest
import wagtail_factories

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import Collection, CollectionViewRestriction
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

from hub.api import HubPagesAPIViewSet
from practice.models.choices import AccessLevel
from tests.factories import BlogIndexPageFactory, BlogPostPageFactory
from tests.practice.test_access import EXPECTED, READERS

OPEN, RESTRICTED, PRIVATE = AccessLevel.OPEN, AccessLevel.RESTRICTED, AccessLevel.PRIVATE
# Readers who belong to one community; everyone else reads every community from outside.
CALLERS = [("anonymous", None), ("outsider", None), ("editor", None)] + [
    (role, level) for level in AccessLevel for role in ("insider", "facilitator")
]


def caller_id(caller):
    role, level = caller
    return role if level is None else f"{role}-{level}"


@pytest.fixture
def storm_posts(communities):
    """One post per (community access, post security) pair, each mentioning storms."""
    blogs = {level: BlogIndexPageFactory(parent=communities[level]["community"]) for level in AccessLevel}
    return {
        (access, security): BlogPostPageFactory(
            parent=blogs[access], title=f"Storm notes: {access} community, {security} post", security_level=security
        )
        for access, security in EXPECTED
    }


def sign_in(client, communities, member, editor, caller):
    role, level = caller
    if role == "anonymous":
        return
    client.force_login({"outsider": member, "editor": editor}.get(role) or communities[level][role])


def may_open(caller, access, security):
    """Say whether the caller may open the post, by the access matrix of tests/practice/test_access.py."""
    role, level = caller
    column = role if role in {"anonymous", "outsider", "editor"} or level == access else "outsider"
    return EXPECTED[(access, security)][READERS.index(column)] == 200


def listed(client, query):
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == 200, response.content
    data = response.json()
    ids = {item["id"] for item in data["items"]}
    assert data["meta"]["total_count"] == len(ids)
    return ids


@pytest.mark.django_db
@pytest.mark.parametrize("caller", CALLERS, ids=caller_id)
def test_pages_endpoint_lists_and_opens_exactly_the_posts_the_caller_may_open(
    client, communities, member, editor, storm_posts, caller
):
    sign_in(client, communities, member, editor, caller)
    allowed = {post.pk for (access, security), post in storm_posts.items() if may_open(caller, access, security)}

    assert listed(client, "type=practice.BlogPostPage") == allowed
    assert listed(client, "type=practice.BlogPostPage&search=storm") == allowed
    assert listed(client, "search=storm") == allowed
    assert listed(client, "limit=20") >= allowed
    assert not listed(client, "limit=20") & (set(p.pk for p in storm_posts.values()) - allowed)
    for post in storm_posts.values():
        detail = client.get(f"/api/v2/pages/{post.pk}/")
        assert detail.status_code == (200 if post.pk in allowed else 404), post.title
        if post.pk not in allowed:
            assert b"Storm notes" not in detail.content
        found = client.get(f"/api/v2/pages/find/?html_path={post.url}")
        assert found.status_code == (302 if post.pk in allowed else 404), post.title


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("caller", "sees_private_sections"),
    [(("anonymous", None), False), (("outsider", None), False), (("insider", PRIVATE), True), (("editor", None), True)],
    ids=lambda value: caller_id(value) if isinstance(value, tuple) else str(value),
)
def test_a_private_community_and_its_sections_are_hidden_from_outsiders(
    client, communities, member, editor, storm_posts, caller, sees_private_sections
):
    sign_in(client, communities, member, editor, caller)
    private_blog = storm_posts[(PRIVATE, "public")].get_parent()
    restricted_blog = storm_posts[(RESTRICTED, "public")].get_parent()
    private_community = communities[PRIVATE]["community"]

    blogs = listed(client, "type=practice.BlogIndexPage")
    everything = listed(client, "limit=20")

    assert restricted_blog.pk in blogs  # a restricted community shows that it exists
    assert (private_blog.pk in blogs) is sees_private_sections
    assert (private_community.pk in everything) is sees_private_sections
    assert (client.get(f"/api/v2/pages/{private_blog.pk}/").status_code == 200) is sees_private_sections
    children = listed(client, f"child_of={private_community.pk}") if sees_private_sections else set()
    assert (private_blog.pk in children) is sees_private_sections


@pytest.mark.django_db
@pytest.mark.parametrize("page_type", ["practice.BlogPostPage", ""])
def test_elasticsearch_receives_the_visibility_filter_when_searching_the_api(storm_posts, page_type):
    """Wagtail's search backends drop filters on a page type's pointer key; the API filters on path instead."""
    request = RequestFactory().get("/api/v2/pages/", {"type": page_type, "search": "storm"})
    request.user = AnonymousUser()
    request.session = {}
    view = HubPagesAPIViewSet(request=request)
    backend = get_search_backend("wagtail.search.backends.elasticsearch9", URLS=["http://127.0.0.1:9"])

    body = backend.query_compiler_class(view.get_queryset(), PlainText("storm")).get_query()

    filters = body["bool"]["filter"]
    [paths] = [f["terms"]["path_filter"] for f in (filters if isinstance(filters, list) else [filters]) if "terms" in f]
    by_path = {post.path: key for key, post in storm_posts.items()}
    assert {by_path[path] for path in paths if path in by_path} == {(OPEN, "public")}


@pytest.mark.django_db
def test_pages_listing_costs_the_same_queries_for_three_posts_as_for_twenty(client, communities):
    client.force_login(communities[PRIVATE]["insider"])
    blog = BlogIndexPageFactory(parent=communities[PRIVATE]["community"])

    def queries():
        client.get("/api/v2/pages/?type=practice.BlogPostPage")  # warm up per-process caches
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/api/v2/pages/?type=practice.BlogPostPage")
        return len(captured), response.json()["meta"]["total_count"]

    BlogPostPageFactory.create_batch(3, parent=blog)
    few = queries()
    BlogPostPageFactory.create_batch(17, parent=blog)
    many = queries()

    assert (few[1], many[1]) == (3, 20)
    assert many[0] == few[0]


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_media_in_a_restricted_collection_are_hidden_from_those_it_refuses(
    client, communities, member, media_root, endpoint
):
    factory = wagtail_factories.ImageFactory if endpoint == "images" else wagtail_factories.DocumentFactory
    root = Collection.get_first_root_node()
    staff_only = root.add_child(name="Staff only")
    restriction = CollectionViewRestriction.objects.create(
        collection=staff_only, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([communities[PRIVATE]["community"].members_group])
    inner = staff_only.add_child(name="Staff only: drafts")
    public = factory(title="Storm banner", collection=root)
    hidden = factory(title="Storm draft", collection=staff_only)
    nested = factory(title="Storm sketch", collection=inner)

    def visible():
        response = client.get(f"/api/v2/{endpoint}/")
        assert response.status_code == 200
        return {item["id"] for item in response.json()["items"]}

    assert visible() == {public.pk}
    assert client.get(f"/api/v2/{endpoint}/{hidden.pk}/").status_code == 404
    client.force_login(member)
    assert visible() == {public.pk}
    client.force_login(communities[PRIVATE]["insider"])
    assert visible() == {public.pk, hidden.pk, nested.pk}
    assert client.get(f"/api/v2/{endpoint}/{hidden.pk}/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_media_in_a_private_communitys_collection_are_listed_to_its_members_only(
    client, communities, member, editor, media_root, endpoint
):
    factory = wagtail_factories.ImageFactory if endpoint == "images" else wagtail_factories.DocumentFactory
    private = factory(title="Rehearsal floor plan", collection=Collection.objects.get(community__access_level=PRIVATE))
    public = factory(title="Open day poster", collection=Collection.get_first_root_node())

    def visible():
        response = client.get(f"/api/v2/{endpoint}/")
        assert response.status_code == 200
        return {item["id"] for item in response.json()["items"]}

    for outsider in (None, member, communities[OPEN]["insider"]):
        if outsider is not None:
            client.force_login(outsider)
        assert visible() == {public.pk}
        assert client.get(f"/api/v2/{endpoint}/{private.pk}/").status_code == 404
    for insider in (communities[PRIVATE]["insider"], communities[PRIVATE]["facilitator"], editor):
        client.force_login(insider)
        assert visible() == {public.pk, private.pk}
