"""Admin views that answer each editorial role from what their part of the hub holds."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404, JsonResponse

from taggit.models import Tag, TagBase, TaggedItem
from wagtail.admin.views.tags import TAGS_AUTOCOMPLETE_LIMIT
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from practice.editorial.scope import editorial_scope
from practice.models import TaggedPage


def _tags_in_scope(scope):
    """Return the tags on what a facilitator may see: pages they may name, files in their collections."""
    pages = scope.nameable_pages(Page.objects.all()).values("pk")
    media = Q()
    for model in (get_image_model(), get_document_model()):
        media |= Q(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=model.objects.filter(collection_id__in=scope.collection_ids).values("pk"),
        )
    return Q(pk__in=TaggedPage.objects.filter(content_object__in=pages).values("tag")) | Q(
        pk__in=TaggedItem.objects.filter(media).values("tag")
    )


def tag_autocomplete(request, app_name=None, model_name=None):
    """Suggest tags starting with the typed term, from those on what this editor may see (Wagtail's own lists all)."""
    tag_model = Tag
    if app_name and model_name:
        try:
            tag_model = ContentType.objects.get_by_natural_key(app_name, model_name).model_class()
        except ContentType.DoesNotExist as missing:
            raise Http404 from missing
        if tag_model is None or not issubclass(tag_model, TagBase):
            raise Http404
    term = request.GET.get("term", "").strip()
    if not term:
        return JsonResponse([], safe=False)
    tags = tag_model.objects.filter(name__istartswith=term)
    scope = editorial_scope(request)
    if not scope.sees_everything:
        if tag_model is not Tag:
            return JsonResponse([], safe=False)
        tags = tags.filter(_tags_in_scope(scope))
    names = tags.order_by("name").values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]
    return JsonResponse(list(names), safe=False)
