"""What the discussion and moderation tests share: threads started through the service, and their addresses."""

from practice.discussions import services
from practice.models import DiscussionThreadPage
from practice.models.choices import SecurityLevel


def start(level, *, title="A question", body="Has anyone tried this?", author=None):
    """Start a public thread in the community's discussions, by its insider unless `author` is given."""
    return services.thread_start(
        index=level["index"],
        author=author or level["insider"],
        title=title,
        body=body,
        security_level=SecurityLevel.PUBLIC,
    )


def fresh(thread):
    return DiscussionThreadPage.objects.get(pk=thread.pk)


def start_url(level):
    return f"/discussions/start/{level['community'].pk}/"


def reply_url(thread, parent=None):
    return f"/discussions/{thread.pk}/reply/" + (f"{parent.pk}/" if parent else "")
