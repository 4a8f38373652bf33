"""The follow button: `{% load following_tags %}{% follow_button page %}` (or a topic, or a member profile)."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from practice.models import DiscussionThreadPage, Follow, MemberProfile, Topic

register = template.Library()


def subject_of(thing):
    """Return (what to filter follows by, URL name stem, URL argument, how to name it) for a followable thing."""
    if isinstance(thing, Topic):
        return {"topic": thing}, "topic", thing.slug, f"the topic {thing.name}"
    if isinstance(thing, MemberProfile):
        return {"member_id": thing.user_id}, "member", thing.slug, thing.display_name
    kind = "discussion" if issubclass(thing.specific_class, DiscussionThreadPage) else "community"
    return {"page_id": thing.pk}, "page", thing.pk, f"this {kind}"


@register.inclusion_tag("practice/includes/follow_button.html", takes_context=True)
def follow_button(context, thing):
    """Show a follow or unfollow button for the reader, a sign-in link for a visitor, nothing on their own profile."""
    request = context["request"]
    user = request.user
    lookup, stem, argument, name = subject_of(thing)
    if isinstance(thing, MemberProfile) and thing.user_id == user.pk:
        return {"hidden": True}
    following = user.is_authenticated and Follow.objects.filter(follower=user, **lookup).exists()
    action = "unfollow" if following else "follow"
    return {
        "hidden": False,
        "signed_in": user.is_authenticated,
        "following": following,
        "action_url": reverse(f"{action}_{stem}", args=[argument]),
        "name": name,
        "next": request.get_full_path(),
        "sign_in_url": f"{reverse('login')}?{urlencode({'next': request.path})}",
    }
