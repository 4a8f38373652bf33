from importlib import import_module

from django.apps import AppConfig

# The modules that connect each feature's signal receivers, imported once the models are ready.
RECEIVERS = [
    "practice.receivers",
    "practice.accounts.receivers",
    "practice.credits.receivers",
    "practice.discussions.receivers",
    "practice.events.receivers",
    "practice.following.receivers",
]


class PracticeConfig(AppConfig):
    name = "practice"
    verbose_name = "Practice content"

    def ready(self):
        for module in RECEIVERS:
            import_module(module)
