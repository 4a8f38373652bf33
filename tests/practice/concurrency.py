"""Sending the same form from several clients at the same moment, as a member's double clicks and tabs do."""

import threading

import pytest

from django.db import connection
from django.test import Client

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite lets one writer in at a time; row locks need PostgreSQL"
)


def post_at_once(user, url, data, times=3):
    """Post the same data from `times` signed-in clients at once, each on a connection of its own; return answers.

    Given a list of users instead of one, each of them posts once.
    """
    users = list(user) if isinstance(user, list | tuple) else [user] * times
    times = len(users)
    clients = []
    for member in users:
        client = Client()
        client.force_login(member)
        clients.append(client)
    start, answers = threading.Barrier(times), [None] * times

    def send(number):
        try:
            start.wait(10)
            answers[number] = clients[number].post(url, data)
        finally:
            connection.close()

    workers = [threading.Thread(target=send, args=(number,)) for number in range(times)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    return answers
