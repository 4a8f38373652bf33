"""Discussions from the public site: starting, replying, editing, answers, closing and pinning."""

import datetime as dt
import re

import pytest

from django.contrib.auth.models import Group
from django.utils import timezone

from practice.communities.services import membership_join, membership_leave
from practice.discussions import services
from practice.models import DiscussionThreadPage, Reply
from practice.models.choices import AccessLevel, SecurityLevel, Visibility
from practice.moderation import rules as moderation
from practice.moderation.rules import REPEAT_WINDOW
from tests.factories import (
    MemberProfileFactory,
    ModerationWordFactory,
    TopicFactory,
    UserFactory,
)
from tests.practice.concurrency import post_at_once, postgresql_only
from tests.practice.discussions.helpers import fresh, reply_url, start, start_url
from tests.practice.querycounts import queries_to_render

pytestmark = pytest.mark.django_db

Status = DiscussionThreadPage.Status


@pytest.fixture(autouse=True)
def established_members(monkeypatch):
    """Count every member as having posted before: the first-post rule has its own tests
    (tests/practice/moderation/test_discussion_moderation.py), and would otherwise hold these members' first words
    back."""
    monkeypatch.setattr(moderation, "has_published_before", lambda author: True)


@pytest.fixture
def thread(open_place):
    """A live thread in the open community, started by its insider through the service."""
    return start(open_place, title="How do you caption live video?")


@pytest.fixture
def answered(open_place, thread):
    """The facilitator's reply to the thread, which its starter accepted as the answer."""
    answer = post_reply(thread, open_place["facilitator"])
    services.thread_accept_answer(thread=thread, reply=answer, by=open_place["insider"])
    return answer


def post_reply(thread, author, body="We tried it.", parent=None):
    return services.reply_post(thread=thread, author=author, body=body, parent=parent)


def thread_count():
    return DiscussionThreadPage.objects.count()


# Starting a thread


def test_a_member_starts_a_published_thread_with_topics(client, open_place, heard, django_capture_on_commit_callbacks):
    topic = TopicFactory(name="Accessibility")
    client.force_login(open_place["insider"])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            start_url(open_place),
            {
                "title": "Captions for live video?",
                "body": "We stream council meetings. **What works** for captions?",
                "topics": [topic.pk],
                "security_level": SecurityLevel.MEMBERS,
            },
        )

    thread = DiscussionThreadPage.objects.get(title="Captions for live video?")
    assert response.status_code == 302
    assert response["Location"] == thread.url
    assert thread.live
    assert thread.get_parent().pk == open_place["index"].pk
    assert thread.slug == "captions-for-live-video"
    assert thread.starter == thread.owner == open_place["insider"]
    assert thread.status == Status.OPEN
    assert list(thread.topics.all()) == [topic]
    assert thread.visibility == Visibility.MEMBERS
    assert thread.summary == "We stream council meetings. What works for captions?"
    assert thread.latest_revision.user == open_place["insider"]
    assert [(name, kwargs["thread"].pk, kwargs["by"]) for name, kwargs in heard] == [
        ("thread_started", thread.pk, open_place["insider"])
    ]
    page = client.get(thread.url).content.decode()
    assert "<strong>What works</strong>" in page


def test_the_same_title_twice_gets_a_slug_of_its_own(open_place):
    first = start(open_place, title="Alt text")
    second = start(open_place, title="Alt text", body="And for charts?")

    assert first.slug == "alt-text"
    assert second.slug != first.slug
    assert second.live


def test_threads_in_a_restricted_community_are_for_its_members_only(client, place):
    restricted = place[AccessLevel.RESTRICTED]
    client.force_login(restricted["insider"])

    form = client.get(start_url(restricted)).content.decode()
    client.post(start_url(restricted), {"title": "Rota", "body": "Who covers Friday?"})

    assert "Only members of Restricted community can read its discussions." in form
    thread = DiscussionThreadPage.objects.get(title="Rota")
    assert thread.security_level == SecurityLevel.COMMUNITY
    assert thread.visibility == Visibility.GROUPS


@pytest.mark.parametrize("who", ["facilitator", "editor"])
def test_facilitators_and_editors_start_threads_too(client, open_place, editor, who):
    client.force_login(editor if who == "editor" else open_place[who])

    response = client.post(start_url(open_place), {"title": "Welcome", "body": "Say hello."})

    assert response.status_code == 302
    assert DiscussionThreadPage.objects.filter(title="Welcome", live=True).exists()


