from django.core.management.base import BaseCommand

from practice.importing.linkcheck import MAX_WORKERS, PER_HOST, check_links
from practice.importing.tasks import check_all_links


class Command(BaseCommand):
    help = "Check every resource link and external item address and record whether it works, moved or broke."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=10, help="seconds to wait for each address")
        parser.add_argument("--workers", type=int, default=MAX_WORKERS, help="addresses checked at once")
        parser.add_argument("--per-host", type=int, default=PER_HOST, help="addresses checked at once on one host")
        parser.add_argument("--enqueue", action="store_true", help="hand the work to the task worker and return")

    def handle(self, *args, timeout, workers, per_host, enqueue, **options):
        if enqueue:
            result = check_all_links.enqueue()
            self.stdout.write(f"Link checking queued as task {result.id}.")
            return
        summary = check_links(timeout=timeout, max_workers=max(1, workers), per_host=max(1, per_host))
        for line in summary.lines():
            self.stdout.write(line)
