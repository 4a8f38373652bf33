from django.core.management.base import BaseCommand, CommandError

from practice.importing.aggregator import fetch_feeds
from practice.importing.tasks import fetch_all_feeds
from practice.models import FeedSource


class Command(BaseCommand):
    help = "Fetch the RSS and Atom feeds of every active feed source and store their new entries."

    def add_arguments(self, parser):
        parser.add_argument("--source", action="append", default=[], help="fetch only the source with this slug")
        parser.add_argument("--timeout", type=float, default=10, help="seconds to wait for each feed")
        parser.add_argument("--enqueue", action="store_true", help="hand the work to the task worker and return")

    def handle(self, *args, source, timeout, enqueue, **options):
        if enqueue:
            result = fetch_all_feeds.enqueue()
            self.stdout.write(f"Feed fetching queued as task {result.id}.")
            return
        sources = FeedSource.objects.filter(active=True)
        if source:
            sources = FeedSource.objects.filter(slug__in=source)
            missing = set(source) - set(sources.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"No feed source with the slug {', '.join(sorted(missing))}.")
        failed = 0
        for result in fetch_feeds(sources, timeout=timeout):
            (self.stderr if result.error else self.stdout).write(str(result))
            failed += bool(result.error)
        self.stdout.write(f"{len(sources)} source{'s' if len(sources) != 1 else ''} fetched, {failed} failed.")
