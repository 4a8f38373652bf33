"""Comments are found through their page (its search text holds its published comments), not on their own.

The proxy model that indexed every comment goes, and with it the comments' own index entries, which
held the text of held and removed comments too. Database backends only: an Elasticsearch or
OpenSearch index of comments is left unused until `manage.py update_index` rebuilds the indexes.
"""

from django.db import migrations


def delete_comment_index_entries(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    IndexEntry = apps.get_model("wagtailsearch", "IndexEntry")
    comments = ContentType.objects.filter(app_label="django_comments_xtd", model="xtdcomment")
    IndexEntry.objects.using(schema_editor.connection.alias).filter(content_type__in=comments).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0010_discussion_moderation_holds"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunPython(delete_comment_index_entries, migrations.RunPython.noop),
        migrations.DeleteModel(name="SearchableComment"),
    ]
