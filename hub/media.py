"""Uploaded files at MEDIA_URL, each served only to readers its collection lets in.

A community's images and documents live in its own collection, restricted to its groups while the
community is not open. Wagtail checks that restriction when it serves a document, but image files
(originals and renditions) are plain files under MEDIA_ROOT. This view stands in front of all of
them: it finds the image or rendition a path belongs to and applies the collection's view
restrictions before sending a byte, so a private community's pictures are as hidden as its pages.
"""

import posixpath

from django.contrib.auth.views import redirect_to_login
from django.core.files.storage import default_storage
from django.http import Http404
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.utils.sendfile import sendfile
from wagtail.utils.sendfile_streaming_backend import sendfile as stream_file

from hub.api import refused_restrictions

# How long a browser may keep a file; shared caches may keep it too when nothing restricts it.
MAX_AGE = 60 * 60


def image_at(path):
    """Return the image whose original or rendition is stored at `path`, or None."""
    Image = get_image_model()
    if path.startswith("original_images/"):
        return Image.objects.filter(file=path).select_related("collection").first()
    if path.startswith("images/"):
        rendition = Image.get_rendition_model().objects.filter(file=path).select_related("image__collection").first()
        return rendition.image if rendition else None
    return None


@require_safe
def serve_media(request, path):
    """Send an uploaded image file if its collection's view restrictions let this reader in."""
    path = posixpath.normpath(path)
    if path.startswith("documents/"):
        # Documents have their own view, which checks the same restrictions and counts downloads.
        document = get_document_model().objects.filter(file=path).first()
        if document is None:
            raise Http404("No such document.")
        return redirect(document.url)

    image = image_at(path)
    if image is None:
        # Not an image's file: nothing under MEDIA_ROOT is published unless a model owns it.
        raise Http404("No such file.")
    restrictions = list(image.collection.get_view_restrictions().prefetch_related("groups"))
    if refused_restrictions(restrictions, request):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        # A signed-in reader outside the community learns nothing of the file, not even that it exists.
        raise Http404("No such file.")

    # The storage joins the path safely under MEDIA_ROOT.
    response = sendfile(request, default_storage.path(path), backend=stream_file)
    response["X-Content-Type-Options"] = "nosniff"
    # An uploaded file never runs as part of the hub (an SVG's scripts, say).
    response["Content-Security-Policy"] = "default-src 'none'"
    patch_cache_control(response, max_age=MAX_AGE, **({"private": True} if restrictions else {"public": True}))
    return response
