import io
from pathlib import Path

import pytest

from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from practice.importing.aggregator import fetch_source
from practice.importing.tasks import fetch_all_feeds
from practice.models import ExternalItem
from tests.factories import (
    CollectionItemFactory,
    CollectionPageFactory,
    ExternalItemFactory,
    FeedSourceFactory,
    OrganisationFactory,
    RegionFactory,
    TopicFactory,
)

DATA = Path(__file__).parent / "data"
ETAG = '"westshire-v1"'


@pytest.fixture
def feeds(db, web):
    """Two real feeds on the test server: an RSS feed that answers conditional requests, and an Atom feed."""
    region = RegionFactory(name="South West")
    westshire = OrganisationFactory(name="Westshire Council", region=region)
    web.add("/rss.xml", body=(DATA / "council_rss.xml").read_bytes(), content_type="application/rss+xml", etag=ETAG)
    web.add("/atom.xml", body=(DATA / "agency_atom.xml").read_bytes(), content_type="application/atom+xml")
    rss = FeedSourceFactory(
        title="Westshire Digital",
        site_url="https://digital.westshire.example/",
        feed_url=web.url("/rss.xml"),
        organisation=westshire,
        region=region,
    )
    rss.topics.set([TopicFactory(name="Winter resilience")])
    rss.save()  # parental many-to-many values are written when the source is saved, as in the admin
    atom = FeedSourceFactory(title="Comms Network", site_url="https://network.example/", feed_url=web.url("/atom.xml"))
    return rss, atom


