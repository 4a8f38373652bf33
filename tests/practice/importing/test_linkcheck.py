import io

import pytest

from django.core.management import call_command
from django.urls import reverse

from practice.importing.linkcheck import check_urls
from practice.importing.tasks import check_all_links
from practice.models import ExternalItem, ResourceLinkPage
from practice.models.external import LinkStatus
from tests.factories import ExternalItemFactory, FeedSourceFactory, ResourceLinkPageFactory, UserFactory


@pytest.fixture
def links(web):
    """Addresses on the test server that work, break, move or fail in each of the ways we look for."""
    page = b"<html><head><title>Social media guidance</title></head><body><h1>Guidance</h1></body></html>"
    return {
        "ok": web.add("/guidance", body=page),
        "gone": web.add("/gone", status=404),
        "error": web.add("/error", status=503),
        "moved": web.add("/old-guidance", status=301, headers={"Location": "{base}/guidance-2025"}),
        "soft": web.add("/soft", body=b"<html><title>Oops! Page not found | Westshire</title></html>"),
        "to_home": web.add("/retired-report", status=302, headers={"Location": "{base}/"}),
        "slow": web.add("/slow", body=page, delay=1.5),
        "new": web.add("/guidance-2025", body=page),
        "home": web.add("/", body=b"<html><title>Westshire Council</title></html>"),
    }


def blog_source(web):
    """A feed source on the test server, for entries whose links are checked."""
    return FeedSourceFactory(title="Blog", site_url=web.url("/"), feed_url=web.url("/feed"))


def run_check(*args):
    out = io.StringIO()
    call_command("check_links", "--timeout", "0.5", *args, stdout=out)
    return out.getvalue()


def test_each_kind_of_link_gets_its_status(db, links):
    results = check_urls(
        [links[name] for name in ["ok", "gone", "error", "moved", "soft", "to_home", "slow"]], timeout=0.5
    )
    found = {url: (result.status, result.final_url, result.reason) for url, result in results.items()}

    assert found[links["ok"]] == (LinkStatus.OK, "", "")
    assert found[links["gone"]] == (LinkStatus.BROKEN, "", "HTTP 404")
    assert found[links["error"]] == (LinkStatus.BROKEN, "", "HTTP 503")
    assert found[links["moved"]] == (LinkStatus.REDIRECTED, links["new"], "it redirects to a new address")
    assert found[links["soft"]] == (LinkStatus.BROKEN, links["soft"], "the page says it was not found")
    assert found[links["to_home"]] == (LinkStatus.BROKEN, links["home"], "it sends readers to the site's home page")
    assert found[links["slow"]][0] == LinkStatus.BROKEN
    assert found[links["slow"]][2] == "no answer within the time limit"


def test_no_more_than_the_per_host_limit_at_once_and_a_polite_user_agent(db, web):
    urls = [web.add(f"/page-{number}", body=b"<title>Fine</title>", delay=0.2) for number in range(6)]

    results = check_urls(urls, max_workers=6, per_host=2)

    assert all(result.status == LinkStatus.OK for result in results.values())
    assert web.most_active <= 2
    assert len(web.requests) == 6
    assert all(headers["User-Agent"].startswith("PracticeHub/") for _, _, headers in web.requests)


def test_the_command_records_status_final_address_and_when(db, links, web):
    working = ResourceLinkPageFactory(title="Working", link_url=links["ok"])
    moved = ResourceLinkPageFactory(title="Moved", link_url=links["moved"])
    soft = ResourceLinkPageFactory(title="Soft", link_url=links["soft"])
    item = ExternalItemFactory(
        source=blog_source(web), guid="1", link=links["gone"], title="Gone post", published="2025-01-01T00:00Z"
    )
    duplicate = ResourceLinkPageFactory(title="Same address", link_url=links["ok"])

    output = run_check()

    assert "Checked 4 addresses." in output
    assert "Broken: 2" in output and "Moved: 1" in output and "Working: 2" in output
    assert f"Moved ({links['moved']}): it redirects to a new address" in output
    for obj, status, final_url in [
        (working, LinkStatus.OK, ""),
        (moved, LinkStatus.REDIRECTED, links["new"]),
        (soft, LinkStatus.BROKEN, links["soft"]),
        (item, LinkStatus.BROKEN, ""),
        (duplicate, LinkStatus.OK, ""),
    ]:
        obj.refresh_from_db()
        assert (obj.link_status, obj.final_url) == (status, final_url), obj.title
        assert obj.last_checked_at is not None
    assert [path for path in web.paths_requested() if path == "/guidance"] == ["/guidance"]  # checked once


def test_the_task_checks_links(db, links):
    page = ResourceLinkPageFactory(link_url=links["gone"])
    result = check_all_links.enqueue()
    assert result.return_value[0] == "Checked 1 addresses."
    page.refresh_from_db()
    assert page.link_status == LinkStatus.BROKEN


