from django.urls import path

from practice.communities import views

urlpatterns = [
    path("<slug:slug>/", views.member_profile, name="member_profile"),
]
