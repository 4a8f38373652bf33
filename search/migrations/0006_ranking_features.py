"""Ranking features kept beside the database backends' index entries (search.models.RankingFeatures).

The features of objects indexed before are written here, by the code that writes them when an object
is indexed (search.features.store_features): they are derived data, and a database with no index
entries (a new one) has nothing to fill. Until an object has its row, search reads its features from
the page tables, so an interrupted fill loses nothing.
"""

import django.db.models.deletion
from django.db import migrations, models

BATCH = 1000


def fill_features(apps, schema_editor):
    from django.contrib.contenttypes.models import ContentType

    from search import features

    alias = schema_editor.connection.alias
    entries = apps.get_model("wagtailsearch", "IndexEntry")._default_manager.using(alias)
    for content_type_id in entries.values_list("content_type_id", flat=True).distinct().order_by():
        model = ContentType.objects.db_manager(alias).get_for_id(content_type_id).model_class()
        if model is None:
            continue
        object_ids = list(entries.filter(content_type_id=content_type_id).values_list("object_id", flat=True))
        for start in range(0, len(object_ids), BATCH):
            objects = model._default_manager.using(alias).filter(pk__in=object_ids[start : start + BATCH])
            features.store_features(model, list(objects), content_type_id, alias)


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('search', '0005_postgresql_index_keys_weighted'),
    ]

    operations = [
        migrations.CreateModel(
            name='RankingFeatures',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.CharField(max_length=50)),
                ('title', models.TextField()),
                ('community_id', models.IntegerField(null=True)),
                ('organisation_id', models.IntegerField(null=True)),
                ('region_id', models.IntegerField(null=True)),
                ('date', models.DateTimeField(null=True)),
                ('helpfulness', models.PositiveSmallIntegerField(default=0)),
                ('answered', models.BooleanField(default=False)),
                ('helpful_marks', models.PositiveIntegerField(default=0)),
                ('topics', models.JSONField(default=list)),
                ('audiences', models.JSONField(default=list)),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
            ],
            options={
                'verbose_name_plural': 'ranking features',
                'constraints': [models.UniqueConstraint(fields=('object_id', 'content_type'), name='search_rankingfeatures_entry')],
            },
        ),
        migrations.RunPython(fill_features, migrations.RunPython.noop),
    ]
