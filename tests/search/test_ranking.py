"""The ranking entry point: text relevance, filters, facets, personalisation and reasons."""

from types import SimpleNamespace

import pytest

from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict
from django.utils import timezone

from search import personal, ranking
from search.models import SynonymSet
from tests.factories import BlogPostPageFactory


def titles(results):
    return [hit.page.title for hit in results.hits]


def facet(results, name):
    return {value.value: value.count for value in results.facets[name]}


@pytest.mark.django_db
def test_title_matches_rank_above_body_matches(library):
    results = ranking.search("storm", AnonymousUser())
    assert titles(results)[:2] == ["Storm warnings on social media", "A year of council updates"]
    assert results.count == 2


@pytest.mark.django_db
def test_threads_are_found_by_their_replies(library):
    results = ranking.search("hootsuite", AnonymousUser())
    assert titles(results) == ["Which tool for scheduling posts?"]
    assert "<mark>Hootsuite</mark>" in results.hits[0].snippet


@pytest.mark.django_db
def test_snippets_escape_before_marking(library):
    page = library["body_match"]
    page.summary = "<b>storm</b> & <script>x</script>"
    page.save_revision().publish()
    hit = next(hit for hit in ranking.search("storm", AnonymousUser()).hits if hit.page.pk == page.pk)
    assert str(hit.snippet) == "&lt;b&gt;<mark>storm</mark>&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;"


@pytest.mark.django_db
def test_filters_narrow_and_facets_count_the_matching_set(library, vocabulary):
    results = ranking.search("libraries", AnonymousUser())
    assert results.count == 2
    assert facet(results, "topic") == {"digital-inclusion": 1, "social-media": 1}
    assert facet(results, "audience") == {"comms-officer": 1}
    assert facet(results, "type") == {"post": 2}
    assert list(facet(results, "community").values()) == [2]

    filtered = ranking.search("libraries", AnonymousUser(), ranking.SearchFilters(topics=("social-media",)))
    assert titles(filtered) == ["Libraries on social media"]
    assert filtered.count == 1

    threads = ranking.search("", AnonymousUser(), ranking.SearchFilters(types=("discussion",)))
    assert titles(threads) == ["Which tool for scheduling posts?"]


@pytest.mark.django_db
def test_members_interests_and_role_raise_results_and_say_why(library, interested_member):
    anonymous = ranking.search("libraries", AnonymousUser())
    personal = ranking.search("libraries", interested_member)
    off = ranking.search("libraries", interested_member, personalise=False)

    assert not anonymous.personalised and all(not hit.why for hit in anonymous.hits)
    assert personal.personalised
    why = {hit.page.title: hit.why for hit in personal.hits}
    assert why["Libraries helping people online"] == ["Matches your interest: Digital inclusion"]
    assert why["Libraries on social media"] == ["Written for your role: Comms officer"]
    assert titles(off) == titles(anonymous)
    assert all(not hit.why for hit in off.hits)


@pytest.mark.django_db
def test_an_interest_decides_between_equal_text_matches(
    library, vocabulary, interested_member, django_capture_on_commit_callbacks
):
    blog = library["inclusion"].get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        plain = BlogPostPageFactory(parent=blog, title="Drop-in sessions", summary="Drop-in sessions at the town hall.")
        matching = BlogPostPageFactory(
            parent=blog, title="Drop-in sessions", summary="Drop-in sessions at the town hall."
        )
        matching.topics.add(vocabulary["inclusion"])
        matching.save_revision().publish()
    personal = ranking.search("drop-in sessions", interested_member)
    assert [hit.page.pk for hit in personal.hits] == [matching.pk, plain.pk]
    assert personal.hits[0].why == ["Matches your interest: Digital inclusion"]
    assert personal.hits[0].score > personal.hits[1].score


@pytest.mark.django_db
def test_community_members_see_their_community_raised(library, communities, interested_member):
    from practice.access import AccessLevel
    from practice.services import membership_join

    membership_join(community=communities[AccessLevel.OPEN]["community"], member=interested_member)
    hit = ranking.search("storm", interested_member).hits[0]
    assert "From your community: Open community" in hit.why


