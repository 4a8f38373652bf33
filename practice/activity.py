"""What members do on the hub, announced to whoever listens (notifications, digests, search updates).

Senders send after the change is committed, so a listener never sees a half-saved state.
"""

from django.dispatch import Signal

# A member started a thread. Arguments: thread (DiscussionThreadPage), by (user).
thread_started = Signal()

# A reply went up in a thread. Arguments: reply (Reply), thread, by.
reply_posted = Signal()

# A reply was marked as the thread's accepted answer. Arguments: thread, reply, by.
answer_accepted = Signal()

# A comment became readable on a page (posted, or approved by a moderator). Arguments: comment
# (django_comments_xtd XtdComment), page (the specific page), by (the comment's author).
comment_posted = Signal()
