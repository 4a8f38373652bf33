"""The load test's two looks at the database: what to visit before it runs, and what was stored after.

    python bench/loadtest_db.py plan PLAN.json
        Write the addresses the simulated readers and members visit, worked out with the hub's own
        access rules: pages anyone may read, and for each demo member the blog posts they may comment
        on and the open discussions in the communities they belong to.

    python bench/loadtest_db.py check RUN_DIR REPORT.md
        Read the markers the load test posted (RUN_DIR/posts.jsonl), Locust's figures (figures.json),
        the run's settings (run.json) and the server's log (server.log); check that every comment
        and reply it posted is stored exactly once and that nothing failed; print the figures,
        write them to REPORT.md, and exit 1 if anything went wrong.

Both run with the same settings and DATABASE_URL as the server under test (bench/loadtest.sh sets them).
"""

import json
import os
import platform
import re
import sys
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.production")

import django  # noqa: E402

django.setup()

from django_comments_xtd.models import XtdComment  # noqa: E402

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.db import connection  # noqa: E402

from wagtail.models import Page, Site  # noqa: E402

from practice.access import is_staff_member  # noqa: E402
from practice.demo.builder import DEMO_PASSWORD  # noqa: E402
from practice.models import (  # noqa: E402
    BlogPostPage,
    CaseStudyPage,
    CollectionPage,
    CommentHold,
    CommentSettings,
    CommunityPage,
    DiscussionThreadPage,
    EventPage,
    GuidancePage,
    Membership,
    PracticePage,
    Reply,
    ResourceLinkPage,
    Topic,
)

WARM_UP_ROUNDS = 8  # enough to reach every one of a few workers
DEMO_SEARCH = "video"
PLURALS = {"comment": "comments", "reply": "replies"}

# Every comment and reply the load test posts carries one of these; the uuid makes each one unique.
MARKER = re.compile(r"\[load test ([0-9a-f]{32})\]")


def urls(pages):
    return sorted(page.url for page in pages if page.url)


def listing_pages(readable_communities):
    """Return the live structural pages (indexes, listings) outside any community the reader may not see."""
    site_root = Site.objects.get(is_default_site=True).root_page
    pages = []
    for page in Page.objects.live().descendant_of(site_root, inclusive=True).specific():
        if isinstance(page, PracticePage):
            continue
        community = CommunityPage.objects.ancestor_of(page).first()
        if community is None or community.pk in readable_communities:
            pages.append(page)
    return pages


def member_targets(user, comment_settings):
    """Return the blog posts this member may comment on now, and the open threads they may reply in."""
    posts = BlogPostPage.objects.live().visible_to(user)
    commentable = [post for post in posts if not post.comments_closed_reason(comment_settings)]
    communities = Membership.objects.active().filter(member=user).values("community")
    threads = (
        DiscussionThreadPage.objects.live()
        .visible_to(user)
        .filter(community__in=communities)
        .exclude(status=DiscussionThreadPage.Status.CLOSED)
    )
    return {"email": user.email, "comment_on": urls(commentable), "reply_in": urls(threads)}


def plan(path):
    anonymous = AnonymousUser()
    readable = PracticePage.objects.live().visible_to(anonymous)
    communities = CommunityPage.objects.live().visible_to(anonymous)
    site = Site.objects.get(is_default_site=True)
    comment_settings = CommentSettings.for_site(site)
    members = [
        user
        for user in get_user_model().objects.filter(is_active=True).order_by("pk")
        if not is_staff_member(user) and Membership.objects.active().filter(member=user).exists()
    ]
    feeds = ["/feeds/rss/", "/feeds/atom/"]
    feeds += [f"/feeds/communities/{community.slug}/rss/" for community in communities]
    feeds += [f"/feeds/topics/{topic.slug}/atom/" for topic in Topic.objects.order_by("name")]
    content = {
        "posts": urls(readable.type(BlogPostPage)),
        "threads": urls(readable.type(DiscussionThreadPage)),
        "events": urls(readable.type(EventPage)),
        "pages": urls(readable.type(ResourceLinkPage, CollectionPage, GuidancePage, CaseStudyPage, CommunityPage)),
        "listings": urls(listing_pages({community.pk for community in communities})),
        "topics": [f"/topics/{topic.slug}/" for topic in Topic.objects.order_by("name")],
        "feeds": feeds,
    }
    targets = [member_targets(user, comment_settings) for user in members]
    # Each worker loads templates and URLs on first use: a live site has long since done so.
    warm_up = [url for kind in ("listings", "posts", "threads", "events", "pages") for url in content[kind]]
    warm_up += ["/accounts/sign-in/", f"/search/?q={DEMO_SEARCH}", f"/api/search/?q={DEMO_SEARCH}"] * WARM_UP_ROUNDS
    document = {
        "reader": content,
        "warm_up": warm_up,
        "searches": list(Topic.objects.order_by("name").values_list("name", flat=True)),
        "search_types": ["post", "discussion", "event", "resource", "guidance"],
        "members": [target for target in targets if target["comment_on"] and target["reply_in"]],
        "password": DEMO_PASSWORD,
    }
    if not all(content.values()) or not document["members"] or not document["searches"]:
        sys.exit(f"The demo hub is missing content the load test needs: {json.dumps(document, indent=2)}")
    Path(path).write_text(json.dumps(document, indent=2))
    print(
        f"Load test plan: {sum(map(len, content.values()))} addresses to read, "
        f"{len(document['members'])} members to sign in as."
    )


