"""Links in a post's body never name a page the reader could not open."""

import pytest
import wagtail_factories

from django.template import Context, Template

from wagtail.models import Collection

from practice.models.choices import AccessLevel, SecurityLevel
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


def paragraph(html):
    return {"type": "paragraph", "value": html}


def page_link(page, text):
    return f'<p>Read <a linktype="page" id="{page.pk}">{text}</a> first.</p>'


@pytest.mark.django_db
def test_rich_text_links_keep_the_address_of_public_pages_only(client, pages):
    post = public_post_linking_to(
        pages,
        paragraph(page_link(pages["public_guide"], "our web guide")),
        paragraph(page_link(pages["private_post"], "the notes") + page_link(pages["members_guide"], "the guide")),
    )

    for html in (read(client, post), str(post.body)):
        assert f'<a href="{pages["public_guide"].url}">our web guide</a>' in html
        assert f'<a href="/links/pages/{pages["private_post"].pk}/">the notes</a>' in html
        assert f'<a href="/links/pages/{pages["members_guide"].pk}/">the guide</a>' in html
        for hidden in (pages["private_post"].slug, pages["private_blog"].slug, pages["members_guide"].slug):
            assert hidden not in html


@pytest.mark.django_db
def test_a_checked_link_sends_each_reader_where_the_page_itself_would(client, communities, member, pages):
    private_link = f"/links/pages/{pages['private_post'].pk}/"
    members_link = f"/links/pages/{pages['members_guide'].pk}/"

    assert client.get(private_link).status_code == 404
    refused = client.get(members_link)
    assert refused.status_code == 403
    assert "Sign in" in refused.content.decode()
    assert pages["members_guide"].title not in refused.content.decode()

    client.force_login(member)
    assert client.get(private_link).status_code == 404
    assert client.get(members_link)["Location"] == pages["members_guide"].url

    client.force_login(communities[PRIVATE]["insider"])
    assert client.get(private_link)["Location"] == pages["private_post"].url
    assert client.get("/links/pages/999999/").status_code == 404


@pytest.mark.django_db
def test_a_checked_link_to_an_unpublished_page_is_a_404_for_everyone(client, superuser, pages):
    draft = GuidancePageFactory(title="Unpublished draft guide", live=False)
    post = public_post_linking_to(pages, paragraph(page_link(draft, "a draft")))

    assert f'<a href="/links/pages/{draft.pk}/">a draft</a>' in read(client, post)
    client.force_login(superuser)
    assert client.get(f"/links/pages/{draft.pk}/").status_code == 404


@pytest.fixture
def private_media(communities):
    collection = Collection.objects.get(community=communities[PRIVATE]["community"])
    return {
        "image": wagtail_factories.ImageFactory(title="Rehearsal seating plan", collection=collection),
        "document": wagtail_factories.DocumentFactory(title="Rehearsal budget sheet", collection=collection),
    }


@pytest.mark.django_db
def test_images_and_attachments_from_a_private_collection_reach_its_members_only(
    client, communities, member, pages, private_media
):
    post = public_post_linking_to(
        pages,
        {"type": "image", "value": {"image": private_media["image"].pk, "alt_text": "Seating", "caption": "Plan"}},
        {"type": "attachment", "value": {"document": private_media["document"].pk, "description": "Costs"}},
    )

    for outsider in (None, member, communities[OPEN]["insider"]):
        html = read(client, post, outsider)
        assert "Rehearsal budget sheet" not in html
        assert "/media/images/" not in html
        assert "<figure" not in html
    html = read(client, post, communities[PRIVATE]["insider"])
    assert "Rehearsal budget sheet" in html
    assert 'alt="Seating"' in html
    image_url = html.split('<img src="', 1)[1].split('"', 1)[0]
    assert client.get(image_url).status_code == 200
    client.force_login(member)
    assert client.get(image_url).status_code == 404
