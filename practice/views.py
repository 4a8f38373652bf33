from django.shortcuts import get_object_or_404, render

from .models import BlogPostPage, CommunityPage, MemberProfile, Membership


def member_profile(request, slug):
    """Show a member's public profile with the posts and communities this reader may see."""
    profile = get_object_or_404(
        MemberProfile.objects.select_related("organisation", "role", "region", "user"), slug=slug, is_public=True
    )
    visible_communities = CommunityPage.objects.live().visible_to(request.user)
    context = {
        "profile": profile,
        "interests": profile.interests.all(),
        "posts": BlogPostPage.objects.live()
        .visible_to(request.user)
        .filter(authors=profile.user)
        .order_by("-date")[:10],
        "communities": visible_communities.filter(
            memberships__member=profile.user, memberships__status=Membership.Status.ACTIVE
        ).order_by("title"),
    }
    return render(request, "practice/member_profile.html", context)
