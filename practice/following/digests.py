"""Digest emails: each member's unread notifications since their last digest, daily or weekly by their choice.

What a member may read is checked again as each digest is built, so a line about a page they can no
longer open (they left its community, its security level went up, it was unpublished) is left out.
Safe to run from cron as often as wanted: a member's digest is claimed by moving their
`last_digest_sent_at` from the value read to now, so two runs never send the same digest twice.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from practice.common.addresses import absolute_url
from practice.common.mail import templated_mail
from practice.common.names import member_name
from practice.following.email_links import Action, email_link_url
from practice.models import DiscussionThreadPage, Notification, NotificationSettings

Digest = NotificationSettings.Digest

PERIODS = {Digest.DAILY: dt.timedelta(days=1), Digest.WEEKLY: dt.timedelta(days=7)}
# A cron job that runs a little earlier today than yesterday should still send today's digest.
SLACK = dt.timedelta(hours=1)
MOST_LINES = 50


@dataclass
class DigestPage:
    """The lines of a digest about one page, with a link to stop following it when it is a discussion."""

    title: str
    url: str
    lines: list = field(default_factory=list)
    mute_url: str | None = None


@dataclass
class DigestResult:
    sent: int = 0
    empty: int = 0
    failed: int = 0
    claimed_elsewhere: int = 0

    def as_dict(self):
        return {
            "sent": self.sent,
            "empty": self.empty,
            "failed": self.failed,
            "claimed_elsewhere": self.claimed_elsewhere,
        }


def due_settings(now):
    """Return the digest settings of active members whose digest is due at this moment."""
    due = Q(last_digest_sent_at__isnull=True)
    for frequency, period in PERIODS.items():
        due |= Q(digest=frequency, last_digest_sent_at__lte=now - period + SLACK)
    return (
        NotificationSettings.objects.exclude(digest=Digest.OFF)
        .filter(due, member__is_active=True)
        .exclude(member__email="")
        .select_related("member__profile")
        .order_by("pk")
    )


def digest_notifications(digest_settings, now):
    """Return the notifications for a member's next digest: unread, new since the last, readable now."""
    member = digest_settings.member
    notifications = (
        Notification.objects.readable_by(member)
        .unread()
        .filter(verb__in=digest_settings.emailed_verbs(), created_at__lte=now)
        .select_related("actor__profile", "page")
        .order_by("created_at", "pk")
    )
    if digest_settings.last_digest_sent_at is not None:
        notifications = notifications.filter(created_at__gt=digest_settings.last_digest_sent_at)
    return notifications


def digest_pages(member, notifications):
    """Group a digest's lines by page, in the order each page first comes up."""
    pages = {}
    for notification in notifications:
        page = notification.page
        if page.pk not in pages:
            pages[page.pk] = DigestPage(
                title=page.title,
                url=absolute_url(page.get_url()),
                mute_url=(
                    email_link_url(member, Action.MUTE, page) if page.specific_class is DiscussionThreadPage else None
                ),
            )
        pages[page.pk].lines.append(
            {
                "who": member_name(notification.actor),
                "what": notification.get_verb_display(),
                "url": absolute_url(page.get_url() + notification.anchor),
                "when": notification.created_at,
            }
        )
    return list(pages.values())


def build_digest(digest_settings, now):
    """Return the digest email for a member, or None when there is nothing they may read in it."""
    member = digest_settings.member
    notifications = list(digest_notifications(digest_settings, now)[: MOST_LINES + 1])
    if not notifications:
        return None
    shown, more = notifications[:MOST_LINES], len(notifications) > MOST_LINES
    unsubscribe_url = email_link_url(member, Action.UNSUBSCRIBE)
    context = {
        "member": member,
        "name": member_name(member, unnamed=member.get_full_name()),  # to themselves: their own account name will do
        "frequency": digest_settings.get_digest_display().lower(),
        "pages": digest_pages(member, shown),
        "more": more,
        "notifications_url": absolute_url(reverse("notifications")),
        "settings_url": absolute_url(reverse("notification_settings")),
        "unsubscribe_url": unsubscribe_url,
        "weekly_url": (email_link_url(member, Action.WEEKLY) if digest_settings.digest == Digest.DAILY else None),
    }
    count = len(shown)
    return templated_mail(
        subject=f"Your {context['frequency']} Practice Hub digest: {count}{'+' if more else ''} "
        f"update{'s' if count != 1 else ''}",
        template="practice/emails/digest.txt",
        html_template="practice/emails/digest.html",
        context=context,
        recipients=[member.email],
        # Mail clients offer their own unsubscribe button from these (RFC 2369 and RFC 8058 one-click).
        headers={"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )


def claim(digest_settings, now):
    """Mark the member's digest as sent now, unless another run got there first; say whether we did."""
    previous = digest_settings.last_digest_sent_at
    unchanged = Q(last_digest_sent_at__isnull=True) if previous is None else Q(last_digest_sent_at=previous)
    return NotificationSettings.objects.filter(unchanged, pk=digest_settings.pk).update(last_digest_sent_at=now) == 1


def release(digest_settings, now):
    """Put back the member's last digest time after a digest that could not be sent."""
    NotificationSettings.objects.filter(pk=digest_settings.pk, last_digest_sent_at=now).update(
        last_digest_sent_at=digest_settings.last_digest_sent_at
    )


def digests_send_due(*, now=None, report=None):
    """Send every due digest with something in it. Call report(line) for each member; return the counts."""
    now = now or timezone.now()
    report = report or (lambda line: None)
    result = DigestResult()
    for digest_settings in due_settings(now).iterator(chunk_size=200):
        address = digest_settings.member.email
        email = build_digest(digest_settings, now)
        if email is None:
            result.empty += 1
            report(f"{address}: nothing new they may read, no email")
            continue
        if not claim(digest_settings, now):
            result.claimed_elsewhere += 1
            report(f"{address}: already sent by another run")
            continue
        try:
            email.send()
        except OSError as error:
            release(digest_settings, now)
            result.failed += 1
            report(f"{address}: not sent ({error}); will try again next run")
            continue
        result.sent += 1
        report(f"{address}: sent a {digest_settings.digest} digest")
    return result.as_dict()
