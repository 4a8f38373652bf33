"""Every admin address, walked as a member, a facilitator of one community and an editor.

Wagtail's admin names whatever it is asked about, in lists, choosers, dialogs and refusals alike. Each
admin URL pattern from the resolver is requested with the ids of things the facilitator may not see
(another community's drafts, a private community's posts, files and groups, workflow and revision
rows) and of their own, with `?q=` searches and bulk actions over every id. No answer may name what
they may not see, and no view outside a role may answer 200.
"""

import itertools
import re
from functools import partial

import pytest

from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

from practice.models import BlogPostPage, CommunityPage

# Words of what the facilitator may not see: each appears only in a private community, another
# community's drafts and posts waiting for approval, or a restricted community's members-only post.
SECRETS = [
    "Chief executives comms circle",
    "Budget gap briefing",
    "Unannounced restructure plan",
    "Tenancy enforcement casework",
    "Draft flood messaging",
    "Pending storm response",
    "Boardroom whiteboard",
    "boardroom_whiteboard",
    "Confidential pay review",
    "confidential_pay_review",
    "chiefs-only-tag",
    "whisper.member@private.example",
    "Executive pay benchmarks",
    "negotiating position",
]

# Admin views that are not a facilitator's work, whatever they are asked: a 200 from any of them is a
# door left open.
NOT_FOR_FACILITATORS = re.compile(
    r"wagtailusers|wagtailsites|wagtailadmin_workflows|wagtailadmin_reports|wagtailadmin_collections|wagtailsnippets"
    r"|wagtailsettings|wagtailredirects|wagtailforms|search_reports|link_health"
    r"|(?<!resourcelinkpage)_modeladmin_|set_privacy|move|copy|set_page_position|convert_alias|type_use|usage"
)
# Nor are users, groups, sites and workflows editors' work (the administrator's).
NOT_FOR_EDITORS = re.compile(r"wagtailusers|wagtailsites|wagtailadmin_workflows|wagtailadmin_collections")


