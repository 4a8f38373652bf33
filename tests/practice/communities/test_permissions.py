"""Facilitators write, publish and approve in their own community's sections through the Wagtail editor, and nowhere
else; members never reach the editor."""

import pytest
import wagtail_factories

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Page, PageViewRestriction, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import nested_form_data

from practice.communities.services import membership_join
from practice.models import BlogIndexPage, BlogPostPage, CommunityPage, Membership
from practice.models.choices import AccessLevel, SecurityLevel
from tests.factories import (
    BlogIndexPageFactory,
    BlogPostPageFactory,
    GuidanceIndexPageFactory,
)
from tests.practice.post_editor import add_url, post_form

OPEN, RESTRICTED, PRIVATE = AccessLevel.OPEN, AccessLevel.RESTRICTED, AccessLevel.PRIVATE


def require_approval(community):
    community.requires_approval = True
    community.save_revision().publish()
    return CommunityPage.objects.get(pk=community.pk)


@pytest.fixture
def open_community(communities):
    """The open community with its blog, its insider (a member) and its facilitator."""
    entry = communities[OPEN]
    entry["blog"] = BlogIndexPageFactory(parent=entry["community"])
    return entry


@pytest.mark.django_db
def test_only_facilitators_of_a_community_may_sign_in_to_the_editor(client, open_community, member):
    assert client.get("/admin/")["Location"] == "/accounts/sign-in/?next=/admin/"
    client.force_login(open_community["facilitator"])
    assert client.get("/admin/").status_code == 200
    for outsider in (open_community["insider"], member):
        client.force_login(outsider)
        refused = client.get("/admin/")
        assert refused.status_code == 403
        assert "admin is for editorial roles" in refused.content.decode()


@pytest.mark.django_db
def test_a_blog_made_in_the_editor_is_open_to_its_communitys_facilitators(client, superuser, communities):
    community = communities[OPEN]["community"]
    client.force_login(superuser)

    response = client.post(
        add_url(community, BlogIndexPage),
        nested_form_data({"title": "Blog", "slug": "blog", "intro": "", "action-publish": "action-publish"}),
    )

    assert response.status_code == 302
    blog = BlogIndexPage.objects.child_of(community).get()
    assert blog.permissions_for_user(communities[OPEN]["facilitator"]).can_add_subpage()
    assert not blog.permissions_for_user(communities[OPEN]["insider"]).can_add_subpage()


