"""Material brought in from elsewhere: WordPress imports, aggregated feeds and the entries they carry."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.text import slugify

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin


class LinkStatus(models.TextChoices):
    UNCHECKED = "unchecked", "Not checked yet"
    OK = "ok", "Working"
    REDIRECTED = "redirected", "Moved"
    BROKEN = "broken", "Broken"


class ImportedItem(models.Model):
    """Something a WordPress import created in a community, so that importing the same export again adds nothing.

    The key names the WordPress side: "post:12", "comment:40", "author:jo", "file:https://...".
    """

    community = models.ForeignKey("practice.CommunityPage", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=600)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=40)
    target = GenericForeignKey("content_type", "object_id")
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["community", "key"], name="one_import_per_wordpress_item")]

    def __str__(self):
        return f"{self.key} in {self.community_id}"


class FeedSource(ClusterableModel):
    """A public-sector blog whose RSS or Atom feed the hub collects."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, blank=True)
    site_url = models.URLField(max_length=500, verbose_name="website")
    feed_url = models.URLField(max_length=500, unique=True, verbose_name="feed address")
    organisation = models.ForeignKey(
        "practice.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="feed_sources"
    )
    region = models.ForeignKey(
        "practice.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="feed_sources"
    )
    topics = ParentalManyToManyField("practice.Topic", blank=True, related_name="feed_sources")
    active = models.BooleanField(default=True, help_text="Untick to stop collecting this feed; its entries stay.")
    # What the last fetch learned, kept for conditional requests and for editors.
    etag = models.CharField(max_length=255, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_fetched_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("site_url"),
        FieldPanel("feed_url"),
        MultiFieldPanel([FieldPanel("organisation"), FieldPanel("region"), FieldPanel("topics")], heading="About"),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["title"]
        verbose_name = "feed source"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.title)[:200] or "feed"
        super().save(*args, **kwargs)
        # Entries carry their source's organisation and region for search filters: keep them in step.
        moved = self.items.exclude(organisation_id=self.organisation_id, region_id=self.region_id)
        for item in moved:
            item.organisation_id, item.region_id = self.organisation_id, self.region_id
            item.save(update_fields=["organisation", "region"])

    def get_absolute_url(self):
        return reverse("external_source", kwargs={"slug": self.slug})


class ExternalItemQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def current(self):
        """Return the entries readers see: all but those an editor retired."""
        return self.filter(retired=False)

    def for_listing(self):
        return self.select_related("source", "source__organisation", "source__region").order_by("-published", "-pk")


class ExternalItem(index.Indexed, models.Model):
    """An entry from an aggregated feed: public, linked to the original, findable in search."""

    source = models.ForeignKey(FeedSource, on_delete=models.CASCADE, related_name="items")
    guid = models.CharField(max_length=500)
    link = models.URLField(max_length=1000, unique=True)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True, help_text="Sanitised HTML from the feed.")
    author = models.CharField(max_length=200, blank=True)
    published = models.DateTimeField(db_index=True)
    fetched_at = models.DateTimeField(auto_now_add=True)
    # Copied from the source when the entry is stored (and when the source changes), so search can filter on them.
    organisation = models.ForeignKey(
        "practice.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    region = models.ForeignKey("practice.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    link_status = models.CharField(max_length=12, choices=LinkStatus.choices, default=LinkStatus.UNCHECKED)
    last_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    final_url = models.URLField(max_length=1000, blank=True, editable=False)
    retired = models.BooleanField(default=False, help_text="Hide this entry: its link no longer works.")

    objects = ExternalItemQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.SearchField("author"),
        index.RelatedFields(
            "source", [index.SearchField("title"), index.RelatedFields("topics", [index.SearchField("name")])]
        ),
        index.FilterField("id"),  # the tie-break of search's newest-first order
        index.FilterField("source"),
        index.FilterField("organisation"),
        index.FilterField("region"),
        index.FilterField("published"),
        index.FilterField("link_status"),
        index.FilterField("retired"),
    ]

    panels = [
        FieldPanel("title"),
        FieldPanel("link"),
        FieldPanel("summary"),
        FieldPanel("author"),
        FieldPanel("published"),
        FieldPanel("retired"),
    ]

    class Meta:
        ordering = ["-published", "-pk"]
        verbose_name = "external item"
        constraints = [models.UniqueConstraint(fields=["source", "guid"], name="one_item_per_feed_guid")]

    def __str__(self):
        return self.title

    @property
    def kind_label(self):
        return "From the wider public sector"
