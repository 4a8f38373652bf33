"""Links in emails that change a member's email settings without signing in: unsubscribe, weekly, mute.

Each link carries a signed token naming the member and the change; it expires, and the change is only
made by a POST from the confirmation page (or a mail client's one-click unsubscribe), so a mail scanner
following links changes nothing.
"""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import models, transaction
from django.urls import reverse

from practice.common.addresses import absolute_url
from practice.following.services import follow_delete
from practice.models import NotificationSettings, PracticePage

SALT = "practice.following.email_links"
MAX_AGE = dt.timedelta(days=60)


class Action(models.TextChoices):
    UNSUBSCRIBE = "unsubscribe", "Stop sending me digest emails"
    WEEKLY = "weekly", "Send my digest weekly instead of daily"
    MUTE = "mute", "Stop following this page"


class BadLink(Exception):
    """The token was tampered with, has expired, or names someone or something that has gone."""


@dataclass(frozen=True)
class EmailLink:
    member: object
    action: Action
    page: PracticePage | None = None


def email_link_url(member, action, page=None):
    """Return the full URL of a signed link that makes this change for this member."""
    token = signing.dumps({"m": member.pk, "a": str(action), "p": getattr(page, "pk", None)}, salt=SALT, compress=True)
    return absolute_url(reverse("email_link", kwargs={"token": token}))


def read_email_link(token):
    """Return the EmailLink a token stands for, or raise BadLink."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
        action = Action(data["a"])
        member_id, page_id = data["m"], data["p"]
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise BadLink from error
    member = get_user_model().objects.filter(pk=member_id, is_active=True).first()
    if member is None:
        raise BadLink
    page = None
    if action == Action.MUTE:
        page = PracticePage.objects.filter(pk=page_id).first()
        if page is None:
            raise BadLink
    return EmailLink(member=member, action=action, page=page)


@transaction.atomic
def email_link_apply(link):
    """Make the change the link stands for; doing it twice changes nothing more."""
    if link.action == Action.MUTE:
        follow_delete(follower=link.member, page=link.page)
        return
    digest_settings, _ = NotificationSettings.objects.get_or_create(member=link.member)
    if link.action == Action.UNSUBSCRIBE:
        digest_settings.digest = NotificationSettings.Digest.OFF
    elif digest_settings.digest == NotificationSettings.Digest.DAILY:
        digest_settings.digest = NotificationSettings.Digest.WEEKLY
    digest_settings.save(update_fields=["digest"])
