"""The ranking entry point: text relevance, filters, facets, personalisation and reasons."""

import importlib
from types import SimpleNamespace

import pytest

from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from practice.discussions.services import reply_post
from practice.models import Membership, PracticePage
from practice.models.choices import AccessLevel
from search import lists, personal, ranking
from search.features import Features, candidate_features, stored_features
from search.models import RankingFeatures, SynonymSet
from search.query import InvalidSearch, Search, SearchFilters, parse_params
from search.results import _hits, search
from tests.factories import (
    AudienceRoleFactory,
    BlogPostPageFactory,
    MemberProfileFactory,
    OrganisationFactory,
    RegionFactory,
    TopicFactory,
)

features_migration = importlib.import_module("search.migrations.0006_ranking_features")


def titles(results):
    return [hit.page.title for hit in results.hits]


def facet(results, name):
    return {value.value: value.count for value in results.facets[name]}


@pytest.mark.django_db
def test_title_matches_rank_above_body_matches(library):
    results = search("storm", AnonymousUser())
    assert titles(results)[:2] == ["Storm warnings on social media", "A year of council updates"]
    assert results.count == 2


@pytest.mark.django_db
def test_threads_are_found_by_their_replies(library):
    results = search("hootsuite", AnonymousUser())
    assert titles(results) == ["Which tool for scheduling posts?"]
    assert "<mark>Hootsuite</mark>" in results.hits[0].snippet


@pytest.mark.django_db
def test_snippets_escape_before_marking(library):
    page = library["body_match"]
    page.summary = "<b>storm</b> & <script>x</script>"
    page.save_revision().publish()
    hit = next(hit for hit in search("storm", AnonymousUser()).hits if hit.page.pk == page.pk)
    assert str(hit.snippet) == "&lt;b&gt;<mark>storm</mark>&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;"


@pytest.mark.django_db
def test_filters_narrow_and_facets_count_the_matching_set(library, vocabulary):
    results = search("libraries", AnonymousUser())
    assert results.count == 2
    assert facet(results, "topic") == {"digital-inclusion": 1, "social-media": 1}
    assert facet(results, "audience") == {"comms-officer": 1}
    assert facet(results, "type") == {"post": 2}
    assert list(facet(results, "community").values()) == [2]

    filtered = search("libraries", AnonymousUser(), SearchFilters(topics=("social-media",)))
    assert titles(filtered) == ["Libraries on social media"]
    assert filtered.count == 1

    threads = search("", AnonymousUser(), SearchFilters(types=("discussion",)))
    assert titles(threads) == ["Which tool for scheduling posts?"]


@pytest.mark.django_db
def test_members_interests_and_role_raise_results_and_say_why(library, interested_member):
    anonymous = search("libraries", AnonymousUser())
    personal = search("libraries", interested_member)
    off = search("libraries", interested_member, personalise=False)

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
    personal = search("drop-in sessions", interested_member)
    # Pages with some of the words may follow the two with all of them (search.relaxing).
    assert [hit.page.pk for hit in personal.hits][:2] == [matching.pk, plain.pk]
    assert personal.hits[0].why == ["Matches your interest: Digital inclusion"]
    assert personal.hits[0].score > personal.hits[1].score


@pytest.mark.django_db
def test_community_members_see_their_community_raised(library, communities, interested_member):
    from practice.communities.services import membership_join
    from practice.models.choices import AccessLevel

    membership_join(community=communities[AccessLevel.OPEN]["community"], member=interested_member)
    hit = search("storm", interested_member).hits[0]
    assert "From your community: Open community" in hit.why


@pytest.mark.django_db
def test_synonyms_kept_by_editors_widen_the_query(library):
    assert search("tempest", AnonymousUser()).count == 0
    SynonymSet.objects.create(terms="tempest\nstorm")
    assert set(titles(search("tempest", AnonymousUser()))) == {
        "Storm warnings on social media",
        "A year of council updates",
    }


