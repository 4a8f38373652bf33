"""The load test's after-run check: it passes only when every post is stored once and nothing failed."""

import importlib.util
import json
from pathlib import Path

import pytest

from tests.factories import BlogPostPageFactory, CommentFactory, ReplyFactory, UserFactory

spec = importlib.util.spec_from_file_location(
    "loadtest_db", Path(__file__).resolve().parents[2] / "bench" / "loadtest_db.py"
)
loadtest_db = importlib.util.module_from_spec(spec)
spec.loader.exec_module(loadtest_db)

MARKERS = ["a" * 32, "b" * 32, "c" * 32]


def marked(marker):
    return f"A message from the load test. [load test {marker}]"


def comment(page, user, marker):
    return CommentFactory(page=page, user=user, comment=marked(marker))


def check(run_dir, tmp_path, *, exit_status):
    """Check the run, expecting the exit status, and return the report it wrote."""
    report = tmp_path / "report.md"
    assert loadtest_db.check(run_dir, report) == exit_status
    return report.read_text()


def totals(failures=0):
    row = {"requests": 10, "failures": failures, "median": 50, "p95": 90, "p99": 120, "max": 130, "per_second": 2.5}
    return {"method": "GET", "name": "posts", **row}


@pytest.fixture
def run_dir(tmp_path):
    (tmp_path / "run.json").write_text(
        json.dumps({"started": "today", "users": 2, "spawn_rate": "1", "run_time": "10s", "workers": 2})
    )
    (tmp_path / "server.log").write_text("[INFO] Booting worker\n")
    return tmp_path


def write_run(run_dir, posts, *, failures=0, exceptions=()):
    (run_dir / "posts.jsonl").write_text("".join(json.dumps(post) + "\n" for post in posts))
    figures = {
        "users": {"Reader": 1, "Member": 1, "total": 2},
        "think_time": [1, 3],
        "requests": [totals(failures)],
        "total": totals(failures),
        "failures": [{"request": "GET posts", "error": "500", "occurrences": failures}] if failures else [],
        "exceptions": list(exceptions),
    }
    (run_dir / "figures.json").write_text(json.dumps(figures))


def posted(kind, marker, pk):
    return [
        {"event": "attempt", "kind": kind, "marker": marker},
        {"event": "posted", "kind": kind, "marker": marker, "pk": pk},
    ]


@pytest.fixture
def page_and_author(db):
    return BlogPostPageFactory(), UserFactory()


def test_a_run_whose_posts_are_each_stored_once_passes(run_dir, page_and_author, tmp_path):
    page, author = page_and_author
    stored_comment = comment(page, author, MARKERS[0])
    stored_reply = ReplyFactory(body=marked(MARKERS[1]))
    write_run(run_dir, posted("comment", MARKERS[0], stored_comment.pk) + posted("reply", MARKERS[1], stored_reply.pk))

    text = check(run_dir, tmp_path, exit_status=0)
    assert "**PASSED**" in text
    assert "| comments | 1 | 1 | 1 | 0 | 0 | 0 |" in text
    assert "| replies | 1 | 1 | 1 | 0 | 0 | 0 |" in text


def test_lost_duplicated_and_unconfirmed_posts_fail_the_run(run_dir, page_and_author, tmp_path):
    page, author = page_and_author
    stored_reply = ReplyFactory(body=marked(MARKERS[1]))
    first = comment(page, author, MARKERS[2])
    comment(page, author, MARKERS[2])
    posts = posted("comment", MARKERS[0], 999_999)  # confirmed by the hub, but not in the database
    posts += posted("comment", MARKERS[2], first.pk)  # stored twice
    posts += posted("reply", MARKERS[1], stored_reply.pk)
    posts += [{"event": "attempt", "kind": "reply", "marker": "d" * 32}]  # never confirmed
    write_run(run_dir, posts)

    audit = loadtest_db.audit_posts("comment", {MARKERS[0], MARKERS[2]}, {MARKERS[0]: 999_999, MARKERS[2]: first.pk})
    assert audit["lost"] == [MARKERS[0]]
    assert audit["duplicated"] == [MARKERS[2]]

    verdict = check(run_dir, tmp_path, exit_status=1).splitlines()[2]
    assert "1 comments lost" in verdict
    assert "1 comments duplicated" in verdict
    assert "1 replies unconfirmed" in verdict


def test_a_reply_confirmed_under_another_id_is_a_mismatch(page_and_author):
    stored_reply = ReplyFactory(body=marked(MARKERS[1]))
    audit = loadtest_db.audit_posts("reply", {MARKERS[1]}, {MARKERS[1]: stored_reply.pk + 1})
    assert audit["mismatched"] == [MARKERS[1]]


def test_failed_requests_errors_and_server_tracebacks_fail_the_run(run_dir, page_and_author, tmp_path):
    page, author = page_and_author
    stored_comment = comment(page, author, MARKERS[0])
    stored_reply = ReplyFactory(body=marked(MARKERS[1]))
    posts = posted("comment", MARKERS[0], stored_comment.pk) + posted("reply", MARKERS[1], stored_reply.pk)
    write_run(run_dir, posts, failures=2, exceptions=[{"count": 1, "message": "KeyError: 'comment_on'"}])
    (run_dir / "server.log").write_text("Traceback (most recent call last):\n  boom\n")

    text = check(run_dir, tmp_path, exit_status=1)
    assert "2 requests failed" in text
    assert "1 errors in the simulated users" in text
    assert "1 errors in the server log" in text
    assert "| GET posts | 500 | 2 |" in text


def test_a_run_that_posted_nothing_fails(run_dir, db, tmp_path):
    write_run(run_dir, [])
    assert "no comment was posted; no reply was posted" in check(run_dir, tmp_path, exit_status=1)
