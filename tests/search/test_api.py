"""GET /api/search/: shape, tokens, errors."""

import pytest

from search.models import ApiToken, QueryLog


@pytest.mark.django_db
def test_answers_with_results_facets_and_reasons(client, library, interested_member):
    client.force_login(interested_member)
    data = client.get("/api/search/", {"q": "libraries", "type": "post"}).json()
    assert set(data) >= {"query", "count", "page", "results", "facets"}
    assert data["query"] == "libraries" and data["count"] == 2 and data["page"] == 1
    first = data["results"][0]
    assert set(first) == {"title", "url", "type", "snippet", "community", "topics", "published", "score", "why"}
    assert first["type"] == "post" and first["community"] == "Open community"
    assert first["url"].startswith("http")
    why = {result["title"]: result["why"] for result in data["results"]}
    assert why["Libraries helping people online"] == ["Matches your interest: Digital inclusion"]
    assert {value["value"] for value in data["facets"]["topic"]} == {"digital-inclusion", "social-media"}
    assert QueryLog.objects.get().source == "api"


@pytest.mark.django_db
def test_a_token_searches_as_its_member(client, hidden, communities):
    _, key = ApiToken.issue(user=communities["private"]["insider"], name="intranet")
    anonymous = client.get("/api/search/", {"q": "quillwort"}).json()
    with_token = client.get("/api/search/", {"q": "quillwort"}, HTTP_AUTHORIZATION=f"Token {key}").json()
    assert anonymous["count"] == 0
    assert {r["title"] for r in with_token["results"]} >= {"Quillwort private plan", "Quillwort private question"}


@pytest.mark.django_db
@pytest.mark.parametrize("header", ["Token wrong", "Bearer abc", "Token "])
def test_a_bad_token_is_refused(client, header):
    response = client.get("/api/search/", {"q": "x"}, HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response.json()["error"] == "The API token is not valid."


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "field"),
    [({}, "q"), ({"q": "x", "page": "-1"}, "page"), ({"q": "x", "type": "nope"}, "type"), ({"q": "y" * 300}, "q")],
)
def test_bad_parameters_are_400_with_the_field_named(client, params, field):
    response = client.get("/api/search/", params)
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not QueryLog.objects.exists()


@pytest.mark.django_db
def test_a_search_matching_more_than_can_be_paged_through_says_more_than(client, library, monkeypatch):
    monkeypatch.setattr("search.ranking.COUNT_LIMIT", 1)

    many = client.get("/api/search/", {"q": "libraries"}).json()
    page = client.get("/search/", {"q": "libraries"}).content.decode()

    assert (many["count"], many["count_is_exact"]) == (1, False)
    assert "More than 1 results for ‘libraries’" in page


@pytest.mark.django_db
def test_a_search_within_the_count_limit_counts_exactly(client, library):
    data = client.get("/api/search/", {"q": "libraries", "type": "post"}).json()

    assert (data["count"], data["count_is_exact"]) == (2, True)
