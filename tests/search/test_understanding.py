"""Search as people ask: questions, other words, other spellings, misspellings (issue 22), on every backend."""

import pytest

from django.contrib.auth.models import AnonymousUser

from practice.models.choices import AccessLevel
from search import relaxing, spelling
from search.models import SynonymSet
from search.query import Search, build_query
from search.ranking import ENOUGH
from search.results import search
from search.word_forms import british, british_text, index_text, joined_variants, words
from tests.factories import BlogPostPageFactory
from tests.search.conftest import SECRET, make_engine_unreachable


def titles(results):
    return [hit.title for hit in results.hits]


# Relaxing: from every word to any of those that carry meaning.


def test_a_question_is_tried_whole_then_by_the_words_that_carry_meaning():
    strict, loose = relaxing.attempts("how do I wipe old laptops before giving them away")
    assert (strict.text, strict.relaxed) == ("how do I wipe old laptops before giving them away", False)
    assert loose.meaningful == ("wipe", "old", "laptops", "giving", "away")
    assert loose.relaxed and loose.operator == relaxing.ANY


def test_quoted_phrases_stay_in_every_attempt_and_lists_of_any_word_are_tried_once():
    _strict, loose = relaxing.attempts('"pre-election period" what can councillors post')
    assert loose.text == '"pre-election period" councillors post'
    assert "<Phrase 'pre-election period'>" in repr(build_query(loose.text, loose.operator, synonyms=()))
    assert relaxing.attempts("storm warnings", operator="or") == [relaxing.Attempt("storm warnings", "or")]
    assert len(relaxing.attempts("storm")) == 1
    assert relaxing.meaningful_words(["how", "do", "I"]) == ["how", "do", "I"]  # none carries meaning: all count


@pytest.mark.django_db
def test_a_question_no_page_answers_word_for_word_finds_the_page_that_holds_most_of_it(library):
    results = search("how do libraries help residents with tablets?", AnonymousUser())
    assert titles(results)[0] == "Libraries helping people online"
    assert results.partly == ("libraries", "residents", "tablets") and results.every_word == 0


@pytest.mark.django_db
def test_the_few_results_with_every_word_come_first_and_say_so(library):
    strict = search("winter warnings", AnonymousUser(), correct=False)
    assert titles(strict) == ["Storm warnings on social media"] and strict.count == 1
    results = search("winter warnings bins", AnonymousUser())
    assert results.every_word == 0  # no page says all three
    wider = search("storm warnings", AnonymousUser())
    assert titles(wider)[0] == "Storm warnings on social media"
    assert wider.every_word == 1 < ENOUGH and wider.partly == ("storm", "warnings")
    assert "A year of council updates" in titles(wider)[1:]  # holds "storm" only


@pytest.mark.django_db
def test_a_quoted_phrase_is_never_relaxed(library):
    assert search('"warnings winter" storm', AnonymousUser()).count == 0


@pytest.mark.django_db
def test_the_search_page_and_the_api_say_when_results_hold_some_of_the_words(client, library):
    page = client.get("/search/", {"q": "how do libraries help residents with tablets"}).content.decode()
    assert "No result has every word you searched for" in page and "<strong>residents</strong>" in page
    page = client.get("/search/", {"q": "storm warnings"}).content.decode()
    assert "One result has every word you searched for. After it come results with some of these" in page
    data = client.get("/api/search/", {"q": "storm warnings"}).json()
    assert (data["every_word"], data["some_of"]) == (1, ["storm", "warnings"])
    exact = client.get("/api/search/", {"q": "libraries"}).json()
    assert (exact["every_word"], exact["some_of"]) == (None, [])


@pytest.mark.django_db
def test_relaxed_searches_never_show_closed_material(library, hidden):
    results = search(f"how do libraries use {SECRET} online", AnonymousUser())
    assert results.partly and titles(results)
    assert not any(SECRET in title for title in titles(results))
    assert not any(SECRET in (value.label) for values in results.facets.values() for value in values)


# The thesaurus: loaded by a migration into the synonyms editors keep.


@pytest.mark.django_db
def test_the_thesaurus_ships_with_the_hub_as_synonyms_editors_can_change():
    sets = list(SynonymSet.objects.all())
    assert len(sets) >= 150
    for synonyms in sets:
        synonyms.full_clean()  # every entry is one an editor could have typed
    terms = {term for synonyms in sets for term in synonyms.term_list()}
    assert {"foi", "freedom of information", "purdah", "pre-election period", "lga", "dpo", "send"} <= terms
    assert {"chief exec", "comms", "cms"} <= terms


@pytest.mark.django_db
def test_an_acronym_finds_what_it_stands_for_and_an_editor_can_take_it_out(client, library, vocabulary):
    blog = library["inclusion"].get_parent()
    BlogPostPageFactory(parent=blog, title="Answering freedom of information requests").save_revision().publish()
    assert titles(search("FOI", AnonymousUser())) == ["Answering freedom of information requests"]
    suggested = client.get("/search/autocomplete/", {"q": "foi"}).json()["suggestions"]
    assert [entry["title"] for entry in suggested] == ["Answering freedom of information requests"]
    SynonymSet.objects.filter(terms__startswith="foi\n").delete()
    assert search("FOI", AnonymousUser(), correct=False).count == 0


