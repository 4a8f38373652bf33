"""Ranking features are defined once: what the engines' index holds is what the database ranking reads."""

import datetime as dt

import pytest

from django.utils import timezone

from practice.models import DiscussionThreadPage, PracticePage
from search.features import GENERAL, PERSONAL, candidate_features
from tests.factories import (
    CaseStudyPageFactory,
    DiscussionThreadPageFactory,
    EventPageFactory,
    OrganisationFactory,
    ResourceLinkPageFactory,
)


@pytest.mark.django_db
def test_the_engine_index_and_the_database_ranking_read_the_same_features(library):
    organisation = OrganisationFactory()
    answered = DiscussionThreadPageFactory(title="Which rota tool?", status=DiscussionThreadPage.Status.ANSWERED)
    pages = [
        *library.values(),
        answered,
        ResourceLinkPageFactory(
            title="Rota guidance", publisher=organisation, date_added=dt.datetime(2025, 3, 1, tzinfo=dt.UTC)
        ),
        CaseStudyPageFactory(title="Rota case", organisation=organisation),
        EventPageFactory(title="Rota meetup", region=organisation.region, start=timezone.now()),
    ]
    specific = {page.pk: page for page in PracticePage.objects.filter(pk__in=[p.pk for p in pages]).specific()}

    read = candidate_features(PracticePage.objects.filter(pk__in=list(specific)))

    for pk, page in specific.items():
        # What Elasticsearch and OpenSearch index (PracticePage.search_fields), page by page.
        indexed = (page.search_date(), page.search_organisation(), page.search_region(), page.search_helpfulness())
        features = read[pk]
        assert indexed == (features.date, features.organisation, features.region, features.helpfulness), page.title
    assert read[answered.pk].helpfulness > 0


def test_every_boost_names_a_filter_field_the_engines_index():
    filterable = {field.field_name for field in PracticePage.get_filterable_search_fields()}
    assert {boost.field for boost in (*GENERAL, *PERSONAL)} <= filterable
