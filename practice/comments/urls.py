"""Comment addresses, named as django-comments and xtd name them so their models' links resolve here.

Only these are served: xtd's other views (reply page, like/dislike toggles, web API) and
django-comments' moderation views are left unmounted, so each way in checks access as below.
"""

from django.urls import path

from practice.comments import views as comment_views

urlpatterns = [
    path("post/", comment_views.post_comment, name="comments-post-comment"),
    path("<id:comment_id>/helpful/", comment_views.mark_helpful, name="comments-helpful"),
    path("<id:comment_id>/report/", comment_views.report, name="comments-flag"),
    path("mute/<str:key>/", comment_views.mute, name="comments-xtd-mute"),
    path("cr/<id:content_type_id>/<str:object_pk>/", comment_views.permalink, name="comments-url-redirect"),
]