# Word forms: American spellings, hyphens and compounds, on both sides.


def test_american_spellings_are_read_as_british():
    assert [british(word) for word in ["organization", "rumors", "councilor", "analyzing", "size", "capsize"]] == [
        "organisation",
        "rumours",
        "councillor",
        "analysing",
        "size",
        "capsize",
    ]
    assert british_text('Reorganization "color"') == 'reorganisation "colour"'


def test_indexed_text_keeps_its_words_and_gains_their_other_forms():
    assert index_text("An out-of-hours e-mail rota") == "An out-of-hours e-mail rota email outofhours"
    assert index_text("Our neighborhood") == "Our neighborhood neighbourhood"
    assert index_text("Nothing to add") == "Nothing to add"
    assert joined_variants("co-production and e-mail") == "coproduction and email"


@pytest.mark.django_db
def test_compounds_and_spellings_find_each_other(library, django_capture_on_commit_callbacks):
    blog = library["inclusion"].get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        rota = BlogPostPageFactory(parent=blog, title="An out-of-hours rota for social media")
        email = BlogPostPageFactory(parent=blog, title="Sending the email newsletter")
        american = BlogPostPageFactory(parent=blog, title="What the organization learned")
        for page in (rota, email, american):
            page.save_revision().publish()
    for asked, wanted in [
        ("outofhours", rota),
        ("out of hours", rota),
        ("e-mail newsletter", email),
        ("organisation learned", american),
        ("organization learned", american),
    ]:
        assert titles(search(asked, AnonymousUser(), correct=False))[:1] == [wanted.title], asked


# Spelling: corrected from the words the reader can find.


def test_edits_count_letters_added_dropped_changed_and_swapped():
    assert [spelling.edits(a, b) for a, b in [("libaries", "libraries"), ("form", "from"), ("cat", "cat")]] == [1, 1, 0]
    assert spelling.nearest("evacuaton", ["evacuation", "evaluation", "education", "evacuate"])[:1] == ["evacuation"]
    assert spelling.nearest("bins", ["bans", "bonds", "binds"]) == ["bans", "binds"]  # short: one edit at most


@pytest.mark.django_db
def test_a_word_the_reader_can_find_is_never_corrected(library, django_capture_on_commit_callbacks):
    blog = library["inclusion"].get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        BlogPostPageFactory(parent=blog, title="Using Libby for e-books").save_revision().publish()
    results = search("libby", AnonymousUser())
    assert results.corrected_from is None and titles(results) == ["Using Libby for e-books"]


@pytest.mark.django_db
def test_a_correction_found_only_in_closed_material_is_never_offered(client, library, hidden, communities):
    misspelt = "Quilwort"
    assert spelling.edits(misspelt.lower(), SECRET.lower()) == 1
    outsider = search(misspelt, AnonymousUser())
    assert outsider.corrected_from is None and outsider.count == 0
    assert not any(SECRET.lower() in suggestion.lower() for suggestion in outsider.suggestions)
    page = client.get("/search/", {"q": misspelt}).content.decode()
    assert SECRET not in page and SECRET.lower() not in page
    insider = communities[AccessLevel.PRIVATE]["insider"]
    corrected = search(misspelt, insider)
    assert (corrected.query, corrected.corrected_from) == (SECRET.lower(), misspelt)


@pytest.mark.django_db
def test_the_search_page_says_what_it_corrected_and_searches_as_typed_on_request(client, library):
    page = client.get("/search/", {"q": "libaries"}).content.decode()
    assert "Showing results for <strong>libraries</strong>" in page
    assert "?q=libaries&amp;spelling=as-typed" in page and "Libraries helping people online" in page
    as_typed = client.get("/search/", {"q": "libaries", "spelling": "as-typed"}).content.decode()
    assert "No results for ‘libaries’" in as_typed and 'name="spelling" value="as-typed"' in as_typed


@pytest.mark.django_db
def test_a_correction_that_holds_only_some_of_the_words_is_offered_not_searched(library):
    results = search("libaries storm", AnonymousUser())
    assert results.corrected_from is None and results.partly  # found as typed: pages about storms
    assert "libraries storm" in results.suggestions


@pytest.mark.django_db
def test_spelling_falls_back_to_the_database_when_the_engine_is_down(library, monkeypatch):
    make_engine_unreachable(monkeypatch, spelling)
    counts = spelling.reader_counts(["libraries", "libaries"], Search("libaries", AnonymousUser()))
    assert counts == {"libraries": 2, "libaries": 0}


def test_the_vocabulary_keeps_words_of_three_to_forty_letters():
    found = words("An EU grant of £40,000 for digital inclusion " + "x" * 3000)
    assert found == {"grant", "for", "digital", "inclusion"}


@pytest.mark.django_db
def test_the_vocabulary_holds_words_as_written(library):
    nearby = spelling._vocabulary_backend().words_like("libaries", spelling.SPREAD)
    assert "libraries" in nearby and all(word.startswith("l") for word in nearby)
