"""Content Security Policy: the public site runs no inline script or style; the editors' admin gets its own policy.

Wagtail's admin still relies on inline scripts and styles, so it is served with a policy that allows
them but keeps every other restriction (sources, framing, forms, plugins).
"""

from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

from django.conf import settings

ADMIN_PREFIXES = ("/admin/",)


def tile_origin(url_template):
    """Return the scheme and host of the map tile server, e.g. https://tile.openstreetmap.org."""
    parts = urlsplit(url_template.replace("{s}", "*"))  # Leaflet spreads {s} over subdomains
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else None


def site_policy(map_tile_url):
    tiles = tile_origin(map_tile_url)
    return {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *([tiles] if tiles else [])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": ["https:"],  # embedded videos (oEmbed) in posts
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }


def admin_policy(map_tile_url):
    policy = site_policy(map_tile_url)
    return policy | {
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [*policy["img-src"], "https:"],
    }


class HubCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIXES):
            parts.config = admin_policy(settings.HUB_MAP_TILE_URL)
        return parts
