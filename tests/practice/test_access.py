"""Who can open, and who sees in listings, each community's content at each security level."""

import pytest

from django.contrib.auth.models import AnonymousUser, Group
from django.urls import reverse

from wagtail.models import PageViewRestriction

from practice.communities.services import membership_leave
from practice.models import BlogPostPage, CommunityPage, PracticePage
from practice.models.choices import AccessLevel, SecurityLevel, Visibility
from tests.factories import BlogIndexPageFactory, BlogPostPageFactory

OPEN, RESTRICTED, PRIVATE = AccessLevel.OPEN, AccessLevel.RESTRICTED, AccessLevel.PRIVATE
PUBLIC, MEMBERS, COMMUNITY = SecurityLevel.PUBLIC, SecurityLevel.MEMBERS, SecurityLevel.COMMUNITY

# (community access, post level) -> status for: anonymous, signed-in outsider, community member, facilitator, editor
EXPECTED = {
    (OPEN, PUBLIC): (200, 200, 200, 200, 200),
    (OPEN, MEMBERS): (403, 200, 200, 200, 200),
    (OPEN, COMMUNITY): (403, 403, 200, 200, 200),
    (RESTRICTED, PUBLIC): (403, 403, 200, 200, 200),
    (RESTRICTED, COMMUNITY): (403, 403, 200, 200, 200),
    (PRIVATE, PUBLIC): (404, 404, 200, 200, 200),
    (PRIVATE, MEMBERS): (404, 404, 200, 200, 200),
}
READERS = ["anonymous", "outsider", "insider", "facilitator", "editor"]


def readers(communities, level, member, editor):
    community = communities[level]
    return {
        "anonymous": None,
        "outsider": member,
        "insider": community["insider"],
        "facilitator": community["facilitator"],
        "editor": editor,
    }


@pytest.mark.django_db
@pytest.mark.parametrize(("access", "security"), list(EXPECTED))
def test_reader_can_open_exactly_what_the_levels_allow(client, communities, member, editor, access, security):
    blog = BlogIndexPageFactory(parent=communities[access]["community"])
    post = BlogPostPageFactory(parent=blog, title="Our storm live-posting plan", security_level=security)

    for reader_name, expected in zip(READERS, EXPECTED[(access, security)], strict=True):
        reader = readers(communities, access, member, editor)[reader_name]
        client.logout()
        if reader is not None:
            client.force_login(reader)
        response = client.get(post.url)
        assert response.status_code == expected, reader_name
        if expected != 200:
            assert b"storm live-posting" not in response.content, reader_name

        user = reader or AnonymousUser()
        listed = PracticePage.objects.visible_to(user).filter(pk=post.pk).exists()
        assert listed == (expected == 200), reader_name


@pytest.mark.django_db
def test_restricted_community_page_is_visible_but_its_content_is_not(client, communities):
    community = communities[RESTRICTED]["community"]
    post = BlogPostPageFactory(parent=BlogIndexPageFactory(parent=community), title="Members-only notes")

    assert client.get(community.url).status_code == 200
    denied = client.get(post.url)
    assert denied.status_code == 403
    assert b"Sign in" in denied.content


@pytest.mark.django_db
def test_private_community_is_a_404_to_outsiders(client, communities, member):
    community = communities[PRIVATE]["community"]
    assert client.get(community.url).status_code == 404
    client.force_login(member)
    assert client.get(community.url).status_code == 404
    client.force_login(communities[PRIVATE]["insider"])
    assert client.get(community.url).status_code == 200


@pytest.mark.django_db
def test_a_post_is_never_more_open_than_its_community(communities):
    post = BlogPostPageFactory(
        parent=BlogIndexPageFactory(parent=communities[RESTRICTED]["community"]), security_level=PUBLIC
    )
    post.refresh_from_db()
    assert post.visibility == Visibility.GROUPS


