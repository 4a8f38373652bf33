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


def model_factory(model, **fields):
    """Return the factory of a row of the model with these defaults."""
    return factory.make_factory(model, FACTORY_CLASS=DjangoModelFactory, **fields)


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


class NamedFactory(DjangoModelFactory):
    """A row found again by its name: asking twice for the same name gives the same row."""

    class Meta:
        abstract = True
        django_get_or_create = ["name"]


def named_factory(model, numbered, **fields):
    """Return the factory of a row found again by its name, named `numbered` and a number unless given one."""
    name = factory.Sequence(lambda n: f"{numbered} {n}")
    return factory.make_factory(model, FACTORY_CLASS=NamedFactory, name=name, **fields)


TopicFactory = named_factory(models.Topic, "Topic")
AudienceRoleFactory = named_factory(models.AudienceRole, "Role")
RegionFactory = named_factory(models.Region, "Region")
OrganisationFactory = named_factory(
    models.Organisation,
    "Testshire Council",
    kind=models.Organisation.Kind.DISTRICT,
    region=factory.SubFactory(RegionFactory),
)


MemberProfileFactory = model_factory(
    models.MemberProfile,
    user=factory.SubFactory(UserFactory),
    slug=factory.Sequence(lambda n: f"member-{n}"),
    display_name=factory.LazyAttribute(lambda o: f"{o.user.first_name} {o.user.last_name}"),
)


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


def page_factory(model, parent, **fields):
    """Return the factory of a page placed under a page from the `parent` factory."""
    return factory.make_factory(model, FACTORY_CLASS=PageFactory, parent=factory.SubFactory(parent), **fields)


CommunityPageFactory = page_factory(
    models.CommunityPage,
    CommunityIndexPageFactory,
    access_level=AccessLevel.OPEN,
    summary="A community of practice.",
)


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


BlogPostPageFactory = page_factory(
    models.BlogPostPage,
    BlogIndexPageFactory,
    summary="What we learned.",
    security_level=SecurityLevel.PUBLIC,
    date=factory.LazyFunction(timezone.now),
)
DiscussionThreadPageFactory = page_factory(
    models.DiscussionThreadPage,
    DiscussionIndexPageFactory,
    body="Has anyone tried this?",
    starter=factory.SubFactory(UserFactory),
)
ResourceLinkPageFactory = page_factory(
    models.ResourceLinkPage,
    ResourceLibraryPageFactory,
    link_url="https://www.gov.uk/guidance/example",
    summary="Useful guidance.",
)
CollectionPageFactory = page_factory(models.CollectionPage, ResourceLibraryPageFactory)
EventPageFactory = page_factory(
    models.EventPage,
    EventIndexPageFactory,
    start=factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7)),
    end=factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=2)),
    online_url="https://meet.example.org/hub",
)
GuidancePageFactory = page_factory(models.GuidancePage, GuidanceIndexPageFactory)
CaseStudyPageFactory = page_factory(models.CaseStudyPage, GuidanceIndexPageFactory)


ReplyFactory = model_factory(
    models.Reply,
    thread=factory.SubFactory(DiscussionThreadPageFactory),
    author=factory.SubFactory(UserFactory),
    body="We did, and it worked.",
)
# An entry from the wider public sector in a collection; pass `page=` and `external_item=None` for a page.
CollectionItemFactory = model_factory(
    models.CollectionItem,
    collection=factory.SubFactory(CollectionPageFactory),
    page=None,
    external_item=factory.SubFactory("tests.factories.ExternalItemFactory"),
    sort_order=0,
)
# A bare membership row: `membership_join` is what keeps the community's groups in step.
MembershipFactory = model_factory(
    models.Membership,
    community=factory.SubFactory(CommunityPageFactory),
    member=factory.SubFactory(UserFactory),
)
InvitationFactory = model_factory(
    models.Invitation,
    community=factory.SubFactory(CommunityPageFactory),
    email=factory.Sequence(lambda n: f"invited{n}@example.gov.uk"),
    invited_by=factory.SubFactory(UserFactory),
)
EventBookingFactory = model_factory(
    models.EventBooking,
    event=factory.SubFactory(EventPageFactory),
    member=factory.SubFactory(UserFactory),
    status=models.EventBooking.Status.GOING,
)
CreditRequestFactory = model_factory(
    models.CreditRequest,
    post=factory.SubFactory(BlogPostPageFactory),
    member=factory.SubFactory(UserFactory),
    requested_by=factory.SubFactory(UserFactory),
)


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


