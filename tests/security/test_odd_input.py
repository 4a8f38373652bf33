"""Odd input is a 4xx everywhere (issue 20): ids and numbers no database key can be, and text with a NUL,
answer 4xx (or count as absent), never 5xx, and write nothing.

The odd values: '²', which `str.isdigit()` calls a digit and `int()` refuses; '٣', which `int()` reads
as 3; a number past 64 bits, which SQLite cannot take; and text holding a NUL, which ends an SQLite FTS5
string and which PostgreSQL refuses in any text. The first tests reproduce each finding of the issue;
the walk after them takes every URL pattern from the resolver, so a view added later is walked too.
"""

import copy
import functools
import itertools
import re
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from unittest.mock import patch
from urllib.parse import quote, urlencode, urljoin, urlsplit

import pytest
from django_comments_xtd.models import XtdComment

from django.contrib.contenttypes.models import ContentType
from django.db import connection, reset_queries, transaction
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, URLResolver, get_resolver, resolve
from django.urls.resolvers import RegexPattern

from wagtail.models import Page

from practice.communities.services import membership_request
from practice.models import BlogPostPage, DiscussionThreadPage
from search.models import QueryLog
from tests.factories import (
    ExternalItemFactory,
    FeedSourceFactory,
    NotificationFactory,
    QueryLogFactory,
    ReplyFactory,
    TopicFactory,
)
from tests.security.conftest import comment_data, hub_ids, published_comment

pytestmark = pytest.mark.django_db

PAST_64_BITS = "99999999999999999999999"
NUL_TEXT = "a\x00b"
ODD_VALUES = ["²", NUL_TEXT, PAST_64_BITS, "٣"]


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    """Let every request through: a walk sends more than any limit allows, and a 429 would hide a 500."""
    settings.HUB_RATE_LIMITS = {}
    settings.ACCOUNT_RATE_LIMITS = False


# The findings of issue 20, one by one.


@pytest.fixture
def ids(hub):
    """A real object for every id an address of the hub carries, by the name the address gives it."""
    reply = ReplyFactory(thread=hub.thread, author=hub.bob)
    comment = published_comment(hub.post, hub.alice, "A comment to mark")
    request = membership_request(community=hub.restricted["community"], member=hub.bob)
    notification = NotificationFactory(recipient=hub.facilitator, actor=hub.bob, page=hub.thread)
    source = FeedSourceFactory(
        title="Westleigh digital blog", site_url="https://westleigh.example", feed_url="https://westleigh.example/feed"
    )
    item = ExternalItemFactory(source=source, guid="1", link="https://westleigh.example/1", title="Gritting")
    return {
        **hub_ids(hub, reply),
        "page_id": hub.post.pk,
        "comment_id": comment.pk,
        "membership_id": request.pk,
        "notification_id": notification.pk,
        "content_type_id": comment.content_type_id,
        "object_pk": comment.object_pk,
        "item_id": item.pk,
        "log_id": QueryLogFactory(query="gritting", result_count=1).pk,
        "position": 1,
        "slug": {
            "members/": hub.bob.profile.slug,
            "topics/": TopicFactory(name="Gritting").slug,
            "communities/": hub.community.slug,
            "wider-public-sector/": source.slug,
        },
    }


def test_the_search_page_explains_a_page_number_that_is_not_one(client, hub):
    for page in ["²", "٣", PAST_64_BITS]:
        response = client.get("/search/", {"q": "storm", "page": page})
        assert response.status_code == 200, page
        assert "Give a page number from 1 to 100." in response.content.decode(), page


def test_the_search_api_refuses_a_page_number_that_is_not_one(client, hub):
    for page in ["²", "٣", PAST_64_BITS]:
        response = client.get("/api/search/", {"q": "storm", "page": page})
        assert response.status_code == 400, page
        assert response.json()["errors"]["page"] == "Give a page number from 1 to 100.", page


