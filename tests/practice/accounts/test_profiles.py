"""Member profiles show only what the member shares and what the reader may see."""

import pytest

from practice.models.choices import AccessLevel, SecurityLevel
from tests.factories import BlogIndexPageFactory, BlogPostPageFactory, MemberProfileFactory


@pytest.mark.django_db
def test_profile_lists_only_posts_and_communities_the_reader_may_see(client, communities):
    author = communities[AccessLevel.PRIVATE]["insider"]
    profile = MemberProfileFactory(user=author, display_name="Morgan Ellis", bio="Web manager.")
    open_blog = BlogIndexPageFactory(parent=communities[AccessLevel.OPEN]["community"])
    public = BlogPostPageFactory(parent=open_blog, title="Open notes on alt text")
    public.authors.set([author])
    public.save()
    members_only = BlogPostPageFactory(parent=open_blog, title="Members notes", security_level=SecurityLevel.MEMBERS)
    members_only.authors.set([author])
    members_only.save()

    response = client.get(profile.get_absolute_url())

    assert response.status_code == 200
    assert b"Morgan Ellis" in response.content
    assert b"Open notes on alt text" in response.content
    assert b"Members notes" not in response.content
    assert communities[AccessLevel.PRIVATE]["community"].title.encode() not in response.content


@pytest.mark.django_db
def test_a_profile_the_member_keeps_private_is_not_found(client):
    profile = MemberProfileFactory(is_public=False)
    assert client.get(profile.get_absolute_url()).status_code == 404
