from django.core.management.base import BaseCommand, CommandError

from practice.events.services import send_event_reminders


class Command(BaseCommand):
    help = (
        "Email everyone with a place at an event that starts tomorrow (a calendar day in the hub's time zone, "
        "Europe/London) a reminder, once each. Safe to run from cron daily or hourly: a booking is reminded once, "
        "and members who may no longer open the event are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="report who would be reminded, sending nothing")

    def handle(self, *args, dry_run=False, **options):
        report = send_event_reminders(dry_run=dry_run)
        verb = "Would remind" if dry_run else "Reminded"
        for line in report.sent:
            self.stdout.write(f"{verb} {line}")
        for line in report.skipped:
            self.stdout.write(f"Skipped (may no longer open the event) {line}")
        for line in report.failed:
            self.stderr.write(f"Failed to send {line}")
        counts = report.as_dict()
        self.stdout.write(
            f"{counts['sent']} reminder{'s' if counts['sent'] != 1 else ''} {'to send' if dry_run else 'sent'}, "
            f"{counts['skipped']} skipped, {counts['failed']} failed."
        )
        if report.failed:
            raise CommandError(f"{counts['failed']} reminder(s) could not be sent: the next run tries them again.")
