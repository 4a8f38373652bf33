"""Headless Debian Chromium, driven by Playwright, against the hub served by gunicorn on 127.0.0.1.

The server runs in its own processes on its own SQLite file holding the demo hub, exactly as a
reader would meet it; tests sign in through the real sign-in form.
"""

import email
import email.policy
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEMO_PASSWORD = "practicehub"  # noqa: S105 - the demo hub's published password


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fresh_database_url(workdir):
    """Return an empty database for the server: on the suite's PostgreSQL cluster if it has one."""
    suite_url = os.environ.get("DATABASE_URL", "")
    if not suite_url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{workdir / 'browser.sqlite3'}"
    import psycopg

    # One database per pytest-xdist worker (PYTEST_XDIST_WORKER is gw0, gw1, ... under xdist).
    name = f"hub_browser_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    with psycopg.connect(suite_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name}")
        connection.execute(f"CREATE DATABASE {name}")
    return suite_url.rsplit("/", 1)[0] + f"/{name}"


def wait_until_up(url, server, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the hub server exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own server on 127.0.0.1
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the hub server did not answer {url} within {timeout}s")


class HubServer:
    """The demo hub served by gunicorn from its own database file."""

    def __init__(self, workdir):
        self.url = f"http://127.0.0.1:{free_port()}"
        # What the hub emails, from the server and from its management commands, lands here as files.
        self.mail_dir = workdir / "mail"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "hub.settings.test",
            "DATABASE_URL": fresh_database_url(workdir),
            "MEDIA_ROOT": str(workdir / "media"),
            "BASE_URL": self.url,
            "EMAIL_URL": f"filemail:///{self.mail_dir}",
        }
        self.env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        self.process = None

    def emails_to(self, address):
        """Return the emails the hub has sent to an address so far, oldest first, as email.message objects."""
        emails = []
        for path in sorted(self.mail_dir.glob("*.log"), key=lambda path: path.stat().st_mtime_ns):
            # Django's file backend writes each message followed by a line of 79 dashes.
            for raw in path.read_text(encoding="utf-8").split("\n" + "-" * 79 + "\n"):
                if raw.strip():
                    message = email.message_from_string(raw.lstrip(), policy=email.policy.default)
                    if address in message.get("To", ""):
                        emails.append(message)
        return emails

    def manage(self, *args):
        """Run a management command against the server's database and return what it printed."""
        result = subprocess.run(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True, capture_output=True, text=True
        )
        return result.stdout

    def start(self):
        self.manage("migrate", "--noinput", "-v0")
        self.manage("load_demo", "--quiet")
        gunicorn = Path(sys.executable).parent / "gunicorn"
        self.process = subprocess.Popen(  # noqa: S603 - gunicorn from our own venv
            [str(gunicorn), "hub.wsgi", "--bind", self.url.removeprefix("http://"), "--workers", "2"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until_up(f"{self.url}/healthz", self.process)

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)


@pytest.fixture(scope="session")
def hub_server(tmp_path_factory):
    server = HubServer(tmp_path_factory.mktemp("hub"))
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def new_tab(browser):
    """Open a tab in a browser context of its own (its own cookies, so its own person signed in).

    `page.csp_violations` collects what the Content Security Policy blocked; close `page.context` when done.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.csp_violations = []
    page.on(
        "console",
        lambda message: page.csp_violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    return page


@pytest.fixture
def browser_page(browser):
    """A fresh browser tab; `page.csp_violations` collects what the Content Security Policy blocked."""
    page = new_tab(browser)
    yield page
    page.context.close()


def sign_in(browser_page, hub_server, username, password=DEMO_PASSWORD):
    """Sign in through the hub's sign-in form, as a person would."""
    browser_page.goto(f"{hub_server.url}/accounts/sign-in/")
    browser_page.fill("input[name=login]", username)
    browser_page.fill("input[name=password]", password)
    with browser_page.expect_navigation():
        browser_page.press("input[name=password]", "Enter")
    assert "/accounts/sign-in/" not in browser_page.url, f"could not sign in as {username}"


def axe_violations(browser_page):
    """Run an axe audit (WCAG 2.2 A and AA) on the page and describe each violation."""
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}
    results = Axe().run(browser_page, options=options)
    return [
        f"{violation['id']}: {violation['help']} at {[node['target'] for node in violation['nodes']]}"
        for violation in results.response["violations"]
    ]


def screenshot(browser_page, name):
    """Save a full-page screenshot as a test artefact and return its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{re.sub(r'[^a-z0-9-]+', '-', name.lower())}.png"
    browser_page.screenshot(path=str(path), full_page=True)
    return path
