"""The base of every piece of practice content: classification, community and access."""

from django.contrib.auth.models import Group
from django.db import models
from django.db.models import OuterRef, Q

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from practice.models.choices import SecurityLevel, Visibility
from practice.models.vocabulary import TaggedPage


def subtree_q(path):
    """Match the pages whose tree path starts with `path` (a page and its descendants) as a range of paths.

    Wagtail matches them with `path LIKE 'path%'`, which SQLite cannot answer from an index, because its
    LIKE ignores case: every listing then read all the pages of its kind. The same pages as a range can
    be read from the path index on SQLite and PostgreSQL alike (tree paths compare as bytes on both).
    """
    return Q(path__gte=path, path__lt=path[:-1] + chr(ord(path[-1]) + 1))


class PracticePageQuerySet(PageQuerySet):
    def visible_to(self, user, in_sql=True, reads_all=False):
        """Return the pages this user may open (see visibility_filter for `in_sql` and `reads_all`)."""
        return self.filter(visibility_filter(user, in_sql=in_sql, reads_all=reads_all))

    # Wagtail's tree lookups, as ranges of paths (see subtree_q); its child_of_q is built on descendant_of_q.
    def descendant_of_q(self, other, inclusive=False):
        q = subtree_q(other.path) & Q(depth__gte=other.depth)
        if not inclusive:
            q &= ~Q(pk=other.pk)
        return q

    def sibling_of_q(self, other, inclusive=True):
        q = subtree_q(self.model._get_parent_path_from_path(other.path)) & Q(depth=other.depth)
        if not inclusive:
            q &= ~Q(pk=other.pk)
        return q


PracticePageManager = PageManager.from_queryset(PracticePageQuerySet)


class ContextFromFeatures:
    """A page whose context the features above the models add to: its listing, booking panel or thread.

    The one import inside a function in practice/: what such a page shows is built by filters, services
    and rules that import the models themselves (practice.pages), so the page reaches them when it is
    served rather than when the models load.
    """

    def get_context(self, request, *args, **kwargs):
        from practice.pages import page_context

        return page_context(self, request, super().get_context(request, *args, **kwargs))


