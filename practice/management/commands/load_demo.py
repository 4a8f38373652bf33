"""Load a realistic demo hub: vocabulary, members, communities and their content, and an administrator."""

import logging
import time

from django.core.management.base import BaseCommand
from django.db import transaction

from practice.demo import builder
from practice.demo.people import MEMBERS


class Command(BaseCommand):
    help = "Build a demo hub, creating only what is missing: safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print only the summary and how to sign in.")

    def handle(self, *args, quiet=False, **options):
        started = time.monotonic()
        demo = builder.DemoBuilder()
        # Wagtail logs every publish and background task at INFO; the report below says it in twenty lines.
        logging.disable(logging.INFO)
        try:
            with transaction.atomic():
                tally = demo.build()
        finally:
            logging.disable(logging.NOTSET)
        if not quiet:
            for line in tally.lines():
                self.stdout.write(line)
        self.stdout.write(
            self.style.SUCCESS(f"Demo hub ready: {tally.created} created in {time.monotonic() - started:.1f}s.")
        )
        self.stdout.write(
            f"Demo members sign in with their email address and the password {builder.DEMO_PASSWORD}, "
            f"e.g. {MEMBERS[0]['email']}."
        )
        credentials = f" / {builder.DEMO_PASSWORD}" if demo.admin_has_demo_password() else " (password unchanged)"
        self.stdout.write(
            f"The administrator signs in at http://127.0.0.1:8000/accounts/sign-in/ as {demo.admin_email()}"
            f"{credentials}, then opens the admin at http://127.0.0.1:8000/admin/"
        )
