"""Credit writes: the writer is credited, anyone else is asked and credited only on accepting, each in one transaction.

Trusted automated paths (the WordPress importer crediting a blog's own authors, the demo loader) write
BlogPostPage.authors directly: what they credit counts as consented.
"""

from django.db import transaction
from django.urls import reverse

from wagtail.search import index

from practice.common.addresses import absolute_url
from practice.common.mail import send_templated_mail
from practice.common.names import member_name
from practice.models import BlogPostPage, CommunityPage, CreditRequest, Membership, Notification

Credit = BlogPostPage.authors.through


class CreditRefused(Exception):
    """A credit that cannot be asked for or given; the message says why, for the person who tried."""


def _community_of(post):
    return CommunityPage.objects.ancestor_of(post).order_by("-depth").first()


def _belongs(post, member):
    """Return whether the member is an active member of the post's community."""
    community = _community_of(post)
    return community is not None and Membership.objects.active().filter(community=community, member=member).exists()


def _reindex_after_commit(post):
    # Search finds posts by their authors' names: the index learns of a credit only when told.
    transaction.on_commit(lambda: index.insert_or_update_object(post))


def _remove(credit_request):
    """Delete an answered or withdrawn request, and the notification that asked it, which is done with."""
    Notification.objects.filter(
        recipient=credit_request.member_id, page=credit_request.post_id, verb=Notification.Verb.CREDIT_REQUESTED
    ).delete()
    credit_request.delete()


@transaction.atomic
def credit_request_create(*, post, member, by):
    """Ask a member of the post's community to be credited as an author; they are notified and emailed.

    Asking someone already credited, or outside the community, is refused with CreditRefused; asking
    again while they have not answered changes nothing.
    """
    if Credit.objects.filter(blogpostpage=post, user=member).exists():
        raise CreditRefused("That member is already credited as an author of this post.")
    if not member.is_active or not _belongs(post, member):
        raise CreditRefused("Only active members of the post's community can be credited as its authors.")
    credit_request, created = CreditRequest.objects.get_or_create(
        post=post, member=member, defaults={"requested_by": by}
    )
    if created:
        Notification.objects.create(
            recipient=member,
            actor=by,
            verb=Notification.Verb.CREDIT_REQUESTED,
            reason=Notification.Reason.CREDITED,
            page=post,
        )
        transaction.on_commit(lambda: notify_credit_requested(credit_request))
    return credit_request


@transaction.atomic
def credit_request_accept(*, credit_request, member):
    """Credit the member as an author of the post they were asked about, as they agreed."""
    if credit_request.member_id != member.pk:
        raise CreditRefused("Only the member asked can accept a credit.")
    post = credit_request.post
    if not _belongs(post, member):
        raise CreditRefused("You are no longer a member of this post's community, so you cannot be credited on it.")
    Credit.objects.get_or_create(blogpostpage=post, user=member)
    _remove(credit_request)
    _reindex_after_commit(post)


@transaction.atomic
def credit_request_decline(*, credit_request, member):
    """Turn a credit down: the member is not named, and the request is removed."""
    if credit_request.member_id != member.pk:
        raise CreditRefused("Only the member asked can decline a credit.")
    _remove(credit_request)


@transaction.atomic
def credit_request_withdraw(*, credit_request, by):
    """Take back a credit not yet answered, as whoever asked or the post's writer."""
    if by.pk not in {credit_request.requested_by_id, credit_request.post.owner_id}:
        raise CreditRefused("Only whoever asked, or the post's writer, can withdraw a credit.")
    _remove(credit_request)


@transaction.atomic
def post_co_authors_set(*, post, members, by):
    """Make the editor's choice of co-authors true: credit the writer, ask newcomers, drop whoever is left out.

    Those left out lose their credit, or their unanswered request; nobody is credited without accepting.
    """
    chosen = {member.pk: member for member in members if member.pk != post.owner_id}
    credited = set(Credit.objects.filter(blogpostpage=post).values_list("user_id", flat=True))
    asked = {request.member_id: request for request in CreditRequest.objects.filter(post=post)}

    changed = False
    if post.owner_id is not None and post.owner_id not in credited:
        Credit.objects.create(blogpostpage=post, user_id=post.owner_id)
        changed = True
    dropped = credited - set(chosen) - {post.owner_id}
    if dropped:
        Credit.objects.filter(blogpostpage=post, user_id__in=dropped).delete()
        changed = True
    for member_id, credit_request in asked.items():
        if member_id not in chosen:
            _remove(credit_request)
    for member_id, member in chosen.items():
        if member_id not in credited and member_id not in asked:
            credit_request_create(post=post, member=member, by=by)
    if changed:
        _reindex_after_commit(post)


def notify_credit_requested(credit_request):
    post = credit_request.post
    context = {
        "credit_request": credit_request,
        "member_name": member_name(credit_request.member),
        "asker_name": member_name(credit_request.requested_by, former="A member"),
        "community": _community_of(post),
        "link": absolute_url(reverse("author_credits")),
    }
    send_templated_mail(
        subject=f"Will you be credited as an author of “{post.title}”?",
        template="practice/emails/credit_requested.txt",
        context=context,
        recipients=[credit_request.member.email],
    )
