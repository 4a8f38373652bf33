"""The home page: what is new and what matters."""

from django.db import models
from django.db.models import Exists, OuterRef

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from practice.models import BlogPostPage, CommunityPage, DiscussionThreadPage, EventPage, PracticePage


class HomePage(Page):
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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        visible = PracticePage.objects.live().visible_to(user)
        # Each featured page is checked on its own (EXISTS), not looked up in every page the reader may open.
        context["featured_items"] = (
            self.featured_items.filter(Exists(visible.filter(pk=OuterRef("page_id"))))
            .select_related("page")
            .order_by("sort_order")
        )
        context["latest_posts"] = (
            BlogPostPage.objects.live().visible_to(user).select_related("community").order_by("-date")[:6]
        )
        context["active_threads"] = (
            DiscussionThreadPage.objects.live()
            .visible_to(user)
            .select_related("community")
            .order_by("-last_activity_at")[:6]
        )
        context["upcoming_events"] = EventPage.objects.live().visible_to(user).select_related("region").upcoming()[:4]
        context["communities"] = CommunityPage.objects.live().visible_to(user).order_by("title")[:8]
        context["for_you"] = self.for_you(user)
        return context

    def for_you(self, user):
        """Return a signed-in member's "for you" list, ranked by search (search.lists), unless they opted out."""
        from search.analytics import wants_personalisation
        from search.lists import for_you

        return for_you(user) if wants_personalisation(user) else []


class HomeFeaturedItem(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    page = models.ForeignKey("practice.PracticePage", on_delete=models.CASCADE, related_name="+")
    blurb = models.CharField(max_length=250, blank=True, help_text="Optional: replaces the page's own summary.")

    panels = [FieldPanel("page"), FieldPanel("blurb")]
