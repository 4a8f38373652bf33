"""Background work for material brought in from elsewhere: collecting feeds and checking links.

A scheduler (cron, or the platform's) runs `manage.py fetch_feeds --enqueue` and
`manage.py check_links --enqueue`, which hand the work to the task worker.
"""

from django_tasks import task

from practice.importing.aggregator import fetch_feeds
from practice.importing.linkcheck import check_links


@task()
def fetch_all_feeds():
    """Fetch every active feed source; return one line per source."""
    return [str(result) for result in fetch_feeds()]


@task()
def check_all_links():
    """Check every resource link and external item; return the summary lines."""
    return check_links().lines()
