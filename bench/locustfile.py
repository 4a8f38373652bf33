"""Locust users for `make loadtest`: anonymous readers, and members who sign in, search, comment and reply.

bench/loadtest.sh runs this against gunicorn on 127.0.0.1 with LOADTEST_RUN_DIR set to a directory that
holds plan.json (from `bench/loadtest_db.py plan`). Every comment and reply carries a unique marker;
each is written to posts.jsonl before it is sent ("attempt") and once the hub has confirmed it
("posted", with the id from the address the hub redirects to), so that `bench/loadtest_db.py check`
can find every one in the database afterwards.

Locust plays the part of the TLS-terminating proxy in front of the hub: it sends
`X-Forwarded-Proto: https` (so the production settings serve the request as HTTPS and set Secure
cookies) and an `X-Forwarded-For` address of its own for each simulated user (so the per-address
sign-in limits count each user, as they would count each visitor behind a real proxy).
"""

import itertools
import json
import os
import random
import re
import uuid
from collections.abc import Callable
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlencode

from bs4 import BeautifulSoup, Tag
from locust import FastHttpUser, between, events, task

RUN_DIR = Path(os.environ["LOADTEST_RUN_DIR"])
PLAN = json.loads((RUN_DIR / "plan.json").read_text())
READER_PAGES = PLAN["reader"]
MEMBERS = itertools.cycle(PLAN["members"])
CLIENT_ADDRESSES = itertools.count(1)
POSTS = open(RUN_DIR / "posts.jsonl", "a")  # noqa: SIM115 - kept open for the whole run, closed on quit

THINK_TIME = (1, 3)  # seconds each simulated user waits between actions, at random in this range


def record(event, kind, marker, **details):
    POSTS.write(json.dumps({"event": event, "kind": kind, "marker": marker, **details}) + "\n")
    POSTS.flush()


def marked_text(kind):
    """Return a plain-text comment or reply (no links, nothing for moderators to catch) and its marker."""
    marker = uuid.uuid4().hex
    return marker, f"A {kind} from the load test, checking that every message is kept once. [load test {marker}]"


def form_data(html, select):
    """Return the action and the filled-in fields of the first form the function select accepts."""
    for form in BeautifulSoup(html, "html.parser").find_all("form"):
        fields = {
            field["name"]: field.get("value", "")
            for field in form.find_all("input")
            if field.get("name") and field.get("type", "text") in ("hidden", "text")
        }
        if select(form, fields):
            return form.get("action"), fields
    return None, None


class MessageKind(NamedTuple):
    """A kind of message members post: the pages they post it on, how to find its form and read the hub's answer."""

    name: str
    pages: str  # the member's list of page addresses in plan.json
    page_name: str  # how Locust names the page in its figures
    form_matches: Callable[[Tag, dict], bool]
    field: str  # the form field the text goes in
    posted: re.Pattern  # the address the hub redirects to, holding the new message's id


COMMENT = MessageKind(
    "comment",
    pages="comment_on",
    page_name="post (member)",
    form_matches=lambda form, fields: "hub-comment-form" in form.get("class", []) and fields.get("reply_to") == "0",
    field="comment",
    posted=re.compile(r"#c(\d+)$"),
)
REPLY = MessageKind(
    "reply",
    pages="reply_in",
    page_name="thread (member)",
    form_matches=lambda form, fields: bool(re.match(r"^/discussions/\d+/reply/$", form.get("action", ""))),
    field="body",
    posted=re.compile(r"#reply-(\d+)$"),
)


class HubUser(FastHttpUser):
    """A visitor reaching the hub through the (simulated) proxy, from an address of their own."""

    abstract = True
    wait_time = between(*THINK_TIME)

    def __init__(self, environment):
        number = next(CLIENT_ADDRESSES)
        self.default_headers = {
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}",
        }
        super().__init__(environment)
        # Between the proxy and the hub the connection is plain HTTP: the Secure cookies still travel on it.
        self.client.cookiejar.set_policy(DefaultCookiePolicy(secure_protocols=("http", "https")))
        self.origin = "https://" + self.host.split("://", 1)[1].rstrip("/")

    def read(self, kind, url=None):
        return self.client.get(url or random.choice(READER_PAGES[kind]), name=kind)

    def search_page(self, name):
        params = {"q": random.choice(PLAN["searches"])}
        if random.random() < 0.5:
            params["type"] = random.choice(PLAN["search_types"])
        self.client.get(f"/search/?{urlencode(params)}", name=name)

    def search_api(self, name):
        with self.client.get(
            f"/api/search/?{urlencode({'q': random.choice(PLAN['searches'])})}", name=name, catch_response=True
        ) as response:
            if response.status_code == 200 and "results" not in response.json():
                response.failure("The search API answered without results")

    def post_form(self, url, data, *, referer, name):
        """Send a form as a browser would: form-encoded, with its Origin and Referer, not following the redirect."""
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": self.origin,
            "Referer": self.origin + referer,
        }
        return self.client.post(
            url, data=urlencode(data), headers=headers, name=name, allow_redirects=False, catch_response=True
        )


