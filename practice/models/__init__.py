from practice.models.base import PracticePage
from practice.models.bookings import EventBooking
from practice.models.comments import CommentHold, CommentSettings, CommentsMixin, ModerationWord
from practice.models.communities import CommunityIndexPage, CommunityPage, Invitation, Membership
from practice.models.events import EventIndexPage, EventPage
from practice.models.external import ExternalItem, FeedSource, ImportedItem
from practice.models.following import Follow, Notification, NotificationSettings
from practice.models.guidance import CaseStudyPage, GuidanceIndexPage, GuidancePage
from practice.models.members import MemberProfile
from practice.models.posts import BlogIndexPage, BlogPostPage, CreditRequest
from practice.models.resources import CollectionItem, CollectionPage, ResourceLibraryPage, ResourceLinkPage
from practice.models.threads import DiscussionIndexPage, DiscussionThreadPage, Reply
from practice.models.vocabulary import AudienceRole, Organisation, Region, TaggedPage, Topic

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