@pytest.mark.django_db
def test_phrases_in_quotes_must_appear_together(library):
    assert titles(search('"winter of warnings"', AnonymousUser())) == ["Storm warnings on social media"]
    assert search("warnings winter", AnonymousUser()).count == 1
    assert search('"warnings winter"', AnonymousUser()).count == 0


@pytest.mark.django_db
def test_a_misspelt_word_is_searched_corrected_at_once(library):
    results = search("libaries", AnonymousUser())
    assert (results.query, results.corrected_from) == ("libraries", "libaries")
    assert "Libraries helping people online" in titles(results)
    as_typed = search("libaries", AnonymousUser(), correct=False)
    assert (as_typed.count, as_typed.corrected_from) == (0, None)


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
    with pytest.raises(InvalidSearch) as raised:
        parse_params(QueryDict(params), AnonymousUser())
    assert field in raised.value.errors


@pytest.mark.django_db
def test_paging_beyond_the_rerank_window_continues_in_engine_order(library, monkeypatch):
    monkeypatch.setattr(ranking, "RERANK_WINDOW", 2)
    everything = [
        title
        for page in (1, 2, 3)
        for title in titles(search("libraries OR storm", AnonymousUser(), page=page, per_page=1))
    ]
    assert len(everything) == len(set(everything))


@pytest.mark.django_db
def test_query_count_does_not_grow_with_results(library, interested_member, django_assert_max_num_queries):
    for number in range(15):
        BlogPostPageFactory(parent=library["inclusion"].get_parent(), title=f"Libraries note {number}")
    with django_assert_max_num_queries(40):
        results = search("libraries", interested_member)
    assert results.count == 17


@pytest.mark.django_db
def test_a_hit_names_its_community_and_topics_without_reading_them_per_hit(
    library, vocabulary, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # topics are indexed after commit
        library["libraries_comms"].topics.add(vocabulary["inclusion"])
        library["libraries_comms"].save_revision().publish()
    ranked = ranking.rank(Search("libraries", AnonymousUser()))
    found = {ranking.PAGES: ranked.pages, ranking.ENTRIES: ranked.entries}
    queries = []
    for order in (ranked.order[:1], ranked.order):
        with CaptureQueriesContext(connection) as captured:
            hits = _hits(order, "libraries", ranked.signals, found)
        queries.append(len(captured))
    assert queries[0] == queries[1]
    named = {hit.page.title: (hit.community, hit.topics) for hit in hits}
    assert named == {
        "Libraries helping people online": ("Open community", ["Digital inclusion"]),
        "Libraries on social media": ("Open community", ["Digital inclusion", "Social media"]),
    }


EVERY_SIGNAL = personal.ReaderSignals(
    interests={1: "Digital inclusion", 2: "Social media"},
    role=(3, "Comms officer"),
    communities={4: "Open community"},
    organisation=(5, "Northmoor Council"),
    region=(6, "North West"),
)
SOME_SIGNALS = personal.ReaderSignals(interests={1: "Digital inclusion"}, communities={4: "Open community"})


def test_reasons_name_every_matching_interest_in_one_line_then_each_other_signal():
    features = Features(topics={1, 2, 7}, audiences={3}, community=4, organisation=5, region=6, answered=True)
    assert personal.reasons(features, EVERY_SIGNAL) == [
        "Matches your interests: Digital inclusion, Social media",
        "Written for your role: Comms officer",
        "From your community: Open community",
        "From your organisation: Northmoor Council",
        "In your region: North West",
        "Has an accepted answer",
    ]
    assert personal.reasons(features, SOME_SIGNALS)[:2] == [
        "Matches your interest: Digital inclusion",
        "From your community: Open community",
    ]
    assert personal.reasons(features, None) == ["Has an accepted answer"]


@pytest.mark.parametrize("signals", [None, EVERY_SIGNAL, SOME_SIGNALS], ids=["anonymous", "every signal", "some"])
@pytest.mark.parametrize("stop", [1, 10, 30])
def test_rerank_reads_every_match_that_boosts_could_lift_onto_the_page(signals, stop):
    """The worst case for personal.reach: plain matches first, then matches with every boost there is."""
    now = timezone.now()
    plain = Features(title="Rota", date=None)
    boosted = Features(
        title="Libraries", topics={1, 2}, audiences={3}, community=4, organisation=5, region=6, date=now, helpfulness=8
    )
    reach = personal.reach(stop, signals)
    matches = list(range(reach + 50))
    features = {match: plain if match < reach else boosted for match in matches}

    scored = personal.rerank(matches, features, signals, now, terms=["libraries"])
    first = {match for match, _score in scored[:stop]}

    # None beyond reach gets onto the page, and one a little nearer than its end can.
    assert max(first) < reach
    near = reach - 3
    lifted = personal.rerank(matches, {**features, near: boosted}, signals, now, terms=["libraries"])
    assert near in {match for match, _score in lifted[:stop]}


def test_a_reader_who_told_us_less_has_fewer_matches_read_for_re_ranking():
    reaches = [personal.reach(10, signals) for signals in (None, SOME_SIGNALS, EVERY_SIGNAL)]

    assert reaches == sorted(reaches) and len(set(reaches)) == 3


@pytest.mark.django_db
def test_for_you_ranks_the_newest_pages_for_the_reader_without_counting_them(library, interested_member):
    with CaptureQueriesContext(connection) as queries:
        hits = lists.for_you(interested_member, limit=10)

    assert {hit.page.title for hit in hits} >= {"Libraries helping people online", "Libraries on social media"}
    assert all(hit.why for hit in hits)
    assert not [query for query in queries.captured_queries if '"__count"' in query["sql"]]  # QuerySet.count()
    # The newest pages are read in the order of an index (home migration 0005), not sorted from all of them.
    newest = ranking.visible_pages(interested_member, in_sql=True).objects.order_by(*ranking.PAGES.date_order)
    sql, params = newest.values("pk")[:5].query.sql_with_params()
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "wagtailcore_page")
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("SET LOCAL enable_incremental_sort = off")
            cursor.execute(f"EXPLAIN {sql}", params)
            assert "Index Scan Backward using hub_page_newest" in " ".join(row for (row,) in cursor.fetchall())
    assert ["first_published_at", "path"] in [index["columns"] for index in indexes.values() if index["index"]]