@pytest.mark.parametrize("level", [AccessLevel.OPEN, AccessLevel.RESTRICTED])
def test_a_non_member_is_told_to_join_and_nothing_is_created(client, place, member, level):
    client.force_login(member)

    form = client.get(start_url(place[level]))
    response = client.post(start_url(place[level]), {"title": "Hello", "body": "Can I post?"})

    assert form.status_code == response.status_code == 403
    content = response.content.decode()
    assert f"Join {place[level]['community'].title} to take part" in content
    assert f'action="/membership/{place[level]["community"].pk}/join/"' in content
    assert thread_count() == 0


def test_a_member_who_left_can_no_longer_start_threads(client, open_place):
    membership_leave(community=open_place["community"], member=open_place["insider"])
    client.force_login(open_place["insider"])

    assert client.post(start_url(open_place), {"title": "Hello", "body": "Still here?"}).status_code == 403
    assert thread_count() == 0


def test_a_private_communitys_discussions_stay_hidden_from_outsiders(client, place, member):
    private = place[AccessLevel.PRIVATE]
    client.force_login(member)

    assert client.get(start_url(private)).status_code == 404
    assert client.post(start_url(private), {"title": "Hello", "body": "Anyone?"}).status_code == 404
    assert thread_count() == 0

    client.force_login(private["insider"])
    assert client.get(start_url(private)).status_code == 200


def test_signing_in_comes_before_starting(client, open_place):
    response = client.post(start_url(open_place), {"title": "Hello", "body": "Anyone?"})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")
    assert thread_count() == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Enter a title for your discussion"),
        ({"body": "No title"}, "Enter a title for your discussion"),
        ({"title": "   ", "body": "Blank title"}, "Enter a title for your discussion"),
        ({"title": "x" * 151, "body": "Long title"}, "Title must be 150 characters or fewer"),
        ({"title": "No body"}, "Enter your message"),
        ({"title": "Long body", "body": "x" * 10_001}, "Your message must be 10,000 characters or fewer"),
        ({"title": "Bad topic", "body": "Hi", "topics": ["999999"]}, "Choose topics from the list"),
        ({"title": "Bad topic", "body": "Hi", "topics": ["abc"]}, "Choose topics from the list"),
        ({"title": "Bad level", "body": "Hi", "security_level": "secret"}, "Choose who can read this discussion"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_creates_nothing(client, open_place, data, message):
    client.force_login(open_place["insider"])

    response = client.post(start_url(open_place), data)

    assert response.status_code == 400
    content = response.content.decode()
    assert "There is a problem" in content
    assert message in content
    assert thread_count() == 0


def test_a_security_level_more_open_than_the_community_allows_is_refused(client, place):
    restricted = place[AccessLevel.RESTRICTED]
    client.force_login(restricted["insider"])

    for level in [SecurityLevel.PUBLIC, SecurityLevel.MEMBERS]:
        response = client.post(start_url(restricted), {"title": "Open up", "body": "Hi", "security_level": level})
        assert response.status_code == 400
        assert "Choose who can read this discussion from the list" in response.content.decode()
    assert thread_count() == 0


def test_a_forged_community_id_is_not_found(client, place, member):
    open_place = place[AccessLevel.OPEN]
    client.force_login(open_place["insider"])

    for community_id in [999_999, open_place["index"].pk, "abc"]:
        response = client.post(f"/discussions/start/{community_id}/", {"title": "Hi", "body": "Hello"})
        assert response.status_code == 404
    assert thread_count() == 0


def test_a_community_without_discussions_has_nowhere_to_start_one(client, open_place):
    open_place["index"].unpublish()
    client.force_login(open_place["insider"])

    assert client.post(start_url(open_place), {"title": "Hi", "body": "Hello"}).status_code == 404
    assert thread_count() == 0


def test_a_thread_held_for_review_waits_as_a_draft_without_announcing_it(
    client, open_place, heard, settings, django_capture_on_commit_callbacks
):
    settings.HUB_COMMENT_MAX_LINKS = 2
    client.force_login(open_place["insider"])
    links = " ".join(f"[page {n}](https://example.org/{n})" for n in range(3))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(start_url(open_place), {"title": "Three links", "body": f"See {links}"}, follow=True)

    thread = DiscussionThreadPage.objects.get(title="Three links")
    assert not thread.live
    assert thread.held_reason == "3 links (more than 2)"
    assert "Your discussion is waiting for review" in response.content.decode()
    assert heard == []


def test_the_discussion_list_offers_members_a_way_to_start(client, open_place, member):
    url = open_place["index"].url
    client.force_login(open_place["insider"])
    assert f'href="{start_url(open_place)}">Start a discussion' in client.get(url).content.decode()

    client.force_login(member)
    content = client.get(url).content.decode()
    assert "Start a discussion" not in content
    assert "Join Open community</a> to take part" in content


# Replying


def test_a_member_replies_and_the_thread_counts_it(
    client, open_place, thread, heard, django_capture_on_commit_callbacks
):
    replier = open_place["facilitator"]
    client.force_login(replier)
    before = fresh(thread).last_activity_at

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reply_url(thread), {"body": "We use *live* captions."})

    reply = Reply.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{thread.url}#reply-{reply.pk}"
    assert (reply.thread_id, reply.parent_id, reply.author) == (thread.pk, None, replier)
    updated = fresh(thread)
    assert updated.reply_count == 1
    assert updated.last_activity_at == reply.created_at > before
    assert [(name, kwargs["reply"].pk, kwargs["thread"].pk, kwargs["by"]) for name, kwargs in heard] == [
        ("reply_posted", reply.pk, thread.pk, replier)
    ]
    assert "<em>live</em>" in client.get(thread.url).content.decode()


