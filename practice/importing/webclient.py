"""How the hub fetches from other websites: politely named, with a timeout and a size cap, web addresses only."""

import http.client
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings

USER_AGENT = "PracticeHub/1.0 (+{base_url}; checks links and collects public-sector blogs for council staff)"
DEFAULT_TIMEOUT = 10
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024


class FetchError(Exception):
    """The address could not be fetched; the message says why, for a report."""


def user_agent():
    return USER_AGENT.format(base_url=getattr(settings, "WAGTAILADMIN_BASE_URL", ""))


def is_web_address(url):
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def describe_error(error):
    """Say in a few words why a request failed."""
    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP {error.code}"
    if isinstance(error, urllib.error.URLError):
        error = error.reason
    if isinstance(error, TimeoutError | socket.timeout):
        return "no answer within the time limit"
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, socket.gaierror):
        return "unknown host"
    return str(error) or error.__class__.__name__


def open_url(url, *, headers=None, timeout=DEFAULT_TIMEOUT, method="GET"):
    """Open a web address and return the response; raise FetchError for anything but a web address or a failure."""
    if not is_web_address(url):
        raise FetchError("not a web address")
    headers = {"User-Agent": user_agent(), **(headers or {})}
    request = urllib.request.Request(url, headers=headers, method=method)  # noqa: S310 - http(s) only, checked above
    try:
        return urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 - http(s) only, checked above  # nosec B310
    except urllib.error.HTTPError:
        raise
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
        raise FetchError(describe_error(error)) from error


def read_capped(response, max_bytes=MAX_DOWNLOAD_BYTES):
    """Read a response body, refusing one larger than max_bytes."""
    try:
        data = response.read(max_bytes + 1)
    except (http.client.HTTPException, OSError) as error:
        raise FetchError(describe_error(error)) from error
    if len(data) > max_bytes:
        raise FetchError(f"larger than {max_bytes // (1024 * 1024)} MB")
    return data


def fetch_bytes(url, *, timeout=DEFAULT_TIMEOUT, max_bytes=MAX_DOWNLOAD_BYTES):
    """Download a file, or raise FetchError saying why it could not be."""
    try:
        with open_url(url, timeout=timeout) as response:
            return read_capped(response, max_bytes)
    except urllib.error.HTTPError as error:
        raise FetchError(describe_error(error)) from error
