from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify

from practice.importing.wordpress import WordPressImportError, WXRError, import_wordpress, read_export
from practice.importing.wordpress.wxr import MAX_FILE_BYTES


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR) into a community's blog: published posts, authors, approved comments, "
        "images and attachments, and redirects from the old addresses. Running it again adds only what is new."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the WordPress export file (Tools → Export in WordPress)")
        parser.add_argument(
            "--community", required=True, help="the community's slug; an open community is created if it is missing"
        )
        parser.add_argument("--dry-run", action="store_true", help="report what would be imported, saving nothing")
        parser.add_argument("--timeout", type=float, default=10, help="seconds to wait for each image or attachment")

    def handle(self, *args, file, community, dry_run=False, timeout=10, **options):
        if slugify(community) != community:
            raise CommandError(f"“{community}” is not a slug: use lower-case letters, digits and hyphens.")
        try:
            if file.stat().st_size > MAX_FILE_BYTES:
                raise CommandError(f"{file} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB.")
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from error
        try:
            export = read_export(data)
            report = import_wordpress(
                export, community_slug=community, dry_run=dry_run, progress=self.stdout.write, timeout=timeout
            )
        except (WXRError, WordPressImportError) as error:
            raise CommandError(f"{file}: {error} Nothing was imported.") from error
        for line in report.lines():
            self.stdout.write(line)
