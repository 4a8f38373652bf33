import elastic_transport
import pytest

from practice.models.choices import AccessLevel, SecurityLevel
from search.models import SynonymSet
from tests.factories import (
    AudienceRoleFactory,
    BlogIndexPageFactory,
    BlogPostPageFactory,
    DiscussionIndexPageFactory,
    DiscussionThreadPageFactory,
    MemberProfileFactory,
    ReplyFactory,
    TopicFactory,
)

SECRET = "Quillwort"  # a word that only restricted, private and members-only material uses


def make_engine_unreachable(monkeypatch, module):
    """Have `module` find its default search backend down, as a cluster that cannot be reached; others answer."""
    real = module.get_search_backend

    class Unreachable:
        def search(self, *args, **kwargs):
            raise elastic_transport.ConnectionError("connection refused")

    monkeypatch.setattr(
        module, "get_search_backend", lambda alias="default": Unreachable() if alias == "default" else real()
    )


@pytest.fixture
def no_thesaurus(db):
    """Start with no synonyms at all: the thesaurus migration search 0013 loads is removed, as an editor may."""
    SynonymSet.objects.all().delete()


@pytest.fixture
def vocabulary(db):
    return {
        "inclusion": TopicFactory(name="Digital inclusion", slug="digital-inclusion"),
        "social": TopicFactory(name="Social media", slug="social-media"),
        "covert": TopicFactory(name="Quillwort covert topic", slug="quillwort-covert"),
        "comms": AudienceRoleFactory(name="Comms officer", slug="comms-officer"),
        "councillor": AudienceRoleFactory(name="Councillor", slug="councillor"),
    }


@pytest.fixture
def hidden(communities, vocabulary, django_capture_on_commit_callbacks):
    """Material in a restricted and a private community and at Members level, all saying SECRET."""
    restricted = communities[AccessLevel.RESTRICTED]["community"]
    private = communities[AccessLevel.PRIVATE]["community"]
    open_blog = BlogIndexPageFactory(parent=communities[AccessLevel.OPEN]["community"])
    pages = {
        "restricted": BlogPostPageFactory(
            parent=BlogIndexPageFactory(parent=restricted),
            title=f"{SECRET} restricted plan",
            summary=f"{SECRET} notes.",
        ),
        "private": BlogPostPageFactory(
            parent=BlogIndexPageFactory(parent=private), title=f"{SECRET} private plan", summary=f"{SECRET} notes."
        ),
        "private_thread": DiscussionThreadPageFactory(
            parent=DiscussionIndexPageFactory(parent=private), title=f"{SECRET} private question", body=SECRET
        ),
        "members": BlogPostPageFactory(
            parent=open_blog,
            title=f"{SECRET} members plan",
            summary=f"{SECRET} notes.",
            security_level=SecurityLevel.MEMBERS,
        ),
    }
    # Topics are written after the page row, so the index sees them once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        for page in pages.values():
            page.topics.add(vocabulary["covert"])
            page.save_revision().publish()
    return pages


@pytest.fixture
def library(communities, vocabulary, django_capture_on_commit_callbacks):
    """Public material about storms and inclusion in the open community."""
    open_community = communities[AccessLevel.OPEN]["community"]
    blog = BlogIndexPageFactory(parent=open_community)
    discussions = DiscussionIndexPageFactory(parent=open_community)
    pages = {
        "title_match": BlogPostPageFactory(
            parent=blog, title="Storm warnings on social media", summary="How we ran a winter of warnings."
        ),
        "body_match": BlogPostPageFactory(
            parent=blog, title="A year of council updates", summary="Everything from bins to the storm in March."
        ),
        "inclusion": BlogPostPageFactory(
            parent=blog, title="Libraries helping people online", summary="Helping residents get online at libraries."
        ),
        "libraries_comms": BlogPostPageFactory(
            parent=blog, title="Libraries on social media", summary="What our libraries post and why."
        ),
        "thread": DiscussionThreadPageFactory(
            parent=discussions, title="Which tool for scheduling posts?", body="Looking for something cheap."
        ),
    }
    pages["inclusion"].topics.add(vocabulary["inclusion"])
    pages["libraries_comms"].topics.add(vocabulary["social"])
    pages["libraries_comms"].audiences.add(vocabulary["comms"])
    pages["title_match"].topics.add(vocabulary["social"])
    with django_capture_on_commit_callbacks(execute=True):  # topics and replies are indexed after commit
        for page in pages.values():
            page.save_revision().publish()
        ReplyFactory(thread=pages["thread"], body="We use Hootsuite and it copes with the council's many accounts.")
    return pages


@pytest.fixture
def interested_member(db, vocabulary):
    profile = MemberProfileFactory(user__username="ina.interest@example.gov.uk", role=vocabulary["comms"])
    profile.interests.add(vocabulary["inclusion"])
    return profile.user
