"""Search latency on the database backends at a given number of indexed items.

    .venv/bin/python bench/search_latency.py --items 10000 [--database sqlite|postgres]
        [--backend ours|wagtail] [--runs 30] [--rebuild]

Builds (once per size and database, kept under var/bench/) a hub with N synthetic blog posts in
twenty communities, with English-like text: a Zipf distribution over council vocabulary and a long
tail of rarer words, titles of 4-8 words, summaries of 15-30 and bodies of 120-300. 20% of posts are
for signed-in members and 10% for their community only. Building page by page through Wagtail's
add_child would take hours at 100k, so the posts' rows are inserted in batches with their tree
paths computed here (the same paths treebeard would give), and then indexed through the
configured search backend's add_bulk in batches of 1,000, exactly as `update_index` does.

Each query runs warm (three unmeasured runs, then --runs measured ones, taken in rounds of every
query once, so that the machine's slow moments fall on all queries alike) through Wagtail's query API
on `search.ranking.visible_pages(reader)`, the Scope the search page hands the backend, and
through the search page's entry point, with and without personalisation: search.ranking.rank()
(the count, and the first ten re-ranked with personal boosts) and search.results.search() (the
same, with the ten results read as pages with their snippets); counts go no further than the
search page counts (1,001). The median and 95th percentile are printed and written to
bench/results/search_latency.md, replacing the section for the same size, database and backend.

On PostgreSQL the script uses DATABASE_URL if it names a PostgreSQL database, or else starts a
throwaway cluster with .ci/postgres under var/bench/ and stops it at the end.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from functools import partial
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import (  # noqa: E402
    BATCH,
    BENCH_DIR,
    COUNCIL_WORDS,
    FUNCTION_WORDS,
    ROOT,
    TextMaker,
    index_pages,
    insert_rows,
    pending_migrations,
    refresh_statistics,
    setup_django,
)

RESULTS = ROOT / "bench" / "results" / "search_latency.md"
COMMUNITIES = 20


def database_url(args):
    """Return the DATABASE_URL for this run, starting a PostgreSQL cluster if needed."""
    if args.database == "sqlite":
        name = f"search-{args.items}-{args.backend}.sqlite3"
        return f"sqlite:///{BENCH_DIR / name}", None
    given = os.environ.get("DATABASE_URL", "")
    if given.startswith("postgres"):
        return given, None
    cluster = BENCH_DIR / f"postgres-{args.items}-{args.backend}"
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    url = subprocess.run(  # noqa: S603
        [str(ROOT / ".ci" / "postgres"), "start", str(cluster)], check=True, capture_output=True, text=True
    ).stdout.strip()
    return url, cluster


def build(items):
    """Create the hub's sections, communities and `items` posts, then index them."""
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from wagtail.models import Page
    from wagtail.rich_text import RichText

    from practice.models import BlogIndexPage, BlogPostPage, CommunityIndexPage, CommunityPage, PracticePage
    from practice.models.choices import AccessLevel, SecurityLevel, Visibility

    migrating = pending_migrations()
    call_command("migrate", verbosity=0)
    if BlogPostPage.objects.count() == items:
        if migrating:
            refresh_statistics()
        return False
    if BlogPostPage.objects.exists():
        raise SystemExit("The bench database holds another number of posts: run with --rebuild.")

    started = time.perf_counter()
    home = Page.objects.get(depth=2)
    index = home.add_child(instance=CommunityIndexPage(title="Communities", slug="communities"))
    levels = [AccessLevel.OPEN] * 14 + [AccessLevel.RESTRICTED] * 3 + [AccessLevel.PRIVATE] * 3
    blogs = []
    for number, level in enumerate(levels, start=1):
        community = index.add_child(
            instance=CommunityPage(title=f"Community {number}", slug=f"community-{number}", access_level=level)
        )
        blogs.append(community.add_child(instance=BlogIndexPage(title="Blog", slug="blog")))

    text = TextMaker()
    content_type = ContentType.objects.get_for_model(BlogPostPage)
    next_id = Page.objects.order_by("-id").values_list("id", flat=True).first() + 1
    children = {blog.pk: 0 for blog in blogs}
    group_links = []
    through = PracticePage.view_groups.through
    community_of = {blog.pk: blog.get_parent().specific for blog in blogs}
    staff = list(Group.objects.filter(name__in=["Editors", "Moderators"]).values_list("pk", flat=True))

    now = timezone.now()
    for start in range(0, items, BATCH):
        posts = []
        for number in range(start, min(start + BATCH, items)):
            blog = blogs[number % len(blogs)]
            community = community_of[blog.pk]
            children[blog.pk] += 1
            roll = text.rng.random()
            level = (
                SecurityLevel.PUBLIC if roll < 0.7 else SecurityLevel.MEMBERS if roll < 0.9 else SecurityLevel.COMMUNITY
            )
            if community.access_level != AccessLevel.OPEN:
                level = SecurityLevel.COMMUNITY
            visibility = {
                SecurityLevel.PUBLIC: Visibility.PUBLIC,
                SecurityLevel.MEMBERS: Visibility.MEMBERS,
                SecurityLevel.COMMUNITY: Visibility.GROUPS,
            }[level]
            title = text.sentence_case(4, 8)
            post = BlogPostPage(
                id=next_id,
                page_ptr_id=next_id,
                practicepage_ptr_id=next_id,
                path=Page._get_path(blog.path, blog.depth + 1, children[blog.pk]),
                depth=blog.depth + 1,
                numchild=0,
                title=title,
                draft_title=title,
                slug=f"post-{number}",
                url_path=f"{blog.url_path}post-{number}/",
                content_type=content_type,
                live=True,
                first_published_at=now,
                last_published_at=now,
                locale_id=blog.locale_id,
                summary=text.sentence_case(15, 30),
                body=[("paragraph", RichText(f"<p>{text.sentence_case(120, 300)}</p>"))],
                security_level=level,
                visibility=visibility,
                community_id=community.pk,
                date=now,
            )
            if visibility == Visibility.GROUPS:
                group_links += [
                    through(practicepage_id=next_id, group_id=g) for g in [community.members_group_id, *staff]
                ]
            posts.append(post)
            next_id += 1
        with transaction.atomic():
            insert_rows(Page, posts)
            insert_rows(PracticePage, posts)
            insert_rows(BlogPostPage, posts)
            through.objects.bulk_create(group_links)
            group_links = []
    for blog in blogs:
        Page.objects.filter(pk=blog.pk).update(numchild=children[blog.pk])
    inserted = time.perf_counter()

    index_pages(BlogPostPage, list(BlogPostPage.objects.order_by("pk").values_list("pk", flat=True)))
    refresh_statistics()
    print(
        f"Built {items} posts in {inserted - started:.0f} s and indexed them in {time.perf_counter() - inserted:.0f} s",
        flush=True,
    )
    return True


