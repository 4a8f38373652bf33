"""RSS 2.0 and Atom feeds of public practice content: the whole site, each community, topic and author.

Feeds are fetched by readers without a session, so they are never personalised: every feed lists
only what an anonymous visitor may open, whoever asks for it. Each feed runs a fixed number of
queries however many items it holds (no per-item queries, no `.specific()`).
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from wagtail.models import Site

from practice.models import (
    BlogPostPage,
    CaseStudyPage,
    CommunityPage,
    DiscussionThreadPage,
    EventPage,
    GuidancePage,
    MemberProfile,
    PracticePage,
    ResourceLinkPage,
    Topic,
)

FEED_LENGTH = 30
# What counts as new content: communities and collections are containers, not news.
CONTENT_TYPES = (BlogPostPage, DiscussionThreadPage, ResourceLinkPage, EventPage, GuidancePage, CaseStudyPage)


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed, with everything the feed generator needs already worked out."""

    title: str
    link: str
    summary: str
    published: datetime
    author_name: str | None
    author_link: str | None
    categories: list[str]


@dataclass
class FeedSource:
    """What a feed is about, and the request it answers (a Feed instance is shared between requests)."""

    request: HttpRequest
    title: str
    description: str
    link: str
    pages: object  # a PracticePage queryset, already narrowed to this feed's subject


def public_pages():
    """Return the live practice content an anonymous reader may open."""
    return PracticePage.objects.live().visible_to(AnonymousUser())


def feed_entries(pages, request):
    """Turn the newest of these pages into feed entries, in four queries whatever their number."""
    pages = list(
        pages.annotate(
            published=Coalesce("blogpostpage__date", "eventpage__start", "first_published_at", "last_published_at"),
            starter_id=F("discussionthreadpage__starter_id"),
        )
        .prefetch_related("topics")
        .order_by(F("published").desc(nulls_last=True), "-pk")[:FEED_LENGTH]
    )

    authorships = BlogPostPage.authors.through.objects.filter(blogpostpage_id__in=[page.pk for page in pages])
    author_ids = {}
    for post_id, user_id in authorships.order_by("pk").values_list("blogpostpage_id", "user_id"):
        author_ids.setdefault(post_id, []).append(user_id)
    for page in pages:
        if page.starter_id is not None:
            author_ids.setdefault(page.pk, []).append(page.starter_id)
    wanted = {user_id for ids in author_ids.values() for user_id in ids}
    profiles = {profile.user_id: profile for profile in MemberProfile.objects.filter(user_id__in=wanted)}

    entries = []
    for page in pages:
        authors = [profiles[user_id] for user_id in author_ids.get(page.pk, []) if user_id in profiles]
        linked = [author for author in authors if author.is_public]
        entries.append(
            FeedEntry(
                title=page.title,
                link=page.get_full_url(request),
                summary=page.summary,
                published=page.published,
                author_name=" and ".join(author.display_name for author in authors) or None,
                author_link=(
                    request.build_absolute_uri(linked[0].get_absolute_url()) if len(authors) == 1 and linked else None
                ),
                categories=[topic.name for topic in page.topics.all()],
            )
        )
    return entries


def home_url(request):
    site = Site.find_for_request(request)
    return site.root_page.get_full_url(request) if site else request.build_absolute_uri("/")


class PracticeFeed(Feed):
    """An RSS 2.0 feed of public practice content; subclasses say what it is about."""

    item_guid_is_permalink = True

    def get_object(self, request, *args, **kwargs):
        return self.get_source(request, **kwargs)

    def get_source(self, request, **kwargs):
        """Return the FeedSource this feed is about, or raise Http404."""
        raise NotImplementedError

    def title(self, source):
        return f"{source.title} – {settings.WAGTAIL_SITE_NAME}"

    def description(self, source):
        return source.description

    def link(self, source):
        return source.link

    def feed_url(self, source):
        return source.request.build_absolute_uri(source.request.path)

    def items(self, source):
        return feed_entries(source.pages, source.request)

    def item_title(self, entry):
        return entry.title

    def item_link(self, entry):
        return entry.link

    def item_guid(self, entry):
        return entry.link

    def item_description(self, entry):
        # Readers show an item's description as HTML; a summary is plain text, so it goes in escaped.
        return escape(entry.summary)

    def item_pubdate(self, entry):
        return entry.published

    def item_author_name(self, entry):
        return entry.author_name

    def item_author_link(self, entry):
        return entry.author_link

    def item_categories(self, entry):
        return entry.categories


class AtomFeedMixin:
    """Serve the same feed as Atom 1.0, which needs a subtitle and a feed-level author."""

    feed_type = Atom1Feed

    def subtitle(self, source):
        return source.description

    def author_name(self):
        return settings.WAGTAIL_SITE_NAME


class SiteFeed(PracticeFeed):
    def get_source(self, request):
        return FeedSource(
            request=request,
            title="Latest",
            description="The latest public posts, discussions, resources, events, guidance and case studies.",
            link=home_url(request),
            pages=public_pages().type(*CONTENT_TYPES),
        )


class CommunityFeed(PracticeFeed):
    """A community's public blog posts; a community an anonymous reader may not see does not exist."""

    def get_source(self, request, slug):
        community = get_object_or_404(CommunityPage.objects.live().visible_to(AnonymousUser()), slug=slug)
        return FeedSource(
            request=request,
            title=f"{community.title}: blog",
            description=community.summary or f"Public blog posts from {community.title}.",
            link=community.get_full_url(request),
            pages=public_pages().type(BlogPostPage).filter(community=community),
        )


class TopicFeed(PracticeFeed):
    def get_source(self, request, slug):
        topic = get_object_or_404(Topic, slug=slug)
        return FeedSource(
            request=request,
            title=topic.name,
            description=topic.description or f"The latest public material about {topic.name}.",
            link=home_url(request),
            pages=public_pages().type(*CONTENT_TYPES).filter(topics=topic),
        )


class MemberFeed(PracticeFeed):
    """A member's public posts and the discussions they started, when their profile is public."""

    def get_source(self, request, slug):
        profile = get_object_or_404(MemberProfile, slug=slug, is_public=True)
        written = Q(pk__in=BlogPostPage.objects.filter(authors=profile.user_id).values("pk")) | Q(
            pk__in=DiscussionThreadPage.objects.filter(starter=profile.user_id).values("pk")
        )
        return FeedSource(
            request=request,
            title=profile.display_name,
            description=f"Public posts and discussions by {profile.display_name}.",
            link=request.build_absolute_uri(profile.get_absolute_url()),
            pages=public_pages().filter(written),
        )


class SiteAtomFeed(AtomFeedMixin, SiteFeed):
    pass


class CommunityAtomFeed(AtomFeedMixin, CommunityFeed):
    pass


class TopicAtomFeed(AtomFeedMixin, TopicFeed):
    pass


class MemberAtomFeed(AtomFeedMixin, MemberFeed):
    pass