@pytest.mark.django_db
def test_a_members_signals_are_read_in_one_query(communities, django_assert_num_queries):
    insider = communities[AccessLevel.OPEN]["insider"]
    own_region, their_councils = RegionFactory(name="North West"), RegionFactory(name="South East")
    organisation = OrganisationFactory(name="Northmoor Council", region=their_councils)
    role = AudienceRoleFactory(name="Comms officer")
    profile = MemberProfileFactory(user=insider, organisation=organisation, role=role)
    interests = [TopicFactory(name="Digital inclusion"), TopicFactory(name="Social media")]
    profile.interests.set(interests)
    # Asking to join a community is not being in it.
    restricted = communities[AccessLevel.RESTRICTED]["community"]
    Membership.objects.create(community=restricted, member=insider, status=Membership.Status.REQUESTED)
    reader = get_user_model().objects.get(pk=insider.pk)

    with django_assert_num_queries(1):
        signals = personal.reader_signals(reader)

    open_community = communities[AccessLevel.OPEN]["community"]
    assert signals == personal.ReaderSignals(
        interests={topic.pk: topic.name for topic in interests},
        role=(role.pk, "Comms officer"),
        communities={open_community.pk: open_community.title},
        organisation=(organisation.pk, "Northmoor Council"),
        region=(their_councils.pk, "South East"),
    )
    # A region of their own is theirs rather than their council's.
    profile.region = own_region
    profile.save()
    assert personal.reader_signals(reader).region == (own_region.pk, "North West")
    # Without a profile, only the communities they are in; signed out, nothing.
    facilitator = communities[AccessLevel.RESTRICTED]["facilitator"]
    assert personal.reader_signals(facilitator) == personal.ReaderSignals(communities={restricted.pk: restricted.title})
    assert personal.reader_signals(AnonymousUser()) is None


