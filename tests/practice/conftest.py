"""Fixtures shared by the practice tests of more than one feature."""

import pytest

from practice import activity
from practice.models.choices import AccessLevel
from tests.factories import DiscussionIndexPageFactory


@pytest.fixture
def heard():
    """Record every activity signal sent while the test runs."""
    received = []

    def listen(signal_name):
        def receiver(sender, **kwargs):
            received.append((signal_name, kwargs))

        return receiver

    receivers = {name: listen(name) for name in ["thread_started", "reply_posted", "answer_accepted"]}
    for name, receiver in receivers.items():
        getattr(activity, name).connect(receiver, weak=False)
    yield received
    for name, receiver in receivers.items():
        getattr(activity, name).disconnect(receiver)


@pytest.fixture
def place(communities):
    """Each community with a discussions section, keyed by access level."""
    for level in communities.values():
        level["index"] = DiscussionIndexPageFactory(parent=level["community"])
    return communities


@pytest.fixture
def open_place(place):
    return place[AccessLevel.OPEN]
