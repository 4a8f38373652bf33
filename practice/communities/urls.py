"""Joining, leaving and running a community's membership."""

from django.urls import path

from practice.communities import invitations as invitation_views
from practice.communities import views

urlpatterns = [
    path("<id:community_id>/join/", views.community_join, name="community_join"),
    path("<id:community_id>/leave/", views.community_leave, name="community_leave"),
    path("<id:community_id>/members/", views.community_members, name="community_members"),
    path(
        "requests/<id:membership_id>/approve/",
        views.membership_request_answer,
        {"answer": "approve"},
        name="membership_approve",
    ),
    path(
        "requests/<id:membership_id>/decline/",
        views.membership_request_answer,
        {"answer": "decline"},
        name="membership_decline",
    ),
    path("<id:community_id>/invite/", invitation_views.community_invite, name="community_invite"),
    path("invitations/", invitation_views.invitations, name="membership_invitations"),
    path("invitations/<id:invitation_id>/accept/", invitation_views.invitation_accept, name="invitation_accept"),
    path("invitations/<id:invitation_id>/decline/", invitation_views.invitation_decline, name="invitation_decline"),
    path("invitations/<id:invitation_id>/withdraw/", invitation_views.invitation_withdraw, name="invitation_withdraw"),
]