@pytest.mark.django_db
def test_related_pages_share_words_or_topics_never_only_common_words_nor_the_page_itself(
    library, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        BlogPostPageFactory(
            parent=library["title_match"].get_parent(), title="Thanks for everything"
        ).save_revision().publish()

    related = [page.title for page in lists.related(library["libraries_comms"], AnonymousUser(), limit=5)]
    assert "Libraries on social media" not in related
    assert {"Libraries helping people online", "Storm warnings on social media"} <= set(related)
    # "for" is all it shares with the thread: too common a word to make a page related.
    assert "Thanks for everything" not in [page.title for page in lists.related(library["thread"], AnonymousUser())]


@pytest.mark.django_db
def test_related_pages_are_ranked_for_the_reader_like_any_search(library, interested_member, vocabulary):
    page = library["libraries_comms"]
    page.topics.add(vocabulary["inclusion"])  # shares a topic with both pages below

    for_anyone = [found.title for found in lists.related(page, AnonymousUser(), limit=2)]
    for_member = [found.title for found in lists.related(page, interested_member, limit=2)]

    assert set(for_anyone) == set(for_member)
    # The page sharing more of its title's words comes first, but the member's interest in digital
    # inclusion lifts the page about it.
    assert for_anyone[0] == "Storm warnings on social media"
    assert for_member[0] == "Libraries helping people online"


def read_features(pages):
    """Return each page's ranking features as stored beside its index entry, and as read from the page tables."""
    pks = [page.pk for page in pages]
    return stored_features(PracticePage, pks), candidate_features(PracticePage.objects.filter(pk__in=pks))


@pytest.mark.django_db
def test_each_index_entry_keeps_its_pages_ranking_features_in_step(
    library, vocabulary, django_capture_on_commit_callbacks
):
    thread, post = library["thread"], library["libraries_comms"]
    stored, read = read_features(library.values())
    assert stored == read
    assert stored[post.pk].topics == {vocabulary["social"].pk}
    assert stored[post.pk].audiences == {vocabulary["comms"].pk}
    assert stored[post.pk].title == "Libraries on social media"

    with django_capture_on_commit_callbacks(execute=True):
        regular = thread.replies.get().author  # has published before: not held for a moderator
        reply_post(thread=thread, author=regular, body="Buffer is cheaper and does the job.")
        post.topics.add(vocabulary["inclusion"])
        post.save_revision().publish()
    stored, read = read_features([thread, post])
    assert stored == read
    assert stored[post.pk].topics == {vocabulary["social"].pk, vocabulary["inclusion"].pk}
    assert stored[thread.pk].helpfulness == read[thread.pk].helpfulness == 1  # a reply counted

    with django_capture_on_commit_callbacks(execute=True):
        post.delete()
    assert not RankingFeatures.objects.filter(object_id=str(post.pk)).exists()


@pytest.mark.django_db
def test_the_migration_stores_the_features_of_entries_written_before(library):
    stored, _read = read_features(library.values())
    RankingFeatures.objects.all().delete()

    # The fill reads only the editor's connection (SQLite opens no schema editor inside a test's transaction).
    features_migration.fill_features(django_apps, SimpleNamespace(connection=connection))

    assert read_features(library.values())[0] == stored


@pytest.mark.django_db
def test_ranking_reads_stored_features_and_the_page_tables_for_entries_without(library, interested_member):
    def ranked():
        with CaptureQueriesContext(connection) as queries:
            results = search("libraries", interested_member)
        return [(hit.title, hit.why) for hit in results.hits], len(queries)

    with_stored, queries_with_stored = ranked()
    RankingFeatures.objects.all().delete()
    from_tables, queries_from_tables = ranked()

    assert with_stored == from_tables
    assert ("Libraries helping people online", ["Matches your interest: Digital inclusion"]) in with_stored
    # Read from the page tables, a window's features take six queries instead of one.
    assert queries_from_tables == queries_with_stored + 6
