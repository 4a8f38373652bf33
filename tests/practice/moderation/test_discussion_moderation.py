"""Moderation of discussions: held replies and threads, what others see of them, and the shared review queue."""

import datetime as dt

import pytest
from django_comments_xtd.models import XtdComment

from django.core import mail
from django.utils import timezone

from practice.communities.services import membership_join
from practice.discussions import services
from practice.following.services import follow_create
from practice.models import CommentHold, DiscussionThreadPage, Membership, Notification, Reply
from practice.models.choices import AccessLevel
from practice.moderation.rules import moderation_verdict
from tests.factories import (
    BlogIndexPageFactory,
    BlogPostPageFactory,
    CommentHoldFactory,
    MemberProfileFactory,
    ModerationWordFactory,
    ReplyFactory,
)
from tests.practice.discussions.helpers import fresh, reply_url, start, start_url
from tests.practice.querycounts import queries_to_render

pytestmark = pytest.mark.django_db

QUEUE_URL = "/admin/comments/review/"


@pytest.fixture
def place(place):
    """Each community with a discussions section and a live thread its facilitator started, keyed by access level."""
    for level in place.values():
        level["thread"] = start(level, author=level["facilitator"], title=f"Tips from {level['community'].title}")
    return place


@pytest.fixture
def thread(open_place):
    return open_place["thread"]


@pytest.fixture
def newcomer(open_place):
    """The open community's member, who has never posted anything."""
    return open_place["insider"]


def held_comment(page, user, text):
    """Put a comment on the page that the moderation rules held back."""
    hold = CommentHoldFactory(
        comment__page=page, comment__user=user, comment__user_name=user.get_username()[:50], comment__comment=text
    )
    return hold.comment


def queue_html(client):
    response = client.get(QUEUE_URL)
    assert response.status_code == 200
    return response.content.decode()


# Held replies


def test_a_new_members_first_reply_is_held_uncounted_unannounced_and_shown_only_to_them(
    client, open_place, thread, newcomer, heard, django_capture_on_commit_callbacks
):
    before = fresh(thread)
    client.force_login(newcomer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reply_url(thread), {"body": "My very first words"}, follow=True)

    reply = Reply.objects.get(author=newcomer)
    assert reply.held_reason == "First reply from this member"
    assert reply.held_at is not None
    after = fresh(thread)
    assert (after.reply_count, after.last_activity_at) == (0, before.last_activity_at)
    assert heard == []
    assert "My very first words" not in after.reply_text()
    own_view = response.content.decode()
    assert "Others will see your reply once a moderator has checked it" in own_view
    assert "My very first words" in own_view and "Awaiting review" in own_view
    assert "0 replies" in own_view

    client.force_login(open_place["facilitator"])
    assert "My very first words" not in client.get(thread.url).content.decode()
    client.logout()
    assert "My very first words" not in client.get(thread.url).content.decode()


def test_link_heavy_and_watched_word_replies_are_held_with_their_reasons(client, thread, newcomer, settings):
    settings.HUB_COMMENT_MAX_LINKS = 1
    ModerationWordFactory(word="crypto giveaway")
    ReplyFactory(thread=thread, author=newcomer, body="An earlier, approved reply")
    client.force_login(newcomer)

    client.post(reply_url(thread), {"body": "See [one](https://a.example) and [two](https://b.example)"})
    client.post(reply_url(thread), {"body": "Join our Crypto Giveaway"})
    client.post(reply_url(thread), {"body": "A plain answer"})

    assert dict(Reply.objects.held().values_list("body", "held_reason")) == {
        "See [one](https://a.example) and [two](https://b.example)": "2 links (more than 1)",
        "Join our Crypto Giveaway": "Contains “crypto giveaway”",
    }
    assert Reply.objects.published().filter(body="A plain answer").exists()


def test_a_published_comment_reply_or_thread_counts_as_having_posted_before(open_place, thread, newcomer, member):
    assert moderation_verdict(author=newcomer, text="Hello", kind="reply").reasons == ["First reply from this member"]

    ReplyFactory(thread=thread, author=newcomer, held_reason="First reply from this member")
    assert moderation_verdict(author=newcomer, text="Hello").hold  # a held reply is not published

    Reply.objects.filter(author=newcomer).update(held_reason="")
    assert not moderation_verdict(author=newcomer, text="Hello").hold

    page = BlogPostPageFactory(parent=BlogIndexPageFactory(parent=open_place["community"]))
    comment = held_comment(page, member, "Hi")
    assert moderation_verdict(author=member, text="Hello").hold
    XtdComment.objects.filter(pk=comment.pk).update(is_public=True)
    assert not moderation_verdict(author=member, text="Hello").hold


