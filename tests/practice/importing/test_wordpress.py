import io
import re
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django_comments_xtd.models import XtdComment
from PIL import Image as PillowImage

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from practice.importing.wordpress import WXRError, read_export
from practice.models import BlogPostPage, CommunityPage, ImportedItem, MemberProfile, Membership
from practice.models.choices import AccessLevel
from search.results import search
from tests.factories import (
    BlogIndexPageFactory,
    CommunityIndexPageFactory,
    CommunityPageFactory,
    TopicFactory,
    UserFactory,
)

DATA = Path(__file__).parent / "data"
OLD_SITE = "https://blog.northmoor.example/wp-content/uploads/"


def png_bytes():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (8, 6), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def hub(db):
    CommunityIndexPageFactory()
    return TopicFactory(name="Social media")


@pytest.fixture
def export_file(tmp_path, web):
    """The council blog's export, with its uploads served by the test web server (one image is missing)."""
    web.add("/uploads/2025/01/storm-map.png", body=png_bytes(), content_type="image/png")
    web.add("/uploads/2025/02/cafe-faq.pdf", body="%PDF-1.4 café answers".encode(), content_type="application/pdf")
    path = tmp_path / "council_blog.xml"
    path.write_text((DATA / "council_blog.xml").read_text().replace(OLD_SITE, web.url("/uploads/")))
    return path


def run_import(path, *args):
    out = io.StringIO()
    call_command("import_wordpress", str(path), "--community", "northmoor-digital", *args, stdout=out)
    return out.getvalue()


def report_count(output, label):
    line = next(line for line in output.splitlines() if line.startswith(f"{label}: "))
    return int(line.rpartition(": ")[2])


def imported_counts():
    """Count the rows of every kind an import writes."""
    return (
        BlogPostPage.objects.count(),
        XtdComment.objects.count(),
        Redirect.objects.count(),
        get_image_model().objects.count(),
        get_document_model().objects.count(),
        MemberProfile.objects.count(),
        ImportedItem.objects.count(),
    )


def comments_on(page):
    return XtdComment.objects.filter(
        content_type=ContentType.objects.get_for_model(BlogPostPage), object_pk=str(page.pk)
    ).order_by("thread_id", "order")


def test_imports_the_blog_into_a_new_open_community(hub, export_file):
    output = run_import(export_file)

    community = CommunityPage.objects.get(slug="northmoor-digital")
    assert community.title == "Northmoor Digital Comms Blog"
    assert community.access_level == AccessLevel.OPEN and community.live
    assert [page.slug for page in community.get_children()] == ["blog", "discussions", "resources", "events"]
    posts = BlogPostPage.objects.descendant_of(community)
    assert posts.count() == 3
    assert sorted(posts.live().values_list("title", flat=True)) == [
        "Café culture: what residents asked us on Facebook",
        "Live-posting through Storm Éowyn",
    ]
    assert posts.not_live().get().title == "Half-written: our TikTok pilot"
    for label, expected in [
        ("Posts published", 2),
        ("Drafts kept unpublished", 1),
        ("Comments", 5),
        ("Mentions elsewhere (pingbacks and trackbacks)", 1),
        ("Redirects", 4),
        ("Images", 1),
        ("Attachments", 1),
        ("Authors added as members", 2),
        ("Posts already imported, left as they were", 0),
    ]:
        assert report_count(output, label) == expected, label
    assert "Post 1 of 5: Live-posting through Storm Éowyn" in output
    for reason in [
        "Post “Salaries of the comms team” (id 14): private posts are not published",
        "Post “Test post please ignore” (id 15): it was in the WordPress trash",
        "page “About this blog” (id 16): only posts are imported",
        "Comment 105 on Post “Live-posting through Storm Éowyn” (id 11): it was marked as spam",
        "Trackback 107 on Post “Live-posting through Storm Éowyn” (id 11): it was not approved",
        "missing.jpg in Post “Café culture: what residents asked us on Facebook” (id 12): "
        "could not be imported (HTTP 404)",
        "strategy.exe in Post “Live-posting through Storm Éowyn” (id 11): “.exe” files are not accepted",
        "Author “Zoë Ødegård”: has no email address",
    ]:
        assert reason in output


