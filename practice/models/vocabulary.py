"""The shared vocabulary that classifies everything: topics, audience roles, regions, organisations."""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify

from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase


class VocabularyTerm(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


class Topic(VocabularyTerm):
    description = models.TextField(blank=True)

    class Meta(VocabularyTerm.Meta):
        pass

    def get_absolute_url(self):
        return reverse("topic_page", kwargs={"slug": self.slug})

    @property
    def url(self):
        """The topic's public page, so that topic lists (components/tag_list.html) link to it."""
        return self.get_absolute_url()


class AudienceRole(VocabularyTerm):
    """A job role that material is written for, e.g. comms officer or councillor."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = "audience role"


class Region(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        pass


class Organisation(VocabularyTerm):
    class Kind(models.TextChoices):
        COUNTY = "county", "County council"
        DISTRICT = "district", "District council"
        UNITARY = "unitary", "Unitary authority"
        METROPOLITAN = "metropolitan", "Metropolitan borough"
        LONDON_BOROUGH = "london_borough", "London borough"
        TOWN_PARISH = "town_parish", "Town or parish council"
        COMBINED = "combined", "Combined authority"
        CENTRAL = "central", "Central government"
        PUBLIC_BODY = "public_body", "Other public body"
        VOLUNTARY = "voluntary", "Voluntary sector"
        OTHER = "other", "Other"

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.SET_NULL, related_name="organisations")
    website = models.URLField(blank=True)
    email_domains = models.TextField(
        blank=True,
        help_text="Email domains of this organisation's staff, one per line (e.g. example.gov.uk).",
    )

    class Meta(VocabularyTerm.Meta):
        pass

    @property
    def is_public_sector(self):
        return self.kind not in {self.Kind.VOLUNTARY, self.Kind.OTHER}

    def owns_email(self, email):
        """Say whether an email address is at one of this public-sector organisation's domains."""
        domain = email.rpartition("@")[2].lower()
        return self.is_public_sector and domain in self.email_domains.lower().split()


class TaggedPage(TaggedItemBase):
    """Free tags on practice content."""

    content_object = ParentalKey("practice.PracticePage", related_name="tagged_items", on_delete=models.CASCADE)