def test_reply_posted_is_announced_only_once_the_reply_is_committed(
    client, open_place, thread, heard, django_capture_on_commit_callbacks
):
    client.force_login(open_place["insider"])

    with django_capture_on_commit_callbacks() as callbacks:
        client.post(reply_url(thread), {"body": "Ours too."})
        assert heard == []

    for callback in callbacks:
        callback()
    assert [name for name, _ in heard] == ["reply_posted"]
    assert heard[0][1]["reply"] == Reply.objects.get()


def test_replies_nest_to_the_depth_set_in_settings_and_no_deeper(client, open_place, thread, settings):
    settings.HUB_REPLY_MAX_DEPTH = 3
    client.force_login(open_place["insider"])
    first = post_reply(thread, open_place["facilitator"])
    second = post_reply(thread, open_place["insider"], parent=first)

    form = client.get(reply_url(thread, second))
    response = client.post(reply_url(thread, second), {"body": "Third level"})
    third = Reply.objects.get(body="Third level")

    assert "You are replying to" in form.content.decode()
    assert response.status_code == 302
    assert third.parent == second
    assert fresh(thread).reply_count == 3

    too_deep = client.post(reply_url(thread, third), {"body": "Fourth level"})
    assert too_deep.status_code == 400
    assert "Reply to an earlier message instead" in too_deep.content.decode()
    assert not Reply.objects.filter(body="Fourth level").exists()
    assert fresh(thread).reply_count == 3

    page = client.get(thread.url).content.decode()
    assert f'href="{reply_url(thread, second)}"' in page
    assert f'href="{reply_url(thread, third)}"' not in page


def test_the_service_refuses_a_reply_deeper_than_allowed(open_place, thread, settings):
    settings.HUB_REPLY_MAX_DEPTH = 2
    first = post_reply(thread, open_place["facilitator"])
    second = post_reply(thread, open_place["insider"], parent=first)

    with pytest.raises(services.ValidationError):
        post_reply(thread, open_place["facilitator"], parent=second)
    assert Reply.objects.count() == 2


def test_no_replies_to_a_closed_thread(client, open_place, thread):
    reply = post_reply(thread, open_place["facilitator"])
    services.thread_close(thread=thread, by=open_place["facilitator"])
    client.force_login(open_place["insider"])

    for url in [reply_url(thread), reply_url(thread, reply)]:
        response = client.post(url, {"body": "Too late"})
        assert response.status_code == 403
        assert "closed to new replies" in response.content.decode()
    assert Reply.objects.count() == 1
    assert fresh(thread).reply_count == 1
    page = client.get(thread.url).content.decode()
    assert "This discussion is closed to new replies." in page
    assert 'action="/discussions/' not in page.split('id="reply-form"')[1]

    with pytest.raises(services.ValidationError):
        post_reply(thread, open_place["insider"])


