"""The notifications page, digest settings, signed email links and credits to answer, included at /notifications/."""

from django.urls import include, path

from practice.following import views

urlpatterns = [
    path("", views.notification_list, name="notifications"),
    path("read/", views.notifications_mark_read, name="notifications_mark_read"),
    path("<id:notification_id>/read/", views.notification_mark_read, name="notification_mark_read"),
    path("settings/", views.notification_settings, name="notification_settings"),
    path("email/<str:token>/", views.email_link, name="email_link"),
    path("credits/", include("practice.credits.urls")),
]
