"""Only editorial roles reach the admin, and a facilitator only their own communities' part of it."""

import json
import re

import pytest

from django.urls import reverse

from wagtail.models import Page

from practice.editorial.scope import Role, scope_for

pytestmark = pytest.mark.django_db


def every_page():
    return "&".join(f"id={pk}" for pk in Page.objects.values_list("pk", flat=True))


def test_signed_out_readers_are_sent_to_the_hubs_sign_in(client, hub):
    response = client.get(f"/admin/pages/{hub['briefing'].pk}/edit/")

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/sign-in/?next=/admin/pages/{hub['briefing'].pk}/edit/"


def test_a_member_is_told_the_admin_is_for_editorial_roles_and_shown_nothing(client, hub):
    """Reproduction: the bulk delete dialog named every page in the hub, private ones included."""
    client.force_login(hub["member"])

    response = client.get(f"/admin/bulk/wagtailcore/page/delete/?{every_page()}")

    assert response.status_code == 403
    content = response.content.decode()
    assert "admin is for editorial roles" in content
    assert "Budget gap briefing" not in content
    assert "Chief executives comms circle" not in content


@pytest.mark.parametrize(
    "address",
    [
        "/admin/bulk/wagtailcore/page/delete/?{every_page}",
        "/admin/bulk/wagtailcore/page/unpublish/?id={briefing}",
        "/admin/bulk/wagtailimages/image/delete/?id={whiteboard}",
        "/admin/bulk/wagtaildocs/document/delete/?id={pay}",
        "/admin/pages/{briefing}/",
        "/admin/pages/{secret}/",
        "/admin/pages/{our_post}/move/{secret}/confirm/",
        "/admin/pages/{other_draft}/edit/",
        "/admin/pages/{pending}/view_draft/",
        "/admin/choose-page/{secret}/",
        "/admin/choose-page/chosen-multiple/?id={briefing}",
        "/admin/reports/page-types-usage/",
        "/admin/pages/{our_post}/privacy/",
        "/admin/images/{whiteboard}/",
        "/admin/images/chooser/chosen/{whiteboard}/",
        "/admin/documents/edit/{pay}/",
        "/admin/documents/chooser/chosen/{pay}/",
        "/admin/groups/",
        "/admin/collections/",
        "/admin/workflows/list/",
        "/admin/practice/resourcelinkpage/edit/{secret_resource}/",
    ],
)
def test_a_facilitator_is_refused_what_is_not_theirs_as_if_it_did_not_exist(client, hub, address):
    """Reproductions from the issue, each of which named a private community's material to its asker."""
    ids = {name: getattr(hub[name], "pk", None) for name in hub if hasattr(hub[name], "pk")}
    ids["secret_resource"] = Page.objects.get(title="Executive pay benchmarks").pk
    client.force_login(hub["facilitator"])

    response = client.get(address.format(every_page=every_page(), **ids))

    assert response.status_code == 404
    content = response.content.decode()
    for secret in ("Budget gap", "Chief executives", "Boardroom", "Confidential pay", "Draft flood", "Pending storm"):
        assert secret not in content


def test_a_facilitator_works_on_their_own_communitys_pages_and_files(client, hub):
    client.force_login(hub["facilitator"])

    assert client.get(f"/admin/pages/{hub['our_blog'].pk}/").status_code == 200
    assert client.get(f"/admin/pages/{hub['our_post'].pk}/edit/").status_code == 200
    assert client.get(f"/admin/images/{hub['our_image'].pk}/").status_code == 200
    bulk = client.get(f"/admin/bulk/wagtailcore/page/unpublish/?id={hub['our_post'].pk}")
    assert bulk.status_code == 200
    assert "Our live post about captions" in bulk.content.decode()


def test_the_resources_desk_lists_and_searches_only_what_the_facilitator_may_edit(client, hub):
    """Reproduction: the desk listed every resource, and `?q=` searched closed ones' editors' notes."""
    client.force_login(hub["facilitator"])

    listed = client.get("/admin/practice/resourcelinkpage/").content.decode()
    searched = client.get("/admin/practice/resourcelinkpage/", {"q": "negotiating"}).content.decode()

    assert "Captioning guidance we trust" in listed
    assert "Executive pay benchmarks" not in listed
    assert "Executive pay benchmarks" not in searched


def test_an_editor_curates_every_communitys_resources(client, hub):
    client.force_login(hub["editor"])

    listed = client.get("/admin/practice/resourcelinkpage/").content.decode()

    assert "Captioning guidance we trust" in listed
    assert "Executive pay benchmarks" in listed


def test_tag_suggestions_name_only_the_tags_on_what_the_facilitator_may_see(client, hub):
    hub["our_post"].tags.add("captions-in-practice")
    hub["our_post"].save_revision().publish()

    client.force_login(hub["facilitator"])
    assert json.loads(client.get("/admin/tag-autocomplete/", {"term": "chiefs"}).content) == []
    assert json.loads(client.get("/admin/tag-autocomplete/", {"term": "captions"}).content) == ["captions-in-practice"]

    client.force_login(hub["editor"])
    assert json.loads(client.get("/admin/tag-autocomplete/", {"term": "chiefs"}).content) == ["chiefs-only-tag"]


def test_a_facilitators_dashboard_counts_nothing_and_menus_lead_only_where_they_may_go(client, hub):
    client.force_login(hub["facilitator"])

    dashboard = client.get("/admin/").content.decode()

    summary = re.search(r'<ul class="w-summary__list">(.*?)</ul>', dashboard, re.S)
    assert summary is None or "<li" not in summary.group(1)
    assert reverse("wagtailadmin_reports:page_types_usage") not in dashboard
    assert reverse("wagtailadmin_reports:site_history") not in dashboard
    assert reverse("wagtailimages:index") in dashboard
    assert reverse("comment_moderation_queue") in dashboard


def test_wagtails_deliberate_error_page_is_not_served(client, superuser):
    client.force_login(superuser)

    assert client.get("/admin/failwhale/").status_code == 404


def test_each_person_has_the_editorial_role_their_groups_and_memberships_give(hub, superuser, member):
    assert scope_for(superuser).role is Role.ADMINISTRATOR
    assert scope_for(hub["editor"]).role is Role.STAFF
    facilitator = scope_for(hub["facilitator"])
    assert facilitator.role is Role.FACILITATOR
    assert facilitator.community_paths == (hub["ours"].path,)
    assert facilitator.collection_ids == {hub["ours"].media_collection_id}
    assert scope_for(hub["member"]).role is None
    assert scope_for(member).role is None


@pytest.mark.parametrize(
    "query",
    ["id=all&childOf=999999", "id=all&childOf=x", "id=abc", "id=99999999999999999999999", "id=1"],
    ids=["missing-parent", "word-parent", "word-id", "past-64-bits", "the-tree-root"],
)
def test_ids_in_bulk_and_chooser_queries_that_cannot_be_looked_up_are_a_404(client, hub, query):
    """Wagtail passes these ids straight to the database (or asks the tree's root for its parent): a 500 each."""
    client.force_login(hub["editor"])
    view = "/admin/choose-page/chosen-multiple/" if query == "id=1" else "/admin/bulk/wagtailcore/page/delete/"

    assert client.get(f"{view}?{query}").status_code in {400, 404}
