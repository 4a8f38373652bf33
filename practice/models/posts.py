"""Community blogs and their posts."""

import math
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.html import strip_tags

from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index

from hub.converters import ModelIdsChoiceField
from practice.blocks import PostBodyBlock
from practice.common.names import member_name
from practice.models.base import PracticePage, PracticePageQuerySet, SectionPage
from practice.models.comments import CommentsMixin
from practice.models.communities import CommunityPage, Membership


class BlogIndexPage(SectionPage):
    subpage_types = ["practice.BlogPostPage"]

    class Meta:
        verbose_name = "community blog"


WORDS_PER_MINUTE = 200
MORE_POSTS_CANDIDATES = 200


def count_words(block, value):
    """Count the words a reader reads in a block's value: text, never choices, links or chosen items."""
    if value is None:
        return 0
    if isinstance(block, blocks.RichTextBlock):
        return len(strip_tags(value.source).split())
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        return len(value.split())
    if isinstance(block, blocks.StructBlock):
        return sum(count_words(child, value.get(name)) for name, child in block.child_blocks.items())
    if isinstance(block, blocks.ListBlock):
        return sum(count_words(block.child_block, item) for item in value)
    if isinstance(block, blocks.StreamBlock):
        return sum(count_words(child.block, child.value) for child in value)
    return 0


class BlogPostQuerySet(PracticePageQuerySet):
    def for_cards(self):
        """Fetch what a listing card shows: authors with their profiles, and topics."""
        return self.prefetch_related(
            Prefetch("authors", queryset=get_user_model().objects.select_related("profile")), "topics"
        )


class AuthorChoiceField(ModelIdsChoiceField):
    """Members named as the community knows them, never by email address: display name, and organisation if shown."""

    def label_from_instance(self, user):
        profile = getattr(user, "profile", None)
        name = member_name(user)
        organisation = profile.organisation if profile is not None and profile.show_organisation else None
        return f"{name} ({organisation.name})" if organisation is not None else name


@dataclass(frozen=True)
class CoAuthorChoice:
    """The co-authors chosen in the editor and who chose them, held on the post until it is saved."""

    members: list
    by: object