def test_post_fields_body_and_classification(hub, export_file):
    run_import(export_file)
    storm = BlogPostPage.objects.get(slug="live-posting-storm-eowyn")
    cafe = BlogPostPage.objects.get(title__startswith="Café culture")

    assert storm.date.isoformat() == "2025-01-24T09:30:00+00:00"
    assert storm.first_published_at == storm.date
    assert storm.summary == "How we kept residents informed for 36 hours."
    assert [topic.name for topic in storm.topics.all()] == ["Social media"]
    assert sorted(tag.name for tag in storm.tags.all()) == ["Emergencies", "storms"]
    assert [user.email for user in storm.authors.all()] == ["jo.marsh@northmoor.gov.uk"]
    assert storm.comments_open and not cafe.comments_open
    assert [block.block_type for block in storm.body] == [
        "paragraph",
        "heading",
        "image",
        "quote",
        "paragraph",
        "see_also",
    ]
    paragraph = storm.body[0].value.source
    assert paragraph == (
        "<p>When the red warning came, we moved our <b>whole team</b> onto one shared rota. "
        "Here is what worked for <i>residents</i>.</p>"
    )
    assert storm.body[1].value["text"] == "Before the storm" and storm.body[1].value["level"] == "h2"
    image = storm.body[2].value
    assert image["alt_text"] == "Map of road closures" and image["caption"] == "Closures at 7am on the Friday"
    assert image["image"].collection == CommunityPage.objects.get(slug="northmoor-digital").media_collection
    assert image["image"].width == 8
    assert storm.body[3].value["citation"] == "Our duty officer"
    assert '<a href="https://www.gov.uk/guidance/storms">the national guidance</a>' in storm.body[4].value.source
    mentions = storm.body[5].value
    assert mentions["heading"] == "Mentioned elsewhere"
    assert [(link["url"], link["text"]) for link in mentions["links"]] == [
        ("https://eastvale.example/blog/storm-lessons/", "Eastvale Comms")
    ]

    assert cafe.slug == "café-culture"
    assert [tag.name for tag in cafe.tags.all()] == ["licensing"]  # "Uncategorized" is WordPress's default, dropped
    html = "".join(str(block.value.source) for block in cafe.body if block.block_type == "paragraph")
    for hostile in ["<script", "evil.example", "onclick", "javascript:", "[gallery", "<iframe", "wp:"]:
        assert hostile not in html
    assert "more than anything else" in html
    kinds = [block.block_type for block in cafe.body]
    assert kinds == ["paragraph", "heading", "paragraph", "attachment"]
    assert cafe.body[1].value["level"] == "h3" and cafe.body[1].value["text"] == "Naïve questions are the best ones"
    attachment = cafe.body[3].value
    assert attachment["document"].file.read() == "%PDF-1.4 café answers".encode()
    assert attachment["description"] == "Answers to the twelve questions we were asked most"


def test_authors_become_members_without_passwords(hub, export_file):
    existing = UserFactory(username="someone", email="Jo.Marsh@northmoor.gov.uk")
    EmailAddress.objects.create(user=existing, email="Jo.Marsh@northmoor.gov.uk", verified=True, primary=True)
    output = run_import(export_file)

    assert report_count(output, "Authors added as members") == 1
    assert report_count(output, "Authors who were members already") == 1
    assert BlogPostPage.objects.get(slug="live-posting-storm-eowyn").authors.get() == existing
    zoe = MemberProfile.objects.get(display_name="Zoë Ødegård")
    assert not zoe.user.has_usable_password()
    assert zoe.user.username == "wordpress-northmoor-digital-zoe"
    assert Membership.objects.filter(member=zoe.user, community__slug="northmoor-digital").exists()


def test_an_account_that_never_confirmed_an_authors_address_is_not_credited_with_their_posts(hub, export_file):
    squatter = UserFactory(username="squatter", email="jo.marsh@northmoor.gov.uk")
    EmailAddress.objects.create(user=squatter, email="jo.marsh@northmoor.gov.uk", verified=False, primary=True)

    output = run_import(export_file)

    assert report_count(output, "Authors who were members already") == 0
    author = BlogPostPage.objects.get(slug="live-posting-storm-eowyn").authors.get()
    assert author != squatter
    assert author.email == "jo.marsh@northmoor.gov.uk"
    assert not squatter.blog_posts.exists()


