"""Discussions on the public site: starting, replying, editing and facilitators' actions."""

from django.urls import path

from .discussions import views

urlpatterns = [
    path("start/<int:community_id>/", views.thread_start, name="discussion_start"),
    path("<int:thread_id>/waiting/", views.thread_waiting, name="discussion_waiting"),
    path("<int:thread_id>/reply/", views.reply, name="discussion_reply"),
    path("<int:thread_id>/reply/<int:parent_id>/", views.reply, name="discussion_reply_to"),
    path("<int:thread_id>/edit/", views.thread_edit, name="discussion_edit"),
    path("replies/<int:reply_id>/edit/", views.reply_edit, name="discussion_reply_edit"),
    path("<int:thread_id>/answer/<int:reply_id>/", views.answer_accept, name="discussion_answer"),
    path("<int:thread_id>/answer/clear/", views.answer_clear, name="discussion_answer_clear"),
]
urlpatterns += [
    path(f"<int:thread_id>/{action}/", views.thread_moderate, {"action": action}, name=f"discussion_{action}")
    for action in views.FACILITATOR_ACTIONS
]