@pytest.mark.parametrize("url", ["/search/", "/api/search/"])
def test_a_nul_in_the_search_text_is_left_out(client, hub, url):
    response = client.get(url, {"q": "sto\x00rm"})
    assert response.status_code == 200
    assert "Live-posting in a storm" in response.content.decode()
    assert list(QueryLog.objects.values_list("query", flat=True)) == ["storm"]


def test_a_nul_in_the_autocomplete_text_is_left_out(client, hub):
    response = client.get("/search/autocomplete/", {"q": "Live-p\x00osting"})
    assert response.status_code == 200
    assert response.json()["query"] == "Live-posting"
    assert [suggestion["title"] for suggestion in response.json()["suggestions"]] == ["Live-posting in a storm"]


def test_a_nul_in_the_page_api_search_is_left_out(client, hub):
    response = client.get("/api/v2/pages/", {"search": "sto\x00rm"})
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Live-posting in a storm"]


def test_the_page_api_refuses_paging_numbers_no_database_can_count_to(client, db):
    for field, value in itertools.product(["offset", "limit"], ["²", "٣", PAST_64_BITS, "-1"]):
        response = client.get("/api/v2/pages/", {field: value})
        assert response.status_code == 400, (field, value)
        assert response.json()["message"].startswith(f"{field} must be a whole number"), (field, value)


def test_the_apis_find_nothing_for_an_id_nothing_can_have(client, db):
    for endpoint, value in itertools.product(["pages", "images", "documents"], ["²", "٣", PAST_64_BITS]):
        response = client.get(f"/api/v2/{endpoint}/find/", {"id": value})
        assert response.status_code == 404, (endpoint, value)
        assert response.json() == {"message": "not found"}
    response = client.get("/api/v2/pages/find/", {"id": NUL_TEXT})
    assert response.status_code == 400
    assert response.json() == {"message": "query parameters cannot hold control characters"}


def test_a_comment_on_a_page_id_no_page_can_have_is_not_found(client, hub):
    client.force_login(hub.bob)
    for object_pk in ["²", "٣", PAST_64_BITS]:
        response = client.post("/comments/post/", comment_data(hub.post, hub.bob, "Odd", object_pk=object_pk))
        assert response.status_code == 404, object_pk
        assert "We could not find the page you are commenting on." in response.content.decode()
    assert not XtdComment.objects.filter(comment="Odd").exists()


def test_a_reply_to_a_comment_id_no_comment_can_have_is_refused(client, hub):
    client.force_login(hub.bob)
    for reply_to in ["²", PAST_64_BITS, f"-{PAST_64_BITS}"]:
        data = comment_data(hub.post, hub.bob, "Odd") | {"reply_to": reply_to}
        assert client.post("/comments/post/", data).status_code == 400, reply_to
    assert not XtdComment.objects.filter(comment="Odd").exists()


def test_a_comment_permalink_to_a_page_id_no_page_can_have_is_not_found(client, db):
    content_type = ContentType.objects.get_for_model(BlogPostPage)
    for object_pk in ["²", "٣", PAST_64_BITS]:
        response = client.get(f"/comments/cr/{content_type.pk}/{quote(object_pk)}/")
        assert response.status_code == 404, object_pk


def test_a_profile_interest_past_64_bits_is_a_form_error(client, hub):
    client.force_login(hub.bob)
    response = client.post("/accounts/profile/", {"display_name": "Bob Carter", "interests": PAST_64_BITS})
    assert response.status_code == 400
    assert response.context["form"].errors["interests"]
    assert not hub.bob.profile.interests.exists()


def test_a_discussion_topic_past_64_bits_is_a_form_error(client, hub):
    client.force_login(hub.bob)
    data = {"title": "Odd topics", "body": "Which topic?", "topics": PAST_64_BITS}
    response = client.post(f"/discussions/start/{hub.community.pk}/", data)
    assert response.status_code == 400
    assert "Choose topics from the list" in response.content.decode()
    assert not DiscussionThreadPage.objects.filter(title="Odd topics").exists()