def test_comments_keep_their_threads_names_and_dates(hub, export_file):
    run_import(export_file)
    storm = BlogPostPage.objects.get(slug="live-posting-storm-eowyn")
    comments = list(comments_on(storm))

    assert [(c.user_name, c.level) for c in comments] == [
        ("Priya Shah", 0),
        ("Jo Marsh", 1),
        ("Priya Shah", 2),
        ("Jo Marsh", 2),  # WordPress nested it a level deeper than our threads go
    ]
    first, reply, deeper, deepest = comments
    assert reply.parent_id == first.pk and deeper.parent_id == reply.pk and deepest.parent_id == reply.pk
    assert {c.thread_id for c in comments} == {first.pk}
    assert first.comment == "Did you keep the hourly posts going overnight? Brilliant write-up."
    assert first.user is None and first.user_email == "priya@eastvale.gov.uk"
    assert first.user_url == "https://eastvale.example"
    assert first.submit_date.isoformat() == "2025-01-24T11:00:00+00:00"
    assert reply.user.email == "jo.marsh@northmoor.gov.uk"  # the author, known to WordPress as a user
    assert all(c.is_public and c.site_id == 1 for c in comments)

    cafe = BlogPostPage.objects.get(title__startswith="Café culture")
    (question,) = comments_on(cafe)
    assert question.comment == "Which [licence page](https://northmoor.example/licences) did you link to?"


def test_old_addresses_redirect_to_the_new_posts(hub, export_file, client):
    run_import(export_file)
    storm = BlogPostPage.objects.get(slug="live-posting-storm-eowyn")
    cafe = BlogPostPage.objects.get(title__startswith="Café culture")

    assert sorted(Redirect.objects.values_list("old_path", flat=True)) == [
        "/2025/01/24/live-posting-storm-eowyn",
        "/2025/02/03/cafe-culture",
        "/?p=11",
        "/?p=12",
    ]
    for old, page in [
        ("/2025/01/24/live-posting-storm-eowyn/", storm),
        ("/2025/02/03/cafe-culture/", cafe),
        ("/?p=11", storm),
        ("/?p=12", cafe),
    ]:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == page.url
    assert client.get(storm.url).status_code == 200
    assert client.get("/?p=13").status_code == 200  # the draft has no redirect: the home page answers
    assert client.get("/2025/03/02/salaries/").status_code == 404


def test_running_again_duplicates_nothing(hub, export_file):
    run_import(export_file)
    counts = imported_counts()

    output = run_import(export_file)

    assert report_count(output, "Posts published") == 0
    assert report_count(output, "Posts already imported, left as they were") == 3
    assert report_count(output, "Comments already imported") == 5
    assert report_count(output, "Comments") == 0
    assert imported_counts() == counts


def test_running_again_credits_nobody_taken_off_a_post_since(hub, export_file):
    run_import(export_file)
    storm = BlogPostPage.objects.get(slug="live-posting-storm-eowyn")
    BlogPostPage.authors.through.objects.filter(blogpostpage=storm).delete()  # the writer took the credit off

    run_import(export_file)

    assert not storm.authors.exists()


def test_a_dry_run_writes_nothing_and_fetches_nothing(hub, export_file, web):
    output = run_import(export_file, "--dry-run")

    assert "Dry run: nothing was saved and no files were fetched." in output
    assert report_count(output, "Posts published") == 2
    assert report_count(output, "Comments") == 5
    assert not CommunityPage.objects.filter(slug="northmoor-digital").exists()
    assert not BlogPostPage.objects.exists()
    assert not XtdComment.objects.exists() and not Redirect.objects.exists() and not ImportedItem.objects.exists()
    assert not MemberProfile.objects.exists()
    assert web.requests == []