def queries():
    """Return (label, function(pages) -> result) for the measured queries, `pages` the querysets to search."""
    from wagtail.search.query import Phrase, PlainText

    from search.ranking import COUNT_LIMIT

    def count(results):
        # As the search page counts: no further than it can page through, where the backend can.
        return results.count_up_to(COUNT_LIMIT + 1)

    return [
        ("one common word, top 10", lambda pages: list(pages.everywhere.search("council")[:10])),
        ("one common word, count", lambda pages: count(pages.everywhere.search("council"))),
        ("two words, top 10", lambda pages: list(pages.everywhere.search("social media")[:10])),
        ("two words, count", lambda pages: count(pages.everywhere.search("social media"))),
        (
            "two words (or), top 10",
            lambda pages: list(pages.everywhere.search(PlainText("flooding recycling", operator="or"))[:10]),
        ),
        ('phrase "social media", top 10', lambda pages: list(pages.everywhere.search(Phrase("social media"))[:10])),
        # Both words are in one post in seven, side by side in fewer than one in a thousand.
        (
            'phrase "housing budget", top 10',
            lambda pages: list(pages.everywhere.search(Phrase("housing budget"))[:10]),
        ),
        ('phrase "housing budget", count', lambda pages: count(pages.everywhere.search(Phrase("housing budget")))),
        ("rare word, top 10", lambda pages: list(pages.everywhere.search(RARE_WORD)[:10])),
        ("rare word, count", lambda pages: count(pages.everywhere.search(RARE_WORD))),
        (
            "common word in one community, top 10",
            lambda pages: list(pages.in_community.search("council")[:10]),
        ),
        ("common word in one community, count", lambda pages: count(pages.in_community.search("council"))),
        ("common word, page 5 (results 41-50)", lambda pages: list(pages.everywhere.search("council")[40:50])),
    ]


