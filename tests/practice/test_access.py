"""Who can open, and who sees in listings, each community's content at each security level."""

import pytest

from django.contrib.auth.models import AnonymousUser

from practice.access import AccessLevel, SecurityLevel, Visibility
from practice.models import BlogPostPage, PracticePage
from practice.services import membership_leave
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
