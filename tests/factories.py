"""One factory per model, built on wagtail-factories, each placing its page in the right part of the tree.

Three concrete models have none, because no test should write them by hand: PracticePage (the base of every page
type, not creatable itself), TaggedPage (written by a page's `tags`) and search's RankingFeatures (written by the
database search backends beside each index entry).
"""

import datetime as dt
import secrets

import factory
import wagtail_factories
from django_comments_xtd.models import XtdComment
from factory.django import DjangoModelFactory

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.models import Site

from practice import models
from practice.models.choices import AccessLevel, SecurityLevel
from search import models as search_models


def home_page():
    return Site.objects.get(is_default_site=True).root_page.specific


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"member{n}@example.gov.uk")
    email = factory.SelfAttribute("username")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    password = factory.django.Password("correct horse battery")

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        """Put the user in the named groups, e.g. Wagtail's "Editors"."""
        if create and names:
            user.groups.add(*(Group.objects.get(name=name) for name in names))


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


def section_factory(model, title, slug, base=CommunitySectionFactory):
    """Return the factory of a section page with its usual title and slug."""
    return factory.make_factory(model, FACTORY_CLASS=base, title=title, slug=slug)


BlogIndexPageFactory = section_factory(models.BlogIndexPage, "Blog", "blog")
DiscussionIndexPageFactory = section_factory(models.DiscussionIndexPage, "Discussions", "discussions")
ResourceLibraryPageFactory = section_factory(models.ResourceLibraryPage, "Resources", "resources")
EventIndexPageFactory = section_factory(models.EventIndexPage, "Events", "events")
GuidanceIndexPageFactory = section_factory(
    models.GuidanceIndexPage, "Guidance and case studies", "guidance", SectionFactory
)


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


class CollectionItemFactory(DjangoModelFactory):
    """An entry from the wider public sector in a collection; pass `page=` and `external_item=None` for a page."""

    class Meta:
        model = models.CollectionItem

    collection = factory.SubFactory(CollectionPageFactory)
    page = None
    external_item = factory.SubFactory("tests.factories.ExternalItemFactory")
    sort_order = 0


class MembershipFactory(DjangoModelFactory):
    """A bare membership row: `membership_join` is what keeps the community's groups in step."""

    class Meta:
        model = models.Membership

    community = factory.SubFactory(CommunityPageFactory)
    member = factory.SubFactory(UserFactory)


class InvitationFactory(DjangoModelFactory):
    class Meta:
        model = models.Invitation

    community = factory.SubFactory(CommunityPageFactory)
    email = factory.Sequence(lambda n: f"invited{n}@example.gov.uk")
    invited_by = factory.SubFactory(UserFactory)


class EventBookingFactory(DjangoModelFactory):
    class Meta:
        model = models.EventBooking

    event = factory.SubFactory(EventPageFactory)
    member = factory.SubFactory(UserFactory)
    status = models.EventBooking.Status.GOING


class CreditRequestFactory(DjangoModelFactory):
    class Meta:
        model = models.CreditRequest

    post = factory.SubFactory(BlogPostPageFactory)
    member = factory.SubFactory(UserFactory)
    requested_by = factory.SubFactory(UserFactory)


class CommentFactory(DjangoModelFactory):
    """A published django-comments-xtd comment on a page, as if posted and approved earlier."""

    class Meta:
        model = XtdComment

    class Params:
        page = factory.SubFactory(BlogPostPageFactory)
        parent = None

    content_type = factory.LazyAttribute(lambda o: ContentType.objects.get_for_model(o.page.specific_class))
    object_pk = factory.LazyAttribute(lambda o: str(o.page.pk))
    site_id = 1
    user = factory.SubFactory(UserFactory)
    user_name = factory.LazyAttribute(lambda o: o.user.get_full_name()[:50])
    user_email = factory.SelfAttribute("user.email")
    comment = "An earlier thought."
    parent_id = factory.LazyAttribute(lambda o: o.parent.pk if o.parent else 0)


