"""Stored and reflected XSS: what members type is shown as text (or sanitised Markdown) on every page that shows it.

Each payload is written through the real forms, then every page, feed, JSON answer and email that shows it is
read back and searched for markup a browser would run.
"""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from django.core import mail

from practice.importing.wordpress.content import to_blocks
from practice.models import MemberProfile
from tests.factories import BlogPostPageFactory
from tests.security.conftest import comment_data, published_comment

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("xss")</script>'
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
SVG = "<svg onload=alert(2)>"
LINKS = '[read this](javascript:alert(3)) <a href="javascript:alert(4)">or this</a>'
# Links first: the sanitiser drops everything after an unclosed <svg> (safe, but their text would go too).
PAYLOAD = f"Storm plans {LINKS} {SCRIPT} {ATTRIBUTE} {SVG}"

# Markup a browser would act on: a script element, an event-handler attribute, or a javascript: link.
RUNNABLE = re.compile(
    r"<script>alert|<img src=x onerror|<svg onload|href\s*=\s*[\"']?\s*javascript:|src\s*=\s*[\"']?\s*javascript:",
    re.IGNORECASE,
)


def assert_inert(text, where):
    found = RUNNABLE.search(text)
    assert found is None, f"runnable markup {found.group(0)!r} in {where}"


def assert_inert_page(client, url, *, expect=None):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    assert_inert(html, url)
    if expect:
        assert expect in html, f"{expect!r} not shown on {url}"
    return html


@pytest.fixture
def written(client, hub):
    """Write a payload into every field members fill in, through the site's own forms."""
    client.force_login(hub.alice)
    profile = {"display_name": f"Alice {ATTRIBUTE}", "bio": PAYLOAD, "is_public": "on"}
    assert client.post("/accounts/profile/", profile).status_code == 302
    started = client.post(
        f"/discussions/start/{hub.community.pk}/", {"title": f"Storm plans {ATTRIBUTE} {SVG}", "body": PAYLOAD}
    )
    assert started.status_code == 302
    client.force_login(hub.bob)
    thread = hub.discussions.get_children().live().specific().get(title__startswith="Storm plans")
    assert client.post(f"/discussions/{thread.pk}/reply/", {"body": PAYLOAD}).status_code == 302
    assert client.post("/comments/post/", comment_data(hub.post, hub.bob, PAYLOAD)).status_code == 302
    assert client.post(f"/bookings/events/{hub.event.pk}/rsvp/").status_code == 302
    hub.new_thread = thread
    hub.profile = MemberProfile.objects.get(user=hub.alice)
    return hub


def test_the_payloads_were_stored_as_typed(written):
    assert written.profile.bio == PAYLOAD
    assert written.new_thread.body == PAYLOAD
    assert written.new_thread.replies.get().body == PAYLOAD


def test_no_page_that_shows_what_members_wrote_runs_it(client, written):
    client.force_login(written.bob)
    assert_inert_page(client, written.new_thread.url, expect="&lt;svg onload=alert(2)&gt;")
    assert_inert_page(client, written.discussions.url)
    assert_inert_page(client, written.community.url)
    assert_inert_page(client, written.post.url, expect="Storm plans")
    assert_inert_page(client, written.profile.get_absolute_url(), expect="Alice &quot;&gt;&lt;img")
    assert_inert_page(client, "/")
    client.logout()
    assert_inert_page(client, written.new_thread.url)


def test_markdown_links_to_javascript_lose_their_address(client, written):
    html = assert_inert_page(client, written.new_thread.url)
    assert "read this" in html
    assert "javascript:alert(3)" not in html.replace("[read this](javascript:alert(3))", "")


def test_members_own_pages_and_facilitator_lists_show_names_as_text(client, written):
    client.force_login(written.alice)
    assert_inert_page(client, "/accounts/profile/")
    assert_inert_page(client, "/notifications/")
    assert_inert_page(client, "/notifications/settings/")
    client.force_login(written.facilitator)
    assert_inert_page(client, f"/membership/{written.community.pk}/members/")
    written.event.owner = written.facilitator
    written.event.save_revision().publish()
    assert_inert_page(client, f"/bookings/events/{written.event.pk}/attendees/", expect="Bob Carter")


