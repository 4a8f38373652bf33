"""Community blogs and their posts."""

import math

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.html import strip_tags

from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from ..blocks import PostBodyBlock
from .base import PracticePage, PracticePageQuerySet
from .comments import CommentsMixin


class BlogIndexPage(Page):
    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["practice.CommunityPage"]
    subpage_types = ["practice.BlogPostPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "community blog"

    def get_context(self, request, *args, **kwargs):
        from ..filters import BlogFilterForm, paginate  # the filters are built on these models

        context = super().get_context(request, *args, **kwargs)
        posts = BlogPostPage.objects.child_of(self).live().visible_to(request.user)
        form = BlogFilterForm(request.GET, posts=posts)
        context["filter_form"] = form
        context["posts"] = paginate(request, form.filter(posts).order_by("-date", "-pk").for_cards())
        return context


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


class BlogPostPage(CommentsMixin, PracticePage):
    date = models.DateTimeField(default=timezone.now, db_index=True)
    authors = ParentalManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="blog_posts")
    body = StreamField(PostBodyBlock(), blank=True)

    content_panels = PracticePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("date"), FieldPanel("authors")], heading="Byline"),
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

    objects = PageManager.from_queryset(BlogPostQuerySet)()

    class Meta:
        verbose_name = "blog post"

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