# --- after the run ---------------------------------------------------------------------------------------------


def read_posts(run_dir):
    """Return the markers the load test tried to post and those the hub confirmed, by kind."""
    attempted, confirmed = {"comment": set(), "reply": set()}, {"comment": {}, "reply": {}}
    with open(run_dir / "posts.jsonl") as lines:
        for line in lines:
            post = json.loads(line)
            if post["event"] == "attempt":
                attempted[post["kind"]].add(post["marker"])
            elif post["event"] == "posted":
                confirmed[post["kind"]][post["marker"]] = post["pk"]
    return attempted, confirmed


def stored(kind):
    """Return, for each marker found in the database, the primary keys of the rows that carry it."""
    if kind == "comment":
        rows = XtdComment.objects.filter(comment__contains="[load test ").values_list("pk", "comment")
    else:
        rows = Reply.objects.filter(body__contains="[load test ").values_list("pk", "body")
    found = {}
    for pk, text in rows:
        for marker in MARKER.findall(text):
            found.setdefault(marker, []).append(pk)
    return found


def audit_posts(kind, attempted, confirmed):
    """Compare what the load test posted with what the database holds."""
    found = stored(kind)
    lost = sorted(marker for marker in confirmed if marker not in found)
    duplicated = sorted(marker for marker, pks in found.items() if len(pks) > 1)
    mismatched = sorted(
        marker for marker, pk in confirmed.items() if len(found.get(marker, [])) == 1 and found[marker] != [pk]
    )
    unconfirmed = sorted(marker for marker in attempted if marker not in confirmed)
    unexpected = sorted(marker for marker in found if marker not in attempted)
    audit = {
        "attempted": len(attempted),
        "confirmed": len(confirmed),
        "stored": len(found),
        "lost": lost,
        "duplicated": duplicated,
        "mismatched": mismatched,
        "unconfirmed": unconfirmed,
        "unconfirmed_stored": [marker for marker in unconfirmed if marker in found],
        "unexpected": unexpected,
    }
    if kind == "comment":
        pks = [pk for marker in confirmed for pk in found.get(marker, [])]
        audit["held"] = CommentHold.objects.filter(comment_id__in=pks).count()
        audit["published"] = XtdComment.objects.filter(pk__in=pks, is_public=True).count()
    return audit


def machine():
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if "model name" in line]
        cpu = names[0] if names else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total = next(line for line in meminfo.read_text().splitlines() if line.startswith("MemTotal"))
        memory = f", {int(total.split()[1]) / 1024 / 1024:.1f} GiB RAM"
    return f"{cpu}, {os.cpu_count()} CPUs{memory}, {platform.system()} {platform.release()}"


def versions():
    database = connection.vendor
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
    packages = ", ".join(f"{name} {version(name)}" for name in ("django", "wagtail", "gunicorn", "locust"))
    return f"Python {platform.python_version()}, {packages}, {database}"


def latency_row(label, row):
    return (
        f"| {label} | {row['requests']} | {row['failures']} | {row['median']:.0f} | {row['p95']:.0f} | "
        f"{row['p99']:.0f} | {row['max']:.0f} | {row['per_second']:.2f} |"
    )


