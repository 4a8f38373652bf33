"""One factory per model, built on wagtail-factories, each placing its page in the right part of the tree."""

import datetime as dt

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Site

from practice import models
from practice.models.choices import AccessLevel, SecurityLevel


def home_page():
    return Site.objects.get(is_default_site=True).root_page.specific


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"member{n}@example.gov.uk")
    email = factory.SelfAttribute("username")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    password = factory.django.Password("correct horse battery")


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = models.Topic
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Topic {n}")


class AudienceRoleFactory(DjangoModelFactory):
    class Meta:
        model = models.AudienceRole
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Role {n}")


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = models.Region
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Region {n}")


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = models.Organisation
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Testshire Council {n}")
    kind = models.Organisation.Kind.DISTRICT
    region = factory.SubFactory(RegionFactory)


class MemberProfileFactory(DjangoModelFactory):
    class Meta:
        model = models.MemberProfile

    user = factory.SubFactory(UserFactory)
    slug = factory.Sequence(lambda n: f"member-{n}")
    display_name = factory.LazyAttribute(lambda o: f"{o.user.first_name} {o.user.last_name}")


class PageFactory(wagtail_factories.PageFactory):
    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")


class SectionFactory(PageFactory):
    """A singleton section under the home page: reuse it if it exists."""

    class Meta:
        abstract = True
        django_get_or_create = ["slug", "parent"]

    parent = factory.LazyFunction(home_page)


class CommunityIndexPageFactory(SectionFactory):
    class Meta:
        model = models.CommunityIndexPage

    title = "Communities"
    slug = "communities"


class CommunityPageFactory(PageFactory):
    class Meta:
        model = models.CommunityPage

    parent = factory.SubFactory(CommunityIndexPageFactory)
    access_level = AccessLevel.OPEN
    summary = "A community of practice."


class CommunitySectionFactory(PageFactory):
    class Meta:
        abstract = True
        django_get_or_create = ["slug", "parent"]

    parent = factory.SubFactory(CommunityPageFactory)


class BlogIndexPageFactory(CommunitySectionFactory):
    class Meta:
        model = models.BlogIndexPage

    title = "Blog"
    slug = "blog"


class DiscussionIndexPageFactory(CommunitySectionFactory):
    class Meta:
        model = models.DiscussionIndexPage

    title = "Discussions"
    slug = "discussions"


class ResourceLibraryPageFactory(CommunitySectionFactory):
    class Meta:
        model = models.ResourceLibraryPage

    title = "Resources"
    slug = "resources"


class EventIndexPageFactory(CommunitySectionFactory):
    class Meta:
        model = models.EventIndexPage

    title = "Events"
    slug = "events"


class GuidanceIndexPageFactory(SectionFactory):
    class Meta:
        model = models.GuidanceIndexPage

    title = "Guidance and case studies"
    slug = "guidance"


class BlogPostPageFactory(PageFactory):
    class Meta:
        model = models.BlogPostPage

    parent = factory.SubFactory(BlogIndexPageFactory)
    summary = "What we learned."
    security_level = SecurityLevel.PUBLIC
    date = factory.LazyFunction(timezone.now)


class DiscussionThreadPageFactory(PageFactory):
    class Meta:
        model = models.DiscussionThreadPage

    parent = factory.SubFactory(DiscussionIndexPageFactory)
    body = "Has anyone tried this?"
    starter = factory.SubFactory(UserFactory)


class ReplyFactory(DjangoModelFactory):
    class Meta:
        model = models.Reply

    thread = factory.SubFactory(DiscussionThreadPageFactory)
    author = factory.SubFactory(UserFactory)
    body = "We did, and it worked."


class ResourceLinkPageFactory(PageFactory):
    class Meta:
        model = models.ResourceLinkPage

    parent = factory.SubFactory(ResourceLibraryPageFactory)
    link_url = "https://www.gov.uk/guidance/example"
    summary = "Useful guidance."


class CollectionPageFactory(PageFactory):
    class Meta:
        model = models.CollectionPage

    parent = factory.SubFactory(ResourceLibraryPageFactory)


class EventPageFactory(PageFactory):
    class Meta:
        model = models.EventPage

    parent = factory.SubFactory(EventIndexPageFactory)
    start = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=2))
    online_url = "https://meet.example.org/hub"


class GuidancePageFactory(PageFactory):
    class Meta:
        model = models.GuidancePage

    parent = factory.SubFactory(GuidanceIndexPageFactory)


class CaseStudyPageFactory(PageFactory):
    class Meta:
        model = models.CaseStudyPage

    parent = factory.SubFactory(GuidanceIndexPageFactory)
