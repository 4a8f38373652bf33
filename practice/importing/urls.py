from django.urls import path

from practice.importing import views as external_views

urlpatterns = [
    path("", external_views.external_stream, name="external_stream"),
    path("<slug:slug>/", external_views.external_source, name="external_source"),
]