@pytest.mark.django_db
def test_making_a_community_private_hides_its_public_posts(communities):
    community = communities[OPEN]["community"]
    post = BlogPostPageFactory(parent=BlogIndexPageFactory(parent=community))
    assert BlogPostPage.objects.visible_to(AnonymousUser()).filter(pk=post.pk).exists()

    community.access_level = PRIVATE
    community.save_revision().publish()

    assert not BlogPostPage.objects.visible_to(AnonymousUser()).filter(pk=post.pk).exists()
    assert BlogPostPage.objects.visible_to(communities[OPEN]["insider"]).filter(pk=post.pk).exists()


@pytest.mark.django_db
def test_leaving_a_community_takes_its_content_away(client, communities):
    community = communities[PRIVATE]["community"]
    insider = communities[PRIVATE]["insider"]
    post = BlogPostPageFactory(parent=BlogIndexPageFactory(parent=community))
    client.force_login(insider)
    assert client.get(post.url).status_code == 200

    membership_leave(community=community, member=insider)

    assert client.get(post.url).status_code == 404
    assert not PracticePage.objects.visible_to(insider).filter(pk=post.pk).exists()


@pytest.mark.django_db
def test_matching_group_pages_by_key_row_by_row_by_list_or_by_path_keeps_the_same_pages_for_every_reader(
    communities, member, editor, superuser
):
    for level in AccessLevel:
        blog = BlogIndexPageFactory(parent=communities[level]["community"])
        for security in SecurityLevel:
            BlogPostPageFactory(parent=blog, security_level=security)
    others = [reader for level in communities.values() for reader in (level["insider"], level["facilitator"])]

    for reader in [AnonymousUser(), member, editor, superuser, *others]:
        by_path = set(PracticePage.objects.visible_to(reader, in_sql=False).values_list("pk", flat=True))
        row_by_row = set(PracticePage.objects.visible_to(reader).values_list("pk", flat=True))
        listed_once = set(PracticePage.objects.visible_to(reader, reads_all=True).values_list("pk", flat=True))
        assert row_by_row == listed_once == by_path
    insider_pages = PracticePage.objects.visible_to(communities[PRIVATE]["insider"])
    assert insider_pages.filter(visibility=Visibility.GROUPS).exists()


# Restrictions written by hand are put back to what the page's security level and community decide.


def restriction_state(page):
    """Return the page's own restrictions as (type, groups, password), and the listings' copy of its access."""
    page = PracticePage.objects.get(pk=page.pk)
    restrictions = sorted(
        (restriction.restriction_type, sorted(restriction.groups.values_list("pk", flat=True)), restriction.password)
        for restriction in PageViewRestriction.objects.filter(page=page)
    )
    return restrictions, page.visibility, set(page.view_groups.values_list("pk", flat=True))


def privacy_url(page):
    return reverse("wagtailadmin_pages:set_privacy", args=[page.pk])


@pytest.fixture
def everyone(member):
    """A group the outsider belongs to, as a weakened restriction might name."""
    group = Group.objects.create(name="Everyone signed in")
    member.groups.add(group)
    return group


@pytest.fixture
def restricted_post(communities):
    blog = BlogIndexPageFactory(parent=communities[RESTRICTED]["community"])
    return BlogPostPageFactory(parent=blog, title="Our storm live-posting plan", security_level=COMMUNITY)


def assert_closed_to_outsiders(client, communities, post, outsider):
    """Check the post opens, and is found, for its community's member only."""
    for reader, status in ((outsider, 403), (communities[RESTRICTED]["insider"], 200)):
        client.force_login(reader)
        assert client.get(post.url).status_code == status
        found = "live-posting plan" in client.get("/search/", {"q": "storm"}).content.decode()
        assert found == (status == 200)


@pytest.mark.django_db
@pytest.mark.parametrize("choice", ["none", "login", "password", "other groups", "more groups"])
def test_the_privacy_dialog_cannot_open_a_closed_communitys_post_to_others(
    client, communities, restricted_post, member, everyone, superuser, choice
):
    community = communities[RESTRICTED]["community"]
    data = {
        "none": {"restriction_type": "none"},
        "login": {"restriction_type": "login"},
        "password": {"restriction_type": "password", "password": "storm"},
        "other groups": {"restriction_type": "groups", "groups": [everyone.pk]},
        "more groups": {"restriction_type": "groups", "groups": [community.members_group_id, everyone.pk]},
    }[choice]
    before = restriction_state(restricted_post)
    assert before[0][0][0] == PageViewRestriction.GROUPS
    client.force_login(superuser)

    assert client.post(privacy_url(restricted_post), data).status_code == 200

    assert restriction_state(restricted_post) == before
    assert_closed_to_outsiders(client, communities, restricted_post, member)


