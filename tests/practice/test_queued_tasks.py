"""Tasks queued under their old import paths run after the move to feature packages."""

from importlib import import_module

import pytest
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

from django.apps import apps
from django.utils import timezone
from django.utils.module_loading import import_string

moved = import_module("practice.migrations.0017_queued_tasks_follow_the_layout")


def queued(path, status="READY"):
    return DBTaskResult.objects.create(
        task_path=path,
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        queue_name="default",
        backend_name="default",
        priority=0,
        enqueued_at=timezone.now(),
    )


@pytest.mark.parametrize("new", sorted(moved.MOVED.values()))
def test_every_new_path_names_a_task(new):
    assert isinstance(import_string(new), Task)


@pytest.mark.django_db
def test_waiting_tasks_take_their_new_paths_and_finished_ones_keep_their_history():
    waiting = {old: queued(old) for old in moved.MOVED}
    running = queued("practice.tasks.send_due_digests", status="RUNNING")
    finished = queued("practice.tasks.notify_followers", status="SUCCESSFUL")
    unrelated = queued("search.tasks.something_else")

    moved.rename(moved.MOVED)(apps, None)

    for old, result in waiting.items():
        result.refresh_from_db()
        assert result.task_path == moved.MOVED[old]
    for result, path in [
        (running, "practice.following.tasks.send_due_digests"),
        (finished, "practice.tasks.notify_followers"),
        (unrelated, "search.tasks.something_else"),
    ]:
        result.refresh_from_db()
        assert result.task_path == path
