"""Digest emails: due members only, once, checked against access at send time; signed links and settings."""

import datetime as dt
import io
import re
import time

import pytest

from django.core import mail, signing
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from practice.communities.services import membership_leave
from practice.following.digests import digests_send_due
from practice.following.email_links import Action, email_link_url
from practice.following.services import follow_create
from practice.following.tasks import send_due_digests
from practice.models import Follow, Notification, NotificationSettings
from practice.models.choices import AccessLevel, SecurityLevel
from tests.factories import BlogIndexPageFactory, BlogPostPageFactory, NotificationSettingsFactory, TopicFactory
from tests.practice.following.helpers import member_of, post_reply, start_thread

pytestmark = pytest.mark.django_db

OPEN, PRIVATE = AccessLevel.OPEN, AccessLevel.PRIVATE
Digest = NotificationSettings.Digest


def send_digests():
    out = io.StringIO()
    call_command("send_digests", stdout=out)
    return out.getvalue()


def followed_thread(community, *, title="Storm posting"):
    """Return (starter, follower, thread): the follower follows the thread the starter started."""
    starter, follower = member_of(community, "starter"), member_of(community, "follower")
    thread = start_thread(community, starter, title=title)
    follow_create(follower=follower, page=thread)
    return starter, follower, thread


def links_in(email):
    return re.findall(r"http://\S+/notifications/email/\S+/", email.body)


def reply_at(thread, author, body, when):
    """Post a reply whose notifications are dated `when`."""
    post_reply(thread, author, body=body)
    Notification.objects.filter(reply__body=body).update(created_at=when)


def test_a_due_member_gets_one_digest_with_text_html_and_quieten_links(communities):
    starter, follower, thread = followed_thread(communities[OPEN]["community"])
    post_reply(thread, starter)

    output = send_digests()
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [follower.email]
    assert "Storm posting" in email.body and "Starter replied in" in email.body
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html" and "Storm posting" in html
    assert "Stop following this discussion" in email.body and "Stop digest emails" in email.body
    assert email.extra_headers["List-Unsubscribe"].startswith("<http://")
    assert f"{follower.email}: sent a weekly digest" in output
    assert "Digests: 1 sent, 0 with nothing new, 0 failed." in output

    assert "Digests: 0 sent" in send_digests(), "running again sends nothing"
    assert len(mail.outbox) == 1


def test_an_empty_digest_is_not_sent(communities):
    _, follower, _ = followed_thread(communities[OPEN]["community"])
    NotificationSettingsFactory(member=follower)
    output = send_digests()
    assert mail.outbox == []
    assert "nothing new" in output
    assert NotificationSettings.objects.get(member=follower).last_digest_sent_at is None


def test_daily_and_weekly_digests_come_when_due_with_only_what_is_new(communities):
    starter, follower, thread = followed_thread(communities[OPEN]["community"])
    post_reply(thread, starter)
    NotificationSettings.objects.filter(member=follower).update(digest=Digest.DAILY)
    start = timezone.now()
    digests_send_due(now=start)
    assert len(mail.outbox) == 1

    reply_at(thread, starter, "later", start + dt.timedelta(hours=2))
    digests_send_due(now=start + dt.timedelta(hours=12))
    assert len(mail.outbox) == 1, "not a day yet"
    digests_send_due(now=start + dt.timedelta(days=1))
    assert len(mail.outbox) == 2
    assert mail.outbox[1].body.count("Starter replied in") == 1, "only what came since the last digest"

    NotificationSettings.objects.filter(member=follower).update(digest=Digest.WEEKLY)
    reply_at(thread, starter, "even later", start + dt.timedelta(days=2))
    digests_send_due(now=start + dt.timedelta(days=3))
    assert len(mail.outbox) == 2, "a week has not passed"
    digests_send_due(now=start + dt.timedelta(days=8))
    assert len(mail.outbox) == 3


