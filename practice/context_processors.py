from functools import cached_property

from django.contrib.auth.models import AnonymousUser

from practice.models import Notification


class UnreadNotifications:
    """The signed-in member's unread notification count, fetched in one query when a template first asks."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def count(self):
        if not self.user.is_authenticated:
            return 0
        return Notification.objects.readable_by(self.user).unread().count()


def notifications(request):
    return {"unread_notifications": UnreadNotifications(getattr(request, "user", AnonymousUser()))}