def test_search_pages_show_queries_and_results_as_text(client, written):
    html = assert_inert_page(client, "/search/?" + f"q={SCRIPT}")
    assert "&lt;script&gt;" in html
    assert_inert_page(client, "/search/?q=storm+plans")
    assert_inert_page(client, "/search/?q=" + "x" * 500 + SVG)  # an invalid query is echoed back too


def test_search_api_snippets_are_escaped_html_and_answers_are_not_sniffed(client, written):
    response = client.get("/api/search/", {"q": "storm plans"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    results = response.json()["results"]
    assert results, "the thread should be found"
    for result in results:
        assert_inert(result["snippet"], f"snippet of {result['url']}")
    echoed = client.get("/api/search/", {"q": SCRIPT})
    assert echoed.json()["query"] == SCRIPT  # JSON carries text as text; its readers escape it
    suggestions = client.get("/search/autocomplete/", {"q": "storm"}).json()["suggestions"]
    assert written.new_thread.title in [suggestion["title"] for suggestion in suggestions]


ATOM = "{http://www.w3.org/2005/Atom}"
# Elements feed readers show as HTML (RSS descriptions; Atom summaries and content of type html).
HTML_ELEMENTS = {"description", f"{ATOM}summary", f"{ATOM}content", f"{ATOM}subtitle"}


def feed_html(body):
    """Return the parts of a feed readers render as HTML, after the XML's own escaping is undone."""
    root = ET.fromstring(body)  # noqa: S314 - our own feed, read back in a test
    return [element.text or "" for element in root.iter() if element.tag in HTML_ELEMENTS]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_carry_members_text_escaped_where_readers_render_html(client, written, kind):
    for url in (f"/feeds/{kind}/", f"/feeds/communities/{written.community.slug}/{kind}/"):
        response = client.get(url)
        assert response.status_code == 200, url
        parts = feed_html(response.content)
        if url == f"/feeds/{kind}/":  # community feeds carry blog posts only
            assert any("Storm plans read this" in part for part in parts), url
        for part in parts:
            assert_inert(part, url)


def test_a_threads_summary_is_plain_text_shown_once_escaped(client, written):
    summary = written.new_thread.summary
    assert summary.startswith("Storm plans read this or this") and summary.endswith('">')
    html = assert_inert_page(client, written.discussions.url)
    assert "&amp;gt;" not in html  # escaped once, not twice
    assert "&quot;&gt;" in html


def test_the_data_export_is_json_served_as_a_download(client, written):
    client.force_login(written.alice)
    response = client.get("/accounts/your-data/download/")
    assert response["Content-Disposition"].startswith("attachment")
    assert json.loads(response.content)["profile"]["bio"] == PAYLOAD


def test_emails_are_plain_text_with_no_html_part(client, written, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    published_comment(written.post, written.alice, "Tell me more", followup=True)
    client.force_login(written.bob)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/comments/post/", comment_data(written.post, written.bob, f"Again: {PAYLOAD}"))
    assert mail.outbox, "the follow-up email should have gone out"
    assert any("Storm plans" in message.body for message in mail.outbox)
    for message in mail.outbox:
        assert message.content_subtype == "plain"
        assert not getattr(message, "alternatives", [])


def test_imported_wordpress_html_is_cleaned_before_it_reaches_the_page(client, hub):
    exported = (
        f'<p>Storm plans from the old blog {SCRIPT}</p><p onclick="steal()">'
        '<a href="javascript:alert(5)">tiny print</a></p><iframe src="https://evil.example"></iframe>'
        f'<p onmouseover="steal()">{SVG}</p>'
    )
    body = [{"type": block_type, "value": value} for block_type, value in to_blocks(exported)]
    post = BlogPostPageFactory(parent=hub.post.get_parent(), title="Imported", body=body)
    html = assert_inert_page(client, post.url, expect="Storm plans from the old blog")
    assert "tiny print" in html
    for hostile in ("onclick", "onmouseover", "<iframe", "evil.example"):
        assert hostile not in html