def test_a_next_address_that_is_no_path_leads_back_to_the_page(client, hub):
    client.force_login(hub.bob)
    for target in ["²", "home", NUL_TEXT]:
        response = client.post(f"/following/pages/{hub.thread.pk}/follow/", {"next": target})
        assert response["Location"] == hub.thread.url, target
        response = client.post("/search/personalisation/", {"personalise": "off", "next": target})
        assert response["Location"] == "/search/", target


def test_an_id_past_64_bits_in_an_address_of_ours_is_not_found(client, hub, ids):
    client.force_login(hub.facilitator)
    for method, address in [
        ("post", "/bookings/events/{}/rsvp/"),
        ("post", "/bookings/events/{}/cancel/"),
        ("get", "/bookings/events/{}/attendees/"),
        ("get", "/bookings/events/{}/attendees.csv"),
        ("post", "/discussions/start/{}/"),
        ("post", "/discussions/{}/reply/"),
        ("post", "/discussions/{thread_id}/reply/{}/"),
        ("post", "/discussions/{}/edit/"),
        ("post", "/discussions/replies/{}/edit/"),
        ("post", "/discussions/{thread_id}/answer/{}/"),
        ("post", "/discussions/{}/close/"),
        ("post", "/membership/{}/join/"),
        ("post", "/membership/{}/leave/"),
        ("get", "/membership/{}/members/"),
        ("post", "/membership/requests/{}/approve/"),
        ("post", "/membership/{}/invite/"),
        ("post", "/following/pages/{}/follow/"),
        ("post", "/comments/{}/helpful/"),
        ("post", "/comments/{}/report/"),
        ("get", "/comments/cr/{content_type_id}/{}/"),
        ("post", "/notifications/{}/read/"),
        ("get", "/links/pages/{}/"),
    ]:
        url = address.format(PAST_64_BITS, **ids)
        with CaptureQueriesContext(connection) as queries:
            response = getattr(client, method)(url)
        assert response.status_code == 404, url
        assert "Page not found" in response.content.decode(), url
        assert not written_tables(queries), url


def test_an_id_past_64_bits_in_a_third_party_address_is_not_found(client, superuser):
    client.force_login(superuser)
    for address in [
        f"/documents/{PAST_64_BITS}/plan.pdf",
        "/documents/%D9%A3/plan.pdf",
        f"/_util/authenticate_with_password/{PAST_64_BITS}/{PAST_64_BITS}/",
        f"/admin/pages/{PAST_64_BITS}/",
        f"/admin/pages/{PAST_64_BITS}/edit/",
        f"/admin/images/{PAST_64_BITS}/",
        "/admin/images/chooser/chosen/a%00b/",
    ]:
        response = client.get(address)
        assert response.status_code == 404, address
        assert "Page not found" in response.content.decode(), address


def test_an_id_past_64_bits_in_the_page_api_address_is_not_found_in_json(client, db):
    response = client.get(f"/api/v2/pages/{PAST_64_BITS}/")
    assert response.status_code == 404
    assert "message" in response.json()


def test_the_admin_refuses_query_parameters_no_editor_could_have_sent(client, superuser):
    client.force_login(superuser)
    for address in [
        f"/admin/pages/?owner={PAST_64_BITS}",
        f"/admin/users/?group={PAST_64_BITS}",
        "/admin/choose-external-link/?parent_page_id=%C2%B2",
        "/admin/workflows/edit/1/?p=a%00b",
    ]:
        response = client.get(address)
        assert response.status_code == 400, address
        assert "There is a problem with the address" in response.content.decode(), address
    assert client.get("/admin/pages/?q=m%C2%B2").status_code == 200


