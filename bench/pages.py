"""Page render times and SQL queries per page on the bench hub, for an anonymous reader and a member.

    .venv/bin/python bench/pages.py --items 10000 [--database sqlite|postgres] [--runs 20]

Builds the hub of that size if it is not there yet (bench/dataset.py), then asks each measured page
in this process through Django's test Client, as a signed-out reader and as a signed-in demo member
of several communities:

- warm: after two unmeasured requests (the second counts the queries), `--runs` timed requests in a row;
- cold: `--runs` timed requests, each after clearing what a new worker would not have yet: Django's
  cache (Wagtail's site root paths among it), the content-type cache and the compiled templates.
  The database's own buffers are not dropped.

It counts the SQL queries of one warm and one cold request per page (CaptureQueriesContext), and
records the resident memory of this process, which has served every page as a worker would. The
figures go to var/bench/results/pages-<items>-<database>.json for bench/report.py.
"""

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dataset  # noqa: E402

RESULTS_DIR = dataset.BENCH_DIR / "results"
QUERY = "council"
WARM_UP = 1


class Target:
    """A page to measure: its label, address, and the readers it is measured for."""

    def __init__(self, label, url, *, members_only=False, personalise=False):
        self.label = label
        self.url = url
        self.members_only = members_only
        self.personalise = personalise


def bench_member():
    """Return the demo member with the most community memberships: a signed-in reader who sees the most."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count

    return (
        get_user_model()
        .objects.filter(is_superuser=False, profile__isnull=False)
        .exclude(username__startswith="bench.")
        .annotate(communities=Count("memberships"))
        .order_by("-communities", "pk")
        .first()
    )


def targets():
    """Return the measured pages: each listing of an open community, its long thread, search and the APIs."""
    from urllib.parse import urlencode

    from practice.models import (
        BlogIndexPage,
        BlogPostPage,
        CommunityPage,
        DiscussionIndexPage,
        DiscussionThreadPage,
        EventIndexPage,
        ResourceLibraryPage,
        Topic,
    )
    from practice.models.choices import AccessLevel, Visibility

    community = CommunityPage.objects.filter(access_level=AccessLevel.OPEN).order_by("path").first()
    post = (
        BlogPostPage.objects.filter(
            community=community, visibility=Visibility.PUBLIC, slug__startswith=dataset.SLUG_PREFIX
        )
        .order_by("pk")
        .first()
    )
    thread = DiscussionThreadPage.objects.get(slug=dataset.BIG_THREAD_SLUG)
    topic = Topic.objects.order_by("pk").first()
    faceted = urlencode({"q": QUERY, "type": "post", "topic": topic.slug, "community": community.slug})
    return [
        Target("home", "/"),
        Target("blog post", post.url),
        Target(f"thread, {thread.reply_count} replies", thread.url),
        Target("community blog", BlogIndexPage.objects.child_of(community).get().url),
        Target("community discussions", DiscussionIndexPage.objects.child_of(community).get().url),
        Target("community resource library", ResourceLibraryPage.objects.child_of(community).get().url),
        Target("community events", EventIndexPage.objects.child_of(community).get().url),
        Target("search", f"/search/?q={QUERY}"),
        Target("search, faceted", f"/search/?{faceted}"),
        Target("search, personalised", f"/search/?q={QUERY}", members_only=True, personalise=True),
        Target("/api/search/", f"/api/search/?q={QUERY}"),
        Target("/api/v2/pages/", "/api/v2/pages/"),
    ]


def clear_caches():
    """Forget what a worker learns while serving: cached values, content types, templates and Markdown."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import caches
    from django.template import engines

    from practice.markup import render_markdown

    for cache in caches.all():
        cache.clear()
    render_markdown.cache_clear()
    ContentType.objects.clear_cache()
    for engine in engines.all():
        for loader in engine.engine.template_loaders:
            loader.reset()


def request(client, url):
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}, not 200")
    return elapsed


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        request(client, url)
    return len(captured)


def summary(timings):
    timings = sorted(timings)
    return statistics.median(timings), timings[max(0, round(0.95 * len(timings)) - 1)]


def measure_page(client, url, runs):
    """Return the warm and cold median and 95th percentile (ms) and query counts of one page."""
    for _ in range(WARM_UP):
        request(client, url)
    # Counting queries turns on Django's query log, so this request is not timed: it warms up too.
    warm_queries = count_queries(client, url)
    warm = summary([request(client, url) for _ in range(runs)])
    cold_timings = []
    for _ in range(runs):
        clear_caches()
        cold_timings.append(request(client, url))
    clear_caches()
    cold_queries = count_queries(client, url)
    cold = summary(cold_timings)
    return {
        "warm_median": warm[0],
        "warm_p95": warm[1],
        "cold_median": cold[0],
        "cold_p95": cold[1],
        "warm_queries": warm_queries,
        "cold_queries": cold_queries,
    }


def set_personalisation(user, on):
    from search.models import SearchPreference

    SearchPreference.objects.update_or_create(user=user, defaults={"personalise": on})


def measure(runs, pages=None, log=print):
    """Measure every target for both readers; return one row per page and reader."""
    from django.test import Client

    member = bench_member()
    signed_in = Client()
    signed_in.force_login(member)
    readers = [("anonymous", Client(), None), ("member", signed_in, member)]
    rows = []
    for target in pages or targets():
        for reader, client, user in readers:
            if target.members_only and user is None:
                continue
            if user is not None:
                # Plain and faceted search are measured without personalisation; it has its own row.
                set_personalisation(user, target.personalise)
            row = {"page": target.label, "url": target.url, "reader": reader, **measure_page(client, target.url, runs)}
            rows.append(row)
            log(
                f"{target.label:28} {reader:9} warm {row['warm_median']:7.1f} ms (p95 {row['warm_p95']:7.1f})  "
                f"cold {row['cold_median']:7.1f} ms (p95 {row['cold_p95']:7.1f})  "
                f"queries {row['warm_queries']:3}/{row['cold_queries']:3}"
            )
    return rows


def memory_mb():
    """Return this process's resident memory now and at its peak, in MB."""
    status = dict(
        line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if line.startswith("Vm")
    )
    return int(status["VmRSS"].split()[0]) / 1024, int(status["VmHWM"].split()[0]) / 1024


def engine_version():
    from django.db import connection

    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0].split()[0]}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    if args.runs < 20:
        parser.error("Give at least 20 runs, so that the 95th percentile means something.")

    dataset.setup_django(dataset.database_url(args.items, args.database))
    import django

    import wagtail

    build = dataset.ensure(args.items, args.database)
    started = time.perf_counter()
    rows = measure(args.runs, log=lambda line: print(f"{args.database:8} {args.items:>7,} {line}", flush=True))
    rss, peak = memory_mb()
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    result = {
        "items": args.items,
        "database": args.database,
        "engine": engine_version(),
        "runs": args.runs,
        "measured_at": time.strftime("%Y-%m-%d %H:%M"),
        "measure_seconds": time.perf_counter() - started,
        "build": build,
        "rss_mb": rss,
        "peak_rss_mb": peak,
        "versions": {
            "Python": platform.python_version(),
            "Django": django.get_version(),
            "Wagtail": wagtail.__version__,
        },
        "rows": rows,
    }
    path = RESULTS_DIR / f"pages-{args.items}-{args.database}.json"
    path.write_text(json.dumps(result, indent=2))
    print(f"Wrote {path.relative_to(dataset.ROOT)}: worker RSS {rss:.0f} MB (peak {peak:.0f} MB)", flush=True)


if __name__ == "__main__":
    main()
