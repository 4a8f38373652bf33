"""The benchmark hub: the demo hub plus N generated items, written in bulk through the product's models.

    .venv/bin/python bench/dataset.py --items 10000 [--database sqlite|postgres]

`build(items)` starts from `manage.py load_demo` (so the sections, communities of every access level,
members and vocabulary are the demo's own) and adds `items` pages: 40% blog posts, 20% discussion
threads with replies (one of them with 200), 25% resource links and 15% events, spread over the
communities and the site-wide resource library and events listing, with one extra member with a
profile, interests and memberships for every twenty items. Adding pages one by one through
Wagtail's add_child would take hours at 100k, so rows are inserted in batches with the tree paths
treebeard would give; each page's own view restriction is written as `practice.access.apply_security`
would write it, then `practice.access.refresh_visibility` derives the listings' copy of access for
each community and section, and the configured search backend indexes the new pages with add_bulk
in batches of 1,000, as `update_index` does.

Each size and database is built once and kept: a SQLite file or a PostgreSQL database under
var/bench/, with the build's timings beside it in a JSON file.
"""

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
POSTGRES_CLUSTER = BENCH_DIR / "postgres"
BATCH = 1000
SLUG_PREFIX = "bench-"
BIG_THREAD_REPLIES = 200
BIG_THREAD_SLUG = f"{SLUG_PREFIX}thread-with-{BIG_THREAD_REPLIES}-replies"
ITEMS_PER_MEMBER = 20
# Shares of the generated pages, by kind.
MIX = {"post": 0.40, "thread": 0.20, "resource": 0.25, "event": 0.15}

# The most frequent words first (Zipf ranks). Function words lead, as in real English text.
FUNCTION_WORDS = "the of and to in a for is on that with we our it as are this at be by from have".split()  # noqa: SIM905
COUNCIL_WORDS = (  # noqa: SIM905
    "council social media community digital residents service team engagement local public staff "
    "people online information support news work project services data website channel feedback "
    "consultation events health care housing libraries flooding budget campaign video content strategy "
    "training volunteers partners schools transport planning waste recycling parks safety emergency "
    "accessibility inclusion wellbeing youth older carers business economy climate energy heritage"
).split()


def vocabulary(rng, tail=6000):
    """Return words in frequency order: function words, council words, then invented rarer words."""
    syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "bel", "dor", "fin", "gra", "hul", "jen", "pra", "sto"]
    invented = set()
    while len(invented) < tail:
        invented.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return FUNCTION_WORDS + COUNCIL_WORDS + sorted(invented)


class TextMaker:
    """English-like text: a Zipf distribution over council vocabulary and a long tail of rarer words."""

    def __init__(self, seed=7):
        self.rng = random.Random(seed)
        self.words = vocabulary(self.rng)
        weights = [1 / (rank + 1) ** 1.05 for rank in range(len(self.words))]
        total = sum(weights)
        self.cumulative = []
        running = 0.0
        for weight in weights:
            running += weight / total
            self.cumulative.append(running)

    def words_between(self, low, high):
        count = self.rng.randint(low, high)
        return " ".join(self.rng.choices(self.words, cum_weights=self.cumulative, k=count))

    def sentence_case(self, low, high):
        text = self.words_between(low, high)
        return text[:1].upper() + text[1:]


# Where the data lives


def sqlite_path(items):
    return BENCH_DIR / f"hub-{items}.sqlite3"


def database_url(items, database):
    """Return the DATABASE_URL of the bench hub of this size, creating its PostgreSQL database if needed.

    On PostgreSQL, BENCH_POSTGRES_URL names a running server (make bench starts a throwaway cluster
    with .ci/postgres); each size gets its own database on it.
    """
    if database == "sqlite":
        return f"sqlite:///{sqlite_path(items)}"
    server = os.environ.get("BENCH_POSTGRES_URL", "")
    if not server.startswith("postgres"):
        raise SystemExit("Set BENCH_POSTGRES_URL to a PostgreSQL server, e.g. from `.ci/postgres start DIR`.")
    import psycopg

    name = f"bench_{items}"
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f"CREATE DATABASE {name}")
    return f"{server.rsplit('/', 1)[0]}/{name}"


