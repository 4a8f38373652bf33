import pytest

from django.core.cache import cache

from practice.communities.services import membership_join
from practice.models import Membership
from practice.models.choices import AccessLevel
from tests.factories import CommunityPageFactory, MemberProfileFactory, UserFactory


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Keep the browser tests on one pytest-xdist worker, so they share one hub server and one Chromium."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture(autouse=True)
def fresh_cache():
    """Start each test with an empty cache, so rate-limit counts and cached pages never carry over."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Keep each test's uploads (images, documents, the demo's charts) in a folder of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def member(db):
    """A signed-in practitioner with a profile, in no community."""
    return MemberProfileFactory(user__username="sam.reader@northmoor.gov.uk").user


@pytest.fixture
def editor(db):
    """Hub staff: a member of Wagtail's Editors group."""
    return UserFactory(username="eddie.editor@practicehub.example", groups=["Editors"])


@pytest.fixture
def superuser(db):
    return UserFactory(username="root@practicehub.example", is_superuser=True, is_staff=True)


@pytest.fixture
def communities(db):
    """One community of each access level, each with one community member and one facilitator."""
    built = {}
    for level in AccessLevel:
        community = CommunityPageFactory(title=f"{level.label.split(':')[0]} community", access_level=level)
        insider = UserFactory(username=f"insider-{level}@example.gov.uk")
        facilitator = UserFactory(username=f"facilitator-{level}@example.gov.uk")
        membership_join(community=community, member=insider)
        membership_join(community=community, member=facilitator, role=Membership.Role.FACILITATOR)
        built[level] = {"community": community, "insider": insider, "facilitator": facilitator}
    return built
