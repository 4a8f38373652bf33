"""The editors' curation screens in the Wagtail admin."""

import pytest

from practice.models import ResourceLinkPage
from tests.factories import OrganisationFactory, ResourceLinkPageFactory, TopicFactory


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["topic", "audiencerole", "region", "organisation", "resourcelinkpage"])
def test_curation_screens_list_for_editors(client, superuser, model):
    client.force_login(superuser)
    response = client.get(f"/admin/practice/{model}/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_resources_screen_filters_and_searches_across_the_tree(client, superuser):
    publisher = OrganisationFactory(name="Office for Examples")
    wanted = ResourceLinkPageFactory(title="Measuring engagement", publisher=publisher)
    wanted.topics.set([TopicFactory(name="Data and analytics")])
    wanted.save()
    ResourceLinkPageFactory(title="Video captions", resource_type=ResourceLinkPage.ResourceType.VIDEO)
    client.force_login(superuser)

    by_publisher = client.get("/admin/practice/resourcelinkpage/", {"publisher__id__exact": publisher.pk})
    assert b"Measuring engagement" in by_publisher.content
    assert b"Video captions" not in by_publisher.content

    by_search = client.get("/admin/practice/resourcelinkpage/", {"q": "captions"})
    assert b"Video captions" in by_search.content
    assert b"Measuring engagement" not in by_search.content


@pytest.mark.django_db
def test_curation_screens_are_closed_to_members(client, member):
    client.force_login(member)
    response = client.get("/admin/practice/topic/")
    assert response.status_code in {302, 403}