def timings_path(items, vendor):
    return BENCH_DIR / f"hub-{items}-{vendor}.json"


def setup_django(url):
    """Point Django at the bench database and set it up (the test settings: DEBUG off, templates cached)."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.test")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def start_postgres():
    """Start (or reuse) the bench's throwaway PostgreSQL cluster and return its URL."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    return subprocess.run(  # noqa: S603
        [str(ROOT / ".ci" / "postgres"), "start", str(POSTGRES_CLUSTER)], check=True, capture_output=True, text=True
    ).stdout.strip()


def stop_postgres():
    subprocess.run([str(ROOT / ".ci" / "postgres"), "stop", str(POSTGRES_CLUSTER)], check=False)  # noqa: S603


# Writing rows in bulk


def insert_rows(model, objs):
    """Insert the model's own columns of these objects in one statement, ids and all."""
    from django.db import connection

    fields = model._meta.local_concrete_fields
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    rows = [[field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields] for obj in objs]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {model._meta.db_table} ({columns}) VALUES ({marks})", rows)  # noqa: S608


def insert_pages(pages):
    """Insert pages of one type: a row in each table of its inheritance chain, parents first."""
    model = type(pages[0])
    for table_model in [*reversed(model._meta.get_parent_list()), model]:
        insert_rows(table_model, pages)


def reset_page_sequence():
    """Move PostgreSQL's page id sequence past the ids given here, so that Wagtail's next page gets a free one."""
    from django.core.management.color import no_style
    from django.db import connection

    from wagtail.models import Page

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [Page]):
            cursor.execute(statement)


class TreePlaces:
    """Hand out the next child's tree path under each parent, as treebeard would, and record the counts."""

    def __init__(self, next_id):
        self.next_id = next_id
        self.children = {}
        self.parents = {}

    def page_fields(self, parent, slug):
        """Return the fields that place a new page as the last child of parent."""
        from wagtail.models import Page

        self.parents[parent.pk] = parent
        number = self.children.setdefault(parent.pk, parent.numchild) + 1
        self.children[parent.pk] = number
        page_id = self.next_id
        self.next_id += 1
        return {
            "id": page_id,
            "path": Page._get_path(parent.path, parent.depth + 1, number),
            "depth": parent.depth + 1,
            "numchild": 0,
            "slug": slug,
            "url_path": f"{parent.url_path}{slug}/",
            "locale_id": parent.locale_id,
            "live": True,
        }

    def save_counts(self):
        from wagtail.models import Page

        for parent_id, count in self.children.items():
            Page.objects.filter(pk=parent_id).update(numchild=count)


def index_pages(model, ids, backend=None):
    """Index these pages of one type through the search backend, a thousand at a time."""
    from wagtail.search.backends import get_search_backend

    backend = backend or get_search_backend()
    for start in range(0, len(ids), BATCH):
        batch = model.objects.filter(pk__in=ids[start : start + BATCH]).prefetch_related("topics", "tags")
        backend.add_bulk(model, list(batch))


# The hub


