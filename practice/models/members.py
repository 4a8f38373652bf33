"""Member profiles: what a practitioner shares about themselves."""

from django.conf import settings
from django.db import models
from django.urls import reverse


class MemberProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    slug = models.SlugField(max_length=80, unique=True)
    display_name = models.CharField(max_length=120)
    organisation = models.ForeignKey(
        "practice.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    role = models.ForeignKey(
        "practice.AudienceRole", null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    region = models.ForeignKey("practice.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    interests = models.ManyToManyField("practice.Topic", blank=True, related_name="interested_members")
    bio = models.TextField(blank=True, max_length=1000)
    is_public = models.BooleanField(default=True, help_text="Show a public profile page.")
    show_organisation = models.BooleanField(default=True)
    is_verified = models.BooleanField(default=False, help_text="Email verified at a known public-sector domain.")

    class Meta:
        ordering = ["display_name"]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("member_profile", kwargs={"slug": self.slug})
