"""Membership services keep community groups, and so editing rights, in step; permission grants are idempotent."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
)
from wagtail.permissions import policy_registry

from practice.communities.services import (
    community_grant_permissions,
    membership_join,
    membership_leave,
    membership_set_role,
)
from practice.models import BlogIndexPage, CommunityPage, Membership
from practice.models.choices import AccessLevel
from tests.factories import (
    BlogIndexPageFactory,
    CommunityPageFactory,
    DiscussionIndexPageFactory,
    EventIndexPageFactory,
    MembershipFactory,
    ResourceLibraryPageFactory,
    UserFactory,
)

FACILITATOR = Membership.Role.FACILITATOR


def groups_of(user):
    return set(get_user_model().objects.get(pk=user.pk).groups.all())


def can_write_in(user, page):
    """Ask Wagtail, with a fresh user so that no permission cache is reused, whether the user may add pages here."""
    return page.permissions_for_user(get_user_model().objects.get(pk=user.pk)).can_add_subpage()


def held(community):
    """Return the page permissions the community's groups hold, as (group, page, action) triples."""
    return {
        (perm.group_id, perm.page_id, perm.permission.codename.removesuffix("_page"))
        for perm in GroupPagePermission.objects.filter(
            group__in=[community.members_group, community.facilitators_group]
        ).select_related("permission")
    }


@pytest.fixture
def community(db):
    community = CommunityPageFactory(title="Council web managers")
    for factory in (
        BlogIndexPageFactory,
        DiscussionIndexPageFactory,
        ResourceLibraryPageFactory,
        EventIndexPageFactory,
    ):
        factory(parent=community)
    return CommunityPage.objects.get(pk=community.pk)


@pytest.mark.django_db
def test_a_new_community_gets_its_own_members_and_facilitators_groups(community):
    assert community.members_group.name == f"Community members: Council web managers ({community.slug})"
    assert community.facilitators_group.name == f"Community facilitators: Council web managers ({community.slug})"
    # Only facilitators reach the Wagtail editor (practice.editorial); members take part on the site.
    assert community.facilitators_group.permissions.filter(codename="access_admin").exists()
    assert not community.members_group.permissions.exists()


@pytest.mark.django_db
def test_joining_as_a_member_adds_to_the_members_group_only(community):
    member = UserFactory()

    membership_join(community=community, member=member)

    assert groups_of(member) == {community.members_group}
    assert not can_write_in(member, BlogIndexPage.objects.child_of(community).get())


@pytest.mark.django_db
def test_joining_as_a_facilitator_adds_to_both_groups(community):
    facilitator = UserFactory()

    membership_join(community=community, member=facilitator, role=FACILITATOR)

    assert groups_of(facilitator) == {community.members_group, community.facilitators_group}


@pytest.mark.django_db
def test_setting_the_role_moves_the_member_in_and_out_of_the_facilitators_group(community):
    member = UserFactory()
    membership = membership_join(community=community, member=member)
    discussions = DiscussionIndexPageFactory(parent=community)
    assert not can_write_in(member, discussions)

    membership_set_role(membership=membership, role=FACILITATOR)

    assert Membership.objects.get(pk=membership.pk).role == FACILITATOR
    assert groups_of(member) == {community.members_group, community.facilitators_group}
    assert can_write_in(member, discussions)

    membership_set_role(membership=membership, role=Membership.Role.MEMBER)

    assert groups_of(member) == {community.members_group}
    assert not can_write_in(member, discussions)


@pytest.mark.django_db
def test_setting_the_role_of_a_pending_request_grants_nothing(community):
    member = UserFactory()
    membership = MembershipFactory(community=community, member=member, status=Membership.Status.REQUESTED)

    membership_set_role(membership=membership, role=FACILITATOR)

    assert groups_of(member) == set()


@pytest.mark.django_db
def test_joining_again_as_a_member_ends_a_facilitators_role(community):
    member = UserFactory()
    membership_join(community=community, member=member, role=FACILITATOR)

    membership_join(community=community, member=member)

    assert groups_of(member) == {community.members_group}


@pytest.mark.django_db
def test_leaving_takes_away_both_groups_and_the_right_to_write(community):
    facilitator = UserFactory()
    membership_join(community=community, member=facilitator, role=FACILITATOR)
    blog = BlogIndexPageFactory(parent=community)
    assert can_write_in(facilitator, blog)

    membership_leave(community=community, member=facilitator)

    assert groups_of(facilitator) == set()
    assert not Membership.objects.filter(community=community, member=facilitator).exists()
    assert not can_write_in(facilitator, blog)


@pytest.mark.django_db
def test_sections_give_facilitators_everything_and_members_nothing(community):
    sections = {page.slug: page.pk for page in community.get_children()}
    facilitators = community.facilitators_group_id

    expected = {
        (facilitators, pk, action) for pk in sections.values() for action in ("add", "change", "publish", "lock")
    }
    assert held(community) == expected


@pytest.mark.django_db
def test_granting_permissions_again_changes_nothing(community):
    before = set(GroupPagePermission.objects.values_list("pk", flat=True))
    groups = set(Group.objects.values_list("pk", flat=True))

    community_grant_permissions(community)
    community_grant_permissions(CommunityPage.objects.get(pk=community.pk))

    assert set(GroupPagePermission.objects.values_list("pk", flat=True)) == before
    assert set(Group.objects.values_list("pk", flat=True)) == groups