class CommentHoldFactory(DjangoModelFactory):
    """A comment the moderation rules held back."""

    class Meta:
        model = models.CommentHold

    comment = factory.SubFactory(CommentFactory, is_public=False)
    reason = "First comment from this member"


class CommentSettingsFactory(DjangoModelFactory):
    class Meta:
        model = models.CommentSettings

    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))


class ModerationWordFactory(DjangoModelFactory):
    class Meta:
        model = models.ModerationWord

    word = factory.Sequence(lambda n: f"watched{n}")


class FollowFactory(DjangoModelFactory):
    """A member following a topic, or the page or member given instead."""

    class Meta:
        model = models.Follow

    follower = factory.SubFactory(UserFactory)
    page = None
    member = None
    topic = factory.Maybe(
        factory.LazyAttribute(lambda o: o.page is None and o.member is None),
        yes_declaration=factory.SubFactory(TopicFactory),
        no_declaration=None,
    )


class NotificationFactory(DjangoModelFactory):
    class Meta:
        model = models.Notification

    recipient = factory.SubFactory(UserFactory)
    actor = factory.SubFactory(UserFactory)
    verb = models.Notification.Verb.REPLIED
    reason = models.Notification.Reason.PAGE
    page = factory.SubFactory(DiscussionThreadPageFactory)


class NotificationSettingsFactory(DjangoModelFactory):
    class Meta:
        model = models.NotificationSettings

    member = factory.SubFactory(UserFactory)


class FeedSourceFactory(DjangoModelFactory):
    class Meta:
        model = models.FeedSource

    title = factory.Sequence(lambda n: f"Council blog {n}")
    site_url = factory.Sequence(lambda n: f"https://blog{n}.example/")
    feed_url = factory.LazyAttribute(lambda o: f"{o.site_url}feed")


class ExternalItemFactory(DjangoModelFactory):
    class Meta:
        model = models.ExternalItem

    source = factory.SubFactory(FeedSourceFactory)
    guid = factory.Sequence(str)
    link = factory.Sequence(lambda n: f"https://example.org/{n}")
    title = factory.Sequence(lambda n: f"Entry {n}")
    published = factory.LazyFunction(timezone.now)


class ImportedItemFactory(DjangoModelFactory):
    """The record that a WordPress item was imported into a community as the given page."""

    class Meta:
        model = models.ImportedItem

    community = factory.SubFactory(CommunityPageFactory)
    key = factory.Sequence(lambda n: f"post:{n}")
    target = factory.SubFactory(BlogPostPageFactory)


# Search


class BestBetFactory(DjangoModelFactory):
    class Meta:
        model = search_models.BestBet

    query = factory.Sequence(lambda n: f"query {n}")
    page = factory.SubFactory(BlogPostPageFactory)
    ends_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))


class SynonymSetFactory(DjangoModelFactory):
    class Meta:
        model = search_models.SynonymSet

    terms = "gritting\nsalting"


class SearchPreferenceFactory(DjangoModelFactory):
    class Meta:
        model = search_models.SearchPreference

    user = factory.SubFactory(UserFactory)


class QueryLogFactory(DjangoModelFactory):
    class Meta:
        model = search_models.QueryLog

    query = "gritting"
    result_count = 1


class ResultClickFactory(DjangoModelFactory):
    class Meta:
        model = search_models.ResultClick

    search = factory.SubFactory(QueryLogFactory)
    page = factory.SubFactory(BlogPostPageFactory)
    position = 1


class ApiTokenFactory(DjangoModelFactory):
    """A search API token; its key is unknown, so use `ApiToken.issue` where a test must present one."""

    class Meta:
        model = search_models.ApiToken

    user = factory.SubFactory(UserFactory)
    name = "Intranet search"
    key_hash = factory.LazyFunction(lambda: search_models.hash_token(secrets.token_urlsafe(32)))
