"""Check that the links the hub points readers to still work.

Every resource link and external item address is fetched once per run, a few at a time overall and
fewer still per host so that no site is hammered, each with a timeout. A link is broken when it fails,
answers with an error, says "page not found" on a page that answers 200 (a soft 404), or sends the
reader to its site's home page instead of the material; it has moved when it redirects elsewhere.
"""

import dataclasses
import re
import threading
import urllib.error
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from django.utils import timezone

from practice.importing.webclient import FetchError, describe_error, open_url
from practice.models import ExternalItem, ResourceLinkPage
from practice.models.external import LinkStatus

MAX_WORKERS = 8
PER_HOST = 2
SNIFF_BYTES = 256 * 1024  # enough of a page to read its title and main heading
NOT_FOUND = re.compile(
    r"\b(?:404|(?:page|file|document)?\s*not\s+found|no\s+longer\s+(?:available|exists)|"
    r"(?:page|document)\s+(?:does\s+not|doesn't|could\s+not\s+be)\s+(?:exist|found))\b",
    re.IGNORECASE,
)
TITLE_OR_HEADING = re.compile(r"<(title|h1)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)


@dataclasses.dataclass(frozen=True)
class LinkResult:
    status: str
    final_url: str = ""
    reason: str = ""


def says_not_found(body):
    """Say whether a page's title or main heading announces that the page was not found."""
    text = body.decode("utf-8", errors="replace")
    return any(NOT_FOUND.search(re.sub(r"<[^>]+>", " ", match.group(2))) for match in TITLE_OR_HEADING.finditer(text))


def is_home_page(url):
    return urlsplit(url).path in {"", "/"} and not urlsplit(url).query


def same_address(first, second):
    """Say whether two addresses are the same but for a trailing slash."""
    return first.rstrip("/") == second.rstrip("/")


def check_url(url, *, timeout=10):
    """Fetch an address and say whether it works, has moved or is broken."""
    try:
        with open_url(url, timeout=timeout) as response:
            final_url = response.geturl()
            body = response.read(SNIFF_BYTES)
    except urllib.error.HTTPError as error:
        return LinkResult(LinkStatus.BROKEN, reason=describe_error(error))
    except (FetchError, OSError) as error:
        return LinkResult(LinkStatus.BROKEN, reason=str(error) or describe_error(error))
    if says_not_found(body):
        return LinkResult(LinkStatus.BROKEN, final_url=final_url, reason="the page says it was not found")
    if same_address(final_url, url):
        return LinkResult(LinkStatus.OK)
    if is_home_page(final_url) and not is_home_page(url):
        return LinkResult(LinkStatus.BROKEN, final_url=final_url, reason="it sends readers to the site's home page")
    return LinkResult(LinkStatus.REDIRECTED, final_url=final_url, reason="it redirects to a new address")


def check_urls(urls, *, timeout=10, max_workers=MAX_WORKERS, per_host=PER_HOST):
    """Check many addresses at once, at most per_host at a time on any one host; return {url: LinkResult}."""
    urls = list(dict.fromkeys(urls))
    hosts = {urlsplit(url).netloc.lower() for url in urls}
    limits = {host: threading.BoundedSemaphore(per_host) for host in hosts}

    def check(url):
        with limits[urlsplit(url).netloc.lower()]:
            return check_url(url, timeout=timeout)

    with ThreadPoolExecutor(max_workers=max_workers) as pool:
        return dict(zip(urls, pool.map(check, urls), strict=True))


@dataclasses.dataclass
class CheckSummary:
    checked: int = 0
    counts: dict = dataclasses.field(default_factory=dict)
    problems: list = dataclasses.field(default_factory=list)

    def lines(self):
        lines = [f"Checked {self.checked} addresses."]
        lines += [f"{LinkStatus(status).label}: {number}" for status, number in sorted(self.counts.items())]
        lines += [f"  - {line}" for line in self.problems]
        return lines


def check_links(*, timeout=10, max_workers=MAX_WORKERS, per_host=PER_HOST):
    """Check every resource link and external item, record what was found and return a summary."""
    resources = list(ResourceLinkPage.objects.only("pk", "title", "link_url"))
    items = list(ExternalItem.objects.filter(retired=False).only("pk", "title", "link"))
    results = check_urls(
        [page.link_url for page in resources] + [item.link for item in items],
        timeout=timeout,
        max_workers=max_workers,
        per_host=per_host,
    )
    now = timezone.now()
    summary = CheckSummary(checked=len(results))
    for model, objects, url_field in [(ResourceLinkPage, resources, "link_url"), (ExternalItem, items, "link")]:
        final_url_length = model._meta.get_field("final_url").max_length
        for obj in objects:
            url = getattr(obj, url_field)
            result = results[url]
            obj.link_status, obj.last_checked_at = result.status, now
            obj.final_url = result.final_url if len(result.final_url) <= final_url_length else ""
            summary.counts[result.status] = summary.counts.get(result.status, 0) + 1
            if result.status != LinkStatus.OK:
                summary.problems.append(f"{obj.title} ({url}): {result.reason}")
        # Recorded without a new revision: the check describes the live link, it is not an edit.
        model.objects.bulk_update(objects, ["link_status", "final_url", "last_checked_at"], batch_size=200)
    return summary