def test_the_admin_refuses_forms_holding_what_no_one_types(client, hub, superuser):
    client.force_login(superuser)
    for address, data in [
        ("/admin/snippets/search/bestbet/add/", {"query": "sto\x00rms", "page": hub.post.pk, "ends_at": "2030-01-01"}),
        (f"/admin/pages/{hub.post.pk}/edit/", {"title": "Live-posting\x1bin a storm", "slug": hub.post.slug}),
    ]:
        with CaptureQueriesContext(connection) as queries:
            response = client.post(address, data)
        assert response.status_code == 400, address
        assert not written_tables(queries) - ALLOWED_WRITES, address


# The walk: every URL pattern from the resolver, with each odd value in each part of its address, in each
# query parameter its view reads, and in each field of each form the hub shows.


@dataclass(frozen=True)
class Part:
    """A part of an address that its URL pattern captures, by name (or place, for a regex's unnamed group)."""

    name: str


ROUTE_PART = re.compile(r"<(?:[^>:]+:)?(?P<name>[^>]+)>")


def route_pieces(route):
    """Split a path() route into its text and its parts."""
    pieces, last = [], 0
    for match in ROUTE_PART.finditer(route):
        pieces += [route[last : match.start()], Part(match["name"])]
        last = match.end()
    return [*pieces, route[last:]]


def group_end(regex, start):
    """Return where the regex group opening at `start` closes."""
    depth, position, in_class = 0, start, False
    while True:
        char = regex[position]
        if char == "\\":
            position += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
            if depth == 0:
                return position + 1
        position += 1


def regex_pieces(regex):
    """Split a re_path() route into its text and its parts; regex syntax the walk cannot write fails it."""
    regex = regex.removeprefix("^").removesuffix("$").removesuffix(r"\Z")
    pieces, text, position = [], "", 0
    while position < len(regex):
        char = regex[position]
        if char == "\\" and not regex[position + 1].isalnum():
            text, position = text + regex[position + 1], position + 2
        elif char == "(":
            named = re.match(r"\(\?P<(\w+)>", regex[position:])
            pieces += [text, Part(named[1] if named else f"group {len(pieces) // 2}")]
            text, position = "", group_end(regex, position)
        elif regex.startswith((".*", ".+"), position):  # any text outside a group: the admin's own 404
            pieces += [text, Part(f"group {len(pieces) // 2}")]
            text, position = "", position + 2
        elif char in "\\.^$*+?{}[]|)":
            raise ValueError(f"the walk cannot write an address for {regex!r}: teach regex_pieces its syntax")
        else:
            text, position = text + char, position + 1
    return [*pieces, text]


def url_patterns(entries=None, route="", pieces=()):
    """Yield (route, pieces) for every view in the URL configuration, each route as the resolver names it."""
    for entry in get_resolver().url_patterns if entries is None else entries:
        own = str(entry.pattern)
        joined = URLResolver._join_route(route, own)
        parts = (*pieces, *(regex_pieces(own) if isinstance(entry.pattern, RegexPattern) else route_pieces(own)))
        if isinstance(entry, URLResolver):
            yield from url_patterns(entry.url_patterns, joined, parts)
        else:
            yield joined, parts


def address(pieces, values):
    """Return the path made of the pieces with each part's value, and that path quoted as a URL."""
    path = "/" + "".join(values[piece] if isinstance(piece, Part) else piece for piece in pieces)
    return path, quote(path, safe="/")


def resolves_to(path, route):
    try:
        return resolve(path).route == route
    except Resolver404:
        return False


def real_value(route, part, ids):
    """Return the id or slug of a real object for the part, if the hub has one."""
    value = ids.get(part.name)
    if isinstance(value, dict):  # slugs, by the kind of thing the route is about
        return next((slug for prefix, slug in value.items() if prefix in route), None)
    return None if value is None else str(value)