class Reader(HubUser):
    """Someone who has not signed in, reading, searching and following feeds."""

    weight = 3

    @task(3)
    def home(self):
        self.read("listings", "/")

    @task(3)
    def listing(self):
        self.read("listings")

    @task(4)
    def post(self):
        self.read("posts")

    @task(3)
    def thread(self):
        self.read("threads")

    @task(2)
    def event(self):
        self.read("events")

    @task(2)
    def other_page(self):
        self.read("pages")

    @task(1)
    def topic(self):
        self.read("topics")

    @task(2)
    def search(self):
        self.search_page("search page")

    @task(1)
    def api(self):
        self.search_api("search API")

    @task(1)
    def feed(self):
        self.read("feeds")


class Member(HubUser):
    """A demo member who signs in once, then searches, reads, comments on posts and replies in discussions."""

    weight = 2

    def on_start(self):
        self.account = next(MEMBERS)
        self.signed_in = False
        self.sign_in()

    def sign_in(self):
        page = self.client.get("/accounts/sign-in/", name="sign-in form")
        action, fields = form_data(page.text, lambda form, fields: "csrfmiddlewaretoken" in fields)
        if action is None:
            return
        fields.update(login=self.account["email"], password=PLAN["password"])
        with self.post_form(action, fields, referer="/accounts/sign-in/", name="sign in") as response:
            if response.status_code != 302:
                response.failure(f"Sign-in answered {response.status_code}, not a redirect")
            else:
                self.signed_in = True

    def signed_in_page(self, url, name):
        """Fetch a page as the member, failing the request if the hub no longer knows who they are."""
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code == 200 and "/accounts/sign-out/" not in response.text:
                response.failure("The page was served to a visitor who is not signed in")
                return None
            return response.text if response.status_code == 200 else None

    def missing(self, name, message):
        """Count a page that lacks the form the member came for as a failed request."""
        self.environment.events.request.fire(
            request_type="FORM",
            name=name,
            response_time=0,
            response_length=0,
            exception=AssertionError(message),
            context={},
        )

    @task(2)
    def search(self):
        self.search_page("search page (member)")

    @task(1)
    def api(self):
        self.search_api("search API (member)")

    @task(2)
    def read_thread(self):
        self.signed_in_page(random.choice(self.account["reply_in"]), "thread (member)")

    @task(2)
    def comment(self):
        self.post_marked(COMMENT)

    @task(2)
    def reply(self):
        self.post_marked(REPLY)

    def post_marked(self, kind):
        """Post a message of this kind carrying a unique marker through a page's own form, and record it."""
        if not self.signed_in:
            self.sign_in()
            return
        url = random.choice(self.account[kind.pages])
        html = self.signed_in_page(url, kind.page_name)
        if html is None:
            return
        action, fields = form_data(html, kind.form_matches)
        if action is None:
            self.missing(f"{kind.name} form", f"No {kind.name} form on {url}")
            return
        marker, text = marked_text(kind.name)
        fields[kind.field] = text
        record("attempt", kind.name, marker, page=url, member=self.account["email"])
        with self.post_form(action, fields, referer=url, name=f"post a {kind.name}") as response:
            created = kind.posted.search(response.headers.get("Location", ""))
            if response.status_code != 302 or not created:
                response.failure(f"Posting a {kind.name} answered {response.status_code}")
                return
            record("posted", kind.name, marker, pk=int(created.group(1)))


def figures(entry):
    """Return one line of Locust's statistics: counts, latency percentiles in milliseconds, requests a second."""
    return {
        "method": entry.method,
        "name": entry.name,
        "requests": entry.num_requests,
        "failures": entry.num_failures,
        "median": entry.get_response_time_percentile(0.5),
        "p95": entry.get_response_time_percentile(0.95),
        "p99": entry.get_response_time_percentile(0.99),
        "max": entry.max_response_time,
        "per_second": entry.total_rps,
    }


def failures(stats):
    return [
        {"request": f"{error.method} {error.name}", "error": str(error.error), "occurrences": error.occurrences}
        for error in stats.errors.values()
    ]


@events.init.add_listener
def keep_figures(environment, **kwargs):
    """Write every figure to figures.json once the last user has stopped (Locust's CSV can miss the last ones)."""
    users = {}

    def note_users(user_count, **kwargs):
        users.update(environment.runner.user_classes_count, total=user_count)

    def write_figures(**kwargs):
        POSTS.close()
        stats = environment.stats
        document = {
            "users": users,
            "think_time": THINK_TIME,
            "requests": [figures(entry) for entry in sorted(stats.entries.values(), key=lambda e: (e.name, e.method))],
            "total": figures(stats.total),
            "failures": failures(stats),
            "exceptions": [
                {"count": row["count"], "message": row["msg"]} for row in environment.runner.exceptions.values()
            ],
        }
        (RUN_DIR / "figures.json").write_text(json.dumps(document, indent=2))

    environment.events.spawning_complete.add_listener(note_users)
    environment.events.quit.add_listener(write_figures)
