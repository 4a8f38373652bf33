from django.urls import path

from search import views

urlpatterns = [
    path("", views.search, name="search"),
    path("autocomplete/", views.autocomplete, name="search_autocomplete"),
    # Click records: the links carry a signature (search.analytics.click_url), read from `?sig=`.
    path("go/<id:log_id>/<id:position>/<id:page_id>/", views.result_click, name="search_click"),
    path(
        "go/<id:log_id>/<id:position>/external/<id:item_id>/",
        views.external_result_click,
        name="search_click_external",
    ),
    path("personalisation/", views.personalisation, name="search_personalisation"),
]