def base_values(route, pieces, ids):
    """Return a value for each part making an address of this very pattern: real ids where the hub has them."""
    parts = [piece for piece in pieces if isinstance(piece, Part)]
    # The odd values come last: a pattern shadowed by another for ASCII digits is still reached with others.
    choices = [[real] if (real := real_value(route, part, ids)) else ["1", "a", "a/", *ODD_VALUES] for part in parts]
    for values in itertools.product(*choices):
        chosen = dict(zip(parts, values, strict=True))
        if resolves_to(address(pieces, chosen)[0], route):
            return chosen
    return None


def walked_patterns(ids):
    """Return {route: (pieces, base values)} for every URL pattern, and the routes the walk cannot reach."""
    found, unreachable = {}, []
    for route, pieces in url_patterns():
        if route in found:
            continue  # the same route again (an alias's name): the resolver never reaches it
        values = base_values(route, pieces, ids)
        if values is None:
            unreachable.append(route)
        else:
            found[route] = (pieces, values)
    return found, unreachable


WRITE = re.compile(r'\s*(?:INSERT\b.*?\bINTO|UPDATE|DELETE\s+FROM)\s+"?(?P<table>\w+)', re.IGNORECASE | re.DOTALL)

# What an odd request may write: the session (signing in or out, a flash message saying what was refused)
# and the search log, which records every query with its count (an odd query is still a query someone
# made, and the zero-result report should show it). Neither is content.
ALLOWED_WRITES = {"django_session", QueryLog._meta.db_table}


def written_tables(queries):
    """Return the tables the captured SQL inserted into, updated or deleted from."""
    found = (WRITE.match(query["sql"] or "") for query in queries)  # None: a statement that failed to run
    return {match["table"] for match in found if match}


# What views across the hub and the admin read from query strings, sent to every view besides what it reads.
QUERY_PARAMETERS = ["page", "p", "q", "offset", "limit", "search", "type", "topic", "community", "sort", "id", "term"]


class Walk:
    """Send requests as each visitor, in a transaction rolled back after each, and keep what went wrong."""

    def __init__(self, visitors):
        self.visitors = visitors
        self.failures = []
        self.sent = 0

    def send(self, who, method, url, data=None, *, allowed=frozenset(), keep=False):
        """Send one request and return its response; it may write the tables `allowed` (any, if None).

        `keep` keeps what it writes: what views create the first time they are seen (settings, profiles).
        """
        client = self.visitors[who]
        cookies = copy.copy(client.cookies)
        reset_queries()  # the query log holds 9,000 queries: capture from an empty one
        with transaction.atomic(), CaptureQueriesContext(connection) as queries:
            response = getattr(client, method)(url, data or {})
            transaction.set_rollback(not keep)
        client.cookies = cookies  # signing out in one request must not sign the visitor out of the next
        self.sent += 1
        self.written = written_tables(queries)
        unexpected = set() if keep or allowed is None else self.written - ALLOWED_WRITES - allowed
        if response.status_code >= 500 or unexpected:
            error = repr(response.exc_info[1]) if response.exc_info else ""
            self.failures.append(
                f"{method.upper()} {url} {data or ''} as {who}: {response.status_code} {error} {unexpected}"
            )
        return response

    def assert_no_failures(self):
        assert not self.failures, f"{len(self.failures)} of {self.sent} requests:\n" + "\n".join(self.failures)


@pytest.fixture
def walk(hub, superuser):
    visitors = {"anonymous": Client(raise_request_exception=False)}
    for who, user in [("member", hub.facilitator), ("superuser", superuser)]:
        visitors[who] = Client(raise_request_exception=False)
        visitors[who].force_login(user)
    return Walk(visitors)


def is_admin(route):
    return route.startswith("admin/")


def visitors_of(route):
    """The admin is walked as a superuser, who reaches all of it; the rest as a visitor and as a member."""
    return ["superuser"] if is_admin(route) else ["anonymous", "member"]


def test_the_walk_reaches_every_url_pattern(ids):
    found, unreachable = walked_patterns(ids)
    assert not unreachable
    assert len(found) > 300  # the admin's addresses as well as the hub's own


