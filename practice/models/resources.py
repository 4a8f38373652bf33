"""Curated resource links, resource libraries and collections."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from practice.models.base import PracticePage, SectionPage
from practice.models.comments import CommentsMixin


class ResourceLibraryPage(SectionPage):
    parent_page_types = ["home.HomePage", "practice.CommunityPage"]
    subpage_types = ["practice.ResourceLinkPage", "practice.CollectionPage"]

    class Meta:
        verbose_name = "resource library"


class ResourceLinkPage(CommentsMixin, PracticePage):
    """A pointer to good material elsewhere, with an editor's note on why it is worth reading."""

    class ResourceType(models.TextChoices):
        GUIDANCE = "guidance", "Guidance"
        RESEARCH = "research", "Research"
        BLOG = "blog", "Blog or aggregator"
        CASE_STUDY = "case_study", "Case study"
        VIDEO = "video", "Video"
        EVENT_ARCHIVE = "event_archive", "Event archive"
        WHITE_PAPER = "white_paper", "White paper or report"
        TOOLKIT = "toolkit", "Toolkit or template"

    class LinkStatus(models.TextChoices):
        UNCHECKED = "unchecked", "Not checked yet"
        OK = "ok", "Working"
        REDIRECTED = "redirected", "Moved"
        BROKEN = "broken", "Broken"

    link_url = models.URLField(max_length=500, verbose_name="web address")
    publisher = models.ForeignKey(
        "practice.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="resources"
    )
    resource_type = models.CharField(max_length=20, choices=ResourceType.choices, default=ResourceType.GUIDANCE)
    editors_note = models.TextField(blank=True, verbose_name="why this is worth your time")
    date_added = models.DateTimeField(default=timezone.now, db_index=True)
    link_status = models.CharField(max_length=12, choices=LinkStatus.choices, default=LinkStatus.UNCHECKED)
    last_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    final_url = models.URLField(max_length=500, blank=True, editable=False)

    content_panels = PracticePage.content_panels + [
        FieldPanel("link_url"),
        FieldPanel("summary"),
        FieldPanel("editors_note"),
        MultiFieldPanel([FieldPanel("publisher"), FieldPanel("resource_type")], heading="Source"),
        PracticePage.classification_panel,
    ]
    settings_panels = PracticePage.settings_panels + [PracticePage.access_panel, CommentsMixin.comments_panel]
    search_fields = (
        PracticePage.search_fields
        + [
            index.SearchField("editors_note"),
            index.RelatedFields("publisher", [index.SearchField("name")]),
            index.FilterField("resource_type"),
            index.FilterField("publisher"),
            index.FilterField("link_status"),
            index.FilterField("date_added"),
        ]
        + CommentsMixin.comment_search_fields
    )
    parent_page_types = ["practice.ResourceLibraryPage"]
    subpage_types = []

    class Meta:
        verbose_name = "resource link"

    def content_date(self):
        return self.date_added

    def source_organisation(self):
        return self.publisher_id

    def source_region(self):
        return self.publisher.region_id if self.publisher_id else None


class CollectionPage(PracticePage):
    """An ordered, annotated reading list chosen by an editor."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = PracticePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("intro"),
        InlinePanel("items", label="Items", min_num=1),
        PracticePage.classification_panel,
    ]
    search_fields = PracticePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["practice.ResourceLibraryPage"]
    subpage_types = []

    class Meta:
        verbose_name = "collection"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        visible = PracticePage.objects.live().visible_to(request.user)
        context["items"] = (
            # External items come from public feeds, so everyone may see them.
            self.items.filter(models.Q(page__in=visible.values("pk")) | models.Q(external_item__retired=False))
            .select_related("page", "external_item__source__organisation")
            .order_by("sort_order")
        )
        return context


class CollectionItem(Orderable):
    """A page of the hub, or an entry from an aggregated feed, in a collection: exactly one of the two."""

    collection = ParentalKey(CollectionPage, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey("practice.PracticePage", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    external_item = models.ForeignKey(
        "practice.ExternalItem",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="entry from the wider public sector",
    )
    note = models.TextField(blank=True, help_text="Why this item is in the collection.")

    panels = [FieldPanel("page"), FieldPanel("external_item"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        constraints = [
            models.CheckConstraint(
                condition=models.Q(page__isnull=False, external_item__isnull=True)
                | models.Q(page__isnull=True, external_item__isnull=False),
                name="collection_item_page_or_external_item",
            )
        ]

    def clean(self):
        super().clean()
        if (self.page_id is None) == (self.external_item_id is None):
            raise ValidationError("Choose a page of the hub or an entry from the wider public sector, not both.")
