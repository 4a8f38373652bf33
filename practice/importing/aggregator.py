"""Collect entries from public-sector blogs' RSS and Atom feeds as external items.

Each source is fetched with a conditional request (its last ETag and Last-Modified), parsed by
feedparser, and its entries stored once: by the feed's GUID within the source, and by link across
all sources, so a post syndicated by two feeds appears once. A failing source records its error and
the others carry on.
"""

import calendar
import dataclasses
import datetime as dt
import html
import urllib.error

import feedparser
import nh3

from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator

from practice.importing.webclient import FetchError, describe_error, is_web_address, open_url, read_capped
from practice.models import ExternalItem, FeedSource

MAX_FEED_BYTES = 5 * 1024 * 1024
SUMMARY_MAX_CHARS = 2000
SUMMARY_TAGS = {"p", "br", "b", "strong", "i", "em", "a", "ul", "ol", "li", "blockquote"}


@dataclasses.dataclass
class FetchResult:
    source: FeedSource
    new: int = 0
    updated: int = 0
    duplicates: int = 0
    not_modified: bool = False
    error: str = ""

    def __str__(self):
        if self.error:
            return f"{self.source.title}: failed ({self.error})"
        if self.not_modified:
            return f"{self.source.title}: not changed since the last fetch"
        return (
            f"{self.source.title}: {self.new} new, {self.updated} updated, "
            f"{self.duplicates} already collected from another feed"
        )


def clean_summary(value):
    """Return a feed entry's summary as short, safe HTML."""
    cleaned = nh3.clean(value or "", tags=SUMMARY_TAGS, attributes={"a": {"href"}}, url_schemes={"http", "https"})
    return Truncator(cleaned).chars(SUMMARY_MAX_CHARS, html=True)


def plain(value, limit):
    return Truncator(" ".join(html.unescape(nh3.clean(value or "", tags=set())).split())).chars(limit)


def entry_published(entry):
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), tz=dt.UTC)
    return timezone.now()


def entry_fields(entry, source):
    """Return the fields of an external item from a feedparser entry, or None if it has no usable link."""
    link = (entry.get("link") or "").strip()
    if not is_web_address(link) or len(link) > 1000:
        return None
    summary = entry.get("summary") or next((part.get("value") for part in entry.get("content", [])), "")
    return {
        "guid": (entry.get("id") or link)[:500],
        "link": link,
        "title": plain(entry.get("title"), 300) or link[:300],
        "summary": clean_summary(summary),
        "author": plain(entry.get("author"), 200),
        "published": entry_published(entry),
        "organisation_id": source.organisation_id,
        "region_id": source.region_id,
    }


def _record(source, **fields):
    for name, value in fields.items():
        setattr(source, name, value)
    FeedSource.objects.filter(pk=source.pk).update(**fields)


def fetch_source(source, *, timeout=10):
    """Fetch one source's feed and store its new and changed entries; return what happened."""
    result = FetchResult(source)
    headers = {}
    if source.etag:
        headers["If-None-Match"] = source.etag
    if source.last_modified:
        headers["If-Modified-Since"] = source.last_modified
    now = timezone.now()
    try:
        with open_url(source.feed_url, headers=headers, timeout=timeout) as response:
            data = read_capped(response, MAX_FEED_BYTES)
            etag, last_modified = response.headers.get("ETag", ""), response.headers.get("Last-Modified", "")
    except urllib.error.HTTPError as error:
        if error.code == 304:
            result.not_modified = True
            _record(source, last_fetched_at=now, last_error="")
        else:
            result.error = describe_error(error)
            _record(source, last_fetched_at=now, last_error=result.error)
        return result
    except FetchError as error:
        result.error = str(error)
        _record(source, last_fetched_at=now, last_error=result.error)
        return result

    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        result.error = "the address did not give an RSS or Atom feed"
        _record(source, last_fetched_at=now, last_error=result.error)
        return result
    with transaction.atomic():
        for entry in parsed.entries:
            fields = entry_fields(entry, source)
            if fields is not None:
                _store(source, fields, result)
        _record(source, last_fetched_at=now, last_error="", etag=etag[:255], last_modified=last_modified[:100])
    return result


def _store(source, fields, result):
    item = ExternalItem.objects.filter(source=source, guid=fields["guid"]).first()
    if item is None:
        if ExternalItem.objects.filter(link=fields["link"]).exists():
            result.duplicates += 1
            return
        ExternalItem.objects.create(source=source, **fields)
        result.new += 1
        return
    changed = {
        name: value
        for name, value in fields.items()
        if name in {"title", "summary", "author"} and getattr(item, name) != value
    }
    if changed:
        for name, value in changed.items():
            setattr(item, name, value)
        item.save(update_fields=list(changed))
        result.updated += 1


def fetch_feeds(sources=None, *, timeout=10):
    """Fetch every active source (or the given ones); yield each source's result as it finishes."""
    if sources is None:
        sources = FeedSource.objects.filter(active=True)
    for source in sources:
        yield fetch_source(source, timeout=timeout)
