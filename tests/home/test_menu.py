"""The site menu: the home page's children that are live and shown in menus, read from an index."""

import pytest

from django.db import connection
from django.test import RequestFactory

from wagtail.models import Page, Site

from home.context_processors import navigation


@pytest.fixture
def sections(db):
    home = Site.objects.get(is_default_site=True).root_page
    shown = home.add_child(instance=Page(title="Guidance", slug="guidance", show_in_menus=True))
    home.add_child(instance=Page(title="Hidden section", slug="hidden-section", show_in_menus=False))
    home.add_child(instance=Page(title="Draft section", slug="draft-section", show_in_menus=True, live=False))
    shown.add_child(instance=Page(title="A page inside a section", slug="inside", show_in_menus=True))


def test_the_menu_lists_the_home_pages_live_children_shown_in_menus(sections):
    menu = navigation(RequestFactory().get("/"))["nav_links"]

    assert [page.title for page in menu] == ["Guidance"]


def test_children_are_found_by_depth_and_path_without_reading_the_subtree(sections):
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    assert ["depth", "path"] in [index["columns"] for index in indexes.values() if index["index"]]
    if connection.vendor == "sqlite":
        menu = navigation(RequestFactory().get("/"))["nav_links"]
        sql, params = menu.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            steps = " ".join(str(row[-1]) for row in cursor.fetchall())
        assert "USING INDEX hub_page_depth_path (depth=? AND path>? AND path<?)" in steps