def test_read_notifications_and_unwanted_kinds_stay_out(communities):
    starter, follower, thread = followed_thread(communities[OPEN]["community"])
    post_reply(thread, starter)
    NotificationSettings.objects.filter(member=follower).update(email_replies=False)
    send_digests()
    assert mail.outbox == []

    NotificationSettings.objects.filter(member=follower).update(email_replies=True)
    Notification.objects.update(read_at=timezone.now())
    send_digests()
    assert mail.outbox == []


def test_members_who_chose_no_digest_get_none(communities):
    starter, follower, thread = followed_thread(communities[OPEN]["community"])
    post_reply(thread, starter)
    NotificationSettings.objects.filter(member=follower).update(digest=Digest.OFF)
    send_digests()
    assert mail.outbox == []


def test_after_leaving_a_private_community_its_lines_are_gone(communities):
    community = communities[PRIVATE]["community"]
    starter, leaver, secret = followed_thread(community, title="Confidential restructure")
    post_reply(secret, starter)
    open_community = communities[OPEN]["community"]
    open_thread = start_thread(open_community, member_of(open_community, "opener"), title="Open question")
    follow_create(follower=leaver, page=open_thread)
    post_reply(open_thread, open_thread.starter)

    membership_leave(community=community, member=leaver)
    send_digests()
    assert len(mail.outbox) == 1
    body, html = mail.outbox[0].body, mail.outbox[0].alternatives[0][0]
    assert "Open question" in body
    assert "Confidential restructure" not in body and "Confidential restructure" not in html


def test_a_digest_with_only_lines_gone_out_of_reach_is_not_sent(communities, member):
    community = communities[OPEN]["community"]
    topic = TopicFactory(name="Budgets")
    follow_create(follower=member, topic=topic)
    author = member_of(community, "author")
    post = BlogPostPageFactory(parent=BlogIndexPageFactory(parent=community), live=False, owner=author)
    post.topics.add(topic)
    with TestCase.captureOnCommitCallbacks(execute=True):
        post.save_revision(user=author).publish()
    assert Notification.objects.filter(recipient=member).count() == 1

    post.security_level = SecurityLevel.COMMUNITY
    post.save_revision(user=author).publish()
    output = send_digests()
    assert mail.outbox == []
    assert f"{member.email}: nothing new" in output


def test_the_digest_task_sends_like_the_command(communities):
    starter, follower, thread = followed_thread(communities[OPEN]["community"])
    post_reply(thread, starter)
    result = send_due_digests.enqueue()
    assert result.return_value["sent"] == 1
    assert len(mail.outbox) == 1


def test_a_failed_send_is_tried_again_next_run(communities, monkeypatch):
    starter, follower, thread = followed_thread(communities[OPEN]["community"])
    post_reply(thread, starter)

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    assert "will try again" in send_digests()
    assert NotificationSettings.objects.get(member=follower).last_digest_sent_at is None
    monkeypatch.undo()
    send_digests()
    assert len(mail.outbox) == 1


def test_links_work_signed_out_with_a_confirmation_first(client, communities):
    starter, follower, thread = followed_thread(communities[OPEN]["community"])
    NotificationSettingsFactory(member=follower, digest=Digest.DAILY)

    weekly = email_link_url(follower, Action.WEEKLY)
    page = client.get(weekly)
    assert page.status_code == 200 and b"weekly instead" in page.content
    assert NotificationSettings.objects.get(member=follower).digest == Digest.DAILY, "a GET changes nothing"
    assert client.post(weekly).status_code == 200
    assert NotificationSettings.objects.get(member=follower).digest == Digest.WEEKLY

    mute = email_link_url(follower, Action.MUTE, thread)
    assert b"Storm posting" in client.get(mute).content
    assert Follow.objects.filter(follower=follower, page=thread).exists()
    client.post(mute)
    assert not Follow.objects.filter(follower=follower, page=thread).exists()

    unsubscribe = email_link_url(follower, Action.UNSUBSCRIBE)
    # Mail clients' one-click unsubscribe (RFC 8058) posts without a cookie or CSRF token.
    client.post(unsubscribe, {"List-Unsubscribe": "One-Click"})
    assert NotificationSettings.objects.get(member=follower).digest == Digest.OFF


