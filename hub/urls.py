import re

from allauth.account import views as allauth_views

from django.conf import settings
from django.urls import include, path, re_path, reverse_lazy
from django.views.generic import RedirectView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from home import views as home_views
from hub.api import api_router
from hub.converters import ids_in_range, parameters_in_range
from hub.media import serve_document, serve_media
from practice.accounts.views import sign_in_here
from practice.editorial.gate import editorial_gate
from practice.editorial.views import tag_autocomplete
from practice.page_links import follow_page_link
from search.api import search_api

urlpatterns = [
    # One way in: Wagtail's sign-in, sign-out and password reset addresses lead to allauth's (practice.accounts.urls).
    path("admin/login/", sign_in_here, {"default_next": reverse_lazy("wagtailadmin_home")}, name="wagtailadmin_login"),
    path("_util/login/", sign_in_here, name="wagtailcore_login"),
    path("admin/logout/", allauth_views.logout, name="wagtailadmin_logout"),
    path(
        "admin/password_reset/",
        RedirectView.as_view(pattern_name="account_reset_password"),
        name="wagtailadmin_password_reset",
    ),
    # Wagtail's tag suggestions list every tag in the hub; ours only those on what the editor may see.
    path("admin/tag-autocomplete/", editorial_gate(tag_autocomplete), name="wagtailadmin_tag_autocomplete"),
    path(
        "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/",
        editorial_gate(tag_autocomplete),
        name="wagtailadmin_tag_model_autocomplete",
    ),
    # Only editorial roles reach the admin, and each sees only their part of the hub (practice.editorial).
    path("admin/", include(decorate_urlpatterns(wagtailadmin_urls.urlpatterns, editorial_gate))),
    # Wagtail's document addresses (its `wagtaildocs_serve`), answered here first: a document its
    # collection refuses the reader is as missing as one that does not exist (hub/media.py).
    path("documents/<id:document_id>/<path:document_filename>", serve_document, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", home_views.healthz, name="healthz"),
    path("search/", include("search.urls")),
    path("api/search/", search_api, name="search_api"),
    path("members/", include("practice.accounts.profile_urls")),
    path("feeds/", include("practice.feeds.urls")),
    path("api/v2/", api_router.urls),
    path("accounts/", include("practice.accounts.urls")),
    path("membership/", include("practice.communities.urls")),
    path("bookings/", include("practice.events.urls")),
    path("comments/", include("practice.comments.urls")),
    path("notifications/", include("practice.following.notification_urls")),
    path("following/", include("practice.following.urls")),
    path("topics/", include("practice.following.topic_urls")),
    path("discussions/", include("practice.discussions.urls")),
    path("wider-public-sector/", include("practice.importing.urls")),
    path("links/pages/<id:page_id>/", follow_page_link, name="follow_page_link"),
]

# Uploaded files, served only to readers their collection lets in (hub/media.py), in every setting.
urlpatterns += [re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$", serve_media, name="media")]

urlpatterns += [path("", include(wagtail_urls))]

# Third-party addresses (Wagtail's admin, documents, page passwords, the API) read ids as `<int:>` or
# `(\d+)`, of any size and in any script: their views answer 404 for one no database key can hold.
decorate_urlpatterns(urlpatterns, ids_in_range)
# Wagtail's filters and choosers look ids up in the query string as they come (past 64 bits is a 500 on
# SQLite, '²' as a chooser's parent page another), and PostgreSQL refuses a NUL in any text: the admin
# answers 400 for such an id in its query strings, and for a control character in any parameter.
decorate_urlpatterns(wagtailadmin_urls.urlpatterns, parameters_in_range)