def problems_found(figures, server_errors, audits):
    """Return what went wrong, in words: failed requests, errors, and posts lost, duplicated or unaccounted for."""
    total = figures["total"]
    problems = []
    if not total["requests"]:
        problems.append("no requests were made")
    if total["failures"]:
        problems.append(f"{total['failures']} requests failed")
    if figures["exceptions"]:
        problems.append(f"{sum(row['count'] for row in figures['exceptions'])} errors in the simulated users")
    if server_errors:
        problems.append(f"{server_errors} errors in the server log")
    for kind, audit in audits.items():
        if not audit["confirmed"]:
            problems.append(f"no {kind} was posted")
        for outcome in ("lost", "duplicated", "mismatched", "unconfirmed", "unexpected"):
            if audit[outcome]:
                problems.append(f"{len(audit[outcome])} {PLURALS[kind]} {outcome}")
    return problems


def check(run_dir, report_path):
    run_dir = Path(run_dir)
    run = json.loads((run_dir / "run.json").read_text())
    figures = json.loads((run_dir / "figures.json").read_text())
    server_errors = (run_dir / "server.log").read_text().count("Traceback (most recent call last)")
    attempted, confirmed = read_posts(run_dir)
    audits = {kind: audit_posts(kind, attempted[kind], confirmed[kind]) for kind in ("comment", "reply")}
    problems = problems_found(figures, server_errors, audits)

    total, users, comment, reply = figures["total"], figures["users"], audits["comment"], audits["reply"]
    low, high = figures["think_time"]
    verdict = "PASSED" if not problems else "FAILED: " + "; ".join(problems)
    lines = [
        "# Practice Hub load test",
        "",
        f"**{verdict}**",
        "",
        f"- When: {run['started']}: {run['run_time']} of load (users started at {run['spawn_rate']} a second), "
        "after one warm-up pass over the pages",
        f"- Load: {run['users']} simulated users ({users.get('Reader', 0)} anonymous readers, "
        f"{users.get('Member', 0)} signed-in members), each waiting {low} to {high} s between actions; "
        "Locust headless",
        f"- Server: gunicorn, {run['workers']} sync workers, `hub.settings.production`, WhiteNoise, "
        "PostgreSQL on 127.0.0.1; Locust stands in for the TLS-terminating proxy "
        "(`X-Forwarded-Proto: https`, one `X-Forwarded-For` address per simulated user)",
        f"- Machine: {machine()} (Locust, gunicorn and PostgreSQL share it; "
        f"load average {run.get('load', 'unknown')} as the run began)",
        f"- Versions: {versions()}",
        "",
        "## Throughput and latency",
        "",
        f"- Requests: {total['requests']}, failed: {total['failures']}, "
        f"errors in simulated users: {len(figures['exceptions'])}, errors in the server log: {server_errors}",
        f"- Throughput: {total['per_second']:.1f} requests/s",
        f"- Latency over all requests: median {total['median']:.0f} ms, p95 {total['p95']:.0f} ms, "
        f"p99 {total['p99']:.0f} ms, max {total['max']:.0f} ms",
        "",
        "| request | count | failed | median ms | p95 ms | p99 ms | max ms | per second |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        *(latency_row(f"{row['method']} {row['name']}", row) for row in figures["requests"]),
        latency_row("**all**", total),
        "",
        "## What was posted, and what the database holds",
        "",
        "| | attempted | confirmed by the hub | stored once | lost | duplicated | unconfirmed |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *(
            f"| {PLURALS[kind]} | {audit['attempted']} | {audit['confirmed']} | "
            f"{audit['confirmed'] - len(audit['lost']) - len(audit['duplicated'])} | {len(audit['lost'])} | "
            f"{len(audit['duplicated'])} | {len(audit['unconfirmed'])} |"
            for kind, audit in audits.items()
        ),
        "",
        f"Of the {comment['confirmed']} comments, {comment['published']} were published at once and "
        f"{comment['held']} wait for a moderator (a member's comments are held until one has been published). "
        f"Replies in discussions: {reply['confirmed']}.",
    ]
    if figures["failures"]:
        lines += ["", "## Failures", "", "| request | error | occurrences |", "|---|---|---:|"]
        lines += [f"| {row['request']} | {row['error']} | {row['occurrences']} |" for row in figures["failures"]]
    if figures["exceptions"]:
        lines += ["", "## Errors in the simulated users", ""]
        lines += [f"- {row['count']} × {row['message']}" for row in figures["exceptions"]]
    report = "\n".join(lines) + "\n"
    report_path = Path(report_path)
    report_path.parent.mkdir(parents=True, exist_ok=True)
    report_path.write_text(report)
    print(report)
    print(f"Report written to {report_path}")
    return 1 if problems else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "plan" and len(sys.argv) == 3:
        plan(sys.argv[2])
    elif command == "check" and len(sys.argv) == 4:
        sys.exit(check(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__)
