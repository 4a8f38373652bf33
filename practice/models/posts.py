"""Community blogs and their posts."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import PostBodyBlock
from .base import PracticePage


class BlogIndexPage(Page):
    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["practice.CommunityPage"]
    subpage_types = ["practice.BlogPostPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "community blog"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["posts"] = (
            BlogPostPage.objects.child_of(self)
            .live()
            .visible_to(request.user)
            .order_by("-date")
            .prefetch_related("authors__profile")[:20]
        )
        return context


class BlogPostPage(PracticePage):
    date = models.DateTimeField(default=timezone.now, db_index=True)
    authors = ParentalManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="blog_posts")
    body = StreamField(PostBodyBlock(), blank=True)
    comments_open = models.BooleanField(default=True, help_text="Untick to close comments on this post.")

    content_panels = PracticePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("date"), FieldPanel("authors")], heading="Byline"),
        FieldPanel("body"),
        PracticePage.classification_panel,
    ]
    settings_panels = PracticePage.settings_panels + [PracticePage.access_panel, FieldPanel("comments_open")]
    search_fields = PracticePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["practice.BlogIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "blog post"
