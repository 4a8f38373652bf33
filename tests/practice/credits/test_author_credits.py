"""Post authors: chosen by display name among the community's members, credited only once they accept."""

import datetime as dt
import re

import pytest

from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.actions.copy_page import CopyPageAction

from practice.communities.services import membership_join, membership_leave
from practice.credits.services import CreditRefused, credit_request_accept, credit_request_create
from practice.following.services import follow_create
from practice.models import BlogPostPage, CreditRequest, Notification
from practice.models.choices import AccessLevel
from tests.factories import BlogIndexPageFactory, BlogPostPageFactory, MemberProfileFactory, UserFactory
from tests.practice.post_editor import add_url, post_form
from tests.practice.querycounts import queries_to_render

pytestmark = pytest.mark.django_db


def named(user, display_name, slug):
    """Give the user a public profile with this display name (and the account the same name, as sign-up does)."""
    user.first_name, user.last_name = display_name.split(" ")
    user.save()
    MemberProfileFactory(user=user, display_name=display_name, slug=slug)
    return user


def write(client, place, title, action="action-publish", **fields):
    """Write a post in the community's blog through the editor, as its facilitator; return it."""
    client.force_login(place["writer"])
    response = client.post(add_url(place["blog"]), post_form(title, action=action, **fields))
    assert response.status_code == 302
    return BlogPostPage.objects.get(title=title)


def published_post(place, title, *, authors):
    """Publish a post by the writer, crediting these authors directly."""
    post = BlogPostPageFactory(parent=place["blog"], title=title, owner=place["writer"])
    post.authors.set(authors)
    post.save()
    post.save_revision().publish()
    return BlogPostPage.objects.get(pk=post.pk)


def ask(place, post):
    """Ask the colleague to be credited on the post, as the writer."""
    return credit_request_create(post=post, member=place["colleague"], by=place["writer"])


@pytest.fixture
def asked(place):
    """The writer's published post "Storm night", and their request that the colleague be credited on it."""
    post = published_post(place, "Storm night", authors=[place["writer"]])
    return post, ask(place, post)


def byline(content):
    """Return the text of a post page's byline: the first line of details under its title."""
    return re.search(r'<p class="hub-meta">(.*?)</p>', content.split("<h1", 1)[1], re.S).group(1)


def more_posts(content):
    """Return the "More posts" aside of a post page, or nothing when it has none."""
    found = re.search(r'<aside[^>]*aria-labelledby="more-posts-heading">(.*?)</aside>', content, re.S)
    return found.group(1) if found else ""


def credited(post):
    return set(BlogPostPage.objects.get(pk=post.pk).authors.values_list("username", flat=True))


@pytest.fixture
def place(communities):
    """The open community's blog, its facilitator (who writes), a member, and a member of another community."""
    entry = communities[AccessLevel.OPEN]
    outsider = communities[AccessLevel.RESTRICTED]["insider"]
    return {
        "community": entry["community"],
        "blog": BlogIndexPageFactory(parent=entry["community"]),
        "writer": named(entry["facilitator"], "Fran Facilitator", "fran-facilitator"),
        "colleague": named(entry["insider"], "Ivy Insider", "ivy-insider"),
        "outsider": named(outsider, "Otto Outsider", "otto-outsider"),
    }


@pytest.fixture
def surname():
    """A word only the colleague's name has, for finding posts by their authors in search."""
    return "Quillfeather"


# The reproduction: the editor listed everyone by email address, and credited whoever it was given.


def test_the_editor_offers_the_communitys_members_by_display_name_never_by_email(client, place):
    client.force_login(place["writer"])

    response = client.get(add_url(place["blog"]))

    assert response.status_code == 200
    page = response.content.decode()
    assert place["colleague"].email not in page
    assert place["outsider"].email not in page
    assert "Ivy Insider" in page
    assert "Otto Outsider" not in page


