"""Index image and rendition files by path: hub/media.py looks each requested file up by it."""

from django.db import migrations

INDEXES = {
    "practice_image_file": "wagtailimages_image",
    "practice_rendition_file": "wagtailimages_rendition",
}


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0012_membership_invited_by"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX IF NOT EXISTS {name} ON {table} (file)",
            reverse_sql=f"DROP INDEX IF EXISTS {name}",
        )
        for name, table in INDEXES.items()
    ]
