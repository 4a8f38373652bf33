"""Print success@1, success@3 and nDCG@10 of search over the demo hub for the relevance set.

Run against the configured database and search backend, after `manage.py load_demo`:

    .venv/bin/python bench/relevance.py

It searches as the demo administrator (who may open everything) with personalisation off, so the
figures measure text ranking alone.
"""

import math
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402

from search.results import search  # noqa: E402
from tests.search.relevance_set import RELEVANCE_SET  # noqa: E402


def ndcg(found, wanted, k=10):
    """Graded: the first wanted title is worth most, the next ones less."""
    gains = {title: len(wanted) - position for position, title in enumerate(wanted)}
    dcg = sum(gains.get(title, 0) / math.log2(rank + 2) for rank, title in enumerate(found[:k]))
    ideal = sum(gain / math.log2(rank + 2) for rank, gain in enumerate(sorted(gains.values(), reverse=True)[:k]))
    return dcg / ideal


def evaluate(reader):
    rows = []
    for query, wanted in RELEVANCE_SET:
        found = [hit.title for hit in search(query, reader, personalise=False).hits]
        rows.append((query, found[:1] == wanted[:1], wanted[0] in found[:3], ndcg(found, wanted)))
    return rows


def main():
    reader = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    if reader is None:
        sys.exit("No administrator: run `manage.py load_demo` first.")
    rows = evaluate(reader)
    for query, at1, at3, gain in rows:
        print(f"{query:28} @1 {'yes' if at1 else 'no ':3}  @3 {'yes' if at3 else 'no ':3}  nDCG@10 {gain:.3f}")
    count = len(rows)
    print(
        f"\n{count} queries: success@1 {sum(r[1] for r in rows) / count:.3f}  "
        f"success@3 {sum(r[2] for r in rows) / count:.3f}  nDCG@10 {sum(r[3] for r in rows) / count:.3f}"
    )


if __name__ == "__main__":
    main()