def test_crediting_a_colleague_in_the_editor_does_not_put_the_post_on_their_profile(client, place):
    colleague = place["colleague"]
    client.force_login(place["writer"])

    response = client.post(
        add_url(place["blog"]),
        post_form("Storm night", authors=[place["writer"].pk, colleague.pk], co_authors=[colleague.pk]),
    )

    assert response.status_code == 302
    post = BlogPostPage.objects.get(title="Storm night")
    assert post.live
    assert list(post.authors.all()) == [place["writer"]]
    client.logout()
    assert "Storm night" not in client.get(colleague.profile.get_absolute_url()).content.decode()
    assert "Storm night" in client.get(place["writer"].profile.get_absolute_url()).content.decode()


# Asking: the member is told, on the site and by email, and nothing public names them yet.


def test_a_member_named_in_the_editor_is_asked_in_their_notifications_and_by_email(
    client, place, mailoutbox, django_capture_on_commit_callbacks
):
    colleague = place["colleague"]
    with django_capture_on_commit_callbacks(execute=True):
        post = write(client, place, "Storm night", action="action-save", co_authors=[colleague.pk])

    assert not post.live
    credit_request = CreditRequest.objects.get(post=post, member=colleague)
    assert credit_request.requested_by == place["writer"]
    [email] = mailoutbox
    assert email.to == [colleague.email]
    assert "Fran Facilitator has named you as an author of “Storm night”" in email.body
    assert f"{settings.WAGTAILADMIN_BASE_URL}/notifications/credits/" in email.body
    assert place["writer"].email not in email.body

    client.force_login(colleague)
    notifications = client.get(reverse("notifications")).content.decode()
    assert "Fran Facilitator asked to credit you as an author of" in notifications
    assert f'href="{reverse("author_credits")}">Storm night</a>' in notifications
    credits_page = client.get(reverse("author_credits")).content.decode()
    assert "Storm night" in credits_page
    assert reverse("credit_accept", args=[credit_request.pk]) in credits_page
    assert "csrfmiddlewaretoken" in credits_page


def test_a_pending_credit_shows_nowhere_public_until_it_is_accepted(
    client, place, surname, django_capture_on_commit_callbacks
):
    colleague, writer = place["colleague"], place["writer"]
    colleague.last_name = surname
    colleague.save()
    follower = MemberProfileFactory().user
    follow_create(follower=follower, member=colleague)
    earlier = published_post(place, "Their earlier post", authors=[colleague])

    with django_capture_on_commit_callbacks(execute=True):
        post = write(client, place, "Storm night", co_authors=[colleague.pk])
    client.logout()

    def shown():
        places = {
            "byline": byline(client.get(post.url).content.decode()),
            "profile": client.get(colleague.profile.get_absolute_url()).content.decode(),
            "feed": client.get(reverse("feeds:member_rss", args=[colleague.profile.slug])).content.decode(),
            "search": client.get("/search/", {"q": surname}).content.decode(),
            "more posts": more_posts(client.get(earlier.url).content.decode()),
        }
        return {
            where
            for where, content in places.items()
            if ("Ivy Insider" if where == "byline" else "Storm night") in content
        }

    assert credited(post) == {writer.username}
    assert shown() == set()
    assert not Notification.objects.filter(recipient=follower).exists()

    with django_capture_on_commit_callbacks(execute=True):
        credit_request_accept(credit_request=CreditRequest.objects.get(post=post), member=colleague)

    assert credited(post) == {writer.username, colleague.username}
    assert shown() == {"byline", "profile", "feed", "search", "more posts"}


# Answering: accept, decline, withdraw.


def answer_as_colleague(client, place, credit_request, action):
    """Answer the request as the colleague asked: either way the request and its notification are gone."""
    client.force_login(place["colleague"])

    response = client.post(reverse(action, args=[credit_request.pk]))

    assert response.status_code == 302
    assert not CreditRequest.objects.exists()
    assert not Notification.objects.filter(recipient=place["colleague"]).exists()


