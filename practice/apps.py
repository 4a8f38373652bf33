from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "practice"
    verbose_name = "Practice content"

    def ready(self):
        from . import booking_signals, signals  # noqa: F401
