"""Wagtail API v2 at /api/v2/: pages, images and documents, each showing only what the caller may open.

Wagtail's own endpoints check every page view restriction one by one (a query per restriction and
one clause per refused page). Here practice pages are filtered on their denormalised `visibility`
(practice.access), and only the few restrictions that can hide other pages (index pages, the home
page) are checked against the request, so each listing costs the same few queries however large
the tree.
"""

from django.db.models import Q, prefetch_related_objects

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from hub.converters import MAX_ID, has_control_characters, parse_id
from practice.models import PracticePage
from search.query import search_text


def refused_restrictions(restrictions, request):
    """Return the view restrictions this request does not pass, by Wagtail's own test."""
    if request.user.is_authenticated:
        # accept_request() reads the user's groups once per restriction: fetch them once instead.
        prefetch_related_objects([request.user], "groups")
    return [restriction for restriction in restrictions if not restriction.accept_request(request)]


def pages_visible_to(request):
    """Return the live pages the caller may open: practice pages by visibility, others by their ancestors."""
    # Restrictions on practice pages without children are already folded into their `visibility`;
    # the rest (on communities, index pages, the home page) can hide pages that carry no copy.
    containers = (
        PageViewRestriction.objects.filter(Q(page__numchild__gt=0) | Q(page__practicepage__isnull=True))
        .select_related("page")
        .prefetch_related("groups")
    )
    hidden = Q()
    for restriction in refused_restrictions(containers, request):
        hidden |= Q(path__startswith=restriction.page.path)

    practice_pages = PracticePage.objects.all()
    readable = practice_pages.visible_to(request.user, reads_all=True)
    pages = Page.objects.live().filter(Q(pk__in=readable.values("pk")) | ~Q(pk__in=practice_pages.values("pk")))
    return pages.exclude(hidden) if hidden else pages


def in_visible_collections(media, request):
    """Keep the images or documents outside every collection whose view restriction refuses the caller."""
    restrictions = CollectionViewRestriction.objects.select_related("collection").prefetch_related("groups")
    hidden = Q()
    for restriction in refused_restrictions(restrictions, request):
        # A restriction covers the collection and every collection inside it.
        hidden |= Q(path__startswith=restriction.collection.path)
    return media.exclude(collection__in=Collection.objects.filter(hidden).values("pk")) if hidden else media


class HubPagination(WagtailPagination):
    """Wagtail's `offset` and `limit`, taken only as ASCII digits that a database can count to."""

    def paginate_queryset(self, queryset, request, view=None):
        for name in ("offset", "limit"):
            number = parse_id(request.GET.get(name, "0"))
            # At most half the largest id each, so that the last row asked for (offset + limit) fits too.
            if number is None or number > MAX_ID // 2:
                raise BadRequestError(f"{name} must be a whole number from 0 to {MAX_ID // 2}")
        return super().paginate_queryset(queryset, request, view)


class HubParametersMixin:
    """Read query parameters as the rest of the hub does: ids that fit a key, search words, never a NUL."""

    pagination_class = HubPagination

    def initialize_request(self, request, *args, **kwargs):
        # The search backend gets the words the search page would give it (search.query.search_text).
        if "search" in request.GET:
            request.GET = request.GET.copy()
            request.GET["search"] = search_text(request.GET["search"])
        return super().initialize_request(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # Wagtail looks `site`, `locale`, `html_path`... up as they come: PostgreSQL refuses a NUL in any text.
        if any(has_control_characters(value) for _name, values in request.GET.lists() for value in values):
            raise BadRequestError("query parameters cannot hold control characters")

    def find_object(self, queryset, request):
        # Wagtail looks `?id=` up as it comes: '²' would fail the database's int(), so nothing has it.
        if "id" in request.GET and parse_id(request.GET["id"]) is None:
            return None
        return super().find_object(queryset, request)


class HubPagesAPIViewSet(HubParametersMixin, PagesAPIViewSet):
    """Pages the caller may open; a page they may not is a 404, in listings, detail, find and search."""

    def get_base_queryset(self):
        if not hasattr(self, "_visible_pages"):
            try:
                site = SiteFilterValidator(site=self.request.GET.get("site"), request=self.request).site_obj
            except ValueError as error:
                raise BadRequestError(str(error)) from error
            if site is None:
                self._visible_pages = Page.objects.none()
            else:
                self._visible_pages = pages_visible_to(self.request).descendant_of(site.root_page, inclusive=True)
        return self._visible_pages

    def get_queryset(self):
        # Narrow by tree path, not by primary key: Wagtail's search backends drop filters on a specific
        # page type's pointer key (`*_ptr_id`), so `pk__in` would be ignored by Elasticsearch, while
        # `path` is a FilterField on every page and Elasticsearch resolves the subquery to a list.
        requested = self.request.GET.get("type")
        try:
            models = page_models_from_string(requested) if requested else ()
        except (LookupError, ValueError) as error:
            raise BadRequestError("type doesn't exist") from error
        visible_paths = self.get_base_queryset().values("path")
        if len(models) == 1:
            return models[0].objects.filter(path__in=visible_paths)
        pages = Page.objects.filter(path__in=visible_paths)
        return pages.type(*models) if models else pages


class HubImagesAPIViewSet(HubParametersMixin, ImagesAPIViewSet):
    def get_queryset(self):
        return in_visible_collections(self.model.objects.order_by("id"), self.request)


class HubDocumentsAPIViewSet(HubParametersMixin, DocumentsAPIViewSet):
    def get_queryset(self):
        return in_visible_collections(self.model.objects.order_by("id"), self.request)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", HubPagesAPIViewSet)
api_router.register_endpoint("images", HubImagesAPIViewSet)
api_router.register_endpoint("documents", HubDocumentsAPIViewSet)
