"""What each page shows beyond its own fields: listings with their filters, a community's latest work, an
event's booking panel, a thread's replies, the home page's news and a member's "for you".

Pages are models, the bottom layer; what they list is built by the features above them (filters,
booking services, discussion rules), which import the models in turn. A page reaches this module
through one hook when it is served (practice.models.base.ContextFromFeatures), and each page type with
more to show than its fields has its builder here.
"""

from django.db.models import Exists, OuterRef
from django.urls import reverse

from home.models import HomePage
from practice.access import is_staff_member
from practice.discussions.rules import Standing, thread_page_context
from practice.events.services import booking_summary
from practice.filters import BlogFilterForm, EventFilterForm, ResourceFilterForm, ThreadFilterForm, paginate
from practice.models import (
    BlogIndexPage,
    BlogPostPage,
    CollectionPage,
    CommunityPage,
    DiscussionIndexPage,
    DiscussionThreadPage,
    EventIndexPage,
    EventPage,
    Invitation,
    Membership,
    PracticePage,
    ResourceLibraryPage,
    ResourceLinkPage,
)
from practice.models.events import map_data
from search.analytics import wants_personalisation
from search.lists import for_you


def home_context(home, request, context):
    user = request.user
    visible = PracticePage.objects.live().visible_to(user)
    # Each featured page is checked on its own (EXISTS), not looked up in every page the reader may open.
    context["featured_items"] = (
        home.featured_items.filter(Exists(visible.filter(pk=OuterRef("page_id"))))
        .select_related("page")
        .order_by("sort_order")
    )
    context["latest_posts"] = (
        BlogPostPage.objects.live().visible_to(user).select_related("community").order_by("-date")[:6]
    )
    context["active_threads"] = (
        DiscussionThreadPage.objects.live()
        .visible_to(user)
        .select_related("community")
        .order_by("-last_activity_at")[:6]
    )
    context["upcoming_events"] = EventPage.objects.live().visible_to(user).select_related("region").upcoming()[:4]
    context["communities"] = CommunityPage.objects.live().visible_to(user).order_by("title")[:8]
    # A signed-in member's "for you", ranked by search, unless they opted out.
    context["for_you"] = for_you(user) if wants_personalisation(user) else []
    return context


def community_context(community, request, context):
    user = request.user
    context["sections"] = community.get_children().live().specific()
    context["facilitators"] = Membership.objects.active().facilitators().filter(community=community).with_profiles()
    context["membership"] = membership = (
        Membership.objects.filter(community=community, member=user).first() if user.is_authenticated else None
    )
    context["invited"] = (
        user.is_authenticated and Invitation.objects.waiting_for(user).filter(community=community).exists()
    )
    facilitates = (
        membership is not None
        and membership.status == Membership.Status.ACTIVE
        and membership.role == Membership.Role.FACILITATOR
    )
    # Posts are written in the Wagtail editor, which only editorial roles reach (practice.editorial).
    if facilitates or is_staff_member(user):
        blog = BlogIndexPage.objects.child_of(community).first()
        if blog is not None:
            context["write_post_url"] = reverse("wagtailadmin_pages:add", args=["practice", "blogpostpage", blog.pk])
    in_community = PracticePage.objects.descendant_of(community).live()
    context["latest_posts"] = (
        BlogPostPage.objects.filter(pk__in=in_community.values("pk")).visible_to(user).order_by("-date")[:5]
    )
    context["active_threads"] = (
        DiscussionThreadPage.objects.filter(pk__in=in_community.values("pk"))
        .visible_to(user)
        .order_by("-pinned", "-last_activity_at")[:5]
    )
    context["upcoming_events"] = (
        EventPage.objects.filter(pk__in=in_community.values("pk")).visible_to(user).upcoming()[:5]
    )
    return context


def blog_context(blog, request, context):
    posts = BlogPostPage.objects.child_of(blog).live().visible_to(request.user)
    form = BlogFilterForm(request.GET, posts=posts)
    context["filter_form"] = form
    context["posts"] = paginate(request, form.filter(posts).order_by("-date", "-pk").for_cards())
    return context


def events_context(listing, request, context):
    events = listing.visible_events(request.user)
    form = EventFilterForm(request.GET, events=events)
    page_obj = paginate(request, form.filter(events).select_related("region").prefetch_related("topics"))
    context["filter_form"] = form
    context["events"] = page_obj
    context["map_data"] = map_data(request, page_obj)
    return context


def event_context(event, request, context):
    # A new event previewed in the editor has no bookings yet, nor an id to book with.
    context["booking"] = booking_summary(event, request.user) if event.pk else None
    return context


def library_context(library, request, context):
    context["collections"] = CollectionPage.objects.child_of(library).live().visible_to(request.user)
    resources = ResourceLinkPage.objects.child_of(library).live().visible_to(request.user)
    form = ResourceFilterForm(request.GET, resources=resources)
    context["filter_form"] = form
    context["resources"] = paginate(
        request,
        form.filter(resources).select_related("publisher").prefetch_related("topics").order_by("-date_added", "-pk"),
    )
    return context


def discussions_context(discussions, request, context):
    context["community"] = community = CommunityPage.objects.parent_of(discussions).first()
    context["standing"] = Standing.of(request.user, community)
    threads = DiscussionThreadPage.objects.child_of(discussions).live().visible_to(request.user)
    form = ThreadFilterForm(request.GET, threads=threads)
    context["filter_form"] = form
    context["threads"] = paginate(
        request,
        form.filter(threads).select_related("starter__profile").order_by("-pinned", "-last_activity_at", "-pk"),
    )
    return context


def thread_context(thread, request, context):
    context.update(thread_page_context(thread, request.user))
    return context


BUILDERS = {
    HomePage: home_context,
    CommunityPage: community_context,
    BlogIndexPage: blog_context,
    EventIndexPage: events_context,
    EventPage: event_context,
    ResourceLibraryPage: library_context,
    DiscussionIndexPage: discussions_context,
    DiscussionThreadPage: thread_context,
}


def page_context(page, request, context):
    """Add what the page shows beyond its fields to the context Wagtail built for it."""
    return BUILDERS[type(page)](page, request, context)