def test_digest_links_are_the_working_links(client, communities):
    starter, follower, thread = followed_thread(communities[OPEN]["community"])
    post_reply(thread, starter)
    send_digests()
    links = links_in(mail.outbox[0])
    assert len(links) == 2  # mute this discussion, stop digests (weekly digests offer no "weekly instead")
    for link in links:
        assert client.get(link).status_code == 200


def test_tampered_and_expired_links_are_refused(client, communities, monkeypatch):
    _, follower, thread = followed_thread(communities[OPEN]["community"])
    NotificationSettingsFactory(member=follower)
    url = email_link_url(follower, Action.UNSUBSCRIBE)
    token = url.rstrip("/").rsplit("/", 1)[1]

    tampered = reverse("email_link", args=[token[:-2] + ("AA" if not token.endswith("AA") else "BB")])
    for bad in (tampered, reverse("email_link", args=["not-a-token"])):
        assert client.get(bad).status_code == 400
        response = client.post(bad)
        assert response.status_code == 400 and b"This link does not work" in response.content

    other_salt = signing.dumps({"m": follower.pk, "a": "unsubscribe", "p": None}, salt="elsewhere", compress=True)
    assert client.post(reverse("email_link", args=[other_salt])).status_code == 400

    sixty_one_days_ago = int(time.time()) - 61 * 24 * 3600
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(sixty_one_days_ago))
    expired = email_link_url(follower, Action.UNSUBSCRIBE)
    monkeypatch.undo()
    assert client.post(expired).status_code == 400
    assert NotificationSettings.objects.get(member=follower).digest == Digest.WEEKLY


def test_settings_page_saves_valid_choices_and_rejects_bad_ones(client, member):
    url = reverse("notification_settings")
    assert client.get(url).status_code == 302

    client.force_login(member)
    page = client.get(url)
    assert page.status_code == 200 and b"How often should we email you a digest?" in page.content
    assert b"You do not follow anything yet" in page.content

    response = client.post(url, {"digest": "hourly", "email_replies": "on"})
    assert response.status_code == 400
    assert b"There is a problem" in response.content
    assert NotificationSettings.objects.get(member=member).digest == Digest.WEEKLY

    response = client.post(url, {"digest": "daily", "email_replies": "on"})
    assert response.status_code == 302
    saved = NotificationSettings.objects.get(member=member)
    assert (saved.digest, saved.email_replies, saved.email_new_content, saved.email_comments) == (
        Digest.DAILY,
        True,
        False,
        False,
    )


def test_every_digest_choice_has_its_label_and_the_error_summary_leads_to_the_first(client, member):
    client.force_login(member)
    page = client.post(reverse("notification_settings"), {"digest": "hourly"}).content.decode()
    ids = re.findall(r'<input class="govuk-radios__input" id="([^"]*)" name="digest"', page)
    assert len(ids) == len(Digest.choices) and all(ids)
    assert all(f'for="{radio_id}"' in page for radio_id in ids)
    assert f'href="#{ids[0]}"' in page  # the error summary's link


def test_settings_page_lists_follows_without_naming_pages_out_of_reach(client, communities):
    community = communities[PRIVATE]["community"]
    _, follower, thread = followed_thread(community, title="Confidential restructure")
    membership_leave(community=community, member=follower)
    client.force_login(follower)
    page = client.get(reverse("notification_settings"))
    assert b"Confidential restructure" not in page.content
    assert b"A page you can no longer open" in page.content
    client.post(reverse("unfollow_page", args=[thread.pk]))
    assert not Follow.objects.filter(follower=follower).exists()


def test_the_command_can_hand_the_digests_to_the_task_worker(communities):
    starter, follower, thread = followed_thread(communities[OPEN]["community"])
    post_reply(thread, starter)
    out = io.StringIO()
    call_command("send_digests", "--enqueue", stdout=out)
    assert "Queued the digests as task" in out.getvalue()
    assert len(mail.outbox) == 1  # the immediate backend of development and tests runs it at once
