"""Comments on posts, resources, events and case studies: who may post and see, moderation, reactions, follow-ups."""

import datetime as dt
import re

import pytest
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG, XtdComment

from django.core import mail
from django.utils import timezone

from wagtail.models import Site

from practice.activity import comment_posted
from practice.comments.forms import MemberCommentForm
from practice.communities.services import membership_leave
from practice.models import CommentHold, CommentSettings, ModerationWord
from practice.models.choices import AccessLevel, SecurityLevel
from practice.moderation.rules import moderation_verdict
from tests.factories import (
    BlogIndexPageFactory,
    BlogPostPageFactory,
    CaseStudyPageFactory,
    CommentFactory,
    CommentSettingsFactory,
    CommunityPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    MemberProfileFactory,
    ModerationWordFactory,
    ResourceLibraryPageFactory,
    ResourceLinkPageFactory,
)
from tests.practice.concurrency import post_at_once, postgresql_only
from tests.practice.querycounts import queries_to_render

POST_URL = "/comments/post/"


def blog_post(community, **kwargs):
    return BlogPostPageFactory(parent=BlogIndexPageFactory(parent=community), **kwargs)


def published_comment(page, user, text="An earlier thought.", parent=None, followup=False):
    """Put a published comment on the page, as if posted and approved earlier."""
    return CommentFactory(page=page, user=user, comment=text, parent=parent, followup=followup)


def form_data(page, user, text, reply_to=None, **overrides):
    """Return what the page's comment form would send: xtd's signed security fields and the member's text."""
    form = MemberCommentForm(page, user=user)
    data = {name: form.initial[name] for name in ("content_type", "object_pk", "timestamp", "security_hash")}
    data.update(comment=text, reply_to=reply_to.pk if reply_to else 0, honeypot="")
    data.update(overrides)
    return data


@pytest.fixture
def open_community(communities):
    return communities[AccessLevel.OPEN]["community"]


@pytest.fixture
def author(db):
    """A member with a profile who has commented before, so the first-comment rule does not hold them."""
    user = MemberProfileFactory(display_name="Priya Shah", user__username="priya@example.gov.uk").user
    earlier = blog_post(CommunityPageFactory(title="Elsewhere"))
    published_comment(earlier, user)
    return user


@pytest.fixture
def post(open_community):
    return blog_post(open_community, title="Live-posting during a storm")


# Posting and showing


@pytest.mark.django_db
def test_page_shows_the_form_with_signed_fields_and_no_name_or_email_to_type(client, post, author):
    client.force_login(author)
    response = client.get(post.url)
    html = response.content.decode()
    assert 'action="/comments/post/"' in html
    assert 'name="security_hash"' in html
    assert 'for="id_comment"' in html
    assert 'name="name"' not in html
    assert 'name="email"' not in html


@pytest.mark.django_db
def test_member_posts_a_comment_shown_under_their_profile_name_as_safe_markdown(client, post, author):
    client.force_login(author)
    text = "We used **short updates** <script>alert(1)</script>"
    with_forged_name = form_data(post, author, text, name="Somebody Else", email="forged@example.org")

    response = client.post(POST_URL, with_forged_name, follow=True)

    comment = XtdComment.objects.get(object_pk=str(post.pk))
    assert comment.is_public and comment.user == author
    assert (comment.user_name, comment.user_email) == ("Priya Shah", author.email)
    html = response.content.decode()
    assert "Your comment has been posted." in html
    assert "<strong>short updates</strong>" in html
    assert "<script>alert(1)" not in html
    assert "Comments (1)" in html
    assert f'id="c{comment.pk}"' in html


@pytest.mark.django_db
def test_a_double_click_posts_the_comment_once(client, post, author):
    client.force_login(author)
    data = form_data(post, author, "Said once")
    first, second = client.post(POST_URL, data), client.post(POST_URL, data)
    assert first["Location"] == second["Location"]
    assert XtdComment.objects.filter(comment="Said once").count() == 1


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_comment_sent_at_once_is_posted_once(post, author):
    answers = post_at_once(author, POST_URL, form_data(post, author, "Said once"))

    assert [answer.status_code for answer in answers] == [302, 302, 302]
    assert XtdComment.objects.filter(comment="Said once").count() == 1


