"""How well search answers over the demo hub: success@1, success@3, nDCG@10 and the zero-result rate.

Run against the configured database and search backend, after `manage.py load_demo`:

    .venv/bin/python bench/relevance.py [--step "what changed"] [--backend sqlite]

It searches as the demo administrator (who may open everything) with personalisation off, so the
figures measure text ranking alone, for two sets: the literal set (tests/search/relevance_set.py,
queries in the pages' own words) and the natural set (bench/natural_queries.py, queries as people
type them), the natural set also by kind of query. It prints each query's outcome and the figures.
With `--step`, the figures are also kept in bench/results/relevance.json under that step and
backend, and bench/results/relevance.md is written again from every step kept, so that each
change to search is measured against the ones before it (`make relevance STEP="..."`).
"""

import argparse
import json
import math
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402

from bench.natural_queries import KINDS, NATURAL_SET  # noqa: E402
from search.results import search  # noqa: E402
from tests.search.relevance_set import RELEVANCE_SET  # noqa: E402

RESULTS = ROOT / "bench" / "results"
HISTORY = RESULTS / "relevance.json"
REPORT = RESULTS / "relevance.md"
LITERAL = "literal"
NATURAL = "natural"


def ndcg(found, wanted, k=10):
    """Graded: the first wanted title is worth most, the next ones less."""
    gains = {title: len(wanted) - position for position, title in enumerate(wanted)}
    dcg = sum(gains.get(title, 0) / math.log2(rank + 2) for rank, title in enumerate(found[:k]))
    ideal = sum(gain / math.log2(rank + 2) for rank, gain in enumerate(sorted(gains.values(), reverse=True)[:k]))
    return dcg / ideal


def outcome(query, wanted, reader):
    """Return what one query found, as {query, found (top three), at1, at3, ndcg, zero}."""
    results = search(query, reader, personalise=False)
    found = [hit.title for hit in results.hits]
    return {
        "query": query,
        "found": found[:3],
        "at1": found[:1] == wanted[:1],
        "at3": wanted[0] in found[:3],
        "ndcg": ndcg(found, wanted),
        "zero": results.count == 0,
    }


def figures(outcomes):
    """Return the set's figures: how many queries, success@1, success@3, nDCG@10 and the zero-result rate."""
    count = len(outcomes)
    return {
        "queries": count,
        "success@1": round(sum(row["at1"] for row in outcomes) / count, 3),
        "success@3": round(sum(row["at3"] for row in outcomes) / count, 3),
        "nDCG@10": round(sum(row["ndcg"] for row in outcomes) / count, 3),
        "zero-result rate": round(sum(row["zero"] for row in outcomes) / count, 3),
    }


def evaluate(reader):
    """Return {set or kind: figures}, and every query's outcome, for both sets."""
    literal = [outcome(query, wanted, reader) for query, wanted in RELEVANCE_SET]
    natural = [(query.kind, outcome(query.text, query.wanted, reader)) for query in NATURAL_SET]
    measured = {LITERAL: figures(literal), NATURAL: figures([row for _kind, row in natural])}
    for kind in KINDS:
        measured[f"{NATURAL}: {kind}"] = figures([row for each, row in natural if each == kind])
    return measured, literal + [row for _kind, row in natural]


def report(history):
    """Return bench/results/relevance.md's text: every step's figures, by backend and set."""
    lines = [
        "# Search relevance over the demo hub",
        "",
        "Written by `bench/relevance.py --step ...` (`make relevance STEP=...`): one row per step, backend and",
        "set of queries, searched as the administrator with personalisation off. The literal set asks in the",
        "pages' own words (tests/search/relevance_set.py); the natural set as people type",
        "(bench/natural_queries.py), also shown by kind. success@3: the best page is in the first three.",
        "",
        "| step | backend | set | queries | success@1 | success@3 | nDCG@10 | zero results |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for entry in history:
        for name, numbers in entry["figures"].items():
            lines.append(
                f"| {entry['step']} | {entry['backend']} | {name} | {numbers['queries']} | {numbers['success@1']:.3f} "
                f"| {numbers['success@3']:.3f} | {numbers['nDCG@10']:.3f} | {numbers['zero-result rate']:.3f} |"
            )
    return "\n".join(lines) + "\n"


def record(step, backend, measured):
    """Keep the figures under (step, backend), replacing an earlier run of the same, and write the report."""
    history = json.loads(HISTORY.read_text()) if HISTORY.exists() else []
    history = [entry for entry in history if (entry["step"], entry["backend"]) != (step, backend)]
    history.append({"step": step, "backend": backend, "figures": measured})
    HISTORY.write_text(json.dumps(history, indent=1) + "\n")
    REPORT.write_text(report(history))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--step", help="keep the figures under this name in bench/results/relevance.json")
    parser.add_argument("--backend", help="the backend's name in the report (default: the database's vendor)")
    args = parser.parse_args()
    reader = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    if reader is None:
        sys.exit("No administrator: run `manage.py load_demo` first.")
    measured, outcomes = evaluate(reader)
    for row in outcomes:
        marks = f"@1 {'yes' if row['at1'] else 'no ':3}  @3 {'yes' if row['at3'] else 'no ':3}  nDCG {row['ndcg']:.2f}"
        print(f"{row['query'][:60]:60} {marks}  {'ZERO' if row['zero'] else ' | '.join(t[:30] for t in row['found'])}")
    print()
    for name, numbers in measured.items():
        print(f"{name:24} " + "  ".join(f"{key} {value}" for key, value in numbers.items()))
    if args.step:
        record(args.step, args.backend or connection.vendor, measured)
        print(f"\nKept as ‘{args.step}’ in {REPORT.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
