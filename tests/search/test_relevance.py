"""The relevance set over the demo hub: every query's best item comes in the top three."""

import io

import pytest

from django.core.management import call_command

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
