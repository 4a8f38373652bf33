from django.urls import path

from . import views

urlpatterns = [
    path("", views.search, name="search"),
    path("autocomplete/", views.autocomplete, name="search_autocomplete"),
    path("go/<int:log_id>/<int:position>/<int:page_id>/", views.result_click, name="search_click"),
    path(
        "go/<int:log_id>/<int:position>/external/<int:item_id>/",
        views.external_result_click,
        name="search_click_external",
    ),
    path("personalisation/", views.personalisation, name="search_personalisation"),
]