@pytest.mark.parametrize(
    "make_page",
    [
        lambda community: ResourceLinkPageFactory(parent=ResourceLibraryPageFactory(parent=community)),
        lambda community: EventPageFactory(parent=EventIndexPageFactory(parent=community)),
        lambda community: CaseStudyPageFactory(),
    ],
    ids=["resource link", "event", "case study"],
)
@pytest.mark.django_db
def test_resource_links_events_and_case_studies_take_comments_too(client, open_community, author, make_page):
    page = make_page(open_community)
    client.force_login(author)
    assert client.post(POST_URL, form_data(page, author, "Worth a look.")).status_code == 302
    response = client.get(page.url)
    assert "Worth a look." in response.content.decode()
    assert "Comments (1)" in response.content.decode()


@pytest.mark.django_db
def test_visitors_read_public_comments_and_are_asked_to_sign_in(client, post, author):
    published_comment(post, author, "Visible to all.")
    html = client.get(post.url).content.decode()
    assert "Visible to all." in html
    assert "Sign in</a> to comment." in html
    assert 'name="security_hash"' not in html


@pytest.mark.django_db
def test_visitor_cannot_post(client, post, author):
    response = client.post(POST_URL, form_data(post, author, "Anonymous words"))
    assert response.status_code == 403
    assert b"Only members who have signed in can comment." in response.content
    assert not XtdComment.objects.filter(comment="Anonymous words").exists()


@pytest.mark.django_db
def test_replies_nest_under_their_comment_down_to_the_set_depth(client, post, author, settings):
    assert settings.COMMENTS_XTD_MAX_THREAD_LEVEL == 2  # xtd reads its settings once, so tests use the real depth
    client.force_login(author)
    top = published_comment(post, author, "Top level")
    client.post(POST_URL, form_data(post, author, "First reply", reply_to=top))
    reply = XtdComment.objects.get(comment="First reply")
    client.post(POST_URL, form_data(post, author, "Second reply", reply_to=reply))
    deepest = XtdComment.objects.get(comment="Second reply")

    assert (reply.level, deepest.level, deepest.thread_id) == (1, 2, top.pk)
    html = client.get(post.url).content.decode()
    # Each reply sits in a nested list inside its parent's item, and the deepest offers no "Reply".
    top_item = html[html.index(f'id="c{top.pk}"') :]
    assert top_item.index(f'id="c{reply.pk}"') < top_item.index(f'id="c{deepest.pk}"')
    assert html.count("hub-comment-list--replies") == 2
    assert f'id="id_reply_{reply.pk}_comment"' in html
    assert f'id="id_reply_{deepest.pk}_comment"' not in html


# Who may see and post


