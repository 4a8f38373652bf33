"""The home page: what is new and what matters."""

from django.db import models

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from practice.models.base import ContextFromFeatures


class HomePage(ContextFromFeatures, Page):
    introduction = models.TextField(
        blank=True, help_text="A sentence or two under the heading saying what the hub is for."
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        InlinePanel("featured_items", label="Featured items", max_num=6),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "practice.CommunityIndexPage",
        "practice.ResourceLibraryPage",
        "practice.EventIndexPage",
        "practice.GuidanceIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "home page"


class HomeFeaturedItem(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    page = models.ForeignKey("practice.PracticePage", on_delete=models.CASCADE, related_name="+")
    blurb = models.CharField(max_length=250, blank=True, help_text="Optional: replaces the page's own summary.")

    panels = [FieldPanel("page"), FieldPanel("blurb")]