def test_facilitators_in_their_own_community_meet_only_the_word_list(place):
    open_side, restricted_side = place[AccessLevel.OPEN], place[AccessLevel.RESTRICTED]
    facilitator = MemberProfileFactory().user
    community = open_side["community"]
    membership_join(community=community, member=facilitator, role=Membership.Role.FACILITATOR)
    ModerationWordFactory(word="spam")
    links = " ".join(f"[{n}](https://example.org/{n})" for n in range(10))

    assert not moderation_verdict(author=facilitator, text=links, community=community).hold
    assert moderation_verdict(author=facilitator, text="spam", community=community).reason == "Contains “spam”"
    elsewhere = moderation_verdict(author=facilitator, text="Hello", community=restricted_side["community"])
    assert elsewhere.reasons == ["First comment from this member"]


def test_nobody_replies_to_or_accepts_a_held_reply(client, open_place, thread, newcomer):
    held = ReplyFactory(thread=thread, author=newcomer, held_reason="First reply from this member")
    client.force_login(open_place["facilitator"])

    assert client.post(reply_url(thread, held), {"body": "Answering"}).status_code == 404
    assert client.post(f"/discussions/{thread.pk}/answer/{held.pk}/").status_code == 404
    client.force_login(newcomer)
    assert client.post(reply_url(thread, held), {"body": "Adding to my own"}).status_code == 404
    assert Reply.objects.count() == 1
    assert fresh(thread).accepted_reply is None
    with pytest.raises(services.ValidationError):
        services.reply_post(thread=thread, author=open_place["facilitator"], body="Sneaky", parent=held)
    with pytest.raises(services.ValidationError):
        services.thread_accept_answer(thread=thread, reply=held, by=open_place["facilitator"])


# Held threads


