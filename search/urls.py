from django.urls import path

from . import views

urlpatterns = [
    path("", views.search, name="search"),
    path("autocomplete/", views.autocomplete, name="search_autocomplete"),
    path("go/<int:log_id>/<int:position>/<int:page_id>/", views.result_click, name="search_click"),
    path("personalisation/", views.personalisation, name="search_personalisation"),
]
