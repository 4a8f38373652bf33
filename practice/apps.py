from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "practice"
    verbose_name = "Practice content"

    def ready(self):
        from practice import receivers as signals  # noqa: F401
        from practice.accounts import receivers  # noqa: F401
        from practice.credits import receivers as credit_receivers  # noqa: F401
        from practice.discussions import receivers as discussion_receivers  # noqa: F401
        from practice.events import receivers as booking_signals  # noqa: F401
        from practice.following import receivers as following_receivers  # noqa: F401