class Hub:
    """What the demo hub gives the generated content: places, people and vocabulary."""

    def __init__(self):
        from django.conf import settings
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        from wagtail.models import Site

        from practice.models import (
            AudienceRole,
            BlogIndexPage,
            CommunityPage,
            DiscussionIndexPage,
            EventIndexPage,
            Organisation,
            Region,
            ResourceLibraryPage,
            Topic,
        )

        home = Site.objects.get(is_default_site=True).root_page
        self.communities = list(CommunityPage.objects.order_by("path"))
        sections = {
            "post": BlogIndexPage,
            "thread": DiscussionIndexPage,
            "resource": ResourceLibraryPage,
            "event": EventIndexPage,
        }
        # Every community's section of each kind, with the site-wide library and events listing.
        self.containers = {kind: [] for kind in sections}
        for kind, model in sections.items():
            for community in self.communities:
                section = model.objects.child_of(community).first()
                self.containers[kind].append((section, community))
            if kind in {"resource", "event"}:
                self.containers[kind].append((model.objects.child_of(home).get(), None))
        staff = Group.objects.filter(name__in=settings.HUB_STAFF_GROUPS)
        self.staff_group_ids = list(staff.values_list("pk", flat=True))
        self.member_ids = list(
            get_user_model().objects.filter(profile__isnull=False).order_by("pk").values_list("pk", flat=True)
        )
        self.topic_ids = list(Topic.objects.values_list("pk", flat=True))
        self.role_ids = list(AudienceRole.objects.values_list("pk", flat=True))
        self.region_ids = list(Region.objects.values_list("pk", flat=True))
        self.organisation_ids = list(Organisation.objects.values_list("pk", flat=True))


def counts_by_kind(items):
    """Split the items between the kinds by MIX, giving any rounding remainder to posts."""
    counts = {kind: int(items * share) for kind, share in MIX.items()}
    counts["post"] += items - sum(counts.values())
    return counts


