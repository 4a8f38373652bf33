"""Which members' writing waits for a moderator before others see it, and why.

The rules read the author, the text and where it is written, so comments, discussion threads and
replies share them: a member's first contribution, writing with more links than
settings.HUB_COMMENT_MAX_LINKS, and writing that contains a word or phrase from the editors' list
(ModerationWord). Hub staff, and facilitators in their own communities, only meet the word list.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django_comments_xtd.models import XtdComment

from django.conf import settings

from practice.access import is_staff_member
from practice.markup import link_count
from practice.models import DiscussionThreadPage, Membership, ModerationWord, Reply

# The same words posted again by the same member in the same place this soon are one submission sent
# twice (a double click, a resent form): comments, threads and replies return the first.
REPEAT_WINDOW = dt.timedelta(minutes=10)


@dataclass(frozen=True)
class Verdict:
    """Whether to hold a piece of writing back, with the reasons a moderator will read."""

    reasons: list[str] = field(default_factory=list)

    @property
    def hold(self):
        return bool(self.reasons)

    @property
    def reason(self):
        return "; ".join(self.reasons)


def has_published_before(author):
    """Say whether the member already has a comment, a discussion reply or a discussion others can read."""
    return (
        XtdComment.objects.filter(user=author, is_public=True, is_removed=False).exists()
        or Reply.objects.published().filter(author=author).exists()
        or DiscussionThreadPage.objects.live().filter(starter=author).exists()
    )


def is_trusted(author, community):
    """Say whether the author skips the first-post and link rules: hub staff, and the community's facilitators."""
    if author is None or not author.is_authenticated:
        return False
    if is_staff_member(author):
        return True
    return (
        community is not None
        and Membership.objects.active().facilitators().filter(community=community, member=author).exists()
    )


def watched_words_in(text):
    """Return the words and phrases from the moderation list that the text contains, as whole words."""
    words = list(ModerationWord.objects.values_list("word", flat=True))
    if not words:
        return []
    lowered = " ".join(text.split()).lower()
    return [word for word in words if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", lowered)]


def moderation_verdict(*, author, text, kind="comment", community=None):
    """Say whether this member's writing (a comment, reply or discussion) waits for a moderator, and why."""
    reasons = []
    if not is_trusted(author, community):
        if not has_published_before(author):
            reasons.append(f"First {kind} from this member")
        links = link_count(text)
        if links > settings.HUB_COMMENT_MAX_LINKS:
            reasons.append(f"{links} links (more than {settings.HUB_COMMENT_MAX_LINKS})")
    words = watched_words_in(text)
    if words:
        reasons.append("Contains " + ", ".join(f"“{word}”" for word in words))
    return Verdict(reasons)