def test_imports_into_an_existing_community(hub, export_file):
    community = CommunityPageFactory(
        slug="northmoor-digital", title="Northmoor digital", access_level=AccessLevel.PRIVATE
    )
    BlogIndexPageFactory(parent=community)

    output = run_import(export_file)

    assert "Community: Northmoor digital (/communities/northmoor-digital/), already there" in output
    assert CommunityPage.objects.count() == 1
    assert BlogPostPage.objects.live().descendant_of(community).count() == 2


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("malformed.xml", "not well-formed XML (mismatched tag at line 8)"),
        ("entity_expansion.xml", "declares a document type"),
        ("external_entity.xml", "declares a document type"),
        ("not_wordpress.xml", "not a WordPress export"),
    ],
)
def test_a_broken_or_hostile_file_is_refused_with_nothing_imported(hub, name, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        run_import(DATA / name)
    assert not CommunityPage.objects.exists()


def test_entity_declarations_are_refused_even_without_a_doctype_parse():
    with pytest.raises(WXRError, match="document type"):
        read_export(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><rss/>')


def test_a_huge_post_is_skipped_and_reported(hub, tmp_path, export_file):
    huge = "<p>" + "word " * 500_000 + "</p>"
    text = export_file.read_text().replace("<p>Notes so far.</p>", huge).replace("[draft]", "[publish]")
    path = tmp_path / "huge.xml"
    path.write_text(text)

    output = run_import(path)

    assert "Post “Half-written: our TikTok pilot” (id 13): its encoded is too large to import" in output
    assert not BlogPostPage.objects.filter(title__startswith="Half-written").exists()
    assert report_count(output, "Posts published") == 2


def test_a_failure_part_way_leaves_nothing_behind(hub, export_file, monkeypatch):
    from practice.importing.wordpress import importer

    def fail_on_second_post(self, item, attachments, original=importer.WordPressImport._post):
        if item.id == "12":
            raise RuntimeError("disk full")
        return original(self, item, attachments)

    monkeypatch.setattr(importer.WordPressImport, "_post", fail_on_second_post)
    with pytest.raises(RuntimeError):
        run_import(export_file)

    assert not CommunityPage.objects.exists()
    assert not BlogPostPage.objects.exists() and not XtdComment.objects.exists()
    assert not get_image_model().objects.exists() and not Redirect.objects.exists()


def test_a_missing_file_or_bad_slug_is_a_clear_error(hub, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run_import(tmp_path / "nowhere.xml")
    with pytest.raises(CommandError, match="is not a slug"):
        call_command("import_wordpress", str(DATA / "council_blog.xml"), "--community", "Not A Slug!")


def test_imported_posts_and_comments_are_found_by_search_with_the_right_access(
    hub, export_file, communities, client, django_capture_on_commit_callbacks
):
    private = communities[AccessLevel.PRIVATE]["community"]
    BlogIndexPageFactory(parent=private)
    with django_capture_on_commit_callbacks(execute=True):  # comments are indexed with their post after commit
        call_command("import_wordpress", str(export_file), "--community", private.slug, stdout=io.StringIO())
    insider = communities[AccessLevel.PRIVATE]["insider"]
    outsider = communities[AccessLevel.OPEN]["insider"]

    for user in [AnonymousUser(), outsider]:
        for words in ["Éowyn", "overnight"]:
            results = search(words, user)
            assert (results.count, results.hits, results.facets["type"]) == (0, [], [])
    client.force_login(outsider)
    assert client.get(reverse("search_api"), {"q": "storm"}).json()["count"] == 0
    assert [hit.title for hit in search("storm", insider).hits] == ["Live-posting through Storm Éowyn"]
    (found,) = search("overnight", insider).hits  # said only in Priya Shah's comment
    assert found.title == "Live-posting through Storm Éowyn"
    assert "<mark>overnight</mark>" in str(found.snippet)


def test_imported_posts_in_an_open_community_are_found_by_everyone(
    hub, export_file, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run_import(export_file)
    anonymous = AnonymousUser()
    assert [hit.title for hit in search("licences", anonymous).hits] == [
        "Café culture: what residents asked us on Facebook"
    ]
    assert [hit.title for hit in search("licence", anonymous).hits] == [
        "Café culture: what residents asked us on Facebook"
    ]
    assert search("TikTok", anonymous).count == 0  # the draft
    assert search('"buy now"', anonymous).count == 0  # the spam comment
