"""The relevance sets over the demo hub: in the pages' own words, and as people type (bench/natural_queries.py)."""

import io

import pytest

from django.core.management import call_command

from bench.natural_queries import NATURAL_SET
from search.results import search
from tests.search.relevance_set import RELEVANCE_SET


@pytest.mark.django_db
def test_every_querys_best_item_is_in_the_top_three(superuser):
    call_command("load_demo", stdout=io.StringIO())
    misses = {}
    for query, wanted in RELEVANCE_SET:
        found = [hit.page.title for hit in search(query, superuser, personalise=False).hits]
        if wanted[0] not in found[:3]:
            misses[query] = found[:3]
    assert misses == {}

    # As people type: questions, other words, acronyms, misspellings, other spellings. Issue 22 asks
    # for the best page in the top three for nine in ten, and nothing found for one in twenty at most.
    natural_misses, nothing = {}, []
    for query in NATURAL_SET:
        results = search(query.text, superuser, personalise=False)
        found = [hit.title for hit in results.hits]
        if query.wanted[0] not in found[:3]:
            natural_misses[query.text] = found[:3]
        if not results.count:
            nothing.append(query.text)
    assert len(natural_misses) <= len(NATURAL_SET) // 10, natural_misses
    assert len(nothing) <= len(NATURAL_SET) // 20, nothing
