"""Feed URLs, included at /feeds/: each feed as RSS 2.0 at `.../rss/` and Atom 1.0 at `.../atom/`."""

from django.urls import path

from practice.feeds import syndication as feeds

app_name = "feeds"

urlpatterns = [
    path("rss/", feeds.SiteFeed(), name="site_rss"),
    path("atom/", feeds.SiteAtomFeed(), name="site_atom"),
    path("communities/<slug:slug>/rss/", feeds.CommunityFeed(), name="community_rss"),
    path("communities/<slug:slug>/atom/", feeds.CommunityAtomFeed(), name="community_atom"),
    path("topics/<slug:slug>/rss/", feeds.TopicFeed(), name="topic_rss"),
    path("topics/<slug:slug>/atom/", feeds.TopicAtomFeed(), name="topic_atom"),
    path("members/<slug:slug>/rss/", feeds.MemberFeed(), name="member_rss"),
    path("members/<slug:slug>/atom/", feeds.MemberAtomFeed(), name="member_atom"),
]
