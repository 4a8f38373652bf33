"""Starting, replying to, editing and running discussions from the public site.

Readers reach a thread only if they may read it (anything else is a 404, as a private community's
pages are); writing needs an active membership of the thread's community, or hub staff.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from hub.ratelimit import rate_limited
from practice.common.refusals import refusal
from practice.discussions import services
from practice.discussions.forms import ReplyForm, ThreadEditForm, ThreadForm
from practice.discussions.rules import Standing, edit_deadline, reply_depth
from practice.models import CommunityPage, DiscussionIndexPage, DiscussionThreadPage, Membership, Reply


def _readable_threads(user):
    return DiscussionThreadPage.objects.live().visible_to(user).select_related("community")


def _thread(request, thread_id):
    """Return the live thread the user may read, or 404."""
    return get_object_or_404(_readable_threads(request.user), pk=thread_id)


def _refuse(request, message, *, thread, status=403):
    """Answer a request about a thread that we turn down with a page that says why, and a way back to it."""
    back = (thread.get_url(request), f"Back to “{thread.title}”")
    return refusal(request, message, status=status, heading="You cannot do that", back=back)


def _join_first(request, community):
    """Tell a signed-in non-member they must belong to the community to take part, and how to join."""
    membership = Membership.objects.filter(community=community, member=request.user).first()
    return refusal(
        request,
        status=403,
        template="practice/discussion_join_first.html",
        community=community,
        membership=membership,
    )


def _posted(request):
    """Return the submitted data to bind a form to, even when empty, or None for a GET."""
    return request.POST if request.method == "POST" else None


def _form_errors(form, error):
    for message in error.messages:
        form.add_error(None, message)


def _thread_url(request, thread, anchor=""):
    return thread.get_url(request) + (f"#{anchor}" if anchor else "")


@login_required
@rate_limited("post")
def thread_start(request, community_id):
    """Start a discussion in a community the member belongs to."""
    community = get_object_or_404(CommunityPage.objects.live().visible_to(request.user), pk=community_id)
    index = get_object_or_404(DiscussionIndexPage.objects.child_of(community).live())
    if not Standing.of(request.user, community).takes_part:
        return _join_first(request, community)

    form = ThreadForm(_posted(request), community=community)
    if request.method == "POST" and form.is_valid():
        thread = services.thread_start(index=index, author=request.user, **form.cleaned_data)
        if not thread.live:
            return redirect("discussion_waiting", thread_id=thread.pk)
        messages.success(request, "Your discussion has started.")
        return redirect(thread.get_url(request))
    context = {"form": form, "community": community, "index": index}
    return render(request, "practice/discussion_start.html", context, status=400 if form.errors else 200)


@login_required
def thread_waiting(request, thread_id):
    """Confirm to its starter that their discussion waits for a moderator, showing what they sent."""
    thread = get_object_or_404(
        DiscussionThreadPage.objects.select_related("community"), pk=thread_id, starter=request.user
    )
    if thread.live:
        return redirect(thread.get_url(request))
    if not thread.held_reason:
        raise Http404("This discussion is not waiting for review.")
    return render(request, "practice/discussion_waiting.html", {"thread": thread, "community": thread.community})


@login_required
@rate_limited("post")
def reply(request, thread_id, parent_id=None):
    """Reply to a thread, or to one of its replies: a form of its own, so it works without JavaScript."""
    thread = _thread(request, thread_id)
    parent = None
    if parent_id is not None:
        # A held reply cannot be answered until a moderator approves it, so it is as good as missing here.
        parent = get_object_or_404(thread.replies.published().select_related("author__profile"), pk=parent_id)
    standing = Standing.of(request.user, thread.community)
    if not standing.takes_part:
        return _join_first(request, thread.community)
    if not standing.may_reply(thread):
        return _refuse(request, "This discussion is closed to new replies.", thread=thread)
    if parent is not None and reply_depth(parent) >= settings.HUB_REPLY_MAX_DEPTH:
        return _refuse(
            request,
            "Replies cannot nest any deeper here. Reply to an earlier message instead.",
            status=400,
            thread=thread,
        )

    form = ReplyForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            new = services.reply_post(thread=thread, author=request.user, body=form.cleaned_data["body"], parent=parent)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            if new.is_held:
                messages.info(request, "Thank you. Others will see your reply once a moderator has checked it.")
            else:
                messages.success(request, "Your reply has been posted.")
            return redirect(_thread_url(request, thread, f"reply-{new.pk}"))
    context = {"form": form, "thread": thread, "parent": parent}
    return render(request, "practice/discussion_reply.html", context, status=400 if form.errors else 200)


def _edit(request, *, thread, author_id, written_at, initial, save, anchor, what):
    """Show and handle the form to edit a thread's message or a reply, for its author while they may."""
    standing = Standing.of(request.user, thread.community)
    if not standing.may_edit(thread, author_id, written_at):
        return _refuse(
            request,
            f"You can edit {what} only if you wrote it, in the first {settings.HUB_EDIT_WINDOW_MINUTES} "
            "minutes after posting it, while the discussion is open.",
            thread=thread,
        )
    form = ThreadEditForm(_posted(request), initial={"body": initial})
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data["body"])
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, "Your changes have been saved.")
            return redirect(_thread_url(request, thread, anchor))
    context = {"form": form, "thread": thread, "what": what, "deadline": edit_deadline(written_at)}
    return render(request, "practice/discussion_edit.html", context, status=400 if form.errors else 200)