def test_a_parent_from_another_thread_is_not_found(client, open_place, thread):
    elsewhere = start(open_place, title="Another question")
    stranger = post_reply(elsewhere, open_place["facilitator"])
    client.force_login(open_place["insider"])

    response = client.post(reply_url(thread, stranger), {"body": "Crossed wires"})

    assert response.status_code == 404
    assert not Reply.objects.filter(body="Crossed wires").exists()
    with pytest.raises(services.ValidationError):
        post_reply(thread, open_place["insider"], parent=stranger)


@pytest.mark.parametrize("thread_id", [999_999, "abc"])
def test_a_forged_thread_id_is_not_found(client, open_place, thread, thread_id):
    client.force_login(open_place["insider"])

    assert client.post(f"/discussions/{thread_id}/reply/", {"body": "Hello"}).status_code == 404
    assert not Reply.objects.exists()


def test_a_non_member_may_read_an_open_thread_but_not_reply(client, open_place, thread, member):
    client.force_login(member)

    page = client.get(thread.url).content.decode()
    response = client.post(reply_url(thread), {"body": "Drive-by"})

    assert "Only members of Open community can reply" in page
    assert response.status_code == 403
    assert "Join Open community to take part" in response.content.decode()
    assert not Reply.objects.exists()


@pytest.mark.parametrize("level", [AccessLevel.RESTRICTED, AccessLevel.PRIVATE])
def test_threads_the_reader_may_not_read_are_not_found(client, place, member, level):
    hidden = start(place[level], title="Members only")
    reply = post_reply(hidden, place[level]["facilitator"])
    client.force_login(member)

    for url in [reply_url(hidden), reply_url(hidden, reply)]:
        assert client.post(url, {"body": "Let me in"}).status_code == 404
    assert Reply.objects.count() == 1


def test_a_reply_needs_text_and_no_more_than_the_limit(client, open_place, thread):
    client.force_login(open_place["insider"])

    for data, message in [
        ({}, "Enter your reply"),
        ({"body": "  "}, "Enter your reply"),
        ({"body": "x" * 10_001}, "Your reply must be 10,000 characters or fewer"),
    ]:
        response = client.post(reply_url(thread), data)
        assert response.status_code == 400
        assert "There is a problem" in response.content.decode()
        assert message in response.content.decode()
    assert not Reply.objects.exists()
    assert fresh(thread).reply_count == 0


def test_replies_need_a_post(client, open_place, thread):
    client.force_login(open_place["insider"])
    reply = post_reply(thread, open_place["facilitator"])

    for url in [f"/discussions/{thread.pk}/answer/{reply.pk}/", f"/discussions/{thread.pk}/close/"]:
        assert client.get(url).status_code == 405
    assert fresh(thread).status == Status.OPEN


# Editing


def test_the_author_edits_their_reply_while_the_window_is_open(client, open_place, thread, settings):
    settings.HUB_EDIT_WINDOW_MINUTES = 30
    reply = post_reply(thread, open_place["facilitator"], body="First try")
    Reply.objects.filter(pk=reply.pk).update(created_at=timezone.now() - dt.timedelta(minutes=29))
    client.force_login(open_place["facilitator"])

    assert f'href="/discussions/replies/{reply.pk}/edit/"' in client.get(thread.url).content.decode()
    response = client.post(f"/discussions/replies/{reply.pk}/edit/", {"body": "Second try"})

    reply.refresh_from_db()
    assert response.status_code == 302
    assert reply.body == "Second try"
    assert reply.edited_at is not None
    assert "edited" in client.get(thread.url).content.decode().split(f'id="reply-{reply.pk}"')[1]


def test_a_reply_cannot_be_edited_after_the_window_or_by_others(client, open_place, thread, settings, member):
    settings.HUB_EDIT_WINDOW_MINUTES = 30
    reply = post_reply(thread, open_place["facilitator"], body="As written")
    url = f"/discussions/replies/{reply.pk}/edit/"

    for someone in [open_place["insider"], member]:
        client.force_login(someone)
        assert client.post(url, {"body": "Rewritten"}).status_code == 403

    Reply.objects.filter(pk=reply.pk).update(created_at=timezone.now() - dt.timedelta(minutes=31))
    client.force_login(open_place["facilitator"])
    response = client.post(url, {"body": "Rewritten"})
    assert response.status_code == 403
    assert "in the first 30 minutes" in response.content.decode()
    assert f'href="{url}"' not in client.get(thread.url).content.decode()

    reply.refresh_from_db()
    assert (reply.body, reply.edited_at) == ("As written", None)


