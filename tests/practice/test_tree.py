"""Pages in a part of the tree are found by a range of tree paths, the same pages Wagtail's own queries find."""

import pytest

from django.db import connection

from wagtail.models import Page

from practice.models import BlogPostPage, PracticePage
from practice.models.base import subtree_q
from practice.models.choices import AccessLevel
from tests.factories import BlogIndexPageFactory, BlogPostPageFactory, DiscussionIndexPageFactory


@pytest.fixture
def tree(communities):
    """Two communities side by side, each with a blog of posts and a discussions section."""
    built = {}
    for level in [AccessLevel.OPEN, AccessLevel.RESTRICTED]:
        community = communities[level]["community"]
        blog = BlogIndexPageFactory(parent=community)
        posts = [BlogPostPageFactory(parent=blog, title=f"Post {number}") for number in range(3)]
        built[level] = {"community": community, "blog": blog, "posts": posts}
        DiscussionIndexPageFactory(parent=community)
    return built


def ids(queryset):
    return set(queryset.values_list("pk", flat=True))


def test_descendants_and_children_are_the_pages_wagtail_finds(tree):
    practice_pages = ids(PracticePage.objects.all())
    for level, parts in tree.items():
        for page in [parts["community"], parts["blog"], parts["posts"][0]]:
            wagtail_pages = Page.objects.filter(pk__in=practice_pages)
            for inclusive in [False, True]:
                assert ids(PracticePage.objects.descendant_of(page, inclusive=inclusive)) == ids(
                    wagtail_pages.descendant_of(page, inclusive=inclusive)
                ), (level, page.title, inclusive)
            assert ids(PracticePage.objects.child_of(page)) == ids(wagtail_pages.child_of(page))
            for inclusive in [False, True]:
                assert ids(PracticePage.objects.sibling_of(page, inclusive=inclusive)) == ids(
                    wagtail_pages.sibling_of(page, inclusive=inclusive)
                ), (level, page.title, inclusive)
            assert ids(PracticePage.objects.not_child_of(page)) == ids(wagtail_pages.not_child_of(page))
    open_blog = tree[AccessLevel.OPEN]["blog"]
    assert ids(BlogPostPage.objects.child_of(open_blog)) == {post.pk for post in tree[AccessLevel.OPEN]["posts"]}


def test_the_range_ends_just_after_the_last_path_under_a_page():
    assert dict(subtree_q("00010002").children) == {"path__gte": "00010002", "path__lt": "00010003"}
    # "[" comes straight after "Z", the last letter of treebeard's path alphabet.
    assert dict(subtree_q("0001000Z").children) == {"path__gte": "0001000Z", "path__lt": "0001000["}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan")
def test_a_listing_reads_its_section_from_the_path_index(tree):
    listing = BlogPostPage.objects.child_of(tree[AccessLevel.OPEN]["blog"]).live()
    sql, params = listing.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        steps = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "path>? AND path<?" in steps
