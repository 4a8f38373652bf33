"""Full addresses of the hub's own pages, for emails and anything else read away from the site."""

from django.conf import settings


def absolute_url(path):
    """Return the full URL of a path on the hub, built from BASE_URL and never from a request's Host header.

    A URL that is already full (a page on another site of a multi-site install) is returned as it is.
    """
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