def test_a_new_members_thread_waits_as_a_draft_with_a_confirmation_only_they_see(
    client, open_place, newcomer, member, heard, django_capture_on_commit_callbacks
):
    client.force_login(newcomer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(start_url(open_place), {"title": "My first question", "body": "Is this **ok**?"})

    thread = DiscussionThreadPage.objects.get(title="My first question")
    assert response.status_code == 302
    assert response["Location"] == f"/discussions/{thread.pk}/waiting/"
    assert not thread.live and thread.first_published_at is None
    assert thread.held_reason == "First discussion from this member"
    assert thread.latest_revision.user == newcomer
    assert heard == []
    waiting = client.get(response["Location"])
    html = waiting.content.decode()
    assert waiting.status_code == 200
    assert "Your discussion is waiting for review" in html
    assert "My first question" in html and "<strong>ok</strong>" in html
    assert "My first question" not in client.get(open_place["index"].url).content.decode()

    for someone in (open_place["facilitator"], member):
        client.force_login(someone)
        assert client.get(f"/discussions/{thread.pk}/waiting/").status_code == 404
        assert client.post(reply_url(thread), {"body": "Early"}).status_code == 404
    assert not Reply.objects.exists()


def test_thread_edits_that_would_be_held_are_refused_and_the_live_message_kept(client, open_place, thread):
    ModerationWordFactory(word="spam")
    client.force_login(open_place["facilitator"])

    response = client.post(f"/discussions/{thread.pk}/edit/", {"body": "Now with spam"})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Your changes were not saved" in html and "Contains “spam”" in html
    assert fresh(thread).body == "Has anyone tried this?"
    assert fresh(thread).edited_at is None
    assert client.post(f"/discussions/{thread.pk}/edit/", {"body": "Now with ham"}).status_code == 302
    assert fresh(thread).body == "Now with ham"


def test_reply_edits_that_would_be_held_are_refused_and_held_replies_stay_held(client, thread, newcomer):
    ModerationWordFactory(word="spam")
    published = ReplyFactory(thread=thread, author=newcomer, body="Fine words", created_at=timezone.now())
    held = ReplyFactory(
        thread=thread,
        author=newcomer,
        body="First try",
        created_at=timezone.now(),
        held_reason="First reply from this member",
        held_at=timezone.now(),
    )
    client.force_login(newcomer)

    refused = client.post(f"/discussions/replies/{published.pk}/edit/", {"body": "Fine spam"})
    kept_held = client.post(f"/discussions/replies/{held.pk}/edit/", {"body": "Second try, spam"})

    assert refused.status_code == 400
    assert "Contains “spam”" in refused.content.decode()
    published.refresh_from_db()
    held.refresh_from_db()
    assert (published.body, published.is_held) == ("Fine words", False)
    assert kept_held.status_code == 302
    assert (held.body, held.held_reason) == ("Second try, spam", "Contains “spam”")


# The queue


@pytest.fixture
def waiting(place):
    """One held comment, reply and thread in the open community, and one of each in the restricted one."""
    made = {}
    for level in (AccessLevel.OPEN, AccessLevel.RESTRICTED):
        side = place[level]
        name = side["community"].title
        page = BlogPostPageFactory(parent=BlogIndexPageFactory(parent=side["community"]))
        made[level] = {
            "comment": held_comment(page, side["insider"], f"Comment in {name}"),
            "reply": services.reply_post(thread=side["thread"], author=side["insider"], body=f"Reply in {name}"),
            "thread": start(side, author=MemberProfileFactory().user, title=f"Thread in {name}"),
        }
    return made


def test_the_queue_lists_comments_replies_and_threads_for_editors_and_facilitators_their_own(
    client, place, waiting, editor
):
    client.force_login(editor)
    html = queue_html(client)
    for name in ("Open community", "Restricted community"):
        for what in ("Comment", "Reply", "Thread"):
            assert f"{what} in {name}" in html
    assert "6 items waiting" in html
    assert html.count(">New discussion</td>") == 2 and html.count(">Reply</td>") == 2

    client.force_login(place[AccessLevel.OPEN]["facilitator"])
    html = queue_html(client)
    assert "3 items waiting" in html
    assert "Reply in Open community" in html and "First reply from this member" in html
    assert "Thread in Open community" in html and "First discussion from this member" in html
    assert "Restricted community" not in html
    thread = place[AccessLevel.OPEN]["thread"]
    assert f'href="{thread.url}#reply-{waiting[AccessLevel.OPEN]["reply"].pk}"' in html

    client.force_login(place[AccessLevel.OPEN]["insider"])
    assert client.get(QUEUE_URL).status_code in (302, 403)


def test_approving_a_reply_counts_it_and_tells_followers_after_the_commit(
    client, open_place, thread, waiting, member, heard, django_capture_on_commit_callbacks
):
    reply = waiting[AccessLevel.OPEN]["reply"]
    follower = MemberProfileFactory().user
    follow_create(follower=follower, page=thread)
    before = fresh(thread).last_activity_at
    client.force_login(open_place["facilitator"])

    assert client.get(f"/admin/comments/review/replies/{reply.pk}/approve/").status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/comments/review/replies/{reply.pk}/approve/")
        assert heard == []  # not before the commit

    assert response.status_code == 302
    reply.refresh_from_db()
    assert not reply.is_held and reply.held_at is None
    updated = fresh(thread)
    assert updated.reply_count == 1 and updated.last_activity_at > before
    assert "Reply in Open community" in updated.reply_text()
    assert [(name, kwargs["reply"].pk, kwargs["by"]) for name, kwargs in heard] == [
        ("reply_posted", reply.pk, open_place["insider"])
    ]
    assert Notification.objects.filter(recipient=follower, verb=Notification.Verb.REPLIED, reply=reply).exists()
    client.logout()
    assert "Reply in Open community" in client.get(thread.url).content.decode()
    # Now published, the member's next words go straight up.
    assert not services.reply_post(thread=thread, author=open_place["insider"], body="Again").is_held


def test_removing_a_reply_deletes_it_and_leaves_the_thread_as_it_was(client, open_place, thread, waiting, heard):
    reply = waiting[AccessLevel.OPEN]["reply"]
    before = fresh(thread)
    client.force_login(open_place["facilitator"])

    client.post(f"/admin/comments/review/replies/{reply.pk}/remove/")

    assert not Reply.objects.filter(pk=reply.pk).exists()
    after = fresh(thread)
    assert (after.reply_count, after.last_activity_at) == (before.reply_count, before.last_activity_at)
    assert heard == []
    assert "Reply in Open community" not in queue_html(client)


def test_approving_a_thread_publishes_it_as_its_starter_and_announces_it(
    client, open_place, waiting, heard, django_capture_on_commit_callbacks
):
    thread = waiting[AccessLevel.OPEN]["thread"]
    client.force_login(open_place["facilitator"])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/comments/review/discussions/{thread.pk}/approve/")

    published = fresh(thread)
    assert published.live and published.first_published_at is not None
    assert (published.held_reason, published.held_at) == ("", None)
    assert published.starter == published.owner == thread.starter
    assert published.latest_revision.user == thread.starter
    assert [(name, kwargs["thread"].pk, kwargs["by"]) for name, kwargs in heard] == [
        ("thread_started", thread.pk, thread.starter)
    ]
    assert "Thread in Open community" in client.get(open_place["index"].url).content.decode()
    assert client.get(f"/discussions/{thread.pk}/waiting/").status_code == 404  # not the starter
    client.force_login(thread.starter)
    assert client.get(f"/discussions/{thread.pk}/waiting/")["Location"] == published.url
    # Pinning later publishes a new revision; the thread must not fall back into the queue.
    services.thread_pin(thread=published, by=open_place["facilitator"])
    assert fresh(thread).held_reason == ""


def test_removing_a_thread_deletes_the_draft(client, open_place, waiting, heard):
    thread = waiting[AccessLevel.OPEN]["thread"]
    client.force_login(open_place["facilitator"])

    response = client.post(f"/admin/comments/review/discussions/{thread.pk}/remove/", follow=True)

    assert not DiscussionThreadPage.objects.filter(pk=thread.pk).exists()
    assert heard == []
    assert "The discussion “Thread in Open community” is removed." in response.content.decode()


@pytest.mark.parametrize("kind", ["replies", "discussions", "comments"])
@pytest.mark.parametrize("action", ["approve", "remove"])
def test_forged_and_other_communities_ids_are_404_and_change_nothing(client, place, waiting, kind, action):
    theirs = waiting[AccessLevel.RESTRICTED]
    published_reply = ReplyFactory(thread=place[AccessLevel.OPEN]["thread"])
    targets = {
        "replies": [theirs["reply"].pk, published_reply.pk, 999_999],
        "discussions": [theirs["thread"].pk, place[AccessLevel.OPEN]["thread"].pk, 999_999],
        "comments": [theirs["comment"].pk, 999_999],
    }[kind]
    prefix = "/admin/comments/review/" + ("" if kind == "comments" else f"{kind}/")
    snapshot = (
        sorted(Reply.objects.values_list("pk", "held_reason")),
        sorted(DiscussionThreadPage.objects.values_list("pk", "live", "held_reason")),
        sorted(XtdComment.objects.values_list("pk", "is_public", "is_removed")),
        CommentHold.objects.count(),
    )
    client.force_login(place[AccessLevel.OPEN]["facilitator"])

    for pk in targets:
        assert client.post(f"{prefix}{pk}/{action}/").status_code == 404

    client.force_login(place[AccessLevel.OPEN]["insider"])  # no queue at all
    assert client.post(f"{prefix}{targets[0]}/{action}/").status_code in (302, 403)
    assert snapshot == (
        sorted(Reply.objects.values_list("pk", "held_reason")),
        sorted(DiscussionThreadPage.objects.values_list("pk", "live", "held_reason")),
        sorted(XtdComment.objects.values_list("pk", "is_public", "is_removed")),
        CommentHold.objects.count(),
    )


def test_the_queue_takes_a_fixed_number_of_queries_however_long(client, place, editor):
    side = place[AccessLevel.OPEN]
    page = BlogPostPageFactory(parent=BlogIndexPageFactory(parent=side["community"]))

    def add(count):
        for number in range(count):
            author = MemberProfileFactory().user
            held_comment(page, author, f"Comment {number}")
            services.reply_post(thread=side["thread"], author=author, body=f"Reply {number}")
            start(side, author=author, title=f"Thread {number}")

    client.force_login(editor)
    add(1)
    few = queries_to_render(client, QUEUE_URL)
    add(30)
    many = queries_to_render(client, QUEUE_URL)

    assert Reply.objects.held().count() == DiscussionThreadPage.objects.filter(live=False).count() == 31
    assert many == few
    html = client.get(QUEUE_URL).content.decode()
    assert "93 items waiting" in html and "Page 1 of 2" in html
    assert "Thread 0" in html and "Reply 0" in html  # oldest first


def test_the_queue_is_oldest_first_across_kinds(client, open_place, waiting, editor):
    thread = waiting[AccessLevel.OPEN]["thread"]
    reply = waiting[AccessLevel.OPEN]["reply"]
    DiscussionThreadPage.objects.filter(pk=thread.pk).update(held_at=timezone.now() - dt.timedelta(days=2))
    Reply.objects.filter(pk=reply.pk).update(held_at=timezone.now() - dt.timedelta(days=1))
    client.force_login(editor)

    html = queue_html(client)

    assert html.index("Thread in Open community") < html.index("Reply in Open community")
    assert html.index("Reply in Open community") < html.index("Comment in Open community")
    assert not mail.outbox


def test_publishing_a_held_thread_in_the_page_editor_approves_it(
    client, open_place, waiting, superuser, heard, django_capture_on_commit_callbacks
):
    thread = fresh(waiting[AccessLevel.OPEN]["thread"])
    client.force_login(superuser)

    with django_capture_on_commit_callbacks(execute=True):
        thread.save_revision(user=superuser).publish(user=superuser)

    published = fresh(thread)
    assert published.live and published.held_reason == ""
    assert "Thread in Open community" not in queue_html(client)
    assert [(name, kwargs["thread"].pk, kwargs["by"]) for name, kwargs in heard] == [
        ("thread_started", thread.pk, thread.starter)
    ]
