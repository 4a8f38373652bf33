"""Count the queries a page takes, so listing tests can show the count does not grow with the items."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_to_render(client, url):
    """Return how many queries the page at url takes once per-process caches are warm."""
    assert client.get(url).status_code == 200  # warm-up: content types, site root paths
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def queries_before_and_after(client, url, add, times):
    """Return how many queries the page at url takes, then again once `add(number)` has run for `times` numbers."""
    before = queries_to_render(client, url)
    for number in range(times):
        add(number)
    return before, queries_to_render(client, url)
