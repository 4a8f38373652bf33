from django.db import migrations

# Wagtail finds a page's children by depth and a range of tree paths (`get_children()`), and the page
# table has no index that holds both: the range alone covers the whole subtree, so the menu of the
# home page's children read every page of the hub on each request (over 300 ms at 100,000 items on
# SQLite). With (depth, path) the database reads the children and nothing else.
INDEX = "hub_page_depth_path"


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_create_homepage"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (depth, path)",
            f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
