from importlib import import_module

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        # The receivers that keep the index and the ranking features in step with the pages.
        import_module("search.receivers")
