"""Links in a post's body never name a page the reader could not open."""

import pytest

from django.template import Context, Template

from practice.access import AccessLevel, SecurityLevel
from tests.factories import BlogIndexPageFactory, BlogPostPageFactory, GuidancePageFactory

OPEN, PRIVATE = AccessLevel.OPEN, AccessLevel.PRIVATE


def see_also(*links):
    return {
        "type": "see_also",
        "value": {
            "heading": "See also",
            "links": [{"page": page.pk if page else None, "url": url, "text": text} for page, url, text in links],
        },
    }


def call_to_action(page, text):
    return {"type": "call_to_action", "value": {"page": page.pk, "url": "", "text": text}}


@pytest.fixture
def pages(communities):
    private = communities[PRIVATE]["community"]
    private_blog = BlogIndexPageFactory(parent=private, title="Leadership blog", slug="leadership-blog")
    return {
        "private_post": BlogPostPageFactory(parent=private_blog, title="Budget leak rehearsal notes"),
        "private_blog": private_blog,
        "members_guide": GuidancePageFactory(
            title="Members-only moderation guide", security_level=SecurityLevel.MEMBERS
        ),
        "public_guide": GuidancePageFactory(title="Writing for the web"),
        "open_blog": BlogIndexPageFactory(parent=communities[OPEN]["community"]),
    }


def public_post_linking_to(pages, *body):
    return BlogPostPageFactory(parent=pages["open_blog"], title="What we read this month", body=list(body))


def read(client, page, user=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_see_also_shows_each_reader_only_the_links_they_may_open(client, communities, member, pages):
    post = public_post_linking_to(
        pages,
        see_also(
            (pages["private_post"], "", "Budget leak rehearsal notes"),
            (pages["private_blog"], "", "Leadership blog"),
            (pages["members_guide"], "", "Members-only moderation guide"),
            (pages["public_guide"], "", "Writing for the web"),
            (None, "https://www.gov.uk/guidance/content-design", "GOV.UK content design"),
        ),
    )

    anonymous = read(client, post)
    assert "Writing for the web" in anonymous
    assert "GOV.UK content design" in anonymous
    for hidden in ("Budget leak", "Leadership blog", "Members-only moderation guide", pages["private_post"].url):
        assert hidden not in anonymous

    signed_in = read(client, post, member)
    assert "Members-only moderation guide" in signed_in
    assert "Budget leak" not in signed_in
    assert "Leadership blog" not in signed_in

    insider = read(client, post, communities[PRIVATE]["insider"])
    for shown in ("Budget leak rehearsal notes", "Leadership blog", "Members-only moderation guide"):
        assert shown in insider


@pytest.mark.django_db
def test_see_also_with_no_link_the_reader_may_open_is_left_out(client, pages):
    post = public_post_linking_to(pages, see_also((pages["private_post"], "", "Budget leak rehearsal notes")))

    page = read(client, post)

    assert "See also" not in page
    assert "Budget leak" not in page


@pytest.mark.django_db
def test_call_to_action_to_a_page_the_reader_may_not_open_is_left_out(client, communities, pages):
    post = public_post_linking_to(pages, call_to_action(pages["private_post"], "Read the budget leak notes"))

    assert "budget leak" not in read(client, post)
    assert "Read the budget leak notes" in read(client, post, communities[PRIVATE]["insider"])


@pytest.mark.django_db
def test_readable_by_follows_the_request_and_allows_only_public_pages_without_one(rf, communities, pages):
    template = Template("{% load practice_tags %}{% if page|readable_by:request %}shown{% endif %}")
    request = rf.get("/")
    request.user = communities[PRIVATE]["insider"]

    assert template.render(Context({"page": pages["private_blog"], "request": request})) == "shown"
    assert template.render(Context({"page": pages["private_post"], "request": request})) == "shown"
    assert template.render(Context({"page": pages["public_guide"], "request": None})) == "shown"
    assert template.render(Context({"page": pages["members_guide"], "request": None})) == ""
    assert template.render(Context({"page": pages["private_blog"], "request": None})) == ""


@pytest.mark.django_db
def test_a_body_rendered_without_a_request_keeps_only_public_links(pages):
    post = public_post_linking_to(
        pages,
        see_also(
            (pages["public_guide"], "", "Writing for the web"),
            (pages["members_guide"], "", "Members-only moderation guide"),
        ),
        call_to_action(pages["private_post"], "Read the budget leak notes"),
    )

    html = str(post.body)

    assert "Writing for the web" in html
    assert "Members-only" not in html
    assert "budget leak" not in html
