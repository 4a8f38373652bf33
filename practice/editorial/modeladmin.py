"""The base of the hub's wagtail-modeladmin screens."""

from django.contrib.admin.options import IncorrectLookupParameters
from django.shortcuts import redirect

from wagtail_modeladmin import options, views


class IndexView(views.IndexView):
    """A list that answers a query string it cannot filter by as Django's admin does: unfiltered, with a note.

    wagtail-modeladmin reads every unknown query parameter as a field lookup, and failed with a 500.
    """

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except IncorrectLookupParameters:
            return redirect(f"{request.path}?{self.ERROR_FLAG}=1")


class ModelAdmin(options.ModelAdmin):
    index_view_class = IndexView