class Builder:
    """Generate the bench content of one size into the current database."""

    def __init__(self, items, seed=11):
        from django.contrib.contenttypes.models import ContentType
        from django.utils import timezone

        from wagtail.models import Page

        from practice.models import BlogPostPage, DiscussionThreadPage, EventPage, ResourceLinkPage

        self.items = items
        self.text = TextMaker(seed)
        self.rng = self.text.rng
        self.hub = Hub()
        self.now = timezone.now()
        self.places = TreePlaces(Page.objects.order_by("-id").values_list("id", flat=True).first() + 1)
        self.models = {
            "post": BlogPostPage,
            "thread": DiscussionThreadPage,
            "resource": ResourceLinkPage,
            "event": EventPage,
        }
        self.content_types = ContentType.objects.get_for_models(*self.models.values())
        self.ids = {kind: [] for kind in self.models}
        self.levels = {}  # page id -> security level, for writing restrictions
        self.links = {"topics": [], "authors": []}
        self.reply_count = 0

    def build(self):
        """Add the members and pages, write access, and index; return the timings in seconds."""
        from django.db import connection, transaction

        from practice.privacy import refresh_visibility

        timings = {}
        started = time.perf_counter()
        with transaction.atomic():
            self.add_members(max(20, self.items // ITEMS_PER_MEMBER))
            for kind, count in counts_by_kind(self.items).items():
                self.add_pages(kind, count)
            self.places.save_counts()
            self.add_replies()
            self.add_restrictions()
            if connection.vendor == "postgresql":
                reset_page_sequence()
            timings["insert_seconds"] = time.perf_counter() - started

            started = time.perf_counter()
            for section_id in sorted(self.places.parents):
                refresh_visibility(self.places.parents[section_id])
            timings["visibility_seconds"] = time.perf_counter() - started

            started = time.perf_counter()
            for kind, model in self.models.items():
                index_pages(model, self.ids[kind])
            timings["index_seconds"] = time.perf_counter() - started
        refresh_statistics()
        timings["counts"] = {kind: len(ids) for kind, ids in self.ids.items()}
        timings["counts"]["reply"] = self.reply_count
        return timings

    # Members

    def add_members(self, count):
        """Add members with profiles, two or three interests and one to three active memberships."""
        from django.contrib.auth import get_user_model
        from django.contrib.auth.hashers import make_password

        from practice.models import MemberProfile, Membership

        user_model = get_user_model()
        password = make_password(None)  # bench members never sign in with a password
        users = user_model.objects.bulk_create(
            [
                user_model(
                    username=f"bench.member.{number}@example.gov.uk",
                    email=f"bench.member.{number}@example.gov.uk",
                    first_name=self.text.sentence_case(1, 1),
                    last_name=self.text.sentence_case(1, 1),
                    password=password,
                )
                for number in range(count)
            ],
            batch_size=BATCH,
        )
        rng = self.rng
        profiles = MemberProfile.objects.bulk_create(
            [
                MemberProfile(
                    user=user,
                    slug=f"{SLUG_PREFIX}member-{number}",
                    display_name=f"{user.first_name} {user.last_name}",
                    organisation_id=rng.choice(self.hub.organisation_ids),
                    role_id=rng.choice(self.hub.role_ids),
                    region_id=rng.choice(self.hub.region_ids),
                    bio=self.text.sentence_case(10, 40),
                    is_verified=rng.random() < 0.8,
                )
                for number, user in enumerate(users)
            ],
            batch_size=BATCH,
        )
        MemberProfile.interests.through.objects.bulk_create(
            [
                MemberProfile.interests.through(memberprofile_id=profile.pk, topic_id=topic_id)
                for profile in profiles
                for topic_id in rng.sample(self.hub.topic_ids, rng.randint(2, 3))
            ],
            batch_size=BATCH,
        )
        # As practice.communities.services.membership_join: an active membership and the community's members group.
        memberships, group_links = [], []
        for user in users:
            for community in rng.sample(self.hub.communities, rng.randint(1, 3)):
                memberships.append(Membership(community=community, member=user, status=Membership.Status.ACTIVE))
                group_links.append(user_model.groups.through(user_id=user.pk, group_id=community.members_group_id))
        Membership.objects.bulk_create(memberships, batch_size=BATCH)
        user_model.groups.through.objects.bulk_create(group_links, batch_size=BATCH)
        self.hub.member_ids += [user.pk for user in users]

    # Pages

    def security_level(self, community):
        """Return a page's security level as an editor would set it, made strict enough for its community."""
        from practice.models.choices import COMMUNITY_FLOOR, SecurityLevel, strictest

        roll = self.rng.random()
        level = SecurityLevel.PUBLIC if roll < 0.7 else SecurityLevel.MEMBERS if roll < 0.9 else SecurityLevel.COMMUNITY
        if community is None:
            # Site-wide content has no community whose members it could be kept for.
            return SecurityLevel.MEMBERS if level == SecurityLevel.COMMUNITY else level
        return strictest(COMMUNITY_FLOOR[community.access_level], level)

    def add_pages(self, kind, count):
        model = self.models[kind]
        make = getattr(self, f"make_{kind}")
        containers = self.hub.containers[kind]
        for start in range(0, count, BATCH):
            pages = []
            for number in range(start, min(count, start + BATCH)):
                section, community = containers[number % len(containers)]
                title = self.text.sentence_case(4, 8)
                slug = BIG_THREAD_SLUG if kind == "thread" and number == 0 else f"{SLUG_PREFIX}{kind}-{number}"
                published = self.now - dt.timedelta(minutes=self.rng.randint(60, 3 * 365 * 24 * 60))
                page = model(
                    **self.places.page_fields(section, slug),
                    title=title,
                    draft_title=title,
                    content_type=self.content_types[model],
                    first_published_at=published,
                    last_published_at=published,
                    summary=self.text.sentence_case(15, 30),
                    security_level=self.security_level(community),
                    community_id=community.pk if community else None,
                    **make(published),
                )
                if kind == "thread" and number == 0:
                    # The long thread every reader may open: public, in the first (open) community.
                    page.security_level = "public"
                page.page_ptr_id = page.practicepage_ptr_id = page.id
                pages.append(page)
                self.levels[page.id] = (page.security_level, community)
                self.links["topics"] += [(page.id, topic) for topic in self.rng.sample(self.hub.topic_ids, 2)]
                if kind == "post":
                    self.links["authors"].append((page.id, self.rng.choice(self.hub.member_ids)))
            insert_pages(pages)
            self.ids[kind] += [page.id for page in pages]
        self.flush_links()

    def flush_links(self):
        from practice.models import BlogPostPage, PracticePage

        topics = PracticePage.topics.through
        topics.objects.bulk_create(
            [topics(practicepage_id=page, topic_id=topic) for page, topic in self.links["topics"]], batch_size=BATCH
        )
        # Benchmark members credited as authors, as if they had accepted (practice.credits).
        authors = BlogPostPage.authors.through
        authors.objects.bulk_create(
            [authors(blogpostpage_id=page, user_id=user) for page, user in self.links["authors"]], batch_size=BATCH
        )
        self.links = {"topics": [], "authors": []}

    def make_post(self, published):
        from wagtail.rich_text import RichText

        paragraphs = [("paragraph", RichText(f"<p>{self.text.sentence_case(40, 100)}</p>")) for _ in range(3)]
        return {"date": published, "body": paragraphs}

    def make_thread(self, published):
        from practice.models import DiscussionThreadPage

        status = self.rng.choices(list(DiscussionThreadPage.Status), weights=[6, 3, 1])[0]
        return {
            "starter_id": self.rng.choice(self.hub.member_ids),
            "body": f"{self.text.sentence_case(20, 60)}.\n\n{self.text.sentence_case(20, 60)}?",
            "status": status,
            "last_activity_at": published,
        }

    def make_resource(self, published):
        from practice.models import ResourceLinkPage

        return {
            "link_url": f"https://www.example.gov.uk/resources/{self.rng.randrange(10**9)}",
            "publisher_id": self.rng.choice(self.hub.organisation_ids),
            "resource_type": self.rng.choice(list(ResourceLinkPage.ResourceType)),
            "editors_note": self.text.sentence_case(20, 50),
            "date_added": published,
        }

    def make_event(self, published):
        from practice.models import EventPage

        start = self.now + dt.timedelta(hours=self.rng.randint(-365 * 24, 365 * 24))
        in_person = self.rng.random() < 0.6
        return {
            "event_type": self.rng.choice(list(EventPage.EventType)),
            "start": start,
            "end": start + dt.timedelta(hours=self.rng.choice([1, 2, 3, 7])),
            "description": f"<p>{self.text.sentence_case(30, 80)}</p>",
            "venue_name": self.text.sentence_case(2, 4) + " Hall" if in_person else "",
            "address": self.text.sentence_case(3, 6) if in_person else "",
            "latitude": round(self.rng.uniform(50.5, 55.5), 6) if in_person else None,
            "longitude": round(self.rng.uniform(-4.5, 1.0), 6) if in_person else None,
            "online_url": "" if in_person else "https://meet.example.gov.uk/bench",
            "region_id": self.rng.choice(self.hub.region_ids),
            "organiser_id": self.rng.choice(self.hub.member_ids),
            "capacity": self.rng.choice([None, 20, 50, 200]),
        }

    def add_replies(self):
        """Give every thread up to eight replies, and the first one 200, some of them answers to others."""
        from practice.models import DiscussionThreadPage, Reply

        threads = DiscussionThreadPage.objects.filter(pk__in=self.ids["thread"])
        threads = threads.only("pk", "slug", "first_published_at")
        top_level, answers = [], []
        wanted = {}
        for thread in threads:
            count = BIG_THREAD_REPLIES if thread.slug == BIG_THREAD_SLUG else self.rng.randint(0, 8)
            wanted[thread.pk] = count
            for number in range(count):
                reply = Reply(
                    thread_id=thread.pk,
                    author_id=self.rng.choice(self.hub.member_ids),
                    body=self.text.sentence_case(10, 60) + ".",
                    created_at=thread.first_published_at + dt.timedelta(minutes=10 * (number + 1)),
                )
                # A quarter of replies answer an earlier reply rather than the thread.
                (answers if number and self.rng.random() < 0.25 else top_level).append(reply)
        top_level = Reply.objects.bulk_create(top_level, batch_size=BATCH)
        parents = {}
        for reply in top_level:
            parents.setdefault(reply.thread_id, []).append(reply)
        for reply in answers:
            reply.parent = self.rng.choice(parents.get(reply.thread_id) or [None])
        Reply.objects.bulk_create(answers, batch_size=BATCH)
        self.reply_count = len(top_level) + len(answers)

        last = {}
        for reply in [*top_level, *answers]:
            last[reply.thread_id] = max(last.get(reply.thread_id, reply.created_at), reply.created_at)
        changed = []
        for thread in DiscussionThreadPage.objects.filter(pk__in=wanted).only("pk", "last_activity_at"):
            thread.reply_count = wanted[thread.pk]
            thread.last_activity_at = last.get(thread.pk, thread.last_activity_at)
            changed.append(thread)
        DiscussionThreadPage.objects.bulk_update(changed, ["reply_count", "last_activity_at"], batch_size=BATCH)

    def add_restrictions(self):
        """Write each page's own view restriction, as practice.access.apply_security does for its level."""
        from wagtail.models import PageViewRestriction

        from practice.models.choices import SecurityLevel

        restrictions, groups = [], {}
        for page_id, (level, community) in self.levels.items():
            if level == SecurityLevel.MEMBERS:
                restrictions.append(PageViewRestriction(page_id=page_id, restriction_type=PageViewRestriction.LOGIN))
            elif level == SecurityLevel.COMMUNITY:
                restrictions.append(PageViewRestriction(page_id=page_id, restriction_type=PageViewRestriction.GROUPS))
                groups[page_id] = [community.members_group_id, *self.hub.staff_group_ids]
        restrictions = PageViewRestriction.objects.bulk_create(restrictions, batch_size=BATCH)
        through = PageViewRestriction.groups.through
        through.objects.bulk_create(
            [
                through(pageviewrestriction_id=restriction.pk, group_id=group_id)
                for restriction in restrictions
                for group_id in groups.get(restriction.page_id, [])
            ],
            batch_size=BATCH,
        )


def bench_page_count():
    from practice.models import PracticePage

    return PracticePage.objects.filter(slug__startswith=SLUG_PREFIX).count()


def build(items):
    """Load the demo hub and add `items` bench pages; return the build's timings."""
    import logging

    from django.core.management import call_command

    logging.disable(logging.INFO)
    try:
        call_command("load_demo", quiet=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    finally:
        logging.disable(logging.NOTSET)
    return Builder(items).build()


def refresh_statistics():
    """Gather fresh statistics for the planner, as a database's keeper would (PostgreSQL's autovacuum by itself).

    After a bulk load or a migration that rewrote a table: without them SQLite takes every index for
    a selective one (a member's "latest posts" read all 80,000 visible pages through the visibility
    index instead of walking the newest posts), and PostgreSQL reads a rewritten table's dead rows.
    VACUUM cannot run in a transaction.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")


def pending_migrations():
    """Return the migrations `migrate` would apply to the current database (empty when it is up to date)."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def ensure(items, database):
    """Make sure the bench hub of this size exists in the current database; return its build timings."""
    from django.core.management import call_command
    from django.db import connection

    path = timings_path(items, database)
    migrating = pending_migrations()
    call_command("migrate", verbosity=0)
    present = bench_page_count()
    if present == items and path.exists():
        if migrating:
            refresh_statistics()
        return json.loads(path.read_text())
    if present:
        raise SystemExit(
            f"The bench database holds {present} bench pages, not {items}: delete it "
            f"({sqlite_path(items) if connection.vendor == 'sqlite' else f'database bench_{items}'}) and run again."
        )
    print(f"Building the {items:,}-item hub on {connection.vendor}...", flush=True)
    timings = build(items)
    timings["built_on"] = time.strftime("%Y-%m-%d %H:%M")
    path.write_text(json.dumps(timings, indent=2))
    print(
        f"Built in {timings['insert_seconds']:.0f} s, access in {timings['visibility_seconds']:.0f} s, "
        f"indexed in {timings['index_seconds']:.0f} s",
        flush=True,
    )
    return timings


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    setup_django(database_url(args.items, args.database))
    print(json.dumps(ensure(args.items, args.database), indent=2))


if __name__ == "__main__":
    main()
