"""Joining, leaving and running a community's membership."""

from django.urls import path

from practice.communities import invitations as invitation_views
from practice.communities import views


def answer_paths(route, view, name, answers):
    """Return a path per answer to a request or invitation (`<route>/<answer>/`, `<name>_<answer>`), all to one view."""
    return [path(f"{route}/{answer}/", view, {"answer": answer}, name=f"{name}_{answer}") for answer in answers]


urlpatterns = [
    path("<id:community_id>/join/", views.community_join, name="community_join"),
    path("<id:community_id>/leave/", views.community_leave, name="community_leave"),
    path("<id:community_id>/members/", views.community_members, name="community_members"),
    *answer_paths("requests/<id:membership_id>", views.membership_request_answer, "membership", ["approve", "decline"]),
    path("<id:community_id>/invite/", invitation_views.community_invite, name="community_invite"),
    path("invitations/", invitation_views.invitations, name="membership_invitations"),
    *answer_paths(
        "invitations/<id:invitation_id>", invitation_views.invitation_answer, "invitation", ["accept", "decline"]
    ),
    path("invitations/<id:invitation_id>/withdraw/", invitation_views.invitation_withdraw, name="invitation_withdraw"),
]
