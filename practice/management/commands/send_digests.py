from django.core.management.base import BaseCommand

from practice.following.digests import digests_send_due
from practice.following.tasks import send_due_digests


class Command(BaseCommand):
    help = (
        "Email each member whose daily or weekly digest is due the notifications they may still read. "
        "Safe to run from cron as often as you like: a digest is never sent twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="hand the work to the background task worker instead of doing it here",
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            result = send_due_digests.enqueue()
            self.stdout.write(f"Queued the digests as task {result.id}.")
            return
        counts = digests_send_due(report=self.stdout.write)
        summary = f"Digests: {counts['sent']} sent, {counts['empty']} with nothing new, {counts['failed']} failed"
        if counts["claimed_elsewhere"]:
            summary += f", {counts['claimed_elsewhere']} sent by another run"
        self.stdout.write(summary + ".")