# A comment the moderation rules held back.
CommentHoldFactory = model_factory(
    models.CommentHold,
    comment=factory.SubFactory(CommentFactory, is_public=False),
    reason="First comment from this member",
)
CommentSettingsFactory = model_factory(
    models.CommentSettings, site=factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))
)
ModerationWordFactory = model_factory(models.ModerationWord, word=factory.Sequence(lambda n: f"watched{n}"))
# A member following a topic, or the page or member given instead.
FollowFactory = model_factory(
    models.Follow,
    follower=factory.SubFactory(UserFactory),
    page=None,
    member=None,
    topic=factory.Maybe(
        factory.LazyAttribute(lambda o: o.page is None and o.member is None),
        yes_declaration=factory.SubFactory(TopicFactory),
        no_declaration=None,
    ),
)
NotificationFactory = model_factory(
    models.Notification,
    recipient=factory.SubFactory(UserFactory),
    actor=factory.SubFactory(UserFactory),
    verb=models.Notification.Verb.REPLIED,
    reason=models.Notification.Reason.PAGE,
    page=factory.SubFactory(DiscussionThreadPageFactory),
)
NotificationSettingsFactory = model_factory(models.NotificationSettings, member=factory.SubFactory(UserFactory))
FeedSourceFactory = model_factory(
    models.FeedSource,
    title=factory.Sequence(lambda n: f"Council blog {n}"),
    site_url=factory.Sequence(lambda n: f"https://blog{n}.example/"),
    feed_url=factory.LazyAttribute(lambda o: f"{o.site_url}feed"),
)
ExternalItemFactory = model_factory(
    models.ExternalItem,
    source=factory.SubFactory(FeedSourceFactory),
    guid=factory.Sequence(str),
    link=factory.Sequence(lambda n: f"https://example.org/{n}"),
    title=factory.Sequence(lambda n: f"Entry {n}"),
    published=factory.LazyFunction(timezone.now),
)
# The record that a WordPress item was imported into a community as the given page.
ImportedItemFactory = model_factory(
    models.ImportedItem,
    community=factory.SubFactory(CommunityPageFactory),
    key=factory.Sequence(lambda n: f"post:{n}"),
    target=factory.SubFactory(BlogPostPageFactory),
)

# Search

SynonymSetFactory = model_factory(search_models.SynonymSet, terms="gritting\nsalting")
SearchPreferenceFactory = model_factory(search_models.SearchPreference, user=factory.SubFactory(UserFactory))
QueryLogFactory = model_factory(search_models.QueryLog, query="gritting", result_count=1)
BestBetFactory = model_factory(
    search_models.BestBet,
    query=factory.Sequence(lambda n: f"query {n}"),
    page=factory.SubFactory(BlogPostPageFactory),
    ends_at=factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30)),
)
ResultClickFactory = model_factory(
    search_models.ResultClick,
    search=factory.SubFactory(QueryLogFactory),
    page=factory.SubFactory(BlogPostPageFactory),
    position=1,
)
# A search API token; its key is unknown, so use `ApiToken.issue` where a test must present one.
ApiTokenFactory = model_factory(
    search_models.ApiToken,
    user=factory.SubFactory(UserFactory),
    name="Intranet search",
    key_hash=factory.LazyFunction(lambda: search_models.hash_token(secrets.token_urlsafe(32))),
)
