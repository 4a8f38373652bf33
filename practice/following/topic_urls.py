"""Topic pages, included at /topics/."""

from django.urls import path

from practice.following import views

urlpatterns = [
    path("<slug:slug>/", views.topic_page, name="topic_page"),
]
