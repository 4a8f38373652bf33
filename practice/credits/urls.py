"""Credits to answer and to withdraw, included at /notifications/credits/: every change is a POST."""

from django.urls import path

from practice.credits import views

urlpatterns = [
    path("", views.author_credits, name="author_credits"),
    path("<id:credit_request_id>/accept/", views.credit_answer, {"answer": "accept"}, name="credit_accept"),
    path("<id:credit_request_id>/decline/", views.credit_answer, {"answer": "decline"}, name="credit_decline"),
    path("<id:credit_request_id>/withdraw/", views.credit_withdraw, name="credit_withdraw"),
]