@pytest.mark.parametrize("admin", [False, True], ids=["hub", "admin"])
def test_odd_values_in_any_part_of_an_address_answer_4xx_and_write_nothing(walk, ids, admin):
    found, _ = walked_patterns(ids)
    # The hub's addresses are posted to as well (most of its views take only POST); the admin's, whose
    # views get no id past ids_in_range by either method, are only fetched, for the time it takes.
    methods = ("get",) if admin else ("get", "post")
    refused_by_pattern = 0
    for route, (pieces, values) in found.items():
        if is_admin(route) != admin:
            continue
        for part in values:
            for odd in ODD_VALUES:
                path, url = address(pieces, values | {part: odd})
                # A value the pattern refuses sends the request to another pattern (the page tree's) or to
                # none: those are walked on their own, so only values this pattern takes are sent here.
                if not resolves_to(path, route):
                    refused_by_pattern += 1
                    continue
                for who, method in itertools.product(visitors_of(route), methods):
                    walk.send(who, method, url)
    walk.assert_no_failures()
    assert walk.sent > 50 and refused_by_pattern > 50


@contextmanager
def parameters_read():
    """Collect the names of the query string and form parameters that views look up while it lasts."""
    read = set()

    def recording(method):
        @functools.wraps(method)
        def look_up(self, key, *args, **kwargs):
            read.add(key)
            return method(self, key, *args, **kwargs)

        return look_up

    with ExitStack() as stack:
        for name in ("__getitem__", "__contains__", "get", "getlist"):
            stack.enter_context(patch.object(QueryDict, name, recording(getattr(QueryDict, name))))
        yield read


def views_to_walk(found, admin):
    """Return an address of each distinct view (each page type, for the page tree's), and who visits it."""
    addresses = {}
    for route, (pieces, values) in found.items():
        if is_admin(route) == admin:
            path, url = address(pieces, values)
            match = resolve(path)
            addresses.setdefault((getattr(match.func, "view_class", match.func), match.url_name), (url, route))
    if not admin:
        for page in Page.objects.live().exclude(depth=1).specific():
            addresses.setdefault(type(page), (page.url, ""))
    return [(url, who) for url, route in addresses.values() for who in visitors_of(route)]


@pytest.mark.parametrize("visitor", ["anonymous", "member"])
def test_odd_values_in_the_query_parameters_the_hubs_views_read_answer_4xx_and_write_nothing(walk, ids, visitor):
    found, _ = walked_patterns(ids)
    for url, who in views_to_walk(found, admin=False):
        if who != visitor:
            continue
        with parameters_read() as read:
            walk.send(who, "get", url, keep=True)
        for odd in ODD_VALUES:
            if who == "member":
                # The member, who is shown most, sends one parameter at a time, so that a parameter refused
                # first hides no other; the visitor sends them all at once, with those of other views.
                for name in sorted(read):
                    walk.send(who, "get", f"{url}?{urlencode({name: odd})}")
            else:
                walk.send(who, "get", f"{url}?{urlencode(dict.fromkeys(sorted(read | set(QUERY_PARAMETERS)), odd))}")
    walk.assert_no_failures()
    assert walk.sent > 150


def test_odd_values_in_the_admins_query_parameters_and_forms_answer_4xx_and_write_nothing(walk, ids):
    found, _ = walked_patterns(ids)
    for index, (url, who) in enumerate(views_to_walk(found, admin=True)):
        # The admin refuses every odd value in a query string, and the NUL in any parameter, before its
        # views read them (hub.converters.parameters_in_range): one request of each method a view, every
        # odd value in it, in each parameter in turn from one view to the next. The admin's own forms are
        # not walked field by field: a superuser's valid form writes, and loading every editor the
        # admin has to read its fields takes longer than this suite may.
        odd = {name: ODD_VALUES[(index + turn) % len(ODD_VALUES)] for turn, name in enumerate(QUERY_PARAMETERS)}
        walk.send(who, "get", f"{url}?{urlencode(odd)}")
        walk.send(who, "post", url, odd)
    walk.assert_no_failures()
    assert walk.sent > 400