def fetch_all(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("fetch_feeds", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_entries_from_rss_and_atom_are_stored_once(feeds):
    rss, atom = feeds
    out, err = fetch_all()

    # Sources are fetched by title: the network's copy of Westshire's post comes first and is the one kept.
    assert "Comms Network: 2 new, 0 updated, 0 already collected from another feed" in out
    assert "Westshire Digital: 1 new, 0 updated, 1 already collected from another feed" in out
    assert "2 sources fetched, 0 failed." in out and err == ""
    assert ExternalItem.objects.count() == 3
    gritters = ExternalItem.objects.get(link="https://digital.westshire.example/2025/gritter-tracking")
    assert gritters.source == atom and gritters.title == "Gritter tracking on the map: a year on"
    twitter = ExternalItem.objects.get(guid="westshire-post-102")
    assert twitter.source == rss and twitter.title == "Why we retired our Twitter account"
    assert twitter.link == "https://digital.westshire.example/2025/retiring-twitter"
    assert twitter.author == "Sam Okafor"
    assert twitter.published.isoformat() == "2025-03-03T10:30:00+00:00"
    assert twitter.organisation == rss.organisation and twitter.region == rss.region
    alt_text = ExternalItem.objects.get(guid="urn:uuid:entry-alt-text")
    assert alt_text.author == "Dr Aoife Ní Bhriain"
    assert alt_text.summary == "<p>Alt text is not a caption. Here is what works on Instagram, Facebook and X.</p>"
    rss.refresh_from_db()
    assert rss.etag == ETAG and rss.last_fetched_at is not None and rss.last_error == ""


def test_a_second_fetch_is_conditional_and_adds_nothing(feeds, web):
    fetch_all()
    out, _ = fetch_all()

    assert "Westshire Digital: not changed since the last fetch" in out
    assert "Comms Network: 0 new, 0 updated, 0 already collected from another feed" in out
    assert ExternalItem.objects.count() == 3
    rss_requests = [headers for _, path, headers in web.requests if path == "/rss.xml"]
    assert "If-None-Match" not in rss_requests[0] and rss_requests[1]["If-None-Match"] == ETAG
    assert all("PracticeHub" in headers["User-Agent"] for _, _, headers in web.requests)


def test_changed_entries_are_updated_not_duplicated(feeds, web):
    rss, _ = feeds
    fetch_source(rss)
    changed = (DATA / "council_rss.xml").read_bytes().replace(b"a year on", b"one year on")
    web.add("/rss.xml", body=changed, content_type="application/rss+xml", etag='"westshire-v2"')

    result = fetch_source(rss)

    assert (result.new, result.updated) == (0, 1)
    assert ExternalItem.objects.get(guid="westshire-post-101").title == "Gritter tracking on the map: one year on"
    assert ExternalItem.objects.filter(source=rss).count() == 2


@pytest.mark.parametrize(
    ("route", "timeout", "error"),
    [
        ({"status": 404, "body": b"<title>Not found</title>"}, 5, "HTTP 404"),
        ({"status": 500}, 5, "HTTP 500"),
        (
            {"body": b"<html><title>Westshire</title><p>Welcome</p></html>"},
            5,
            "the address did not give an RSS or Atom feed",
        ),
        ({"body": b"<rss></rss>", "delay": 1.5}, 0.5, "no answer within the time limit"),
    ],
)
def test_a_failing_source_is_reported_and_the_others_carry_on(feeds, web, route, timeout, error):
    rss, atom = feeds
    web.add("/rss.xml", **route)

    out, err = fetch_all("--timeout", str(timeout))

    assert f"Westshire Digital: failed ({error})" in err
    assert "Comms Network: 2 new" in out
    assert "2 sources fetched, 1 failed." in out
    rss.refresh_from_db()
    assert rss.last_error == error
    assert not ExternalItem.objects.filter(source=rss).exists()


def test_an_unreachable_host_is_reported(db):
    source = FeedSourceFactory(title="Gone", site_url="http://127.0.0.1:9/", feed_url="http://127.0.0.1:9/feed")
    result = fetch_source(source, timeout=2)
    assert result.error == "connection refused"


def test_only_active_sources_are_fetched_and_one_can_be_chosen(feeds, web):
    rss, atom = feeds
    atom.active = False
    atom.save()
    fetch_all()
    assert set(ExternalItem.objects.values_list("source", flat=True)) == {rss.pk}
    out, _ = fetch_all("--source", atom.slug)
    assert "Comms Network: 1 new" in out


def test_the_task_fetches_every_source(feeds):
    result = fetch_all_feeds.enqueue()
    assert result.return_value[0].startswith("Comms Network: 2 new")
    assert ExternalItem.objects.count() == 3


def test_external_items_are_found_by_search_and_filtered_by_organisation(feeds):
    rss, atom = feeds
    fetch_all()

    found = ExternalItem.objects.current().search("retired twitter")
    assert [item.guid for item in found] == ["westshire-post-102"]
    assert [item.guid for item in ExternalItem.objects.search("caption")] == ["urn:uuid:entry-alt-text"]
    assert list(ExternalItem.objects.filter(organisation=rss.organisation).search("caption")) == []
    westshire = ExternalItem.objects.filter(organisation=rss.organisation)
    assert [item.guid for item in westshire.search("resilience")] == ["westshire-post-102"]  # the source's topic


def test_the_stream_and_source_pages_list_entries_for_everyone(feeds, client, django_assert_max_num_queries):
    rss, _ = feeds
    fetch_all()
    retired = ExternalItem.objects.get(guid="westshire-post-102")
    retired.retired = True
    retired.save()

    with django_assert_max_num_queries(8):
        response = client.get(reverse("external_stream"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "From the wider public sector" in html
    assert "Gritter tracking on the map: a year on" in html and "Accessible social media images" in html
    assert "Why we retired our Twitter account" not in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]

    response = client.get(reverse("external_source", args=[rss.slug]))
    assert response.status_code == 200
    assert (
        "Westshire Council" in response.content.decode() and "Accessible social media" not in response.content.decode()
    )
    assert client.get(reverse("external_source", args=["no-such-blog"])).status_code == 404


def test_the_stream_pages_through_many_entries(feeds, client, django_assert_max_num_queries):
    rss, _ = feeds
    for number in range(45):
        ExternalItemFactory(
            source=rss,
            guid=f"g{number}",
            link=f"https://example.org/{number}",
            title=f"Entry {number}",
            published="2025-01-01T00:00Z",
        )
    with django_assert_max_num_queries(8):
        response = client.get(reverse("external_stream"), {"page": 2})
    assert response.status_code == 200
    assert 'aria-label="Pagination"' in response.content.decode()
    assert client.get(reverse("external_stream"), {"page": "nonsense"}).status_code == 200


def test_editors_can_put_an_external_item_in_a_collection(feeds, client):
    fetch_all()
    item = ExternalItem.objects.get(guid="urn:uuid:entry-alt-text")
    collection = CollectionPageFactory(title="Getting images right")
    CollectionItemFactory(collection=collection, external_item=item, note="The clearest guide we know.")

    html = client.get(collection.url).content.decode()

    assert "Accessible social media images: alt text in practice" in html
    assert 'href="https://network.example/posts/alt-text-in-practice"' in html
    assert "The clearest guide we know." in html


def test_a_collection_item_is_a_page_or_an_external_item_never_both_or_neither(feeds):
    fetch_all()
    collection = CollectionPageFactory()
    item = ExternalItem.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        CollectionItemFactory(collection=collection, external_item=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        CollectionItemFactory(collection=collection, page=collection, external_item=item)