def test_accepting_credits_the_member_and_closes_the_notification(client, place, asked):
    post, credit_request = asked
    answer_as_colleague(client, place, credit_request, "credit_accept")
    assert credited(post) == {place["writer"].username, place["colleague"].username}
    assert "Ivy Insider" in client.get(post.url).content.decode()


def test_declining_leaves_the_member_off_the_post(client, place, asked):
    post, credit_request = asked
    answer_as_colleague(client, place, credit_request, "credit_decline")
    assert credited(post) == {place["writer"].username}


def test_the_writer_withdraws_a_pending_credit_on_the_site(client, place, asked):
    post, credit_request = asked
    client.force_login(place["writer"])
    page = client.get(reverse("author_credits")).content.decode()
    assert "Ivy Insider" in page
    assert reverse("credit_withdraw", args=[credit_request.pk]) in page

    response = client.post(reverse("credit_withdraw", args=[credit_request.pk]))

    assert response.status_code == 302
    assert not CreditRequest.objects.exists()
    assert credited(post) == {place["writer"].username}


def test_leaving_someone_out_in_the_editor_withdraws_their_request_or_their_credit(client, place):
    colleague = place["colleague"]
    post = write(client, place, "Storm night", co_authors=[colleague.pk])
    edit_url = reverse("wagtailadmin_pages:edit", args=[post.pk])
    assert CreditRequest.objects.filter(post=post, member=colleague).exists()

    client.post(edit_url, post_form("Storm night", co_authors=[]))
    assert not CreditRequest.objects.exists()

    client.post(edit_url, post_form("Storm night", co_authors=[colleague.pk]))
    credit_request_accept(credit_request=CreditRequest.objects.get(), member=colleague)
    client.post(edit_url, post_form("Storm night", co_authors=[colleague.pk]))
    assert credited(post) == {place["writer"].username, colleague.username}

    client.post(edit_url, post_form("Storm night", co_authors=[]))
    assert credited(post) == {place["writer"].username}


def test_the_credits_page_takes_as_many_queries_for_many_credits_as_for_one(client, place):
    writer, colleague = place["writer"], place["colleague"]

    def credits(number):
        for _ in range(number):
            post = published_post(place, f"Post {CreditRequest.objects.count()}", authors=[writer])
            ask(place, post)
            other = MemberProfileFactory().user
            membership_join(community=place["community"], member=other)
            credit_request_create(post=post, member=other, by=colleague)

    credits(1)
    client.force_login(colleague)
    one = queries_to_render(client, reverse("author_credits"))
    credits(5)
    assert queries_to_render(client, reverse("author_credits")) == one


# Bad input is refused and writes nothing.


@pytest.mark.parametrize("choice", ["outsider", "no such member", str(2**64), "abc"])
def test_the_editor_refuses_a_co_author_from_outside_the_community_or_not_a_member_at_all(client, place, choice):
    value = {"outsider": place["outsider"].pk, "no such member": UserFactory().pk + 1000}.get(choice, choice)
    client.force_login(place["writer"])

    response = client.post(add_url(place["blog"]), post_form("Storm night", co_authors=[value]))

    assert response.status_code == 200  # Wagtail shows the form again, with the error
    assert "co_authors" in response.context["form"].errors
    assert not BlogPostPage.objects.filter(title="Storm night").exists()
    assert not CreditRequest.objects.exists()


def test_a_credit_for_someone_outside_the_community_or_already_credited_is_refused(place):
    post = published_post(place, "Storm night", authors=[place["writer"]])

    with pytest.raises(CreditRefused):
        credit_request_create(post=post, member=place["outsider"], by=place["writer"])
    with pytest.raises(CreditRefused):
        credit_request_create(post=post, member=place["writer"], by=place["writer"])
    assert not CreditRequest.objects.exists()
    assert not Notification.objects.exists()