@dataclass
class Field:
    takes_text: bool
    values: list  # what the page sends as it stands: checked boxes, the selected option, an input's value


@dataclass
class Form:
    action: str
    method: str
    fields: dict  # name -> Field


class FormFinder(HTMLParser):
    """Collect a page's forms: each field's name, whether it takes text, and what it sends as it stands."""

    TEXT_INPUTS = {"text", "email", "url", "search", "password", "tel"}
    NOT_SENT = {"file", "submit", "image", "reset", "button"}

    def __init__(self):
        super().__init__()
        self.forms, self.select, self.selected = [], None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(Form(attrs.get("action") or "", (attrs.get("method") or "get").lower(), {}))
        elif self.forms and tag == "option" and self.select:
            # The selected option, or else the first.
            if "selected" in attrs and not self.selected or not self.select.values:
                self.select.values[:] = [attrs.get("value", "")]
                self.selected = "selected" in attrs
        elif self.forms and tag in {"input", "select", "textarea"} and attrs.get("name"):
            kind = attrs.get("type", "text") if tag == "input" else tag
            if kind in self.NOT_SENT or attrs["name"] == "csrfmiddlewaretoken":
                return
            field = self.forms[-1].fields.setdefault(
                attrs["name"], Field(kind in self.TEXT_INPUTS or tag == "textarea", [])
            )
            if tag == "select":
                self.select, self.selected = field, False
            elif kind not in {"checkbox", "radio"} or "checked" in attrs:
                field.values.append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None


def forms_on(response, url):
    """Return the forms on a page that post to the hub, each action an absolute path."""
    if response.status_code != 200 or response.streaming or "html" not in response.get("Content-Type", ""):
        return []
    finder = FormFinder()
    finder.feed(response.content.decode())
    forms = []
    for form in finder.forms:
        action = urlsplit(urljoin(f"http://testserver{url}", form.action))
        if form.method == "post" and action.netloc == "testserver" and form.fields:
            forms.append(Form(action.path, form.method, form.fields))
    return forms


def test_odd_values_in_the_fields_of_every_form_answer_4xx_and_write_nothing(walk, ids):
    found, _ = walked_patterns(ids)
    forms = {}
    # The hub's own pages, as each visitor sees them (the admin's forms: see the test above).
    for url, who in views_to_walk(found, admin=False):
        for form in forms_on(walk.send(who, "get", url, keep=True), url):
            forms.setdefault((form.action, tuple(form.fields)), (form, who))
    for form, who in forms.values():
        as_shown = {name: field.values for name, field in form.fields.items()}
        # What the form writes sent as it stands (a follow, a booking, a profile) it may write with an odd
        # value too: the odd value may not make it write anything else.
        walk.send(who, "post", form.action, as_shown, allowed=None)
        writes_anyway = walk.written
        for odd in ODD_VALUES:
            # One field at a time, the others as shown, so that the odd value is the one thing wrong. Text
            # fields take only the NUL: '²' is fine text.
            for name, field in form.fields.items():
                if odd == NUL_TEXT or not field.takes_text:
                    walk.send(who, "post", form.action, as_shown | {name: odd}, allowed=writes_anyway)
            walk.send("anonymous", "post", form.action, dict.fromkeys(form.fields, odd))
    walk.assert_no_failures()
    # The forms that carry ids and numbers are among those walked: the walk is not passing on an empty hub.
    walked = {re.sub(r"/\d+/", "/<id>/", action) for action, _ in forms}
    assert {
        "/accounts/profile/",
        "/comments/post/",
        "/discussions/start/<id>/",
        "/discussions/<id>/reply/",
        "/notifications/settings/",
        "/following/pages/<id>/follow/",
        "/accounts/sign-in/",
    } <= walked, sorted(walked)