def test_an_edit_needs_text(client, open_place, thread):
    reply = post_reply(thread, open_place["facilitator"], body="As written")
    client.force_login(open_place["facilitator"])

    response = client.post(f"/discussions/replies/{reply.pk}/edit/", {"body": ""})

    assert response.status_code == 400
    reply.refresh_from_db()
    assert reply.body == "As written"


def test_a_missing_reply_is_not_found(client, open_place):
    client.force_login(open_place["insider"])
    assert client.post("/discussions/replies/999999/edit/", {"body": "x"}).status_code == 404


def test_the_starter_edits_the_threads_message_as_a_new_revision(client, open_place, thread):
    client.force_login(open_place["insider"])
    revisions = thread.revisions.count()

    response = client.post(f"/discussions/{thread.pk}/edit/", {"body": "Clearer question"})

    updated = fresh(thread)
    assert response.status_code == 302
    assert updated.body == "Clearer question"
    assert updated.edited_at is not None
    assert updated.revisions.count() == revisions + 1
    assert "edited" in client.get(thread.url).content.decode()


def test_the_threads_message_is_frozen_after_the_window_for_others_and_when_closed(client, open_place, thread):
    url = f"/discussions/{thread.pk}/edit/"
    client.force_login(open_place["facilitator"])
    assert client.post(url, {"body": "Not mine"}).status_code == 403

    client.force_login(open_place["insider"])
    DiscussionThreadPage.objects.filter(pk=thread.pk).update(
        first_published_at=timezone.now() - dt.timedelta(minutes=31)
    )
    assert client.post(url, {"body": "Too late"}).status_code == 403

    DiscussionThreadPage.objects.filter(pk=thread.pk).update(first_published_at=timezone.now(), status=Status.CLOSED)
    assert client.post(url, {"body": "Closed"}).status_code == 403
    assert fresh(thread).body == "Has anyone tried this?"


# Answers


def answer_url(thread, reply):
    return f"/discussions/{thread.pk}/answer/{reply.pk}/"


@pytest.mark.parametrize("who", ["insider", "facilitator", "editor"])
def test_the_starter_facilitators_and_editors_accept_an_answer(
    client, open_place, thread, editor, heard, django_capture_on_commit_callbacks, who
):
    answer = post_reply(thread, open_place["facilitator"], body="Use the built-in captions.")
    by = editor if who == "editor" else open_place[who]
    client.force_login(by)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(answer_url(thread, answer))

    updated = fresh(thread)
    assert response.status_code == 302
    assert (updated.status, updated.accepted_reply) == (Status.ANSWERED, answer)
    assert [(name, kwargs["reply"], kwargs["by"]) for name, kwargs in heard if name == "answer_accepted"] == [
        ("answer_accepted", answer, by)
    ]
    page = client.get(thread.url).content.decode()
    accepted = page.split(f'id="reply-{answer.pk}"')[1]
    assert "Accepted answer" in accepted.split("</article>")[0]
    assert 'class="hub-reply hub-reply--accepted"' in page


def test_other_members_cannot_accept_an_answer(client, open_place, thread, member):
    answer = post_reply(thread, open_place["facilitator"])
    other = UserFactory()
    membership_join(community=open_place["community"], member=other)

    for someone in [other, member]:
        client.force_login(someone)
        assert client.post(answer_url(thread, answer)).status_code == 403
        assert "Mark as the accepted answer" not in client.get(thread.url).content.decode()
    assert fresh(thread).status == Status.OPEN
    assert fresh(thread).accepted_reply is None


def test_an_answer_from_another_thread_is_not_found(client, open_place, thread):
    elsewhere = post_reply(start(open_place, title="Elsewhere"), open_place["facilitator"])
    client.force_login(open_place["insider"])

    assert client.post(answer_url(thread, elsewhere)).status_code == 404
    assert fresh(thread).accepted_reply is None


def test_the_starter_takes_the_answer_back(client, open_place, thread, answered):
    client.force_login(open_place["insider"])

    response = client.post(f"/discussions/{thread.pk}/answer/clear/")

    updated = fresh(thread)
    assert response.status_code == 302
    assert (updated.status, updated.accepted_reply) == (Status.OPEN, None)