@pytest.mark.django_db
def test_a_member_who_may_not_read_the_page_can_neither_see_nor_post(client, communities, author):
    restricted = communities[AccessLevel.RESTRICTED]
    page = blog_post(restricted["community"], title="Members-only notes", security_level=SecurityLevel.COMMUNITY)
    published_comment(page, restricted["insider"], "Insider remark")
    data = form_data(page, author, "Forged")
    client.force_login(author)

    assert client.get(page.url).status_code == 403
    response = client.post(POST_URL, data)

    assert response.status_code == 404
    assert b"We could not find the page you are commenting on" in response.content
    assert b"Members-only notes" not in response.content
    assert not XtdComment.objects.filter(comment="Forged").exists()
    # The community's own member reads and posts.
    client.force_login(restricted["insider"])
    assert "Insider remark" in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_permalinks_lead_readers_to_the_page_and_others_nowhere(client, communities, author, post):
    comment = published_comment(post, author)
    response = client.get(comment.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == post.url

    private = communities[AccessLevel.PRIVATE]
    hidden = blog_post(private["community"], slug="secret-plans")
    hidden_comment = published_comment(hidden, private["insider"])
    client.force_login(author)
    response = client.get(hidden_comment.get_absolute_url())
    assert response.status_code == 404
    assert b"secret-plans" not in response.content


# Bad input writes nothing


def without(data, *names):
    return {key: value for key, value in data.items() if key not in names}


@pytest.mark.django_db
def test_every_crafted_post_is_refused_with_a_clear_message_and_writes_nothing(
    client, communities, open_community, post, author
):
    other_post = blog_post(open_community, title="Another post")
    elsewhere = published_comment(other_post, author, "On another page")
    top = published_comment(post, author, "Top")
    deep = published_comment(post, author, "Reply to a reply", parent=published_comment(post, author, parent=top))
    private_page = blog_post(communities[AccessLevel.PRIVATE]["community"])
    good = form_data(post, author, "Fine words")
    other_hash = form_data(other_post, author, "x")["security_hash"]
    cases = [
        (without(good, "content_type"), 400, "The comment form was incomplete"),
        (without(good, "object_pk"), 400, "The comment form was incomplete"),
        ({**good, "content_type": "auth.user"}, 400, "Comments cannot be posted there."),
        ({**good, "content_type": "practice.communitypage"}, 400, "Comments cannot be posted there."),
        ({**good, "content_type": "no-such-thing"}, 400, "Comments cannot be posted there."),
        ({**good, "object_pk": "1 OR 1=1"}, 404, "We could not find the page"),
        ({**good, "object_pk": "999999"}, 404, "We could not find the page"),
        ({**good, "object_pk": str(private_page.pk)}, 404, "We could not find the page"),
        ({**good, "security_hash": other_hash}, 400, "The comment form has expired or was changed"),
        (without(good, "security_hash"), 400, "The comment form has expired or was changed"),
        ({**good, "timestamp": "not-a-number"}, 400, "The comment form has expired or was changed"),
        ({**good, "honeypot": "buy now"}, 400, "The comment form has expired or was changed"),
        ({**good, "comment": ""}, 400, "Enter your comment"),
        ({**good, "comment": "x" * 3001}, 400, "Your comment must be 3,000 characters or fewer"),
        ({**good, "reply_to": str(elsewhere.pk)}, 400, "You can only reply to a published comment on this page"),
        ({**good, "reply_to": "-5"}, 400, "You can only reply to a published comment on this page"),
        ({**good, "reply_to": "first"}, 400, "Enter a whole number"),
        ({**good, "reply_to": str(deep.pk)}, 400, "Replies cannot go deeper here"),
    ]
    client.force_login(author)
    before = XtdComment.objects.count()
    for data, status, message in cases:
        response = client.post(POST_URL, data)
        assert (response.status_code, message) == (status, message) and message in response.content.decode(), data
    assert client.get(POST_URL).status_code == 405
    assert client.post(POST_URL, good, content_type="application/json").status_code == 400
    assert client.post("/comments/api/comment/", good).status_code == 404  # xtd's web API is not served
    assert XtdComment.objects.count() == before
    assert not CommentHold.objects.exists()


@pytest.mark.django_db
def test_a_too_long_comment_comes_back_in_the_form_with_an_error_summary(client, post, author):
    client.force_login(author)
    response = client.post(POST_URL, form_data(post, author, "y" * 3001))
    html = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in html
    assert 'href="#id_comment"' in html
    assert "y" * 3001 in html  # the member's words are not lost


# Closing


@pytest.mark.django_db
def test_editor_closes_comments_on_a_page(client, post, author):
    published_comment(post, author, "Said before closing")
    post.comments_open = False
    post.save()
    client.force_login(author)

    html = client.get(post.url).content.decode()
    response = client.post(POST_URL, form_data(post, author, "Too late"))

    assert "Said before closing" in html
    assert "Comments are closed" in html
    assert 'name="security_hash"' not in html
    assert response.status_code == 403
    assert b"Comments are closed on this page" in response.content
    assert not XtdComment.objects.filter(comment="Too late").exists()


@pytest.mark.django_db
def test_comments_close_by_themselves_after_the_sites_period(client, open_community, author):
    CommentSettingsFactory(close_comments_after_days=30)
    old = blog_post(open_community, date=timezone.now() - dt.timedelta(days=31))
    recent = blog_post(open_community, date=timezone.now() - dt.timedelta(days=29))
    client.force_login(author)

    assert "Comments close 30 days after a page is published." in client.get(old.url).content.decode()
    assert client.post(POST_URL, form_data(old, author, "Late")).status_code == 403
    assert client.post(POST_URL, form_data(recent, author, "In time")).status_code == 302
    assert list(XtdComment.objects.filter(comment__in=["Late", "In time"]).values_list("comment", flat=True)) == [
        "In time"
    ]


# Moderation


@pytest.mark.django_db
def test_a_new_members_first_comment_waits_for_review_and_only_they_see_it(client, post, member):
    client.force_login(member)

    response = client.post(POST_URL, form_data(post, member, "Hello, first time here"), follow=True)

    comment = XtdComment.objects.get(comment="Hello, first time here")
    assert not comment.is_public
    assert comment.hold.reason == "First comment from this member"
    html = response.content.decode()
    assert "Your comment is awaiting review" in html
    assert "Hello, first time here" in html
    client.logout()
    assert "Hello, first time here" not in client.get(post.url).content.decode()


@pytest.mark.django_db
def test_link_heavy_and_watched_word_comments_are_held_with_their_reasons(client, post, author, settings):
    settings.HUB_COMMENT_MAX_LINKS = 2
    ModerationWordFactory(word="crypto giveaway")
    client.force_login(author)
    links = " ".join(f"[site {n}](https://example.org/{n})" for n in range(3))

    client.post(POST_URL, form_data(post, author, f"Useful: {links}"))
    client.post(POST_URL, form_data(post, author, "Join our Crypto  Giveaway today"))
    client.post(POST_URL, form_data(post, author, "Two links are fine: https://a.example and https://b.example"))

    holds = dict(CommentHold.objects.values_list("comment__comment", "reason"))
    assert holds == {
        f"Useful: {links}": "3 links (more than 2)",
        "Join our Crypto  Giveaway today": "Contains “crypto giveaway”",
    }


@pytest.mark.django_db
def test_moderation_rules_are_a_function_of_author_and_text(author, member, editor):
    ModerationWordFactory(word="spam")
    assert not moderation_verdict(author=author, text="A thoughtful reply").hold
    assert moderation_verdict(author=member, text="Hi").reasons == ["First comment from this member"]
    assert moderation_verdict(author=author, text="Spam, spam!").reason == "Contains “spam”"
    assert not moderation_verdict(author=author, text="Spammer is another word").hold
    assert not moderation_verdict(author=editor, text="First words from staff").hold


def queue_html(client):
    response = client.get("/admin/comments/review/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_editors_see_every_held_comment_and_facilitators_only_their_communities(client, communities, editor, member):
    open_side, restricted_side = communities[AccessLevel.OPEN], communities[AccessLevel.RESTRICTED]
    for side, text in [(open_side, "Held in the open community"), (restricted_side, "Held in the restricted one")]:
        page = blog_post(side["community"])
        client.force_login(side["insider"])
        client.post(POST_URL, form_data(page, side["insider"], text))
    assert CommentHold.objects.count() == 2

    client.force_login(editor)
    assert "Held in the open community" in queue_html(client)
    assert "Held in the restricted one" in queue_html(client)

    client.force_login(open_side["facilitator"])
    html = queue_html(client)
    assert "Held in the open community" in html
    assert "First comment from this member" in html
    assert "Held in the restricted one" not in html
    other = XtdComment.objects.get(comment="Held in the restricted one")
    assert client.post(f"/admin/comments/review/{other.pk}/approve/").status_code == 404
    assert not XtdComment.objects.get(pk=other.pk).is_public

    client.force_login(open_side["insider"])  # a member, not a facilitator
    assert client.get("/admin/comments/review/").status_code in (302, 403)


@pytest.mark.django_db
def test_facilitator_approves_and_removes_held_comments(
    client, communities, author, django_capture_on_commit_callbacks
):
    side = communities[AccessLevel.OPEN]
    page = blog_post(side["community"], title="Approval day")
    published_comment(page, author, "Following this", followup=True)
    announced = []

    def remember(comment, **kwargs):
        announced.append(comment.comment)

    comment_posted.connect(remember)  # weakly held: it goes when the test ends
    client.force_login(side["insider"])
    client.post(POST_URL, form_data(page, side["insider"], "Please approve me"))
    client.post(POST_URL, form_data(page, side["insider"], "Please remove me"))
    keep, drop = XtdComment.objects.get(comment="Please approve me"), XtdComment.objects.get(comment="Please remove me")

    client.force_login(side["facilitator"])
    assert client.get(f"/admin/comments/review/{keep.pk}/approve/").status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/comments/review/{keep.pk}/approve/")
    client.post(f"/admin/comments/review/{drop.pk}/remove/")

    keep.refresh_from_db()
    drop.refresh_from_db()
    assert keep.is_public and drop.is_removed
    assert announced == ["Please approve me"]
    assert [(message.to, message.subject) for message in mail.outbox] == [
        ([author.email], "New comment on Approval day")
    ]
    assert not CommentHold.objects.exists()
    assert "No comments are waiting for review" in queue_html(client)
    html = client.get(page.url).content.decode()
    assert "Please approve me" in html and "Please remove me" not in html


# Helpful and reports


@pytest.mark.django_db
def test_helpful_counts_once_per_member_and_shows_the_count(client, post, author, member):
    comment = published_comment(post, author, "A tip")
    client.force_login(member)

    for _ in range(2):
        assert client.post(f"/comments/{comment.pk}/helpful/").status_code == 302

    assert CommentFlag.objects.filter(comment=comment, flag=LIKEDIT_FLAG).count() == 1
    assert "You found this helpful · Helpful (1)" in client.get(post.url).content.decode()
    client.logout()
    assert "Helpful (1)" in client.get(post.url).content.decode()


@pytest.mark.django_db
def test_helpful_and_report_refuse_get_visitors_own_comments_and_unreadable_pages(client, communities, post, author):
    comment = published_comment(post, author)
    private = communities[AccessLevel.PRIVATE]
    hidden = published_comment(blog_post(private["community"]), private["insider"])

    assert client.post(f"/comments/{comment.pk}/helpful/").status_code == 403
    client.force_login(author)
    assert client.get(f"/comments/{comment.pk}/helpful/").status_code == 405
    own = client.post(f"/comments/{comment.pk}/helpful/")
    assert own.status_code == 400 and b"You cannot mark your own comment as helpful." in own.content
    assert client.post(f"/comments/{hidden.pk}/helpful/").status_code == 404
    assert client.post(f"/comments/{hidden.pk}/report/").status_code == 404
    assert client.post("/comments/999999/report/").status_code == 404
    assert not CommentFlag.objects.exists()


@pytest.mark.django_db
def test_reported_comments_reach_the_queue_once_and_leave_it_when_kept(client, post, author, member, editor):
    comment = published_comment(post, author, "Contested claim")
    client.force_login(member)
    client.post(f"/comments/{comment.pk}/report/")
    client.post(f"/comments/{comment.pk}/report/")
    assert CommentFlag.objects.filter(comment=comment, flag=CommentFlag.SUGGEST_REMOVAL).count() == 1
    assert "You reported this comment" in client.get(post.url).content.decode()

    client.force_login(editor)
    html = queue_html(client)
    assert "Contested claim" in html and "Reported by 1 member" in html
    client.post(f"/admin/comments/review/{comment.pk}/approve/")
    assert "Contested claim" not in queue_html(client)
    comment.refresh_from_db()
    assert comment.is_public


# Follow-up emails


def mute_link(message):
    return re.search(r"http://[^\s]+/comments/mute/[^\s]+/", message.body).group(0)


@pytest.mark.django_db
def test_followers_get_an_email_with_a_one_click_mute_while_they_may_read_the_page(
    client, communities, author, django_capture_on_commit_callbacks
):
    side = communities[AccessLevel.RESTRICTED]
    page = blog_post(side["community"], title="Storm comms", security_level=SecurityLevel.COMMUNITY)
    follower, leaver = side["insider"], side["facilitator"]
    published_comment(page, follower, "Tell me more", followup=True)
    published_comment(page, leaver, "Me too", followup=True)
    published_comment(page, author, "Not following")
    membership_leave(community=side["community"], member=leaver)
    poster = MemberProfileFactory(display_name="Jo Poster").user
    side["community"].members_group.user_set.add(poster)
    published_comment(blog_post(side["community"]), poster)  # not a first comment
    client.force_login(poster)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(POST_URL, form_data(page, poster, "Here is what we did"))

    assert [message.to for message in mail.outbox] == [[follower.email]]
    message = mail.outbox[0]
    assert message.subject == "New comment on Storm comms"
    assert "Jo Poster commented" in message.body and "Here is what we did" in message.body

    client.logout()
    response = client.get(mute_link(message).removeprefix("http://127.0.0.1:8000"))
    assert response.status_code == 200
    assert b"Emails stopped" in response.content
    assert b"Storm comms" not in response.content
    assert not XtdComment.objects.filter(user=follower, followup=True).exists()
    again = client.get(mute_link(message).removeprefix("http://127.0.0.1:8000"))
    assert again.status_code == 200 and b"Emails stopped" in again.content


@pytest.mark.django_db
def test_a_tampered_mute_link_is_refused(client):
    response = client.get("/comments/mute/not-a-real-key/")
    assert response.status_code == 400
    assert b"This link does not work" in response.content


# Performance


@pytest.mark.django_db
def test_a_page_with_many_comments_takes_a_fixed_number_of_queries(client, post, author, member):
    def add_comments(count):
        for n in range(count):
            top = published_comment(post, MemberProfileFactory().user, f"Top {n}")
            reply = published_comment(post, author, f"Reply {n}", parent=top)
            CommentFlag.objects.create(comment=reply, user=member, flag=LIKEDIT_FLAG)

    client.force_login(member)
    add_comments(2)
    few = queries_to_render(client, post.url)
    add_comments(20)
    many = queries_to_render(client, post.url)
    assert many == few
    assert client.get(post.url).content.decode().count("Helpful (1)") == 22


# Editors' screens


@pytest.mark.django_db
def test_editors_keep_the_word_list_and_the_comment_period_in_the_admin(client, editor):
    client.force_login(editor)
    assert client.get("/admin/practice/moderationword/").status_code == 200
    response = client.post("/admin/practice/moderationword/create/", {"word": "  Free   Money ", "note": "Spam"})
    assert response.status_code == 302
    assert list(ModerationWord.objects.values_list("word", flat=True)) == ["free money"]
    site = Site.objects.get(is_default_site=True)
    response = client.post(f"/admin/settings/practice/commentsettings/{site.pk}/", {"close_comments_after_days": "60"})
    assert response.status_code == 302
    assert CommentSettings.for_site(site).close_comments_after_days == 60


@pytest.mark.django_db
def test_members_cannot_change_the_word_list(client, communities):
    client.force_login(communities[AccessLevel.OPEN]["insider"])
    client.post("/admin/practice/moderationword/create/", {"word": "anything"})
    assert not ModerationWord.objects.exists()
