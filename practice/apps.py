from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "practice"
    verbose_name = "Practice content"

    def ready(self):
        from . import booking_signals, following_receivers, signals  # noqa: F401
        from .accounts import receivers  # noqa: F401
        from .credits import receivers as credit_receivers  # noqa: F401
        from .discussions import receivers as discussion_receivers  # noqa: F401