def admin_patterns(patterns=None, prefix=""):
    """Yield (route, pattern) for every admin URL pattern, with the route's regex marks removed."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern).replace("^", "").replace("$", "")
        if isinstance(entry, URLResolver):
            yield from admin_patterns(entry.url_patterns, route)
        elif isinstance(entry, URLPattern) and route.startswith("admin/"):
            yield route, entry


PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>|\(\?P<(\w+)>[^)]*\)")
# Values for the parts of an address that are not ids: a model's app and name go together.
MODELS = [
    ("wagtailcore", "page"),
    ("wagtailimages", "image"),
    ("wagtaildocs", "document"),
    ("practice", "blogpostpage"),
]
WORDS = {
    "content_type_app_name": ["practice"],
    "content_type_model_name": ["blogpostpage"],
    "app_name": ["practice"],
    "action": ["delete", "unpublish", "move", "add_to_collection"],
    "action_name": ["approve", "copy"],
    "filter_spec": ["original"],
    "revision_id_a": ["earliest"],
    "revision_id_b": ["latest"],
    "uidb64": ["MQ"],
    "token": ["set-password"],
    "url": ["admin/anything/"],
}
MODEL_PARTS = ("app_label", "model_name")


def addresses(route, ids):
    """Return the addresses a route makes with every id in turn in all its id parts, and words in the others."""
    names = [m.group(2) or m.group(3) for m in PARAMETER.finditer(route)]
    id_names = [name for name in names if name not in WORDS and name not in MODEL_PARTS]
    word_names = [name for name in names if name in WORDS]
    models = MODELS if "app_label" in names else [(None, None)]
    made = []
    for value, words, model in itertools.product(
        ids if id_names else [None], itertools.product(*(WORDS[name] for name in word_names)), models
    ):
        fill = (
            dict(zip(word_names, words, strict=True))
            | dict(zip(MODEL_PARTS, model, strict=True))
            | dict.fromkeys(id_names, value)
        )
        made.append("/" + PARAMETER.sub(partial(_filled, fill), route))
    return list(dict.fromkeys(made))


def _filled(fill, match):
    return str(fill[match.group(2) or match.group(3)])


def named_in(response):
    """Return the text a response shows: its body and any messages it queued for the next page."""
    body = b"" if response.streaming else response.content
    queued = getattr(getattr(response.wsgi_request, "_messages", None), "_queued_messages", [])
    return body.decode(errors="replace") + " ".join(str(message) for message in queued)


def requests(client, route, ids, every_id):
    """Request the addresses a route makes with these ids, with `?q=` searches and bulk ids; yield the answers."""
    every = "&".join(f"id={pk}" for pk in every_id)
    for address in addresses(route, ids):
        try:
            view_name = resolve(address).view_name
        except Resolver404:
            continue
        queries = [""]
        if "bulk" in view_name or "chosen_multiple" in view_name:
            queries += [f"?{every}", "?id=all&childOf=1", f"?id=all&childOf={ids[0]}"]
        if "<" not in route and "(?P" not in route:
            queries += ["?q=budget", "?term=chiefs", "?q=pay"]
        for query in queries:
            yield address + query, view_name, client.get(address + query)


def walk(client, own_ids, their_ids, every_id, expand=True):
    """Request every admin address; yield (address, view name, response).

    Each is asked first about the walker's own things and one of someone else's; with `expand`, a view
    that answers any of those is then asked about every other id too (asking a view that refuses all of
    them again would only make the walk slower).
    """
    for route, _ in admin_patterns():
        answers = list(requests(client, route, own_ids + their_ids[:1], every_id))
        yield from answers
        takes_ids = PARAMETER.search(route) and any(response.status_code == 200 for _, _, response in answers)
        if expand and takes_ids:
            yield from requests(client, route, their_ids[1:], every_id)


@pytest.mark.django_db
def test_a_member_reaches_no_admin_view(client, hub):
    client.force_login(hub["member"])
    for address, _view_name, response in walk(client, [], hub["their_ids"][:1], hub["every_id"][:3], expand=False):
        # The admin's sign-in, sign-out and password reset addresses lead to the hub's own (allauth's) pages.
        if resolve(address.split("?")[0]).func.__module__.startswith("allauth"):
            continue
        assert response.status_code in {302, 403, 404, 405}, address
        assert not [word for word in SECRETS if word in named_in(response)], address


@pytest.mark.django_db
def test_a_facilitator_sees_only_their_community_in_the_admin(client, hub):
    client.force_login(hub["facilitator"])
    answered = set()
    for address, view_name, response in walk(client, hub["own_ids"], hub["their_ids"], hub["every_id"]):
        assert response.status_code < 500, address
        shown = named_in(response)
        assert not [word for word in SECRETS if word in shown], address
        if response.status_code == 200:
            assert not NOT_FOR_FACILITATORS.search(view_name), address
            answered.add(view_name)
    # Their own work still opens: the walk is not passing because everything is refused.
    assert {
        "wagtailadmin_home",
        "wagtailadmin_explore",
        "wagtailadmin_pages:edit",
        "wagtailadmin_pages:add",
        "wagtailimages:index",
        "wagtailimages:edit",
        "wagtailadmin_choose_page",
        "wagtail_bulk_action",
        "practice_resourcelinkpage_modeladmin_index",
        "comment_moderation_queue",
    } <= answered


@pytest.mark.django_db
def test_an_editor_reaches_no_administrators_view(client, hub):
    client.force_login(hub["editor"])
    answered = set()
    for address, view_name, response in walk(client, hub["own_ids"][1:2], [], hub["every_id"], expand=False):
        assert response.status_code < 500, address
        if response.status_code == 200:
            assert not NOT_FOR_EDITORS.search(view_name), address
            answered.add(view_name)
    assert {"wagtailadmin_home", "wagtailadmin_pages:edit", "wagtailimages:index"} <= answered


@pytest.mark.django_db
def test_members_groups_hold_no_editor_rights(hub):
    community = CommunityPage.objects.get(title="Riverside digital team")
    members = Group.objects.get(pk=community.members_group_id)
    assert not members.permissions.exists()
    assert not members.page_permissions.exists()
    assert not members.collection_permissions.exists()
    assert BlogPostPage.objects.filter(pk=hub["our_post"].pk).exists()