@pytest.mark.django_db
def test_synonyms_kept_by_editors_widen_the_query(library):
    assert ranking.search("tempest", AnonymousUser()).count == 0
    SynonymSet.objects.create(terms="tempest\nstorm")
    assert set(titles(ranking.search("tempest", AnonymousUser()))) == {
        "Storm warnings on social media",
        "A year of council updates",
    }


@pytest.mark.django_db
def test_phrases_in_quotes_must_appear_together(library):
    assert titles(ranking.search('"winter of warnings"', AnonymousUser())) == ["Storm warnings on social media"]
    assert ranking.search("warnings winter", AnonymousUser()).count == 1
    assert ranking.search('"warnings winter"', AnonymousUser()).count == 0


@pytest.mark.django_db
def test_nothing_found_offers_a_spelling(library):
    results = ranking.search("libaries", AnonymousUser())
    assert results.count == 0
    assert "libraries" in results.suggestions


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "field"),
    [
        ("type=podcast", "type"),
        ("topic=no-such-topic", "topic"),
        ("community=nowhere", "community"),
        ("audience=astronaut", "audience"),
        ("page=0", "page"),
        ("page=abc", "page"),
        ("sort=popularity", "sort"),
        ("q=" + "x" * 201, "q"),
    ],
)
def test_bad_parameters_are_named(params, field):
    with pytest.raises(ranking.InvalidSearch) as raised:
        ranking.parse_params(QueryDict(params), AnonymousUser())
    assert field in raised.value.errors


@pytest.mark.django_db
def test_paging_beyond_the_rerank_window_continues_in_engine_order(library, monkeypatch):
    monkeypatch.setattr(ranking, "RERANK_WINDOW", 2)
    everything = [
        title
        for page in (1, 2, 3)
        for title in titles(ranking.search("libraries OR storm", AnonymousUser(), page=page, per_page=1))
    ]
    assert len(everything) == len(set(everything))


@pytest.mark.django_db
def test_query_count_does_not_grow_with_results(library, interested_member, django_assert_max_num_queries):
    for number in range(15):
        BlogPostPageFactory(parent=library["inclusion"].get_parent(), title=f"Libraries note {number}")
    with django_assert_max_num_queries(40):
        results = ranking.search("libraries", interested_member)
    assert results.count == 17


@pytest.mark.parametrize("personalised", [False, True])
@pytest.mark.parametrize("stop", [1, 10, 30])
def test_rerank_reads_every_match_that_boosts_could_lift_onto_the_page(personalised, stop):
    """The worst case for personal.reach: plain matches first, then matches with every boost there is."""
    now = timezone.now()
    signals = (
        personal.ReaderSignals(
            interests={1: "Digital inclusion", 2: "Social media"},
            role=(3, "Comms officer"),
            communities={4: "Open community"},
            organisation=(5, "Northmoor Council"),
            region=(6, "North West"),
        )
        if personalised
        else None
    )
    plain = personal.Features(date=None)
    boosted = personal.Features(
        topics={1, 2}, audiences={3}, community=4, organisation=5, region=6, date=now, helpfulness=8
    )
    reach = personal.reach(stop, signals)
    matches = [SimpleNamespace(pk=n, title="Rota" if n < reach else "Libraries") for n in range(reach + 50)]
    features = {match.pk: plain if match.pk < reach else boosted for match in matches}

    scored, _ = personal.rerank(matches, signals, now, terms=["libraries"], features=features)
    first = {match.pk for match, _score in scored[:stop]}

    # None beyond reach gets onto the page, and one a little nearer than its end can.
    assert max(first) < reach
    near = reach - 3
    matches[near].title = "Libraries"
    lifted, _ = personal.rerank(matches, signals, now, terms=["libraries"], features={**features, near: boosted})
    assert near in {match.pk for match, _score in lifted[:stop]}


@pytest.mark.django_db
def test_related_pages_share_words_or_topics_never_only_common_words_nor_the_page_itself(
    library, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        BlogPostPageFactory(
            parent=library["title_match"].get_parent(), title="Thanks for everything"
        ).save_revision().publish()

    related = [page.title for page in ranking.related(library["libraries_comms"], AnonymousUser(), limit=5)]
    assert "Libraries on social media" not in related
    assert {"Libraries helping people online", "Storm warnings on social media"} <= set(related)
    # "for" is all it shares with the thread: too common a word to make a page related.
    assert "Thanks for everything" not in [page.title for page in ranking.related(library["thread"], AnonymousUser())]