class BlogPostPageForm(WagtailAdminPageForm):
    """The post editor: co-authors are chosen among the community's members, and asked before they are credited."""

    co_authors = AuthorChoiceField(
        queryset=get_user_model().objects.none(),
        required=False,
        label="Co-authors",
        help_text="The writer is always credited. Anyone else chosen here is asked, and named as an author only once "
        "they accept; taking someone off takes their credit away. Changes apply when you save, not when you publish.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        post = self.instance
        community = post.community if post.community_id else self._community_above(self.parent_page)
        members = Membership.objects.active().filter(community=community, member__is_active=True).values("member")
        chosen = set(post.authors.values_list("pk", flat=True)) if post.pk else set()
        chosen |= set(CreditRequest.objects.filter(post_id=post.pk).values_list("member_id", flat=True))
        chosen.discard(post.owner_id)
        # Whoever is credited or asked already stays listed, even after leaving the community, so that saving
        # the post does not take their credit away.
        self.fields["co_authors"].queryset = (
            get_user_model()
            .objects.filter(models.Q(pk__in=members) | models.Q(pk__in=chosen))
            .exclude(pk=post.owner_id)
            .select_related("profile__organisation")
            .order_by("profile__display_name", "first_name", "pk")
        )
        self.initial["co_authors"] = sorted(chosen)

    @staticmethod
    def _community_above(page):
        if page is None:
            return None
        return CommunityPage.objects.ancestor_of(page, inclusive=True).order_by("-depth").first()

    def save(self, commit=True):
        # Credits are not revision content (BlogPostPage.with_content_json): the choice is applied as soon as
        # the post is saved, once a new post has its id (practice.credits.receivers).
        self.instance.co_author_choice = CoAuthorChoice(members=list(self.cleaned_data["co_authors"]), by=self.for_user)
        return super().save(commit=commit)


class BlogPostPage(CommentsMixin, PracticePage):
    date = models.DateTimeField(default=timezone.now, db_index=True)
    # The credited authors: the writer, members who accepted a credit (CreditRequest) and authors brought in by
    # trusted imports. Written only by practice.credits and those imports, never from a revision.
    authors = ParentalManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="blog_posts")
    body = StreamField(PostBodyBlock(), blank=True)

    base_form_class = BlogPostPageForm
    content_panels = PracticePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("date"), FieldPanel("co_authors")], heading="Byline"),
        FieldPanel("body"),
        PracticePage.classification_panel,
    ]
    settings_panels = PracticePage.settings_panels + [PracticePage.access_panel, CommentsMixin.comments_panel]
    search_fields = (
        PracticePage.search_fields
        + [
            index.SearchField("body"),
            index.RelatedFields("authors", [index.SearchField("first_name"), index.SearchField("last_name")]),
            index.FilterField("date"),
        ]
        + CommentsMixin.comment_search_fields
    )
    parent_page_types = ["practice.BlogIndexPage"]
    subpage_types = []
    # A copy is a new post: whoever was credited on this one agreed to this one only.
    exclude_fields_in_copy = ["authors"]

    objects = PageManager.from_queryset(BlogPostQuerySet)()

    class Meta:
        verbose_name = "blog post"

    def with_content_json(self, content):
        """Return the page as a revision has it, with the authors credited now rather than those it lists.

        Members are credited when they accept, not through revisions, so publishing, scheduling or reverting
        to a revision (or one saved before credits needed consent) never credits anyone the database does not.
        """
        content = {name: value for name, value in content.items() if name != "authors"}
        return super().with_content_json(content)

    def commenting_since(self):
        return self.date

    @property
    def reading_time(self):
        """Return the minutes the body takes to read at 200 words a minute, never less than one."""
        words = count_words(self.body.stream_block, self.body)
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    def content_date(self):
        return self.date

    def _first_author_profile(self):
        author = self.authors.select_related("profile__organisation").first()
        return getattr(author, "profile", None) if author is not None else None

    def source_organisation(self):
        profile = self._first_author_profile()
        return profile.organisation_id if profile is not None else None

    def source_region(self):
        profile = self._first_author_profile()
        if profile is None:
            return None
        return profile.region_id or (profile.organisation.region_id if profile.organisation else None)

    def more_posts(self, user, limit=3):
        """Return up to `limit` other live posts the user may open that share a topic or an author with this one.

        The newest MORE_POSTS_CANDIDATES such posts are ranked: most shared topics first, then the same
        authors, then the newest. (Ranking every related post read a sixth of the hub per topic.)
        """
        topic_ids = [topic.pk for topic in self.topics.all()]
        author_ids = [author.pk for author in self.authors.all()]
        if not (topic_ids or author_ids):
            return BlogPostPage.objects.none()
        topic_links = PracticePage.topics.through.objects.filter(practicepage=OuterRef("pk"), topic__in=topic_ids)
        author_links = BlogPostPage.authors.through.objects.filter(blogpostpage=OuterRef("pk"), user__in=author_ids)
        # Correlated INs, checked in the link indexes as posts are read newest first (PostgreSQL would
        # list every link of these topics to answer an EXISTS).
        related = Q(pk__in=topic_links.values("practicepage_id")) | Q(pk__in=author_links.values("blogpostpage_id"))
        candidates = (
            BlogPostPage.objects.live()
            .visible_to(user)
            .exclude(pk=self.pk)
            .filter(related)
            .order_by("-date", "-pk")
            .values("pk")[:MORE_POSTS_CANDIDATES]
        )
        shared_topics = Subquery(
            topic_links.order_by().values("practicepage").annotate(shared=Count("pk")).values("shared")
        )
        return (
            BlogPostPage.objects.filter(pk__in=candidates)
            .annotate(shared_topics=Coalesce(shared_topics, 0), same_author=Exists(author_links))
            .order_by("-shared_topics", "-same_author", "-date", "-pk")
            .for_cards()[:limit]
        )

    def _siblings(self, user):
        return BlogPostPage.objects.sibling_of(self, inclusive=False).live().visible_to(user)

    def previous_post(self, user):
        """Return the post before this one in its blog, by date, that the user may open."""
        earlier = Q(date__lt=self.date) | Q(date=self.date, pk__lt=self.pk)
        return self._siblings(user).filter(earlier).order_by("-date", "-pk").first()

    def next_post(self, user):
        """Return the post after this one in its blog, by date, that the user may open."""
        later = Q(date__gt=self.date) | Q(date=self.date, pk__gt=self.pk)
        return self._siblings(user).filter(later).order_by("date", "pk").first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["authors"] = self.authors.select_related("profile")
        context["more_posts"] = self.more_posts(request.user)
        if self.pk is not None:
            context["previous_post"] = self.previous_post(request.user)
            context["next_post"] = self.next_post(request.user)
        return context


class CreditRequest(models.Model):
    """A member asked to be credited as an author of a post, not yet answered.

    Accepting credits them (BlogPostPage.authors) and removes the request; declining or withdrawing removes it.
    """

    post = models.ForeignKey(BlogPostPage, on_delete=models.CASCADE, related_name="credit_requests")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="credit_requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "member"], name="one_credit_request_per_author")]

    def __str__(self):
        return f"{self.member} asked to be credited on {self.post}"
