"""Every page type sits where the page tree says, can be created in the admin, and renders."""

from django.contrib.auth import get_user_model

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from practice.models import (
    BlogIndexPage,
    BlogPostPage,
    CaseStudyPage,
    CollectionPage,
    CommunityIndexPage,
    CommunityPage,
    DiscussionIndexPage,
    DiscussionThreadPage,
    EventIndexPage,
    EventPage,
    GuidanceIndexPage,
    GuidancePage,
    ResourceLibraryPage,
    ResourceLinkPage,
)
from practice.models.choices import AccessLevel, SecurityLevel
from tests.factories import (
    BlogIndexPageFactory,
    CommunityIndexPageFactory,
    CommunityPageFactory,
    DiscussionIndexPageFactory,
    GuidanceIndexPageFactory,
    GuidancePageFactory,
    OrganisationFactory,
    RegionFactory,
    ResourceLibraryPageFactory,
    ResourceLinkPageFactory,
    TopicFactory,
    UserFactory,
)

COMMUNITY_SECTIONS = {BlogIndexPage, DiscussionIndexPage, ResourceLibraryPage, EventIndexPage}


def page_form(title, **fields):
    """Return the editor's form data for a new page: the fields given, plus those every page has."""
    return nested_form_data({"title": title, "comments": inline_formset([]), **fields})


class PageTreeTests(WagtailPageTestCase):
    def test_the_tree_allows_each_page_type_only_where_it_belongs(self):
        self.assertAllowedParentPageTypes(CommunityIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CommunityIndexPage, {CommunityPage})
        self.assertAllowedSubpageTypes(CommunityPage, COMMUNITY_SECTIONS)
        self.assertAllowedParentPageTypes(BlogIndexPage, {CommunityPage})
        self.assertAllowedParentPageTypes(DiscussionIndexPage, {CommunityPage})
        self.assertAllowedParentPageTypes(ResourceLibraryPage, {HomePage, CommunityPage})
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage, CommunityPage})
        self.assertAllowedSubpageTypes(BlogIndexPage, {BlogPostPage})
        self.assertAllowedSubpageTypes(DiscussionIndexPage, {DiscussionThreadPage})
        self.assertAllowedSubpageTypes(ResourceLibraryPage, {ResourceLinkPage, CollectionPage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedSubpageTypes(GuidanceIndexPage, {GuidancePage, CaseStudyPage})
        for leaf in (BlogPostPage, DiscussionThreadPage, ResourceLinkPage, CollectionPage, EventPage, GuidancePage):
            self.assertAllowedSubpageTypes(leaf, set())
        self.assertAllowedSubpageTypes(CaseStudyPage, set())

    def test_content_cannot_be_created_out_of_place(self):
        self.assertCanNotCreateAt(HomePage, BlogPostPage)
        self.assertCanNotCreateAt(HomePage, CommunityPage)
        self.assertCanNotCreateAt(HomePage, BlogIndexPage)
        self.assertCanNotCreateAt(CommunityPage, CommunityPage)
        self.assertCanNotCreateAt(BlogIndexPage, DiscussionThreadPage)
        self.assertCanNotCreateAt(GuidanceIndexPage, BlogPostPage)
        self.assertCanCreateAt(HomePage, GuidanceIndexPage)
        self.assertCanCreateAt(CommunityPage, BlogIndexPage)

    def test_singletons_are_single(self):
        home = Site.objects.get(is_default_site=True).root_page
        CommunityIndexPageFactory()
        GuidanceIndexPageFactory()
        self.assertFalse(CommunityIndexPage.can_create_at(home))
        self.assertFalse(GuidanceIndexPage.can_create_at(home))
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))
        community = CommunityPageFactory()
        BlogIndexPageFactory(parent=community)
        self.assertFalse(BlogIndexPage.can_create_at(community))
        self.assertTrue(DiscussionIndexPage.can_create_at(community))


