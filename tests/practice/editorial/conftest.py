"""A hub of four communities, as a facilitator of one of them sees it."""

import pytest
import wagtail_factories

from django.core.files.uploadedfile import SimpleUploadedFile

from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Revision, TaskState, UploadedFile, Workflow, WorkflowState

from practice.communities.services import membership_join
from practice.models import CommunityPage, Membership
from practice.models.choices import AccessLevel, SecurityLevel
from tests.factories import (
    BlogIndexPageFactory,
    BlogPostPageFactory,
    CommunityPageFactory,
    MemberProfileFactory,
    ResourceLibraryPageFactory,
    ResourceLinkPageFactory,
    UserFactory,
)


@pytest.fixture
def hub(db, editor):
    """A facilitator's open community beside a private, a restricted and another open community."""
    image_model, document_model = get_image_model(), get_document_model()

    ours = CommunityPageFactory(title="Riverside digital team", access_level=AccessLevel.OPEN)
    facilitator = MemberProfileFactory(user__username="fran.facilitator@riverside.gov.uk").user
    member = MemberProfileFactory(user__username="mark.member@riverside.gov.uk").user
    membership_join(community=ours, member=facilitator, role=Membership.Role.FACILITATOR)
    membership_join(community=ours, member=member)
    our_blog = BlogIndexPageFactory(parent=ours)
    our_post = BlogPostPageFactory(parent=our_blog, title="Our live post about captions")
    BlogPostPageFactory(parent=our_blog, title="Our draft about captions", live=False)
    ours.refresh_from_db()
    our_image = wagtail_factories.ImageFactory(title="Riverside team photo", collection_id=ours.media_collection_id)
    our_resource = ResourceLinkPageFactory(
        parent=ResourceLibraryPageFactory(parent=ours), title="Captioning guidance we trust"
    )

    secret = CommunityPageFactory(title="Chief executives comms circle", access_level=AccessLevel.PRIVATE)
    insider = MemberProfileFactory(user__username="whisper.member@private.example").user
    membership_join(community=secret, member=insider, role=Membership.Role.FACILITATOR)
    secret_blog = BlogIndexPageFactory(parent=secret)
    briefing = BlogPostPageFactory(parent=secret_blog, title="Budget gap briefing for chiefs")
    briefing.tags.add("chiefs-only-tag")
    briefing.save_revision().publish()
    BlogPostPageFactory(parent=secret_blog, title="Unannounced restructure plan", live=False)
    secret_resource = ResourceLinkPageFactory(
        parent=ResourceLibraryPageFactory(parent=secret),
        title="Executive pay benchmarks",
        editors_note="Chiefs only: our negotiating position",
    )
    secret.refresh_from_db()
    whiteboard = wagtail_factories.ImageFactory(
        title="Boardroom whiteboard",
        collection_id=secret.media_collection_id,
        file__filename="boardroom_whiteboard.jpg",
    )
    pay = wagtail_factories.DocumentFactory(
        title="Confidential pay review",
        collection_id=secret.media_collection_id,
        file__filename="confidential_pay_review.pdf",
    )

    restricted = CommunityPageFactory(title="Housing officers network", access_level=AccessLevel.RESTRICTED)
    restricted_post = BlogPostPageFactory(
        parent=BlogIndexPageFactory(parent=restricted),
        title="Tenancy enforcement casework",
        security_level=SecurityLevel.COMMUNITY,
    )

    other = CommunityPageFactory(title="Parish comms collective", access_level=AccessLevel.OPEN)
    other.requires_approval = True
    other.save_revision().publish()
    other_blog = BlogIndexPageFactory(parent=other)
    other_draft = BlogPostPageFactory(parent=other_blog, title="Draft flood messaging plan", live=False)
    pending = BlogPostPageFactory(parent=other_blog, title="Pending storm response post", live=False)
    pending.save_revision()
    Workflow.objects.get(pk=CommunityPage.objects.get(pk=other.pk).approval_workflow_id).start(
        pending, UserFactory(username="parish.writer@example.gov.uk")
    )
    upload = UploadedFile.objects.create(
        file=SimpleUploadedFile("minutes.jpg", get_test_image_file().file.getvalue()), uploaded_by_user=insider
    )

    theirs = [
        secret.pk,
        briefing.pk,
        restricted_post.pk,
        other_draft.pk,
        pending.pk,
        whiteboard.pk,
        pay.pk,
        secret.members_group_id,
        secret.media_collection_id,
        secret.approval_workflow_id or other.approval_workflow_id,
        Revision.objects.filter(object_id=str(briefing.pk)).latest("pk").pk,
        TaskState.objects.latest("pk").pk,
        WorkflowState.objects.latest("pk").pk,
        upload.pk,
        insider.pk,
    ]
    theirs.append(secret_resource.pk)
    own = [our_blog.pk, our_post.pk, our_image.pk, our_resource.pk]
    every_id = [
        *Page.objects.values_list("pk", flat=True),
        *image_model.objects.values_list("pk", flat=True),
        *document_model.objects.values_list("pk", flat=True),
    ]
    assert Tag.objects.filter(name="chiefs-only-tag").exists()
    return {
        "facilitator": facilitator,
        "member": member,
        "editor": editor,
        "own_ids": own,
        "their_ids": [pk for pk in dict.fromkeys(theirs) if pk not in own],
        "every_id": sorted(set(every_id)),
        "ours": ours,
        "our_blog": our_blog,
        "our_post": our_post,
        "our_image": our_image,
        "our_resource": our_resource,
        "secret": secret,
        "briefing": briefing,
        "whiteboard": whiteboard,
        "pay": pay,
        "other_draft": other_draft,
        "pending": pending,
    }
