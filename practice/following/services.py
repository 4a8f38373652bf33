"""Following and notifications: who follows what, who is told what happened, and only if they may read it.

A notification is written only for followers who may open its page at that moment, and shown (on the
notifications page, in the header count, in a digest) only while they still may: practice.access
decides both times.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Prefetch, Q

from practice.access import may_read
from practice.models import (
    BlogPostPage,
    CommunityPage,
    DiscussionThreadPage,
    EventPage,
    Follow,
    Notification,
    NotificationSettings,
)

# Pages a member may follow directly; topics and members are followed through their own endpoints.
FOLLOWABLE_PAGE_TYPES = (CommunityPage, DiscussionThreadPage)

Verb = Notification.Verb
Reason = Notification.Reason

# When someone follows a page in several ways, the closest one is the reason they are given.
REASON_PRIORITY = [Reason.PAGE, Reason.COMMUNITY, Reason.MEMBER, Reason.TOPIC]

# What happened in a page already followed, as against new material arriving in a community or topic.
VERBS_ABOUT_THE_PAGE = {Verb.REPLIED, Verb.ANSWER_ACCEPTED, Verb.COMMENTED}


@transaction.atomic
def follow_create(*, follower, page=None, topic=None, member=None):
    """Make the member follow one page, topic or member; following it again changes nothing."""
    follow, _ = Follow.objects.get_or_create(follower=follower, page=page, topic=topic, member=member)
    return follow


@transaction.atomic
def follow_delete(*, follower, page=None, topic=None, member=None):
    """Stop the member following one page, topic or member; return whether they were."""
    deleted, _ = Follow.objects.filter(follower=follower, page=page, topic=topic, member=member).delete()
    return deleted > 0


def people_credited(page):
    """Return the ids of the members a page is by: its owner, starter, authors or organiser."""
    credited = {page.owner_id}
    if isinstance(page, DiscussionThreadPage):
        credited.add(page.starter_id)
    if isinstance(page, BlogPostPage):
        credited.update(page.authors.values_list("pk", flat=True))
    if isinstance(page, EventPage):
        credited.add(page.organiser_id)
    credited.discard(None)
    return credited


def followers_with_reasons(*, verb, page):
    """Return {follower id: reason} for everyone who follows what this event on the page concerns."""
    if verb in VERBS_ABOUT_THE_PAGE:
        subjects = Q(page=page)
    else:
        # New material: followers of its community, its topics and the people it is by.
        subjects = Q(topic__in=page.topics.values("pk")) | Q(member__in=people_credited(page))
        if page.community_id is not None:
            subjects |= Q(page=page.community_id)

    reasons = {}
    for follower_id, page_id, topic_id in Follow.objects.filter(subjects).values_list("follower", "page", "topic"):
        if page_id == page.pk:
            reason = Reason.PAGE
        elif page_id is not None:
            reason = Reason.COMMUNITY
        elif topic_id is not None:
            reason = Reason.TOPIC
        else:
            reason = Reason.MEMBER
        known = reasons.get(follower_id)
        if known is None or REASON_PRIORITY.index(reason) < REASON_PRIORITY.index(known):
            reasons[follower_id] = reason
    return reasons


def readers_among(page, user_ids):
    """Return the ids of the active users among user_ids who may open the page now.

    Whether a user may open a page depends only on their groups and whether they are a superuser, so the
    access filter runs once per distinct set of groups, not once per user.
    """
    users = get_user_model().objects.filter(pk__in=user_ids, is_active=True).only("pk", "is_superuser")
    users = users.prefetch_related(Prefetch("groups", queryset=Group.objects.only("pk")))
    alike = {}
    for user in users:
        key = (user.is_superuser, frozenset(group.pk for group in user.groups.all()))
        alike.setdefault(key, []).append(user)

    readers = set()
    for group_of_users in alike.values():
        someone = group_of_users[0]
        if may_read(someone, page):
            readers.update(user.pk for user in group_of_users)
    return readers


@transaction.atomic
def notifications_create(*, verb, page, actor=None, reply=None, comment=None):
    """Notify the followers concerned by what happened on a page, except its actor and anyone who may not read it.

    Running it twice for the same event notifies nobody twice. Returns the notifications written.
    """
    reasons = followers_with_reasons(verb=verb, page=page)
    leave_out = {getattr(actor, "pk", None)}
    if verb in {Verb.PUBLISHED, Verb.THREAD_STARTED}:
        leave_out |= people_credited(page)
    already = Notification.objects.filter(verb=verb, page=page, reply=reply, comment=comment)
    leave_out |= set(already.values_list("recipient_id", flat=True))
    candidates = [user_id for user_id in reasons if user_id not in leave_out]
    if not candidates:
        return []

    readers = readers_among(page, candidates)
    notifications = Notification.objects.bulk_create(
        Notification(
            recipient_id=user_id,
            actor=actor,
            verb=verb,
            reason=reasons[user_id],
            page=page,
            reply=reply,
            comment=comment,
        )
        for user_id in candidates
        if user_id in readers
    )
    # Everyone with something to be told has digest settings, so the digest command has a row to mark.
    NotificationSettings.objects.bulk_create(
        [NotificationSettings(member_id=n.recipient_id) for n in notifications], ignore_conflicts=True
    )
    return notifications