@pytest.mark.django_db
def test_a_facilitator_publishes_straight_away_where_no_approval_is_needed(client, open_community):
    client.force_login(open_community["facilitator"])

    response = client.post(add_url(open_community["blog"]), post_form("Our first live Q and A"))

    assert response.status_code == 302
    post = BlogPostPage.objects.get(title="Our first live Q and A")
    assert post.live
    assert post.owner == open_community["facilitator"]
    client.logout()
    assert client.get(post.url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("where", ["other community's blog", "guidance"])
def test_a_facilitator_cannot_add_pages_outside_their_community(client, communities, open_community, where):
    parent = {
        "other community's blog": lambda: BlogIndexPageFactory(parent=communities[RESTRICTED]["community"]),
        "guidance": GuidanceIndexPageFactory,
    }[where]()
    model = parent.specific_class.allowed_subpage_models()[0]
    client.force_login(open_community["facilitator"])

    assert client.get(add_url(parent, model)).status_code == 404
    client.post(add_url(parent, model), post_form("Somewhere I should not write"))

    assert not Page.objects.filter(title="Somewhere I should not write").exists()


@pytest.mark.django_db
def test_a_facilitator_edits_their_communitys_posts_and_no_one_elses(client, communities, open_community):
    post = BlogPostPageFactory(parent=open_community["blog"], title="Someone else's post")
    elsewhere = BlogPostPageFactory(parent=BlogIndexPageFactory(parent=communities[RESTRICTED]["community"]))

    client.force_login(open_community["facilitator"])
    assert client.get(reverse("wagtailadmin_pages:edit", args=[post.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[elsewhere.pk])).status_code == 404

    client.force_login(open_community["insider"])
    assert client.get(reverse("wagtailadmin_pages:edit", args=[post.pk])).status_code == 403


@pytest.mark.django_db
def test_in_an_approval_community_a_post_submitted_for_approval_waits_for_a_facilitator(
    client, communities, open_community
):
    community = require_approval(open_community["community"])
    blog = open_community["blog"]
    assert WorkflowPage.objects.get(page=blog).workflow.name == f"Facilitator approval: {community.title}"
    writer, approver = open_community["facilitator"], communities[OPEN]["insider"]
    membership_join(community=community, member=approver, role=Membership.Role.FACILITATOR)

    client.force_login(writer)
    client.post(add_url(blog), post_form("Storm warnings that people read", action="action-submit"))
    post = BlogPostPage.objects.get(title="Storm warnings that people read")
    assert not post.live
    assert post.workflow_in_progress
    task_state = post.current_workflow_task_state
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=[post.pk, "approve", task_state.pk])

    client.force_login(approver)
    client.post(approve_url)

    post.refresh_from_db()
    assert post.live
    assert WorkflowState.objects.get(pk=task_state.workflow_state_id).status == WorkflowState.STATUS_APPROVED
    client.logout()
    assert client.get(post.url).status_code == 200


@pytest.mark.django_db
def test_a_facilitator_has_no_privacy_dialog_to_open_a_community_post_to_everyone(client, open_community):
    post = BlogPostPageFactory(parent=open_community["blog"], security_level=SecurityLevel.COMMUNITY)
    client.force_login(open_community["facilitator"])

    refused = client.post(reverse("wagtailadmin_pages:set_privacy", args=[post.pk]), {"restriction_type": "none"})

    assert refused.status_code == 404
    restriction = PageViewRestriction.objects.get(page=post)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    client.logout()
    assert client.get(post.url).status_code == 403


@pytest.mark.django_db
def test_the_page_chooser_shows_facilitators_only_what_they_may_read(client, communities, open_community):
    private_blog = BlogIndexPageFactory(parent=communities[PRIVATE]["community"])
    BlogPostPageFactory(parent=private_blog, title="Budget leak rehearsal notes")
    BlogPostPageFactory(parent=open_community["blog"], title="Budget consultation posts that worked")
    search_url = reverse("wagtailadmin_choose_page_search")

    client.force_login(open_community["facilitator"])
    found = client.get(search_url, {"q": "budget"}).content
    assert b"Budget consultation posts that worked" in found
    assert b"Budget leak rehearsal notes" not in found
    browsed = client.get(reverse("wagtailadmin_choose_page_child", args=[communities[PRIVATE]["community"].pk]))
    assert browsed.status_code == 404
    assert b"Budget leak" not in browsed.content

    client.force_login(communities[PRIVATE]["facilitator"])
    assert b"Budget leak rehearsal notes" in client.get(search_url, {"q": "budget"}).content


@pytest.mark.django_db
def test_members_groups_get_no_permissions_and_facilitators_groups_only_the_editor(open_community):
    community = open_community["community"]
    assert not community.members_group.permissions.exists()
    assert not community.members_group.page_permissions.exists()
    assert not community.members_group.collection_permissions.exists()
    assert list(community.facilitators_group.permissions.values_list("codename", flat=True)) == ["access_admin"]


@pytest.mark.django_db
def test_deleting_restricted_pages_leaves_no_restriction_behind(communities, open_community):
    post = BlogPostPageFactory(parent=open_community["blog"], security_level=SecurityLevel.COMMUNITY)
    private = communities[PRIVATE]["community"]
    private_post = BlogPostPageFactory(parent=BlogIndexPageFactory(parent=private))
    restricted = [post.pk, private.pk, private_post.pk]

    post.delete()
    private.delete()

    assert not PageViewRestriction.objects.filter(page_id__in=restricted).exists()


@pytest.mark.django_db
def test_the_community_page_shows_its_facilitators_where_to_write(client, open_community, member):
    community = open_community["community"]
    write_url = add_url(open_community["blog"])

    client.force_login(open_community["facilitator"])
    assert write_url in client.get(community.url).content.decode()

    for reader in (open_community["insider"], member):
        client.force_login(reader)
        assert write_url not in client.get(community.url).content.decode()


def collection_of(community):
    return CommunityPage.objects.get(pk=community.pk).media_collection


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("chooser", "factory"),
    [
        ("wagtailimages_chooser:choose", wagtail_factories.ImageFactory),
        ("wagtaildocs_chooser:choose", wagtail_factories.DocumentFactory),
    ],
    ids=["images", "documents"],
)
def test_a_facilitator_chooses_media_only_from_their_communitys_collection(
    client, communities, open_community, media_root, chooser, factory
):
    factory(title="Flood map from our community", collection=collection_of(open_community["community"]))
    factory(title="Flood map from the private community", collection=collection_of(communities[PRIVATE]["community"]))
    factory(title="Flood map in the main library", collection=Collection.get_first_root_node())

    client.force_login(open_community["facilitator"])
    response = client.get(reverse(chooser))

    assert response.status_code == 200
    assert b"Flood map from our community" in response.content
    assert b"Flood map from the private community" not in response.content
    assert b"Flood map in the main library" not in response.content