RARE_WORD = ""


def measure(runs, backend_label):
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection

    from search import ranking
    from search.query import SearchFilters

    global RARE_WORD
    text = TextMaker()
    RARE_WORD = text.words[len(FUNCTION_WORDS) + len(COUNCIL_WORDS) + 3000]
    member = _bench_member()
    readers = [("anonymous", AnonymousUser()), ("member of one community", member)]
    measured = []
    for reader_label, reader in readers:
        # The querysets the search page hands the backend (with access filtered in SQL for ours).
        in_sql = backend_label == "ours"
        pages = SimpleNamespace(
            everywhere=ranking.visible_pages(reader, in_sql=in_sql),
            in_community=ranking.visible_pages(reader, SearchFilters(communities=("community-1",)), in_sql=in_sql),
        )
        measured += [(reader_label, label, partial(run, pages)) for label, run in queries()]
        measured += [(reader_label, label, partial(run, reader)) for label, run in entry_point_queries()]
    for _reader_label, _label, run in measured:
        for _ in range(3):
            run()
    # In rounds, each query once a round: a slow moment of the machine (its speed varies by half
    # from minute to minute) falls on every query alike instead of on the few measured then.
    timings = [[] for _ in measured]
    for _ in range(runs):
        for timed, (_reader_label, _label, run) in zip(timings, measured, strict=True):
            started = time.perf_counter()
            run()
            timed.append((time.perf_counter() - started) * 1000)
    rows = []
    for timed, (reader_label, label, _run) in zip(timings, measured, strict=True):
        timed.sort()
        median = statistics.median(timed)
        p95 = timed[max(0, round(0.95 * len(timed)) - 1)]
        rows.append((reader_label, label, median, p95))
        print(
            f"{connection.vendor:10} {backend_label:8} {reader_label:24} {label:48} "
            f"median {median:8.1f} ms  p95 {p95:8.1f} ms",
            flush=True,
        )
    return rows


def machine_speed():
    """Return the milliseconds a fixed piece of pure Python takes: how fast this machine is just now."""
    started = time.perf_counter()
    total = 0
    for number in range(1_000_000):
        total += number * number
    return (time.perf_counter() - started) * 1000


def _bench_member():
    """Return a member of one restricted community, with a profile and an interest to personalise for."""
    from django.contrib.auth import get_user_model

    from practice.communities.services import membership_join
    from practice.models import CommunityPage, MemberProfile, Topic

    user, _created = get_user_model().objects.get_or_create(username="bench.member@example.gov.uk")
    membership_join(community=CommunityPage.objects.get(slug="community-18"), member=user)
    profile, _created = MemberProfile.objects.get_or_create(
        user=user, defaults={"slug": "bench-member", "display_name": "Bench Member"}
    )
    topic, _created = Topic.objects.get_or_create(slug="social-media", defaults={"name": "Social media"})
    profile.interests.add(topic)
    return user


