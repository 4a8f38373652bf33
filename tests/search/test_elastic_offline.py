"""The exact index settings, mapping and query bodies the Elasticsearch 9 backend sends, with no server.

The client's transport is replaced by a recorder, so these run anywhere; OpenSearch 3 shares the
same mixins and is exercised end to end in test_opensearch.py.
"""

import datetime as dt
import json

import elasticsearch
import pytest

from django.contrib.auth.models import AnonymousUser

from wagtail.search.backends import get_search_backend
from wagtail.search.query import Or, PlainText

from practice.models import BlogPostPage
from search import personal, ranking
from search.elastic import holds_at_least
from search.models import SynonymSet
from search.query import build_query

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@pytest.fixture
def sent(monkeypatch):
    """Record every request the Elasticsearch client would send, answering with empty results."""
    requests = []

    def perform_request(self, method, path, *, params=None, headers=None, body=None, **kwargs):
        requests.append({"method": method, "path": path, "body": body})
        if path.endswith("/_count"):
            return {"count": 0}
        if path.endswith("/_search"):
            aggregations = {name: {"buckets": []} for name in (body or {}).get("aggregations", {})}
            return {"hits": {"hits": [], "total": {"value": 0}}, "aggregations": aggregations}
        return {"acknowledged": True}

    monkeypatch.setattr(elasticsearch.Elasticsearch, "perform_request", perform_request)
    return requests


@pytest.fixture
def backend():
    return get_search_backend("search.elastic.Elasticsearch9Backend", URLS=["http://127.0.0.1:9"], INDEX_PREFIX="t_")


@pytest.mark.django_db
def test_index_settings_add_english_analysis_and_the_editors_synonyms(sent, backend, no_thesaurus):
    SynonymSet.objects.create(terms="LGR\nlocal government reorganisation")
    backend.get_index_for_model(BlogPostPage).put()
    (request,) = sent
    assert (request["method"], request["path"]) == ("PUT", "/t_wagtailcore_page")
    analysis = request["body"]["settings"]["analysis"]
    british = ["lowercase", "asciifolding", "hub_british", "hub_british_ize", "hub_british_yze"]
    assert analysis["analyzer"]["default"] == {
        "type": "custom",
        "tokenizer": "whitespace",
        "filter": ["hub_compounds", "flatten_graph", *british, "hub_english_stop", "hub_english_stemmer"],
    }
    assert analysis["analyzer"]["default_search"] == {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["hub_english_possessive", *british, "hub_synonyms", "hub_english_stop", "hub_english_stemmer"],
    }
    assert analysis["filter"]["hub_compounds"]["catenate_all"] is True
    assert "rumor => rumour" in analysis["filter"]["hub_british"]["synonyms"]
    assert analysis["filter"]["hub_british_ize"]["replacement"] == "$1is$2"
    assert analysis["filter"]["hub_synonyms"] == {
        "type": "synonym_graph",
        "synonyms": ["lgr, local government reorganisation"],
        "lenient": True,
    }
    assert analysis["filter"]["hub_english_stemmer"] == {"type": "stemmer", "language": "english"}
    # Wagtail's own analysers for autocomplete are kept.
    assert set(analysis["analyzer"]) == {"ngram_analyzer", "edgengram_analyzer", "default", "default_search"}


@pytest.mark.django_db
def test_mapping_boosts_title_over_summary_over_body_and_keeps_every_filter(sent, backend):
    backend.get_index_for_model(BlogPostPage).add_model(BlogPostPage)
    (request,) = sent
    assert request["path"] == "/t_wagtailcore_page/_mapping"
    properties = request["body"]["properties"]
    assert properties["title"] == {"type": "text", "copy_to": ["_all_text", "_all_text_boost_5_0"]}
    assert properties["practice_practicepage__summary"] == {
        "type": "text",
        "copy_to": ["_all_text", "_all_text_boost_2_0"],
    }
    assert properties["practice_blogpostpage__body"] == {"type": "text", "copy_to": "_all_text"}
    assert properties["title_edgengrams"]["analyzer"] == "edgengram_analyzer"
    page_filters = {
        "topics": "long",
        "audiences": "long",
        "community_id": "integer",
        "visibility": "keyword",
        "view_groups": "integer",
        "security_level": "keyword",
        "search_organisation": "integer",
        "search_region": "integer",
        "search_date": "date",
        "search_helpfulness": "integer",
    }
    expected_filters = {
        **{f"practice_practicepage__{name}_filter": {"type": kind} for name, kind in page_filters.items()},
        "content_type_id_filter": {"type": "integer"},
        "path_filter": {"type": "keyword"},
    }
    assert {name: properties[name] for name in expected_filters} == expected_filters


