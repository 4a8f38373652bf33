"""A post's WordPress comments: approved ones become our threaded comments, pingbacks and trackbacks become links."""

import collections
import re

from django_comments_xtd.models import XtdComment, max_thread_level_for_content_type

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.text import Truncator

from practice.importing.wordpress.content import comment_text, plain_text
from practice.models import BlogPostPage

COMMENT_MAX_LENGTH = getattr(settings, "COMMENT_MAX_LENGTH", 3000)
MENTIONS = {"pingback", "trackback"}
COMMENT_SKIPPED = {
    "0": "it was waiting for approval in WordPress",
    "spam": "it was marked as spam",
    "trash": "it was in the WordPress trash",
}


def mention_links(item, label, report):
    """Return a link for each approved pingback or trackback on the post: other sites that wrote about it."""
    links = []
    for comment in item.comments:
        if comment.type not in MENTIONS:
            continue
        if comment.approved != "1":
            report.skip(f"{comment.type.capitalize()} {comment.id} on {label}", "it was not approved")
        elif not re.match(r"https?://", comment.url):
            report.skip(f"{comment.type.capitalize()} {comment.id} on {label}", "it has no web address")
        else:
            text = Truncator(plain_text(comment.author) or comment.url).chars(200)
            links.append({"page": None, "url": comment.url[:200], "text": text})
            report.counts["mentions"] += 1
    return links


def import_comments(item, page, label, *, authors, ledger, report):
    """Add the post's approved comments that are not there yet, each under the comment it answers."""
    content_type = ContentType.objects.get_for_model(BlogPostPage)
    max_level = max_thread_level_for_content_type(content_type)
    saved = {}  # WordPress comment id -> XtdComment
    comments = [comment for comment in item.comments if comment.type not in MENTIONS]
    by_id = {comment.id: comment for comment in comments}
    for comment in parents_first(comments):
        what = f"Comment {comment.id} on {label}"
        imported = ledger.find(f"comment:{comment.id}")
        if imported is not None:
            if imported.target is not None:
                saved[comment.id] = imported.target
            report.counts["comments_already"] += 1
            continue
        if comment.approved != "1":
            report.skip(what, COMMENT_SKIPPED.get(comment.approved, "it was not approved"))
            continue
        if comment.parent_id not in {"", "0"} and comment.parent_id not in saved:
            reason = "it answers a comment that was not imported"
            if comment.parent_id not in by_id:
                reason = "it answers a comment missing from the file"
            report.skip(what, reason)
            continue
        text = comment_text(comment.content)
        if not text:
            report.skip(what, "it is empty")
            continue
        if len(text) > COMMENT_MAX_LENGTH:
            text = Truncator(text).chars(COMMENT_MAX_LENGTH)
            report.skip(f"End of {what.lower()}", f"cut to {COMMENT_MAX_LENGTH} characters")
        parent = saved.get(comment.parent_id)
        while parent is not None and parent.level >= max_level:
            # Deeper than our threads go: it becomes a reply to the deepest comment we can nest under.
            parent = XtdComment.objects.get(pk=parent.parent_id)
        xtd = XtdComment(
            content_type=content_type,
            object_pk=str(page.pk),
            site_id=settings.SITE_ID,
            user=authors.commenter(comment),
            user_name=comment.author[:50],
            user_email=comment.email if "@" in comment.email else "",
            user_url=comment.url if re.match(r"https?://", comment.url) else "",
            comment=text,
            submit_date=comment.date or page.date,
            is_public=True,
            parent_id=parent.pk if parent else 0,
        )
        xtd.save()
        saved[comment.id] = xtd
        ledger.remember(f"comment:{comment.id}", xtd)
        report.counts["comments"] += 1


def parents_first(comments):
    """Order comments so that each comes after the one it answers, oldest first among siblings."""
    children = collections.defaultdict(list)
    ids = {comment.id for comment in comments}
    for comment in comments:
        parent = comment.parent_id if comment.parent_id in ids else "0"
        children[parent].append(comment)
    ordered, stack = [], sorted(children["0"], key=_comment_order, reverse=True)
    while stack:
        comment = stack.pop()
        ordered.append(comment)
        stack += sorted(children.get(comment.id, []), key=_comment_order, reverse=True)
    return ordered


def _comment_order(comment):
    return (comment.date or timezone.now(), int(comment.id) if comment.id.isdigit() else 0)
