from .base import PracticePage
from .communities import CommunityIndexPage, CommunityPage, Membership
from .events import EventIndexPage, EventPage
from .external import ExternalItem, FeedSource, ImportedItem
from .guidance import CaseStudyPage, GuidanceIndexPage, GuidancePage
from .members import MemberProfile
from .posts import BlogIndexPage, BlogPostPage
from .resources import CollectionItem, CollectionPage, ResourceLibraryPage, ResourceLinkPage
from .threads import DiscussionIndexPage, DiscussionThreadPage, Reply
from .vocabulary import AudienceRole, Organisation, Region, TaggedPage, Topic

__all__ = [
    "AudienceRole",
    "BlogIndexPage",
    "BlogPostPage",
    "CaseStudyPage",
    "CollectionItem",
    "CollectionPage",
    "CommunityIndexPage",
    "CommunityPage",
    "DiscussionIndexPage",
    "DiscussionThreadPage",
    "EventIndexPage",
    "EventPage",
    "ExternalItem",
    "FeedSource",
    "GuidanceIndexPage",
    "GuidancePage",
    "ImportedItem",
    "MemberProfile",
    "Membership",
    "Organisation",
    "PracticePage",
    "Reply",
    "Region",
    "ResourceLibraryPage",
    "ResourceLinkPage",
    "TaggedPage",
    "Topic",
]