@login_required
@rate_limited("post")
def thread_edit(request, thread_id):
    thread = _thread(request, thread_id)
    return _edit(
        request,
        thread=thread,
        author_id=thread.starter_id,
        written_at=thread.first_published_at,
        initial=thread.body,
        save=lambda body: services.thread_edit(thread=thread, by=request.user, body=body),
        anchor="",
        what="a discussion's message",
    )


@login_required
@rate_limited("post")
def reply_edit(request, reply_id):
    reply = get_object_or_404(Reply, pk=reply_id)
    thread = _thread(request, reply.thread_id)  # a reply in a thread they may not read is as good as missing
    return _edit(
        request,
        thread=thread,
        author_id=reply.author_id,
        written_at=reply.created_at,
        initial=reply.body,
        save=lambda body: services.reply_edit(reply=reply, by=request.user, body=body),
        anchor=f"reply-{reply.pk}",
        what="a reply",
    )


@login_required
@require_POST
def answer_accept(request, thread_id, reply_id):
    """Mark a reply as the accepted answer, as the thread's starter or a facilitator."""
    thread = _thread(request, thread_id)
    answer = get_object_or_404(thread.replies.published(), pk=reply_id)
    if not Standing.of(request.user, thread.community).may_accept(thread):
        return _refuse(
            request,
            "Only the person who started this discussion or a facilitator can choose its answer.",
            thread=thread,
        )
    try:
        services.thread_accept_answer(thread=thread, reply=answer, by=request.user)
    except ValidationError as error:
        return _refuse(request, " ".join(error.messages), status=400, thread=thread)
    messages.success(request, "The reply is marked as the accepted answer.")
    return redirect(_thread_url(request, thread, f"reply-{answer.pk}"))


@login_required
@require_POST
def answer_clear(request, thread_id):
    """Take away the accepted answer, as the thread's starter or a facilitator."""
    thread = _thread(request, thread_id)
    if not Standing.of(request.user, thread.community).may_accept(thread):
        return _refuse(
            request,
            "Only the person who started this discussion or a facilitator can change its answer.",
            thread=thread,
        )
    try:
        services.thread_clear_answer(thread=thread, by=request.user)
    except ValidationError as error:
        return _refuse(request, " ".join(error.messages), status=400, thread=thread)
    messages.success(request, "The discussion no longer has an accepted answer.")
    return redirect(_thread_url(request, thread))


FACILITATOR_ACTIONS = {
    "close": (services.thread_close, "The discussion is closed to new replies."),
    "reopen": (services.thread_reopen, "The discussion is open again."),
    "pin": (services.thread_pin, "The discussion is pinned to the top of the list."),
    "unpin": (lambda **kwargs: services.thread_pin(pinned=False, **kwargs), "The discussion is no longer pinned."),
}


@login_required
@require_POST
def thread_moderate(request, thread_id, action):
    """Close, reopen, pin or unpin a thread, as one of its community's facilitators."""
    thread = _thread(request, thread_id)
    if not Standing.of(request.user, thread.community).facilitator:
        return _refuse(
            request, "Only this community's facilitators can close, reopen or pin discussions.", thread=thread
        )
    act, done = FACILITATOR_ACTIONS[action]
    act(thread=thread, by=request.user)
    messages.success(request, done)
    return redirect(_thread_url(request, thread))