@pytest.mark.django_db
def test_a_facilitator_cannot_open_a_post_to_everyone_signed_in_with_the_privacy_dialog(
    client, communities, restricted_post, member
):
    before = restriction_state(restricted_post)
    client.force_login(communities[RESTRICTED]["facilitator"])

    client.post(privacy_url(restricted_post), {"restriction_type": "login"})

    assert restriction_state(restricted_post) == before
    assert_closed_to_outsiders(client, communities, restricted_post, member)


@pytest.mark.django_db
def test_a_restriction_added_in_the_privacy_dialog_to_a_public_post_is_taken_away(
    client, communities, everyone, superuser
):
    post = BlogPostPageFactory(parent=BlogIndexPageFactory(parent=communities[OPEN]["community"]))
    client.force_login(superuser)

    response = client.post(privacy_url(post), {"restriction_type": "groups", "groups": [everyone.pk]})

    assert response.status_code == 200
    assert restriction_state(post) == ([], Visibility.PUBLIC, set())
    client.logout()
    assert client.get(post.url).status_code == 200


def change_type(restriction, group):
    restriction.restriction_type = PageViewRestriction.LOGIN
    restriction.save()


def set_a_password(restriction, group):
    restriction.restriction_type, restriction.password = PageViewRestriction.PASSWORD, "storm"
    restriction.save()


def add_another(restriction, group):
    PageViewRestriction.objects.create(page=restriction.page, restriction_type=PageViewRestriction.LOGIN)


ORM_CHANGES = {
    "type changed": change_type,
    "password set": set_a_password,
    "group added": lambda restriction, group: restriction.groups.add(group),
    "group given the restriction": lambda restriction, group: group.pageviewrestriction_set.add(restriction),
    "groups replaced": lambda restriction, group: restriction.groups.set([group]),
    "group removed": lambda restriction, group: restriction.groups.remove(restriction.groups.first()),
    "groups cleared": lambda restriction, group: restriction.groups.clear(),
    "another restriction": add_another,
}


@pytest.mark.django_db
@pytest.mark.parametrize("change", list(ORM_CHANGES))
def test_any_change_to_a_posts_restriction_is_put_back(client, communities, restricted_post, member, everyone, change):
    before = restriction_state(restricted_post)

    ORM_CHANGES[change](PageViewRestriction.objects.get(page=restricted_post), everyone)

    assert restriction_state(restricted_post) == before
    assert_closed_to_outsiders(client, communities, restricted_post, member)


@pytest.mark.django_db
def test_a_new_restriction_on_a_public_post_is_taken_away_with_the_groups_given_it(communities, everyone):
    post = BlogPostPageFactory(parent=BlogIndexPageFactory(parent=communities[OPEN]["community"]))

    restriction = PageViewRestriction.objects.create(page=post, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([everyone])

    assert restriction_state(post) == ([], Visibility.PUBLIC, set())
    assert not PageViewRestriction.groups.through.objects.filter(pageviewrestriction_id=restriction.pk).exists()


@pytest.mark.django_db
def test_restrictions_on_communities_are_put_back_and_their_content_keeps_its_access(communities, everyone):
    open_community = CommunityPage.objects.get(pk=communities[OPEN]["community"].pk)
    private_community = CommunityPage.objects.get(pk=communities[PRIVATE]["community"].pk)
    post = BlogPostPageFactory(parent=BlogIndexPageFactory(parent=open_community))
    private_before = restriction_state(private_community)

    PageViewRestriction.objects.create(page=open_community, restriction_type=PageViewRestriction.LOGIN)
    change_type(PageViewRestriction.objects.get(page=private_community), everyone)

    assert restriction_state(open_community) == ([], Visibility.PUBLIC, set())
    assert PracticePage.objects.visible_to(AnonymousUser()).filter(pk=post.pk).exists()
    assert restriction_state(private_community) == private_before