def upload_image(client, title, collection):
    png = get_test_image_file().file.getvalue()
    return client.post(
        reverse("wagtailimages:add"),
        {"title": title, "file": SimpleUploadedFile("stand.png", png), "collection": collection.pk, "tags": ""},
    )


@pytest.mark.django_db
def test_a_facilitator_uploads_an_image_into_their_communitys_collection_and_may_edit_it(
    client, open_community, media_root
):
    collection = collection_of(open_community["community"])
    client.force_login(open_community["facilitator"])

    response = upload_image(client, "Our stand at the summit", collection)

    assert response.status_code == 302
    image = get_image_model().objects.get(title="Our stand at the summit")
    assert image.collection == collection
    assert image.uploaded_by_user == open_community["facilitator"]
    assert (media_root / image.file.name).exists()
    assert client.get(reverse("wagtailimages:edit", args=[image.pk])).status_code == 200


@pytest.mark.django_db
def test_a_facilitator_may_edit_their_collections_images_and_no_others(client, communities, open_community, media_root):
    ours = wagtail_factories.ImageFactory(collection=collection_of(open_community["community"]))
    theirs = wagtail_factories.ImageFactory(collection=collection_of(communities[PRIVATE]["community"]))

    client.force_login(open_community["facilitator"])
    assert client.get(reverse("wagtailimages:edit", args=[ours.pk])).status_code == 200
    assert client.get(reverse("wagtailimages:edit", args=[theirs.pk])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("where", ["another community's collection", "the main library"])
def test_a_facilitator_cannot_upload_an_image_outside_their_communitys_collections(
    client, communities, open_community, media_root, where
):
    facilitator, images = open_community["facilitator"], get_image_model().objects
    elsewhere = {
        "another community's collection": lambda: collection_of(communities[PRIVATE]["community"]),
        "the main library": Collection.get_first_root_node,
    }[where]()
    client.force_login(facilitator)

    # With one collection to upload into, Wagtail leaves out the collection field and files every upload there.
    upload_image(client, "Filed in our own collection", elsewhere)
    assert images.get(title="Filed in our own collection").collection == collection_of(open_community["community"])

    # A facilitator of two communities chooses between their two collections, and no other.
    restricted = communities[RESTRICTED]["community"]
    membership_join(community=restricted, member=facilitator, role=Membership.Role.FACILITATOR)
    refused = upload_image(client, "Somewhere I should not upload", elsewhere)
    upload_image(client, "Filed in the other community", collection_of(restricted))

    assert refused.status_code == 200
    assert "collection" in refused.context["form"].errors
    assert not images.filter(title="Somewhere I should not upload").exists()
    assert images.get(title="Filed in the other community").collection == collection_of(restricted)


@pytest.mark.django_db
def test_a_private_communitys_documents_are_served_to_its_members_and_staff_only(
    client, communities, member, editor, media_root
):
    community = communities[PRIVATE]["community"]
    document = wagtail_factories.DocumentFactory(
        collection=collection_of(community), file__data=b"Rehearsal notes", file__filename="rehearsal.txt"
    )

    # Whoever the collection's restriction refuses, signed in or not, finds nothing there (tests/hub/test_media.py).
    for outsider in (None, member, communities[OPEN]["insider"]):
        if outsider is not None:
            client.force_login(outsider)
        assert client.get(document.url).status_code == 404

    for reader in (communities[PRIVATE]["insider"], communities[PRIVATE]["facilitator"], editor):
        client.force_login(reader)
        response = client.get(document.url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"Rehearsal notes"


@pytest.mark.django_db
def test_an_open_communitys_documents_are_served_to_anyone(client, open_community, media_root):
    document = wagtail_factories.DocumentFactory(collection=collection_of(open_community["community"]))

    assert client.get(document.url).status_code == 200
