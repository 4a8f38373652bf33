"""Discussions on the public site: starting, replying, editing and facilitators' actions."""

from django.urls import path

from practice.discussions import views

urlpatterns = [
    path("start/<id:community_id>/", views.thread_start, name="discussion_start"),
    path("<id:thread_id>/waiting/", views.thread_waiting, name="discussion_waiting"),
    path("<id:thread_id>/reply/", views.reply, name="discussion_reply"),
    path("<id:thread_id>/reply/<id:parent_id>/", views.reply, name="discussion_reply_to"),
    path("<id:thread_id>/edit/", views.thread_edit, name="discussion_edit"),
    path("replies/<id:reply_id>/edit/", views.reply_edit, name="discussion_reply_edit"),
    path("<id:thread_id>/answer/<id:reply_id>/", views.answer_accept, name="discussion_answer"),
    path("<id:thread_id>/answer/clear/", views.answer_clear, name="discussion_answer_clear"),
]
urlpatterns += [
    path(f"<id:thread_id>/{action}/", views.thread_moderate, {"action": action}, name=f"discussion_{action}")
    for action in views.FACILITATOR_ACTIONS
]