@pytest.mark.django_db
def test_personalised_query_body(no_thesaurus, sent, backend):
    signals = personal.ReaderSignals(
        interests={3: "Digital inclusion"},
        role=(2, "Comms officer"),
        communities={7: "Open community"},
        organisation=(5, "Northmoor Council"),
        region=(9, "North West"),
    )
    results = backend.search(build_query("storm warnings"), ranking.visible_pages(AnonymousUser()).objects)
    list(results.personalised(signals, NOW)[:10])
    (request,) = sent
    assert (request["method"], request["path"]) == ("POST", "/t_wagtailcore_page/_search")
    assert request["body"] == {
        "from": 0,
        "size": 10,
        "_source": False,
        "stored_fields": "pk",
        "query": {
            "function_score": {
                "query": {
                    "bool": {
                        "must": {
                            "multi_match": {
                                "query": "storm warnings",
                                "operator": "and",
                                "fields": ["_all_text", "_all_text_boost_2_0^2.0", "_all_text_boost_5_0^5.0"],
                            }
                        },
                        "filter": [
                            {"match": {"_django_content_type": "practice.PracticePage"}},
                            {
                                "bool": {
                                    "must": [
                                        {"term": {"live_filter": True}},
                                        {"term": {"practice_practicepage__visibility_filter": "public"}},
                                    ]
                                }
                            },
                        ],
                    }
                },
                "functions": [
                    {"weight": 1},
                    {
                        "exp": {
                            "practice_practicepage__search_date_filter": {
                                "origin": "2026-01-01T00:00:00+00:00",
                                "scale": "180d",
                                "decay": 0.5,
                            }
                        },
                        "weight": 0.2,
                    },
                    # Helpful up to 8 times, each adding 0.05: one clause per count.
                    *(
                        {
                            "filter": {"range": {"practice_practicepage__search_helpfulness_filter": {"gte": times}}},
                            "weight": 0.05,
                        }
                        for times in range(1, 9)
                    ),
                    {"filter": {"terms": {"practice_practicepage__topics_filter": [3]}}, "weight": 0.35},
                    {"filter": {"terms": {"practice_practicepage__audiences_filter": [2]}}, "weight": 0.25},
                    {"filter": {"terms": {"practice_practicepage__community_id_filter": [7]}}, "weight": 0.3},
                    {"filter": {"terms": {"practice_practicepage__search_organisation_filter": [5]}}, "weight": 0.2},
                    {"filter": {"terms": {"practice_practicepage__search_region_filter": [9]}}, "weight": 0.15},
                ],
                "score_mode": "sum",
                "boost_mode": "multiply",
            }
        },
    }


def test_a_boost_counted_up_to_most_times_is_one_clause_per_count():
    # Three of the reader's interests held: the two-interest cap, as the databases re-rank.
    assert holds_at_least("topics", [3, 4, 5], 1) == {"terms": {"topics": [3, 4, 5]}}
    assert holds_at_least("topics", [3, 4, 5], 2) == {
        "bool": {
            "should": [{"term": {"topics": 3}}, {"term": {"topics": 4}}, {"term": {"topics": 5}}],
            "minimum_should_match": 2,
        }
    }


@pytest.mark.django_db
def test_signed_in_readers_filter_on_group_paths_inside_the_query(sent, backend, communities):
    insider = communities["private"]["insider"]
    list(backend.search("storm", ranking.visible_pages(insider).objects)[:10])
    access = json.loads(json.dumps(sent[0]["body"]["query"]["bool"]["filter"][1]["bool"]["must"][1]))
    community = communities["private"]["community"]
    assert access == {
        "bool": {
            "should": [
                {"terms": {"practice_practicepage__visibility_filter": ["public", "members"]}},
                {
                    "bool": {
                        "must": [
                            {"terms": {"path_filter": [community.path]}},
                            {"term": {"practice_practicepage__visibility_filter": "groups"}},
                        ]
                    }
                },
            ]
        }
    }


@pytest.mark.django_db
def test_facets_ask_for_every_value(sent, backend):
    backend.search("storm", ranking.visible_pages(AnonymousUser()).objects).facet("topics")
    (request,) = sent
    assert request["body"]["aggregations"] == {
        "topics": {"terms": {"field": "practice_practicepage__topics_filter", "size": 200}}
    }
    assert request["body"]["size"] == 0


@pytest.mark.django_db
def test_queries_are_expanded_with_the_current_synonyms(no_thesaurus):
    SynonymSet.objects.create(terms="LGR\nlocal government reorganisation")
    assert repr(build_query("lgr plans")) == repr(
        Or(
            [
                PlainText("lgr plans", operator="and"),
                PlainText("local government reorganisation plans", operator="and"),
            ]
        )
    )


@pytest.mark.django_db
def test_saves_succeed_when_the_cluster_is_down(settings, library, django_capture_on_commit_callbacks):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.elastic.Elasticsearch9Backend", "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1},
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }
    page = library["inclusion"]
    page.summary = "Saved while the cluster is down."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    assert page.summary == "Saved while the cluster is down."