class IntroPage(Page):
    """A page that opens with a short introduction above what it lists."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True


class SectionPage(ContextFromFeatures, IntroPage):
    """A section of a community (its blog, discussions, resource library or events): one of each kind at most."""

    parent_page_types = ["practice.CommunityPage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class PracticePage(Page):
    """Fields every piece of practice content has, so listings and search can span types."""

    summary = models.TextField(blank=True, max_length=400, help_text="One or two sentences shown in listings.")
    topics = ParentalManyToManyField("practice.Topic", blank=True, related_name="pages")
    audiences = ParentalManyToManyField("practice.AudienceRole", blank=True, related_name="pages")
    tags = ClusterTaggableManager(through=TaggedPage, blank=True)
    security_level = models.CharField(
        max_length=12,
        choices=SecurityLevel.choices,
        default=SecurityLevel.PUBLIC,
        help_text="Who may read this. A community's access level can make it stricter, never more open.",
    )
    # Derived: the nearest community above (or this page, for a community) and the effective
    # view restriction, kept in step by practice.receivers from Wagtail's own page privacy.
    community = models.ForeignKey(
        "practice.CommunityPage",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    visibility = models.CharField(
        max_length=8, choices=Visibility.choices, default=Visibility.PUBLIC, editable=False, db_index=True
    )
    view_groups = models.ManyToManyField(Group, blank=True, editable=False, related_name="+")

    objects = PracticePageManager()

    is_creatable = False

    classification_panel = MultiFieldPanel(
        [FieldPanel("topics"), FieldPanel("audiences"), FieldPanel("tags")],
        heading="Topics and audiences",
    )
    access_panel = FieldPanel("security_level")

    # Title over summary over body (types add their body at the default boost of 1). The filter
    # fields carry every facet and every access condition, so that a backend with its own index
    # (Elasticsearch, OpenSearch) filters, counts and ranks without asking the database.
    search_fields = Page.search_fields + [
        index.SearchField("title", boost=5),
        index.AutocompleteField("title"),
        index.SearchField("summary", boost=2),
        index.AutocompleteField("summary"),
        index.RelatedFields("topics", [index.SearchField("name", boost=2), index.FilterField("slug")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("topics"),
        index.FilterField("audiences"),
        index.FilterField("community"),
        index.FilterField("visibility"),
        index.FilterField("view_groups"),
        index.FilterField("security_level"),
        index.FilterField("search_organisation", type="IntegerField"),
        index.FilterField("search_region", type="IntegerField"),
        index.FilterField("search_date", type="DateTimeField"),
        index.FilterField("search_helpfulness", type="IntegerField"),
    ]

    class Meta:
        verbose_name = "practice page"

    def get_absolute_url(self):
        """Return the page's address, so comment permalinks and Django's "view on site" can point at it."""
        return self.get_url()

    @property
    def kind_label(self):
        return self.specific_class._meta.verbose_name.capitalize()

    # What search ranks and filters by, the same for every type. Types with their own date, place,
    # organisation or signs of usefulness override content_date, source_organisation, source_region
    # and helpfulness; the search_* methods stay here so that every type's index entry keeps them
    # under the same name.

    def content_date(self):
        """Return the date a reader would give this content: when it was first published."""
        return self.first_published_at

    def source_organisation(self):
        """Return the id of the organisation this content comes from, if it has one."""
        return None

    def source_region(self):
        """Return the id of the region this content is about, if it has one."""
        return None

    def helpfulness(self):
        """Return a small count of signs that readers found this useful."""
        return 0

    def search_date(self):
        return self.content_date()

    def search_organisation(self):
        return self.source_organisation()

    def search_region(self):
        return self.source_region()

    def search_helpfulness(self):
        return self.helpfulness()


def visibility_filter(user, in_sql=True, reads_all=False):
    """Return a Q that keeps only the practice pages the user may open.

    When the database itself runs the query (listings, and our database search backends, see
    search.backends), pages shown to certain groups are matched by key, each row checked in the
    (page, group) index as it is read: quickest when a query stops after a page of rows, where
    listing every page the reader's groups may open first (for a member of a few large communities,
    tens of thousands) would cost more than the rows read. A query that reads every visible page (a
    set of keys for another query to look in) passes `reads_all=True`: the database then lists them
    once and looks each row up in that list (the pages API at 100k items: 552 -> 419 ms on SQLite).

    A queryset given to a search engine needs `in_sql=False`: they are then matched by tree path,
    which every search backend applies (Elasticsearch and OpenSearch resolve the subquery to a list,
    and Wagtail's search backends silently drop a filter on a page type's pointer key,
    `practicepage_ptr_id`). The same pages every way.
    """
    if user.is_authenticated and user.is_superuser:
        return Q()
    if not user.is_authenticated:
        return Q(visibility=Visibility.PUBLIC)
    in_their_groups = PracticePage.view_groups.through.objects.filter(group__user=user)
    if in_sql and reads_all:
        for_groups = Q(pk__in=in_their_groups.values("practicepage_id"))
    else:
        for_groups = pages_named_by(in_their_groups, in_sql)
    return Q(visibility__in=[Visibility.PUBLIC, Visibility.MEMBERS]) | for_groups & Q(visibility=Visibility.GROUPS)


def pages_named_by(rows, in_sql=True):
    """Return a Q for the practice pages that rows of one of their many-to-many tables (a queryset) name.

    For a search engine (`in_sql=False`) matched on tree path, as visibility_filter says why. Run as
    SQL, each page is looked up by key among the rows (an IN, not an EXISTS, so that search backends
    can read the filter too, and PostgreSQL does not list every page the rows name first; nor does
    SQLite, which listed the paths of every page with a topic for a faceted search: 30 ms at 100k).
    """
    if not in_sql:
        return Q(path__in=rows.values("practicepage__path"))
    return Q(pk__in=rows.filter(practicepage_id=OuterRef("pk")).values("practicepage_id"))
