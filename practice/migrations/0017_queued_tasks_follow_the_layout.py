"""Tasks queued before the move to feature packages run under their new names.

django-tasks-db stores each queued task by its import path; the tasks moved with their features
(issue 21), so a task waiting in the queue when this release is deployed is renamed here, and would
otherwise fail on "module not found" when a worker picks it up. Finished tasks keep their old names,
as a record of what ran.
"""

from django.db import migrations

MOVED = {
    "practice.tasks.notify_followers": "practice.following.tasks.notify_followers",
    "practice.tasks.send_due_digests": "practice.following.tasks.send_due_digests",
    "practice.booking_tasks.send_event_reminders_task": "practice.events.tasks.send_event_reminders_task",
    "practice.tasks_importing.fetch_all_feeds": "practice.importing.tasks.fetch_all_feeds",
    "practice.tasks_importing.check_all_links": "practice.importing.tasks.check_all_links",
    "practice.comments.notify_comment_followers": "practice.comments.tasks.notify_comment_followers",
}
WAITING = ["READY", "RUNNING"]


def rename(moves):
    def run(apps, schema_editor):
        task_results = apps.get_model("django_tasks_database", "DBTaskResult").objects.filter(status__in=WAITING)
        for old, new in moves.items():
            task_results.filter(task_path=old).update(task_path=new)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0016_author_credits_with_consent"),
        ("django_tasks_database", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(rename(MOVED), rename({new: old for old, new in MOVED.items()}), elidable=True),
    ]