def entry_point_queries():
    """Return (label, function(reader) -> result) for searches through search.ranking, as the search page asks.

    Each is measured twice: ranked (search.ranking.rank: the count, and the first ten in order with
    personal boosts, each with what its reasons are read from) and whole (search.results.search: also
    the ten results read as pages, with their communities, topics and highlighted snippets).
    """
    from search import ranking, results
    from search.query import Search

    def ranked(text, **options):
        return lambda reader: ranking.rank(Search(text, reader, facets=False, external=False, **options)).order

    def whole(text, **options):
        return lambda reader: results.search(text, reader, facets=False, external=False, **options).hits

    searches = [
        ("one common word, personalised", "council", {}),
        ("one common word, not personalised", "council", {"personalise": False}),
        ("two words, personalised", "social media", {}),
        ("two words, not personalised", "social media", {"personalise": False}),
        ("rare word, personalised", RARE_WORD, {}),
        # Too few with every word: asked again for any of the words that carry meaning (search.relaxing).
        ("question, relaxed, personalised", f"how should we plan {RARE_WORD} for social media", {}),
        # A word that finds nothing, corrected (search.spelling; the entry point only).
        ("misspelt word, personalised", "councl", {}),
    ]
    return [
        *[(f"ranked: {label}", ranked(text, **options)) for label, text, options in searches],
        *[(f"entry point: {label}", whole(text, **options)) for label, text, options in searches],
    ]


def write_results(args, vendor, rows, sqlite_version, speed):
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    heading = f"## {args.items:,} posts, {vendor}, {args.backend} backend"
    lines = [
        heading,
        "",
        f"{args.runs} warm runs per query, in rounds; {sqlite_version}; measured {time.strftime('%Y-%m-%d %H:%M')}. "
        f"This machine's speed varies: a fixed Python loop (`machine_speed`) took {speed[0]:.0f} ms before "
        f"and {speed[1]:.0f} ms after.",
        "",
        "| reader | query | median (ms) | p95 (ms) |",
        "|---|---|---:|---:|",
        *[f"| {reader} | {label} | {median:.1f} | {p95:.1f} |" for reader, label, median, p95 in rows],
        "",
    ]
    existing = (
        RESULTS.read_text() if RESULTS.exists() else "# Search latency\n\nWritten by bench/search_latency.py.\n\n"
    )
    sections = existing.split("\n## ")
    kept = [sections[0].rstrip() + "\n"] + [
        "## " + s.rstrip() + "\n" for s in sections[1:] if not ("## " + s).startswith(heading)
    ]
    RESULTS.write_text("\n".join([*kept, "\n".join(lines)]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument(
        "--backend",
        choices=["ours", "wagtail"],
        default="ours",
        help="ours: search.backends.database; wagtail: Wagtail's stock database backend",
    )
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()

    url, cluster = database_url(args)
    try:
        setup_django(url)
        from django.conf import settings
        from django.db import connection

        if args.backend == "wagtail":
            settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "wagtail.search.backends.database"
        if args.rebuild:
            _drop_everything(connection, url)
        build(args.items)
        if connection.vendor == "sqlite":
            import sqlite3

            engine = f"SQLite {sqlite3.sqlite_version}"
        else:
            with connection.cursor() as cursor:
                cursor.execute("SHOW server_version")
                engine = f"PostgreSQL {cursor.fetchone()[0]}"
        speed = [machine_speed()]
        rows = measure(args.runs, args.backend)
        speed.append(machine_speed())
        print(f"A fixed Python loop took {speed[0]:.0f} ms before and {speed[1]:.0f} ms after", flush=True)
        write_results(args, connection.vendor, rows, engine, speed)
    finally:
        if cluster is not None:
            subprocess.run([str(ROOT / ".ci" / "postgres"), "stop", str(cluster)], check=False)  # noqa: S603


def _drop_everything(connection, url):
    if connection.vendor == "sqlite":
        connection.close()
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    else:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")


if __name__ == "__main__":
    main()
