"""Uploaded files, each served only to readers its collection lets in; to anyone else, as missing.

A community's images and documents live in its own collection, restricted to its groups while the
community is not open. Image files (originals and renditions) are plain files under MEDIA_ROOT, and
a document's file sits there too: these views stand in front of all of them, and of Wagtail's
document addresses. A file a reader's collection refuses them answers as a file that does not
exist (no sign-in page, no redirect to the document's id), so a closed community's files are as
hidden as a private community's pages.
"""

import posixpath

from django.core.files.storage import default_storage
from django.http import Http404
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from wagtail.documents import get_document_model
from wagtail.documents.views import serve as wagtail_documents
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


def restrictions_letting_in(media, request):
    """Return the restrictions on the file's collection; 404 if the file is missing or they refuse the reader."""
    restrictions = [] if media is None else list(media.collection.get_view_restrictions().prefetch_related("groups"))
    # The same answer for a file that does not exist and for one the reader may not have: neither tells them apart.
    if media is None or refused_restrictions(restrictions, request):
        raise Http404("No such file.")
    return restrictions


@require_safe
def serve_media(request, path):
    """Send an uploaded image file if its collection's view restrictions let this reader in."""
    path = posixpath.normpath(path)
    if path.startswith("documents/"):
        # Documents have their own view, which counts downloads.
        document = get_document_model().objects.filter(file=path).select_related("collection").first()
        restrictions_letting_in(document, request)
        return redirect(document.url)

    # None for a file that is not an image's: nothing under MEDIA_ROOT is published unless a model owns it.
    image = image_at(path)
    restrictions = restrictions_letting_in(image, request)

    # The storage joins the path safely under MEDIA_ROOT.
    response = sendfile(request, default_storage.path(path), backend=stream_file)
    response["X-Content-Type-Options"] = "nosniff"
    # An uploaded file never runs as part of the hub (an SVG's scripts, say).
    response["Content-Security-Policy"] = "default-src 'none'"
    patch_cache_control(response, max_age=MAX_AGE, **({"private": True} if restrictions else {"public": True}))
    return response


def serve_document(request, document_id, document_filename):
    """Send a document through Wagtail's view if its collection's view restrictions let this reader in."""
    document = get_document_model().objects.filter(pk=document_id).select_related("collection").first()
    # Before Wagtail's view, which sends a reader the collection refuses to sign in, with the document's address.
    restrictions_letting_in(document, request)
    return wagtail_documents.serve(request, document_id, document_filename)
