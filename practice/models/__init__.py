from .base import PracticePage
from .bookings import EventBooking
from .comments import CommentHold, CommentSettings, CommentsMixin, ModerationWord
from .communities import CommunityIndexPage, CommunityPage, Invitation, Membership
from .events import EventIndexPage, EventPage
from .external import ExternalItem, FeedSource, ImportedItem
from .following import Follow, Notification, NotificationSettings
from .guidance import CaseStudyPage, GuidanceIndexPage, GuidancePage
from .members import MemberProfile
from .posts import BlogIndexPage, BlogPostPage, CreditRequest
from .resources import CollectionItem, CollectionPage, ResourceLibraryPage, ResourceLinkPage
from .threads import DiscussionIndexPage, DiscussionThreadPage, Reply
from .vocabulary import AudienceRole, Organisation, Region, TaggedPage, Topic

__all__ = [
    "AudienceRole",
    "BlogIndexPage",
    "BlogPostPage",
    "CaseStudyPage",
    "CollectionItem",
    "CommentHold",
    "CommentSettings",
    "CommentsMixin",
    "CollectionPage",
    "CommunityIndexPage",
    "CommunityPage",
    "CreditRequest",
    "DiscussionIndexPage",
    "DiscussionThreadPage",
    "EventBooking",
    "EventIndexPage",
    "EventPage",
    "ExternalItem",
    "FeedSource",
    "Follow",
    "GuidanceIndexPage",
    "GuidancePage",
    "ImportedItem",
    "Invitation",
    "MemberProfile",
    "ModerationWord",
    "Membership",
    "Notification",
    "NotificationSettings",
    "Organisation",
    "PracticePage",
    "Reply",
    "Region",
    "ResourceLibraryPage",
    "ResourceLinkPage",
    "TaggedPage",
    "Topic",
]
