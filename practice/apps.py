from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "practice"
    verbose_name = "Practice content"

    def ready(self):
        from practice import booking_signals, following_receivers, signals  # noqa: F401
        from practice.accounts import receivers  # noqa: F401
        from practice.credits import receivers as credit_receivers  # noqa: F401
        from practice.discussions import receivers as discussion_receivers  # noqa: F401