def test_the_resource_page_says_when_its_link_was_last_checked(db, links, client):
    page = ResourceLinkPageFactory(link_url=links["ok"])
    assert "Link last checked on" not in client.get(page.url).content.decode()
    run_check()
    page.refresh_from_db()
    assert (
        f'Link last checked on <time datetime="{page.last_checked_at:%Y-%m-%d}' in client.get(page.url).content.decode()
    )


@pytest.fixture
def moderator(db):
    """Hub staff who may publish: Wagtail's Moderators group."""
    return UserFactory(username="mo.moderator@practicehub.example", groups=["Moderators"])


@pytest.fixture
def checked(db, links, web):
    moved = ResourceLinkPageFactory(title="Moved guide", link_url=links["moved"])
    broken = ResourceLinkPageFactory(title="Broken guide", link_url=links["gone"])
    fine = ResourceLinkPageFactory(title="Fine guide", link_url=links["ok"])
    item = ExternalItemFactory(
        source=blog_source(web),
        guid="1",
        link=links["moved"] + "?from=feed",
        title="Moved post",
        published="2025-01-01T00:00Z",
    )
    web.add("/old-guidance?from=feed", status=301, headers={"Location": "{base}/posts/moved-post"})
    web.add("/posts/moved-post", body=b"<title>Moved post</title>")
    run_check()
    return {"moved": moved, "broken": broken, "fine": fine, "item": item}


def test_the_report_lists_broken_and_moved_links_for_editors_only(checked, client, editor, moderator, member):
    client.force_login(member)
    assert client.get(reverse("link_health")).status_code in {302, 403}

    client.force_login(editor)
    response = client.get(reverse("link_health"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Moved guide" in html and "Broken guide" in html and "Moved post" in html
    assert "Fine guide" not in html
    # Editors without Wagtail's publish permission may fix collected posts, not pages.
    assert html.count("Update to the new address") == 1
    assert html.count("Ask someone who can publish this page to fix it.") == 2

    client.force_login(moderator)
    html = client.get(reverse("link_health")).content.decode()
    assert html.count("Update to the new address") == 2


def test_update_to_the_new_address_publishes_a_revision(checked, client, moderator, links):
    client.force_login(moderator)
    page = checked["moved"]

    response = client.post(reverse("link_health_resource_update", args=[page.pk]))

    assert response.status_code == 302
    page.refresh_from_db()
    assert (page.link_url, page.link_status, page.final_url) == (links["new"], LinkStatus.OK, "")
    assert page.live_revision.as_object().link_url == links["new"]  # the next publish keeps it


def test_update_refuses_a_link_that_has_not_moved(checked, client, moderator):
    client.force_login(moderator)
    page = checked["broken"]
    response = client.post(reverse("link_health_resource_update", args=[page.pk]), follow=True)
    assert "has no new address to move to" in response.content.decode()
    page.refresh_from_db()
    assert page.link_status == LinkStatus.BROKEN


def test_retire_unpublishes_the_resource(checked, client, moderator):
    client.force_login(moderator)
    page = checked["broken"]
    assert client.get(reverse("link_health_resource_retire", args=[page.pk])).status_code == 405
    client.post(reverse("link_health_resource_retire", args=[page.pk]))
    page.refresh_from_db()
    assert not page.live
    assert client.get(reverse("link_health_resource_retire", args=[999999])).status_code == 405
    assert client.post(reverse("link_health_resource_retire", args=[999999])).status_code == 404


def test_external_items_can_be_moved_or_retired(checked, client, editor, web):
    client.force_login(editor)
    item = checked["item"]
    client.post(reverse("link_health_item_update", args=[item.pk]))
    item.refresh_from_db()
    assert (item.link, item.link_status) == (web.url("/posts/moved-post"), LinkStatus.OK)

    client.post(reverse("link_health_item_retire", args=[item.pk]))
    item.refresh_from_db()
    assert item.retired
    assert list(ExternalItem.objects.current()) == []


def test_those_without_rights_cannot_use_the_actions(checked, client, member, editor):
    page = checked["broken"]
    client.force_login(editor)
    assert client.post(reverse("link_health_resource_retire", args=[page.pk])).status_code in {302, 403}
    client.force_login(member)
    assert client.post(reverse("link_health_resource_retire", args=[page.pk])).status_code in {302, 403}
    assert client.post(reverse("link_health_item_retire", args=[checked["item"].pk])).status_code in {302, 403}
    page.refresh_from_db()
    checked["item"].refresh_from_db()
    assert page.live and not checked["item"].retired
    assert ResourceLinkPage.objects.get(pk=page.pk).link_status == LinkStatus.BROKEN