@pytest.mark.django_db
def test_requiring_approval_puts_the_blog_under_a_facilitators_workflow(community, editor):
    blog = BlogIndexPageFactory(parent=community)
    community.requires_approval = True
    revision = community.save_revision()
    revision.publish()

    community = CommunityPage.objects.get(pk=community.pk)
    workflow = WorkflowPage.objects.get(page=blog).workflow
    assert workflow == community.approval_workflow
    assert workflow.name == "Facilitator approval: Council web managers"
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=workflow)
    assert set(task.groups.values_list("name", flat=True)) == {
        community.facilitators_group.name,
        "Editors",
        "Moderators",
    }

    # Publishing again, even a revision saved before the workflow existed, keeps the one workflow.
    revision.publish()
    assert CommunityPage.objects.get(pk=community.pk).approval_workflow == workflow
    community.title = "Council web teams"
    community.save_revision().publish()
    community = CommunityPage.objects.get(pk=community.pk)
    assert community.approval_workflow == workflow
    workflow.refresh_from_db()
    assert workflow.name == "Facilitator approval: Council web teams"
    assert GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow).count() == 1
    assert Workflow.objects.filter(name__startswith="Facilitator approval").count() == 1


@pytest.mark.django_db
def test_dropping_approval_detaches_the_workflow(community):
    blog = BlogIndexPageFactory(parent=community)
    community.requires_approval = True
    community.save_revision().publish()
    assert WorkflowPage.objects.filter(page=blog).exists()

    community = CommunityPage.objects.get(pk=community.pk)
    community.requires_approval = False
    community.save_revision().publish()

    assert not WorkflowPage.objects.filter(page=blog).exists()
    assert (community.facilitators_group_id, blog.pk, "publish") in held(community)


def media_rights(community):
    """Return the media permissions the community's groups hold, as (group, collection, permission) triples."""
    return {
        (perm.group_id, perm.collection_id, f"{perm.permission.content_type.app_label}.{perm.permission.codename}")
        for perm in GroupCollectionPermission.objects.filter(
            group__in=[community.members_group, community.facilitators_group]
        ).select_related("permission__content_type")
    }


def restriction_on(collection):
    """Return the collection's view restrictions as (type, group names) pairs."""
    return [
        (restriction.restriction_type, set(restriction.groups.values_list("name", flat=True)))
        for restriction in CollectionViewRestriction.objects.filter(collection=collection)
    ]


def publish(community, **changes):
    for field, value in changes.items():
        setattr(community, field, value)
    community.save_revision().publish()
    return CommunityPage.objects.get(pk=community.pk)


@pytest.mark.django_db
def test_a_new_community_gets_its_own_media_collection_for_its_facilitators_to_upload_into(community):
    collection = community.media_collection
    facilitators = community.facilitators_group_id
    uploads = {"wagtailimages.add_image", "wagtailimages.choose_image", "wagtaildocs.add_document"}
    uploads |= {"wagtaildocs.choose_document"}
    edits = {"wagtailimages.change_image", "wagtaildocs.change_document"}

    assert collection.name == "Community: Council web managers"
    assert collection.get_parent() == Collection.get_first_root_node()
    assert media_rights(community) == {(facilitators, collection.pk, perm) for perm in uploads | edits}
    assert restriction_on(collection) == []  # an open community's media are open to all
    member, facilitator = UserFactory(), UserFactory()
    membership_join(community=community, member=member)
    membership_join(community=community, member=facilitator, role=FACILITATOR)
    image_policy = policy_registry.get_by_type(get_image_model())
    assert list(image_policy.collections_user_has_permission_for(member, "add")) == []
    assert list(image_policy.collections_user_has_permission_for(facilitator, "add")) == [collection]


@pytest.mark.django_db
@pytest.mark.parametrize("access_level", list(AccessLevel))
def test_granting_permissions_again_changes_no_media_collection_rows(access_level):
    community = CommunityPage.objects.get(pk=CommunityPageFactory(access_level=access_level).pk)

    def media_rows():
        return (
            set(Collection.objects.values_list("pk", "path", "name")),
            set(GroupCollectionPermission.objects.values_list("pk", flat=True)),
            set(CollectionViewRestriction.objects.values_list("pk", flat=True)),
            set(CollectionViewRestriction.groups.through.objects.values_list("pk", flat=True)),
        )

    before = media_rows()
    community_grant_permissions(community)
    community_grant_permissions(CommunityPage.objects.get(pk=community.pk))

    assert media_rows() == before
    assert CommunityPage.objects.get(pk=community.pk).media_collection == community.media_collection


@pytest.mark.django_db
def test_the_media_collection_is_restricted_to_the_community_while_it_is_not_open(community):
    collection = community.media_collection
    insiders = {community.members_group.name, community.facilitators_group.name, "Editors", "Moderators"}

    community = publish(community, access_level=AccessLevel.PRIVATE)
    assert restriction_on(collection) == [(CollectionViewRestriction.GROUPS, insiders)]

    community = publish(community, access_level=AccessLevel.RESTRICTED)
    assert restriction_on(collection) == [(CollectionViewRestriction.GROUPS, insiders)]

    community = publish(community, access_level=AccessLevel.OPEN)
    assert restriction_on(collection) == []
    assert community.media_collection == collection


@pytest.mark.django_db
def test_renaming_a_community_renames_its_media_collection_and_keeps_it(community):
    collection = community.media_collection
    stale = CommunityPage.objects.get(pk=community.pk)
    stale.media_collection = None

    stale.save()  # a copy saved without the collection, e.g. an old revision, does not lose it
    assert CommunityPage.objects.get(pk=community.pk).media_collection == collection

    community = publish(community, title="Council web teams")

    assert community.media_collection == collection
    collection.refresh_from_db()
    assert collection.name == "Community: Council web teams"
    assert Collection.objects.count() == 2  # the root and this community's
