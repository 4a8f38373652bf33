"""Following and unfollowing, included at /following/: every change is a POST."""

from django.urls import path

from practice.following import views

urlpatterns = [
    path("pages/<id:page_id>/follow/", views.follow_page, {"follow": True}, name="follow_page"),
    path("pages/<id:page_id>/unfollow/", views.follow_page, {"follow": False}, name="unfollow_page"),
    path("topics/<slug:slug>/follow/", views.follow_topic, {"follow": True}, name="follow_topic"),
    path("topics/<slug:slug>/unfollow/", views.follow_topic, {"follow": False}, name="unfollow_topic"),
    path("members/<slug:slug>/follow/", views.follow_member, {"follow": True}, name="follow_member"),
    path("members/<slug:slug>/unfollow/", views.follow_member, {"follow": False}, name="unfollow_member"),
]
