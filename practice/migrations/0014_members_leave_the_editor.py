from django.db import migrations


def take_editor_rights_from_members_groups(apps, schema_editor):
    """Members take part on the site: their groups keep no admin access, page or collection permissions."""
    CommunityPage = apps.get_model("practice", "CommunityPage")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    members_groups = list(CommunityPage.objects.exclude(members_group=None).values_list("members_group_id", flat=True))
    if not members_groups:
        return
    GroupPagePermission.objects.filter(group_id__in=members_groups).delete()
    GroupCollectionPermission.objects.filter(group_id__in=members_groups).delete()
    access_admin = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin").first()
    if access_admin is not None:
        access_admin.group_set.remove(*members_groups)


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0013_image_files_indexed"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(take_editor_rights_from_members_groups, migrations.RunPython.noop),
    ]
