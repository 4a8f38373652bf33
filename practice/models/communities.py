"""Communities of practice, their membership and invitations to join them."""

from allauth.account.models import EmailAddress

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models.functions import Lower

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from practice.models.base import ContextFromFeatures, IntroPage, PracticePage
from practice.models.choices import AccessLevel


class CommunityIndexPage(IntroPage):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = ["practice.CommunityPage"]
    max_count = 1

    class Meta:
        verbose_name = "community index"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["communities"] = (
            CommunityPage.objects.live().visible_to(request.user).order_by("title").prefetch_related("topics")
        )
        return context


class CommunityPage(ContextFromFeatures, PracticePage):
    """A community of practice with its own blog, discussions, resources and events."""

    access_level = models.CharField(max_length=12, choices=AccessLevel.choices, default=AccessLevel.OPEN)
    description = RichTextField(blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])
    requires_approval = models.BooleanField(
        default=False,
        verbose_name="posts need a facilitator's approval",
        help_text="Members' blog posts wait for a facilitator to approve them before they go live.",
    )
    members_group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="community"
    )
    facilitators_group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="facilitated_community"
    )
    approval_workflow = models.ForeignKey(
        "wagtailcore.Workflow", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    media_collection = models.OneToOneField(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="community",
    )

    content_panels = PracticePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("access_level"),
        FieldPanel("requires_approval"),
        PracticePage.classification_panel,
    ]
    search_fields = PracticePage.search_fields + [
        index.SearchField("description"),
        index.FilterField("access_level"),
    ]
    parent_page_types = ["practice.CommunityIndexPage"]
    subpage_types = [
        "practice.BlogIndexPage",
        "practice.DiscussionIndexPage",
        "practice.ResourceLibraryPage",
        "practice.EventIndexPage",
    ]

    class Meta:
        verbose_name = "community"

    def save(self, *args, **kwargs):
        saved = (
            CommunityPage.objects.filter(pk=self.pk)
            .values("access_level", "members_group", "facilitators_group", "approval_workflow", "media_collection")
            .first()
        )
        if saved is not None:
            # The groups, workflow and collection belong to the community, not to the revision or stale copy
            # being saved: never drop them, or members would lose access and they be made again.
            self.members_group_id = self.members_group_id or saved["members_group"]
            self.facilitators_group_id = self.facilitators_group_id or saved["facilitators_group"]
            self.approval_workflow_id = self.approval_workflow_id or saved["approval_workflow"]
            self.media_collection_id = self.media_collection_id or saved["media_collection"]
        self.ensure_groups()
        self.access_level_changed = saved is not None and saved["access_level"] != self.access_level
        super().save(*args, **kwargs)

    def ensure_groups(self):
        """Create the community's members and facilitators groups if it does not have them yet."""
        if self.members_group_id is None:
            self.members_group = Group.objects.create(name=f"Community members: {self.title} ({self.slug})"[:150])
        if self.facilitators_group_id is None:
            self.facilitators_group = Group.objects.create(
                name=f"Community facilitators: {self.title} ({self.slug})"[:150]
            )

    def section(self, model):
        """Return this community's section page of the given type, if it has one."""
        return model.objects.child_of(self).live().first()


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Membership.Status.ACTIVE)

    def facilitators(self):
        return self.filter(role=Membership.Role.FACILITATOR)

    def with_profiles(self):
        return self.select_related("member", "member__profile")


class Membership(models.Model):
    """A member's place in a community: asked, active or declined."""

    class Role(models.TextChoices):
        MEMBER = "member", "Member"
        FACILITATOR = "facilitator", "Facilitator"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        REQUESTED = "requested", "Asked to join"
        DECLINED = "declined", "Declined"

    community = models.ForeignKey(CommunityPage, on_delete=models.CASCADE, related_name="memberships")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["community", "member"], name="one_membership_per_community")]

    def __str__(self):
        return f"{self.member} in {self.community} ({self.get_status_display()})"


class InvitationQuerySet(models.QuerySet):
    def addressed_to(self, user):
        """Return the invitations to any address the member has confirmed; an unconfirmed one proves nothing."""
        confirmed = EmailAddress.objects.filter(user=user, verified=True).values(address=Lower("email"))
        return self.filter(email__in=confirmed)

    def waiting_for(self, user):
        """Return the member's invitations to communities that are live."""
        return self.addressed_to(user).filter(community__live=True)


class Invitation(models.Model):
    """A facilitator's invitation to an email address, for whoever confirms that address, now or later."""

    community = models.ForeignKey(CommunityPage, on_delete=models.CASCADE, related_name="invitations")
    # Lower case, as the hub stores confirmed addresses.
    email = models.EmailField(max_length=254)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["community", "email"], name="one_invitation_per_address")]

    def __str__(self):
        return f"{self.email} to {self.community}"