@pytest.mark.parametrize("action", ["credit_accept", "credit_decline", "credit_withdraw"])
def test_someone_elses_credit_is_not_found(client, place, asked, action):
    post, credit_request = asked
    # Nobody but the member asked may answer; nobody but whoever asked, or the writer, may withdraw.
    stranger = {"credit_withdraw": place["colleague"]}.get(action, place["writer"])
    client.force_login(stranger)

    assert client.post(reverse(action, args=[credit_request.pk])).status_code == 404
    client.force_login(place["outsider"])
    assert client.post(reverse(action, args=[credit_request.pk])).status_code == 404
    assert client.post(reverse(action, args=[credit_request.pk + 1000])).status_code == 404
    assert client.post(f"/notifications/credits/{2**64}/accept/").status_code == 404

    assert CreditRequest.objects.get() == credit_request
    assert credited(post) == {place["writer"].username}


def test_answers_need_a_signed_in_post(client, place, asked):
    post, credit_request = asked
    accept_url = reverse("credit_accept", args=[credit_request.pk])

    assert client.post(accept_url).status_code == 302  # to sign in
    client.force_login(place["colleague"])
    assert client.get(accept_url).status_code == 405
    assert CreditRequest.objects.exists()


def test_a_member_who_left_the_community_cannot_accept(client, place, asked):
    post, credit_request = asked
    membership_leave(community=place["community"], member=place["colleague"])
    client.force_login(place["colleague"])

    response = client.post(reverse("credit_accept", args=[credit_request.pk]))

    assert response.status_code == 403
    assert "no longer a member" in response.content.decode()
    assert credited(post) == {place["writer"].username}
    assert CreditRequest.objects.exists()


# Revisions, scheduling, reverting and copying never credit anyone.


def revision_naming(post, users):
    """Save a revision of the post whose content names these users as its authors, as an old or forged one would."""
    revision = BlogPostPage.objects.get(pk=post.pk).save_revision()
    revision.content["authors"] = [user.pk for user in users]
    revision.save(update_fields=["content"])
    return revision


def test_publishing_a_revision_credits_only_whom_the_database_credits(place):
    writer, colleague = place["writer"], place["colleague"]
    post = published_post(place, "Storm night", authors=[writer])
    ask(place, post)

    revision_naming(post, [writer, colleague]).publish()

    assert credited(post) == {writer.username}
    assert CreditRequest.objects.filter(member=colleague).exists()


def test_reverting_to_an_old_revision_keeps_the_credits_given_since_and_brings_back_none_taken_away(place):
    writer, colleague = place["writer"], place["colleague"]
    post = published_post(place, "Storm night", authors=[writer])
    before_the_credit = revision_naming(post, [writer])
    credit_request_accept(credit_request=ask(place, post), member=colleague)

    before_the_credit.publish()
    assert credited(post) == {writer.username, colleague.username}

    BlogPostPage.authors.through.objects.filter(user=colleague).delete()  # the writer took them off
    revision_naming(post, [writer, colleague]).publish()
    assert credited(post) == {writer.username}


def test_a_scheduled_publication_credits_nobody_its_revision_names(place):
    writer, colleague = place["writer"], place["colleague"]
    post = published_post(place, "Storm night", authors=[writer])
    revision = revision_naming(post, [writer, colleague])
    revision.approved_go_live_at = timezone.now() - dt.timedelta(minutes=1)
    revision.save(update_fields=["approved_go_live_at"])

    call_command("publish_scheduled")

    revision.refresh_from_db()
    assert revision.approved_go_live_at is None  # it was published
    assert credited(post) == {writer.username}


@pytest.mark.parametrize("keep_live", [False, True])
def test_a_copy_credits_nobody_from_the_original(place, keep_live):
    writer, colleague = place["writer"], place["colleague"]
    post = published_post(place, "Storm night", authors=[writer, colleague])
    copier = UserFactory()

    copy = CopyPageAction(
        post, update_attrs={"title": "Storm night again", "slug": "storm-night-again"}, keep_live=keep_live, user=copier
    ).execute(skip_permission_checks=True)

    assert credited(copy) == set()
    assert credited(post) == {writer.username, colleague.username}
    copy.get_latest_revision().publish()
    assert credited(copy) == set()
