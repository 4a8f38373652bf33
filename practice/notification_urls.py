"""The notifications page, digest settings and signed email links, included at /notifications/."""

from django.urls import path

from . import following_views as views

urlpatterns = [
    path("", views.notification_list, name="notifications"),
    path("read/", views.notifications_mark_read, name="notifications_mark_read"),
    path("<int:notification_id>/read/", views.notification_mark_read, name="notification_mark_read"),
    path("settings/", views.notification_settings, name="notification_settings"),
    path("email/<str:token>/", views.email_link, name="email_link"),
]