def test_no_answer_is_chosen_in_a_closed_thread(client, open_place, thread):
    answer = post_reply(thread, open_place["facilitator"])
    services.thread_close(thread=thread, by=open_place["facilitator"])
    client.force_login(open_place["insider"])

    assert client.post(answer_url(thread, answer)).status_code == 400
    assert fresh(thread).accepted_reply is None


# Closing and pinning


def test_a_facilitator_closes_and_reopens_a_thread(client, open_place, thread, answered):
    client.force_login(open_place["facilitator"])

    client.post(f"/discussions/{thread.pk}/close/")
    assert fresh(thread).status == Status.CLOSED
    assert fresh(thread).latest_revision.as_object().status == Status.CLOSED

    client.post(f"/discussions/{thread.pk}/reopen/")
    assert fresh(thread).status == Status.ANSWERED


def test_a_facilitator_pins_a_thread_to_the_top(client, open_place, thread):
    later = start(open_place, title="Newer question")
    client.force_login(open_place["facilitator"])

    client.post(f"/discussions/{thread.pk}/pin/")
    listing = client.get(open_place["index"].url).content.decode()
    assert listing.index(thread.title) < listing.index(later.title)

    client.post(f"/discussions/{thread.pk}/unpin/")
    assert not fresh(thread).pinned


@pytest.mark.parametrize("action", ["close", "pin"])
def test_only_facilitators_close_or_pin(client, open_place, thread, member, action):
    for someone in [open_place["insider"], member]:
        client.force_login(someone)
        response = client.post(f"/discussions/{thread.pk}/{action}/")
        assert response.status_code == 403
        assert "Facilitator actions" not in client.get(thread.url).content.decode()
    updated = fresh(thread)
    assert (updated.status, updated.pinned) == (Status.OPEN, False)


def test_a_facilitator_of_another_community_cannot_close(client, place):
    thread = start(place[AccessLevel.OPEN])
    client.force_login(place[AccessLevel.RESTRICTED]["facilitator"])

    assert client.post(f"/discussions/{thread.pk}/close/").status_code == 403
    assert fresh(thread).status == Status.OPEN


def test_publishing_an_older_revision_keeps_the_live_reply_count(open_place, thread):
    post_reply(thread, open_place["facilitator"])
    post_reply(thread, open_place["facilitator"], body="And it kept working.")

    fresh(thread).revisions.order_by("created_at").first().publish(skip_permission_checks=True)

    assert fresh(thread).reply_count == 2


# The thread page


def test_replies_nest_in_lists_with_headings_a_level_deeper(client, open_place, thread):
    first = post_reply(thread, open_place["facilitator"], body="Top")
    second = post_reply(thread, open_place["insider"], body="Middle", parent=first)
    post_reply(thread, open_place["facilitator"], body="Bottom", parent=second)

    page = client.get(thread.url).content.decode()
    nested = page[page.index('<ol class="hub-replies">') :]

    assert nested.count('<ol class="hub-replies">') == 3
    assert re.search(rf'<h3 class="govuk-heading-s hub-reply__author" id="reply-{first.pk}-author"', nested)
    assert re.search(rf'<h4 class="govuk-heading-s hub-reply__author" id="reply-{second.pk}-author"', nested)
    assert "3 replies" in page


