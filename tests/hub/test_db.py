"""hub.db: a list of values sent as one parameter matches as `__in` does."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from hub.db import one_of


@pytest.mark.django_db
def test_one_of_matches_integers_and_strings_like_in():
    groups = [Group.objects.create(name=f"Group {number}") for number in range(5)]
    chosen = [groups[1].pk, groups[3].pk, 999_999]

    assert set(Group.objects.filter(one_of("pk", chosen))) == {groups[1], groups[3]}
    assert set(Group.objects.filter(one_of("name", ["Group 2", "Group 4", "O'Neill's"]))) == {groups[2], groups[4]}
    assert not Group.objects.filter(one_of("pk", [])).exists()


@pytest.mark.django_db
def test_one_of_follows_relations():
    group = Group.objects.create(name="Readers")
    reader = get_user_model().objects.create(username="reader@example.gov.uk")
    reader.groups.add(group)

    assert list(get_user_model().objects.filter(one_of("groups__name", ["Readers"]))) == [reader]
