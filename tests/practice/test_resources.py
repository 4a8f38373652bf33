"""Resource libraries: collections, then resources with filters and paging, within what a reader may see."""

import datetime as dt

import pytest

from django.utils import timezone

from practice.models import ResourceLinkPage
from practice.models.choices import SecurityLevel
from tests.factories import (
    AudienceRoleFactory,
    CollectionPageFactory,
    OrganisationFactory,
    ResourceLibraryPageFactory,
    ResourceLinkPageFactory,
    TopicFactory,
)
from tests.practice.listings import anonymous_then_member, card_titles, listed
from tests.practice.querycounts import queries_before_and_after, queries_to_render

pytestmark = pytest.mark.django_db

Type, Status = ResourceLinkPage.ResourceType, ResourceLinkPage.LinkStatus
GUIDE_NOTE = "The standard every council team starts from."


def resource(library, title, *, topics=(), audiences=(), days_ago=0, **kwargs):
    page = ResourceLinkPageFactory(
        parent=library, title=title, date_added=timezone.now() - dt.timedelta(days=days_ago), **kwargs
    )
    page.topics.set(topics)
    page.audiences.set(audiences)
    page.save()
    return page


def resource_titles(response):
    """Return the titles of the resources listed (not the collections), in order."""
    return card_titles(response, after='id="resources-heading"')


@pytest.fixture
def library():
    return ResourceLibraryPageFactory()


@pytest.fixture
def shelf(library):
    social, accessibility = TopicFactory(name="Social media"), TopicFactory(name="Accessibility")
    councillors, comms = AudienceRoleFactory(name="Councillors"), AudienceRoleFactory(name="Comms officers")
    gds, lga = (
        OrganisationFactory(name="Government Digital Service"),
        OrganisationFactory(name="Local Government Association"),
    )
    rows = [
        # key, title, topic, audience, publisher, type, link status, added days ago, editor's note
        ("guide", "Social media guidance", social, comms, gds, Type.GUIDANCE, Status.OK, 1, GUIDE_NOTE),
        ("research", "Councillors online research", social, councillors, lga, Type.RESEARCH, Status.BROKEN, 2, ""),
        ("toolkit", "Alt text toolkit", accessibility, comms, gds, Type.TOOLKIT, Status.OK, 3, ""),
    ]
    return {
        key: resource(
            library,
            title,
            topics=[topic],
            audiences=[audience],
            publisher=publisher,
            resource_type=kind,
            link_status=status,
            days_ago=days_ago,
            editors_note=note,
        )
        for key, title, topic, audience, publisher, kind, status, days_ago, note in rows
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Social media guidance", "Councillors online research", "Alt text toolkit"]),
        ("type=research", ["Councillors online research"]),
        ("topic=social-media", ["Social media guidance", "Councillors online research"]),
        ("audience=comms-officers", ["Social media guidance", "Alt text toolkit"]),
        ("publisher=government-digital-service", ["Social media guidance", "Alt text toolkit"]),
        ("link_status=broken", ["Councillors online research"]),
        ("q=toolkit", ["Alt text toolkit"]),
        ("q=every+council", ["Social media guidance"]),
        ("topic=social-media&audience=comms-officers", ["Social media guidance"]),
    ],
)
def test_filters_narrow_the_resources(client, library, shelf, query, expected):
    assert listed(client, f"{library.url}?{query}", resource_titles) == (200, expected)


def test_filter_options_count_only_what_the_reader_may_see(client, library, shelf, member):
    secret = OrganisationFactory(name="Secret Unit")
    resource(
        library,
        "Members-only playbook",
        topics=[TopicFactory(name="Crisis comms")],
        publisher=secret,
        resource_type=Type.WHITE_PAPER,
        security_level=SecurityLevel.MEMBERS,
    )

    anonymous, signed_in = anonymous_then_member(client, library.url, member)
    for members_only in ["Secret Unit", "Crisis comms", "White paper", "Members-only playbook"]:
        assert members_only not in anonymous
    assert "Social media (2)" in anonymous
    assert "3 resources" in anonymous
    assert "Secret Unit (1)" in signed_in
    assert "4 resources" in signed_in


def test_collections_are_listed_above_the_resources_and_only_those_the_reader_may_open(client, library, shelf):
    CollectionPageFactory(parent=library, title="Getting started with social media")
    CollectionPageFactory(parent=library, title="Members' reading list", security_level=SecurityLevel.MEMBERS)

    content = client.get(library.url).content.decode()

    assert content.index("Getting started with social media") < content.index('id="resources-heading"')
    assert "reading list" not in content


def test_filters_without_a_match_say_so(client, library, shelf):
    content = client.get(f"{library.url}?type=research&audience=comms-officers").content.decode()

    assert "No resources match these filters" in content
    assert "Clear filters" in content


@pytest.mark.parametrize(
    "query",
    [
        "type=podcast",
        "topic=nope",
        "audience=%00",
        "publisher=x",
        "link_status=gone",
        "page=abc",
        "page=999",
        "q=" + "x" * 500,
    ],
)
def test_bad_parameters_are_ignored_not_errors(client, library, shelf, query):
    status, titles = listed(client, f"{library.url}?{query}", resource_titles)

    assert status == 200
    assert len(titles) == 3


def test_resources_come_twelve_to_a_page(client, library):
    for day in range(14):
        resource(library, f"Guide {day:02}", days_ago=day)

    assert resource_titles(client.get(library.url)) == [f"Guide {day:02}" for day in range(12)]
    assert resource_titles(client.get(f"{library.url}?page=2")) == ["Guide 12", "Guide 13"]


def test_resource_library_queries_do_not_grow_with_the_resources(client, library, member):
    topic, org = TopicFactory(), OrganisationFactory()

    def video_and_collection(number):
        resource(
            library,
            f"More {number}",
            topics=[topic, TopicFactory()],
            audiences=[AudienceRoleFactory()],
            publisher=OrganisationFactory(),
            resource_type=Type.VIDEO,
        )
        CollectionPageFactory(parent=library)

    resource(library, "First", topics=[topic], publisher=org)
    CollectionPageFactory(parent=library)
    client.force_login(member)
    few, many = queries_before_and_after(client, library.url, video_and_collection, times=20)

    assert few == many
    assert queries_to_render(client, f"{library.url}?type=video&page=2") == many
