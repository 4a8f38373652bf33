"""Nothing from a restricted or private community, or from Members-level posts, reaches a reader who may not open it.

Each surface search feeds (results page with its titles, snippets, count and facets; the JSON API;
autocomplete; "related" lists; "for you") is asked by each kind of reader, and must show exactly
the hidden material that reader may open. The same module runs through OpenSearch in
test_opensearch.py.
"""

import json

import pytest

from practice.models.choices import AccessLevel
from search import lists
from tests.factories import BlogPostPageFactory, MemberProfileFactory
from tests.search.conftest import SECRET

READERS = ["anonymous", "member", "restricted_insider", "private_insider", "editor"]
MAY_OPEN = {
    "anonymous": set(),
    "member": {"members"},
    "restricted_insider": {"members", "restricted"},
    "private_insider": {"members", "private", "private_thread"},
    "editor": {"members", "restricted", "private", "private_thread"},
}


@pytest.fixture
def readers(communities, member, editor):
    return {
        "anonymous": None,
        "member": member,
        "restricted_insider": communities[AccessLevel.RESTRICTED]["insider"],
        "private_insider": communities[AccessLevel.PRIVATE]["insider"],
        "editor": editor,
    }


@pytest.fixture
def bait(hidden, communities, django_capture_on_commit_callbacks):
    """A public page that shares the hidden pages' word and topic, so "related" would reach for them."""
    page = BlogPostPageFactory(
        parent=hidden["members"].get_parent(), title=f"{SECRET} open plan", summary=f"{SECRET} in the open."
    )
    with django_capture_on_commit_callbacks(execute=True):
        page.topics.add(hidden["members"].topics.first())
        page.save_revision().publish()
    return page


def sign_in(client, user):
    if user is not None:
        client.force_login(user)


def hidden_titles_in(text, hidden):
    return {name for name, page in hidden.items() if page.title in text}


@pytest.mark.django_db
@pytest.mark.parametrize("reader", READERS)
def test_search_page_titles_snippets_counts_and_facets(client, readers, hidden, bait, reader):
    sign_in(client, readers[reader])
    content = client.get("/search/", {"q": SECRET}).content.decode()
    allowed = MAY_OPEN[reader]
    assert hidden_titles_in(content, hidden) == allowed
    found = len(allowed) + 1  # and the open bait
    assert f"{found} result{'s' if found > 1 else ''} for" in content
    assert ("Private community" in content) == bool(allowed & {"private", "private_thread"})
    assert ("Restricted community" in content) == ("restricted" in allowed)


@pytest.mark.django_db
@pytest.mark.parametrize("reader", READERS)
def test_api_results_counts_and_facets(client, readers, hidden, bait, reader):
    sign_in(client, readers[reader])
    data = client.get("/api/search/", {"q": SECRET}).json()
    allowed = MAY_OPEN[reader]
    assert hidden_titles_in(json.dumps(data), hidden) == allowed
    assert data["count"] == len(allowed) + 1
    communities = {value["label"] for value in data["facets"]["community"]}
    assert ("Private community" in communities) == bool(allowed & {"private", "private_thread"})
    assert ("Restricted community" in communities) == ("restricted" in allowed)
    topic_count = {value["label"]: value["count"] for value in data["facets"]["topic"]}
    assert topic_count["Quillwort covert topic"] == len(allowed) + 1


@pytest.mark.django_db
@pytest.mark.parametrize("reader", READERS)
def test_filtering_by_a_hidden_community_reveals_nothing(client, readers, hidden, communities, reader):
    sign_in(client, readers[reader])
    private = communities[AccessLevel.PRIVATE]["community"]
    response = client.get("/api/search/", {"q": SECRET, "community": private.slug})
    if MAY_OPEN[reader] & {"private"}:
        assert response.status_code == 200
    else:
        assert response.status_code == 400
        assert private.title not in response.content.decode()
        assert response.json()["errors"]["community"] == f"There is no community called ‘{private.slug}’."


@pytest.mark.django_db
@pytest.mark.parametrize("reader", READERS)
def test_autocomplete(client, readers, hidden, reader):
    sign_in(client, readers[reader])
    data = client.get("/search/autocomplete/", {"q": SECRET[:5]}).json()
    assert hidden_titles_in(json.dumps(data), hidden) == MAY_OPEN[reader]


@pytest.mark.django_db
@pytest.mark.parametrize("reader", READERS)
def test_related_lists(rf, readers, hidden, bait, reader):
    from django.contrib.auth.models import AnonymousUser

    user = readers[reader] or AnonymousUser()
    related = {page.pk for page in lists.related(bait, user, limit=10)}
    assert {name for name, page in hidden.items() if page.pk in related} == MAY_OPEN[reader]


@pytest.mark.django_db
@pytest.mark.parametrize("reader", [r for r in READERS if r != "anonymous"])
def test_for_you(readers, hidden, reader):
    user = readers[reader]
    profile = getattr(user, "profile", None) or MemberProfileFactory(user=user)
    profile.interests.add(hidden["members"].topics.first())
    titles = {hit.page.title for hit in lists.for_you(user, limit=10)}
    assert {name for name, page in hidden.items() if page.title in titles} == MAY_OPEN[reader]


@pytest.mark.django_db
def test_click_redirect_refuses_pages_the_reader_may_not_open(client, hidden):
    response = client.get(f"/search/go/1/1/{hidden['private'].pk}/")
    assert response.status_code == 404