def test_the_thread_pages_queries_do_not_grow_with_the_replies(client, open_place, thread):
    authors = [MemberProfileFactory().user for _ in range(10)]
    client.force_login(open_place["facilitator"])

    post_reply(thread, authors[0])
    few = queries_to_render(client, thread.url)

    parents = []
    for number in range(199):
        parent = parents[number // 3] if number > 3 and parents[number // 3].parent_id is None else None
        parents.append(post_reply(thread, authors[number % len(authors)], body=f"Reply {number}", parent=parent))
    many = queries_to_render(client, thread.url)

    assert Reply.objects.filter(thread=thread).count() == 200
    assert Reply.objects.filter(thread=thread, parent__isnull=False).exists()
    assert many == few


def test_replies_name_their_authors_as_they_choose(client, open_place, thread):
    public = MemberProfileFactory(display_name="Priya Shah").user
    private = MemberProfileFactory(display_name="Quiet Person", is_public=False).user
    for author, body in [(public, "Named"), (private, "Unlinked"), (UserFactory(), "No profile"), (None, "Gone")]:
        post_reply(thread, author, body=body)

    page = client.get(thread.url).content.decode()

    assert f'href="{public.profile.get_absolute_url()}">Priya Shah</a>' in page
    assert "Quiet Person" in page
    assert private.profile.get_absolute_url() not in page
    assert "A member" in page
    assert "A former member" in page


def test_a_hub_editor_outside_the_community_may_reply(client, place, editor):
    restricted = place[AccessLevel.RESTRICTED]
    thread = start(restricted)
    assert editor.groups.filter(pk=Group.objects.get(name="Editors").pk).exists()
    client.force_login(editor)

    assert client.post(reply_url(thread), {"body": "From the editors"}).status_code == 302
    assert Reply.objects.filter(author=editor).exists()


# The same message sent twice (a double click, a form sent again from another tab) is posted once


@pytest.mark.parametrize("held", [False, True], ids=["published", "held"])
def test_a_thread_started_twice_is_started_once(client, open_place, held, heard, django_capture_on_commit_callbacks):
    if held:
        ModerationWordFactory(word="captions")
    client.force_login(open_place["insider"])
    data = {"title": "Live captions?", "body": "What works for captions?", "security_level": SecurityLevel.PUBLIC}

    with django_capture_on_commit_callbacks(execute=True):
        first, second = client.post(start_url(open_place), data), client.post(start_url(open_place), data)

    thread = DiscussionThreadPage.objects.get()
    assert thread.live != held
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert [name for name, _ in heard] == ([] if held else ["thread_started"])


def test_a_reply_sent_twice_is_posted_and_counted_once(
    client, open_place, thread, heard, django_capture_on_commit_callbacks
):
    client.force_login(open_place["facilitator"])

    with django_capture_on_commit_callbacks(execute=True):
        first, second = (client.post(reply_url(thread), {"body": "Ours too."}) for _ in range(2))

    reply = Reply.objects.get()
    assert first["Location"] == second["Location"] == f"{thread.url}#reply-{reply.pk}"
    assert fresh(thread).reply_count == 1
    assert [name for name, _ in heard] == ["reply_posted"]


def test_the_same_words_elsewhere_by_someone_else_or_later_are_posted_again(place, open_place, thread):
    insider, facilitator = open_place["insider"], open_place["facilitator"]
    long_ago = timezone.now() - REPEAT_WINDOW - dt.timedelta(seconds=1)
    first = post_reply(thread, insider, "Ours too.")
    post_reply(thread, insider, "Ours too.", parent=first)
    post_reply(thread, facilitator, "Ours too.")
    Reply.objects.filter(pk=first.pk).update(created_at=long_ago)
    post_reply(thread, insider, "Ours too.")

    assert Reply.objects.filter(body="Ours too.").count() == 4

    started = start(open_place, title="Alt text")
    start(open_place, title="Alt text", author=facilitator)
    start(place[AccessLevel.RESTRICTED], title="Alt text", author=insider)
    DiscussionThreadPage.objects.filter(pk=started.pk).update(first_published_at=long_ago)
    start(open_place, title="Alt text")

    assert DiscussionThreadPage.objects.filter(title="Alt text").count() == 4


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_thread_and_reply_sent_at_once_are_posted_once(open_place):
    insider = open_place["insider"]
    data = {"title": "Live captions?", "body": "What works for captions?", "security_level": SecurityLevel.PUBLIC}

    started = post_at_once(insider, start_url(open_place), data)

    thread = DiscussionThreadPage.objects.get()
    assert [answer.status_code for answer in started] == [302, 302, 302]
    assert {answer["Location"] for answer in started} == {thread.url}

    replied = post_at_once(insider, reply_url(thread), {"body": "Ours too."})

    reply = Reply.objects.get()
    assert {answer["Location"] for answer in replied} == {f"{thread.url}#reply-{reply.pk}"}
    assert fresh(thread).reply_count == 1


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_members_starting_threads_with_the_same_title_at_once_each_get_their_own(open_place, member):
    community = open_place["community"]
    membership_join(community=community, member=member)
    data = {"title": "Live captions?", "body": "What works for captions?", "security_level": SecurityLevel.PUBLIC}

    started = post_at_once([open_place["insider"], member, open_place["facilitator"]], start_url(open_place), data)

    assert [answer.status_code for answer in started] == [302, 302, 302]
    threads = DiscussionThreadPage.objects.order_by("pk")
    assert len({thread.slug for thread in threads}) == 3
    assert {thread.starter for thread in threads} == {open_place["insider"], member, open_place["facilitator"]}
