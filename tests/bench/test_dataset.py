"""The bench's dataset builder and page list, on a tiny hub: the benchmark code must not rot unseen."""

import sys
from pathlib import Path

import pytest

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count
from django.test import Client

from wagtail.models import Page, PageViewRestriction

from practice.models import (
    BlogPostPage,
    CommunityPage,
    DiscussionThreadPage,
    EventPage,
    MemberProfile,
    Membership,
    PracticePage,
    ResourceLinkPage,
)
from practice.models.choices import AccessLevel, SecurityLevel, Visibility
from practice.privacy import apply_security, refresh_visibility
from search.results import search

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import dataset  # noqa: E402
import pages  # noqa: E402

ITEMS = 200


@pytest.fixture
def built(db):
    return dataset.build(ITEMS)


def bench_pages(model=PracticePage):
    return model.objects.filter(slug__startswith=dataset.SLUG_PREFIX)


def test_builds_every_kind_of_item_in_the_planned_numbers(built):
    wanted = dataset.counts_by_kind(ITEMS)
    assert sum(wanted.values()) == ITEMS
    for kind, model in [
        ("post", BlogPostPage),
        ("thread", DiscussionThreadPage),
        ("resource", ResourceLinkPage),
        ("event", EventPage),
    ]:
        assert bench_pages(model).count() == wanted[kind] == built["counts"][kind]
    assert built["index_seconds"] > 0

    big = DiscussionThreadPage.objects.get(slug=dataset.BIG_THREAD_SLUG)
    assert big.replies.count() == big.reply_count == dataset.BIG_THREAD_REPLIES
    assert big.replies.filter(parent__isnull=False).exists()
    for thread in bench_pages(DiscussionThreadPage).annotate(stored=Count("replies")):
        assert thread.reply_count == thread.stored

    members = MemberProfile.objects.filter(slug__startswith=dataset.SLUG_PREFIX)
    assert members.count() == max(20, ITEMS // dataset.ITEMS_PER_MEMBER)
    for profile in members.annotate(topics=Count("interests", distinct=True)):
        assert profile.topics >= 2
        memberships = Membership.objects.filter(member=profile.user, status=Membership.Status.ACTIVE)
        assert memberships.exists()
        assert {m.community.members_group_id for m in memberships} <= set(
            profile.user.groups.values_list("pk", flat=True)
        )

    # Every community and the site-wide sections got content, and the page tree is sound.
    assert set(bench_pages().values_list("community", flat=True)) == {
        *CommunityPage.objects.values_list("pk", flat=True),
        None,
    }
    assert all(problems == [] for problems in Page.find_problems())


def test_access_is_what_the_product_itself_would_write(built):
    closed = bench_pages().filter(community__access_level__in=[AccessLevel.RESTRICTED, AccessLevel.PRIVATE])
    assert closed.exists()
    for page in closed.select_related("community"):
        assert page.visibility == Visibility.GROUPS
        assert page.community.members_group in page.view_groups.all()
    in_open = bench_pages().filter(community__access_level=AccessLevel.OPEN)
    assert set(in_open.values_list("security_level", flat=True)) == set(SecurityLevel)
    assert not bench_pages().filter(community=None, visibility=Visibility.GROUPS).exists()

    # Writing each kind of page's restriction and deriving access again through the product changes nothing.
    restrictions = PageViewRestriction.objects.count()
    for level in SecurityLevel:
        page = bench_pages().filter(security_level=level).first().specific
        apply_security(page)
    assert PageViewRestriction.objects.count() == restrictions
    before = dict(bench_pages().values_list("pk", "visibility"))
    for community in CommunityPage.objects.all():
        refresh_visibility(community)
    assert dict(bench_pages().values_list("pk", "visibility")) == before

    anonymous = set(bench_pages().visible_to(AnonymousUser()).values_list("pk", flat=True))
    assert anonymous == set(bench_pages().filter(visibility=Visibility.PUBLIC).values_list("pk", flat=True))
    member = pages.bench_member()
    theirs = set(bench_pages().visible_to(member).values_list("pk", flat=True))
    in_their_communities = bench_pages().filter(visibility=Visibility.GROUPS, community__memberships__member=member)
    assert anonymous < theirs
    assert set(in_their_communities.values_list("pk", flat=True)) <= theirs


def test_the_generated_pages_are_found_by_search(built):
    post = bench_pages(BlogPostPage).filter(visibility=Visibility.PUBLIC).order_by("pk").first()
    results = search(post.title, AnonymousUser(), personalise=False)
    assert post.pk in [hit.page.pk for hit in results.hits]


def test_every_measured_page_answers_both_readers(built):
    member = pages.bench_member()
    signed_in = Client()
    signed_in.force_login(member)
    targets = pages.targets()
    assert len(targets) == 12
    for target in targets:
        assert Client().get(target.url).status_code == 200, target.url
        assert signed_in.get(target.url).status_code == 200, target.url

    rows = pages.measure(1, pages=targets[:2], log=lambda line: None)
    assert [(row["page"], row["reader"]) for row in rows] == [
        ("home", "anonymous"),
        ("home", "member"),
        ("blog post", "anonymous"),
        ("blog post", "member"),
    ]
    assert all(row["warm_queries"] > 0 and row["cold_median"] > 0 for row in rows)
