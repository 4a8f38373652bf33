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