class CreateInAdminTests(WagtailPageTestCase):
    """Create each page type through the editor's form, publish it, and read it as an administrator."""

    @classmethod
    def setUpTestData(cls):
        cls.admin = UserFactory(username="admin@practicehub.example", is_superuser=True, is_staff=True)
        cls.home = Site.objects.get(is_default_site=True).root_page
        cls.topic = TopicFactory(name="Social media")
        cls.organisation = OrganisationFactory(name="Northmoor District Council")

    def setUp(self):
        self.client.force_login(self.admin)

    def create(self, parent, model, data):
        """Create a page through the editor, then return it after checking it renders."""
        self.assertCanCreate(parent, model, data)
        page = model.objects.child_of(parent).get(slug=data["slug"])
        self.assertTrue(page.live)
        self.assertPageIsRenderable(page)
        return page

    def test_community_index_and_community(self):
        index = self.create(
            self.home,
            CommunityIndexPage,
            page_form("Communities", slug="communities", intro=rich_text("<p>Find your people.</p>")),
        )
        data = page_form(
            "Emergency comms",
            slug="emergency-comms",
            summary="Warning and informing when it matters.",
            description=rich_text("<h2>How we work</h2><p>Share what worked.</p>"),
            access_level=AccessLevel.RESTRICTED,
            requires_approval="on",
            tags="storms, flooding",
        )
        data["topics"] = [self.topic.pk]
        community = self.create(index, CommunityPage, data)
        self.assertEqual(community.access_level, AccessLevel.RESTRICTED)
        self.assertTrue(community.requires_approval)
        self.assertIsNotNone(community.facilitators_group)

    def test_community_sections(self):
        community = CommunityPageFactory()
        for model, slug in [
            (BlogIndexPage, "blog"),
            (DiscussionIndexPage, "discussions"),
            (ResourceLibraryPage, "resources"),
            (EventIndexPage, "events"),
        ]:
            self.create(community, model, page_form(slug.title(), slug=slug, intro="For members."))

    def test_blog_post(self):
        blog = BlogIndexPageFactory()
        guide = GuidancePageFactory(title="Writing for the web")
        data = page_form(
            "Ten years of the council Facebook page",
            slug="ten-years",
            summary="What we would tell our younger selves.",
            date="2025-06-17 10:00",
            body=streamfield(
                [
                    ("heading", {"text": "What we tried first", "level": "h2"}),
                    ("paragraph", rich_text("<p>We answered every question.</p>")),
                    ("quote", {"quote": "Answer the question.", "citation": "A comms lead"}),
                    (
                        "see_also",
                        {
                            "heading": "See also",
                            "links": streamfield(
                                [("item", {"page": guide.pk, "url": "", "text": "Writing for the web"})]
                            ),
                        },
                    ),
                    ("call_to_action", {"page": "", "url": "https://example.org/join", "text": "Join us"}),
                ]
            ),
            tags="facebook",
            security_level=SecurityLevel.PUBLIC,
            comments_open="on",
        )
        post = self.create(blog, BlogPostPage, data)
        self.assertEqual(
            [block.block_type for block in post.body], ["heading", "paragraph", "quote", "see_also", "call_to_action"]
        )
        response = self.client.get(post.url)
        self.assertContains(response, "Writing for the web")
        self.assertContains(response, "https://example.org/join")

    def test_discussion_thread(self):
        discussions = DiscussionIndexPageFactory()
        self.create(
            discussions,
            DiscussionThreadPage,
            page_form(
                "Live-posting during a storm",
                slug="live-posting",
                body="Which teams have tried it? Replies welcome.",
                starter=str(self.admin.pk),
                status=DiscussionThreadPage.Status.OPEN,
                tags="",
            ),
        )

    def test_resource_link_and_collection(self):
        library = ResourceLibraryPageFactory(parent=self.home, slug="resources")
        link = self.create(
            library,
            ResourceLinkPage,
            page_form(
                "Code of recommended practice on publicity",
                slug="publicity-code",
                link_url="https://www.gov.uk/government/publications/publicity-code",
                summary="The rules on council publicity.",
                editors_note="Read it before the pre-election period.",
                publisher=str(self.organisation.pk),
                resource_type=ResourceLinkPage.ResourceType.GUIDANCE,
                tags="",
                security_level=SecurityLevel.PUBLIC,
            ),
        )
        other = ResourceLinkPageFactory(parent=library, title="Accessibility regulations")
        self.create(
            library,
            CollectionPage,
            page_form(
                "Getting started",
                slug="getting-started",
                summary="Where to begin.",
                intro=rich_text("<p>Read these in order.</p>"),
                tags="",
                items=inline_formset(
                    [
                        {"page": str(link.pk), "note": "The rules first."},
                        {"page": str(other.pk), "note": "Then these."},
                    ],
                    min=1,
                ),
            ),
        )

    def test_events_listing_and_event(self):
        events = self.create(self.home, EventIndexPage, page_form("Events", slug="events", intro="Meet up."))
        event = self.create(
            events,
            EventPage,
            page_form(
                "Teacamp North",
                slug="teacamp-north",
                summary="Tea and talk.",
                start="2026-12-01 10:00",
                end="2026-12-01 12:00",
                time_zone="Europe/London",
                event_type=EventPage.EventType.TEACAMP,
                venue_name="Central Library",
                address="1 High Street, Northmoor",
                region=str(RegionFactory(name="North West").pk),
                capacity="30",
                tags="",
            ),
        )
        self.assertEqual(event.capacity, 30)

    def test_guidance_and_case_study(self):
        index = self.create(self.home, GuidanceIndexPage, page_form("Guidance", slug="guidance", intro="How to."))
        body = streamfield([("paragraph", rich_text("<p>Write for the reader.</p>"))])
        for model, title, slug, fields in [
            (GuidancePage, "Writing for the web", "writing-for-the-web", {"summary": "Short words."}),
            (
                CaseStudyPage,
                "Flickr and civic pride",
                "flickr",
                {"summary": "Photos residents shared.", "organisation": str(self.organisation.pk)},
            ),
        ]:
            data = page_form(title, slug=slug, **fields, body=body, tags="", security_level=SecurityLevel.PUBLIC)
            self.create(index, model, data)

    def test_home_page_renders(self):
        self.assertPageIsRenderable(self.home.specific)
        self.assertPageIsRenderable(self.home.specific, user=get_user_model().objects.get(pk=self.admin.pk))
