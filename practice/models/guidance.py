"""Editor-published guidance and case studies."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from practice.blocks import PostBodyBlock
from practice.models.base import IntroPage, PracticePage
from practice.models.comments import CommentsMixin


class GuidanceIndexPage(IntroPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["practice.GuidancePage", "practice.CaseStudyPage"]
    max_count = 1

    class Meta:
        verbose_name = "guidance and case studies index"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = GuidancePage.objects.child_of(self).live().visible_to(request.user).order_by("title")
        context["case_studies"] = (
            CaseStudyPage.objects.child_of(self)
            .live()
            .visible_to(request.user)
            .select_related("organisation")
            .order_by("-first_published_at")
        )
        return context


class GuidancePage(PracticePage):
    body = StreamField(PostBodyBlock(), blank=True)

    content_panels = PracticePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        PracticePage.classification_panel,
    ]
    settings_panels = PracticePage.settings_panels + [PracticePage.access_panel]
    search_fields = PracticePage.search_fields + [index.SearchField("body")]
    parent_page_types = ["practice.GuidanceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "guidance page"


class CaseStudyPage(CommentsMixin, PracticePage):
    organisation = models.ForeignKey(
        "practice.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="case_studies"
    )
    body = StreamField(PostBodyBlock(), blank=True)

    content_panels = PracticePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("organisation"),
        FieldPanel("body"),
        PracticePage.classification_panel,
    ]
    settings_panels = PracticePage.settings_panels + [PracticePage.access_panel, CommentsMixin.comments_panel]
    search_fields = (
        PracticePage.search_fields
        + [
            index.SearchField("body"),
            index.RelatedFields("organisation", [index.SearchField("name")]),
            index.FilterField("organisation"),
        ]
        + CommentsMixin.comment_search_fields
    )
    parent_page_types = ["practice.GuidanceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "case study"
        verbose_name_plural = "case studies"

    def source_organisation(self):
        return self.organisation_id

    def source_region(self):
        return self.organisation.region_id if self.organisation_id else None
