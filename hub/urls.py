import re

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from hub.api import api_router
from hub.media import serve_media
from practice.page_links import follow_page_link
from search.api import search_api

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", home_views.healthz, name="healthz"),
    path("search/", include("search.urls")),
    path("api/search/", search_api, name="search_api"),
    path("members/", include("practice.urls")),
    path("feeds/", include("practice.feed_urls")),
    path("api/v2/", api_router.urls),
    path("accounts/", include("practice.account_urls")),
    path("membership/", include("practice.membership_urls")),
    path("bookings/", include("practice.booking_urls")),
    path("comments/", include("practice.comment_urls")),
    path("notifications/", include("practice.notification_urls")),
    path("following/", include("practice.following_urls")),
    path("topics/", include("practice.topic_urls")),
    path("discussions/", include("practice.discussion_urls")),
    path("wider-public-sector/", include("practice.external_urls")),
    path("links/pages/<int:page_id>/", follow_page_link, name="follow_page_link"),
]

# Uploaded files, served only to readers their collection lets in (hub/media.py), in every setting.
urlpatterns += [re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$", serve_media, name="media")]

urlpatterns += [path("", include(wagtail_urls))]
