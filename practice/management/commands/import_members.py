from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from practice.accounts.onboarding import COLUMNS, import_members


class Command(BaseCommand):
    help = (
        f"Create or update members from a CSV file with the columns {','.join(COLUMNS)} "
        "(lists separated by ';'), add them to communities and invite new members by email."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the CSV file (UTF-8)")
        parser.add_argument("--dry-run", action="store_true", help="check every row and report, writing nothing")
        parser.add_argument("--no-invite", action="store_true", help="do not email invitations to new members")

    def handle(self, *args, file, dry_run=False, no_invite=False, **options):
        try:
            handle = file.open(encoding="utf-8-sig", newline="")
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from error
        imported = rejected = 0
        with handle:
            try:
                for result in import_members(handle, invite=not no_invite, dry_run=dry_run):
                    if result.error:
                        rejected += 1
                        self.stderr.write(str(result))
                    else:
                        imported += 1
                        self.stdout.write(str(result))
            except (ValueError, UnicodeDecodeError) as error:
                raise CommandError(f"{file}: {error}") from error
        verb = "would be imported" if dry_run else "imported"
        self.stdout.write(f"{imported} row{'s' if imported != 1 else ''} {verb}, {rejected} rejected.")
        if rejected:
            raise CommandError(f"{rejected} row{'s' if rejected != 1 else ''} rejected: see the lines above.")
