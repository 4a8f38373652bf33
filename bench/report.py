"""Write bench/results/latest.md and latest.png from the figures bench/pages.py recorded.

.venv/bin/python bench/report.py --sizes "10000 100000"
"""

import argparse
import json
import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dataset  # noqa: E402
import pages  # noqa: E402

RESULTS = dataset.ROOT / "bench" / "results"
DATABASE_NAMES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}


def machine():
    """Describe this machine: CPU, cores, memory and operating system."""
    cpuinfo = Path("/proc/cpuinfo").read_text()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")), "")
    memory_kb = next(
        int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    os_release = Path("/etc/os-release")
    system = platform.platform()
    if os_release.exists():
        names = dict(line.split("=", 1) for line in os_release.read_text().splitlines() if "=" in line)
        system = f"{names.get('PRETTY_NAME', '').strip(chr(34))} (Linux {platform.release()})"
    return {
        "CPU": cpu or platform.processor(),
        "Cores": str(os.cpu_count()),
        "RAM": f"{memory_kb / 1024 / 1024:.1f} GB",
        "OS": system,
    }


def load(sizes):
    results = []
    for items in sizes:
        for database in DATABASE_NAMES:
            path = pages.RESULTS_DIR / f"pages-{items}-{database}.json"
            if path.exists():
                results.append(json.loads(path.read_text()))
    if not results:
        raise SystemExit("No figures yet: run bench/pages.py (or make bench) first.")
    return results


def name(result):
    return f"{DATABASE_NAMES[result['database']]}, {result['items']:,} items"


def markdown(results):
    first = results[0]
    versions = {**first["versions"], **{r["engine"].split()[0]: r["engine"].split()[1] for r in results}}
    lines = [
        "# Practice Hub benchmark",
        "",
        "Written by `make bench` (bench/dataset.py, bench/pages.py, bench/report.py). Figures describe this",
        "machine on this day; they are recorded here, never asserted in tests.",
        "",
        "## Machine and versions",
        "",
        "| | |",
        "|---|---|",
        *[f"| {key} | {value} |" for key, value in machine().items()],
        *[f"| {key} | {value} |" for key, value in versions.items()],
        "",
        "A hub is built once and kept (var/bench/): its build times are those of its first build, when",
        "the machine may have been busy with other work; the page timings are from the run that wrote",
        "this report. On two cores single runs vary: medians are steadier than the 95th percentiles.",
        "",
        "## How it was measured",
        "",
        "Each hub is the demo hub (`manage.py load_demo`: six communities, two of each access level, with",
        "their members) plus the generated items: 40% blog posts, 20% discussion threads with up to eight",
        f"replies (one with {dataset.BIG_THREAD_REPLIES}), 25% resource links and 15% events, spread over every",
        "community and the site-wide library and events listing, 70/20/10% public, members-only and",
        "community-only in open communities and community-only in restricted and private ones; and one",
        f"extra member for every {dataset.ITEMS_PER_MEMBER} items, with interests and memberships. Access is",
        "derived by `practice.access.refresh_visibility`, and the search index built with the configured",
        "backend's `add_bulk`.",
        "",
        "Pages are asked in-process through Django's test Client with the test settings (DEBUG off,",
        "cached templates), by a signed-out reader and by the demo member in most communities.",
        f"Warm: after {pages.WARM_UP + 1} unmeasured requests (the last counts queries), {first['runs']} in a row.",
        f"Cold: {first['runs']} requests, each after clearing Django's cache, the content-type cache, the",
        "compiled templates and the rendered Markdown (the database's own buffers stay warm). Queries:",
        "SQL statements of one warm / one cold request. Plain and faceted search run with the member's personalisation",
        f"switched off; the query is “{pages.QUERY}”. Worker RSS: the measuring process, which has served",
        "every page, at the end.",
        "",
        "## Dataset, index build and worker memory",
        "",
        "| database | items | posts | threads | replies | resources | events | insert (s) | access (s) "
        "| index build (s) | worker RSS (MB) | peak RSS (MB) | measuring (s) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        counts, build = r["build"]["counts"], r["build"]
        lines.append(
            f"| {DATABASE_NAMES[r['database']]} | {r['items']:,} | {counts['post']:,} | {counts['thread']:,} "
            f"| {counts['reply']:,} | {counts['resource']:,} | {counts['event']:,} | {build['insert_seconds']:.0f} "
            f"| {build['visibility_seconds']:.0f} | {build['index_seconds']:.0f} | {r['rss_mb']:.0f} "
            f"| {r['peak_rss_mb']:.0f} | {r['measure_seconds']:.0f} |"
        )
    for r in results:
        lines += [
            "",
            f"## {name(r)} ({r['engine']}, measured {r['measured_at']})",
            "",
            "Times in milliseconds.",
            "",
            "| page | reader | warm median | warm p95 | cold median | cold p95 | queries warm | queries cold |",
            "|---|---|---:|---:|---:|---:|---:|---:|",
            *[
                f"| {row['page']} | {row['reader']} | {row['warm_median']:.0f} | {row['warm_p95']:.0f} "
                f"| {row['cold_median']:.0f} | {row['cold_p95']:.0f} | {row['warm_queries']} | {row['cold_queries']} |"
                for row in r["rows"]
            ],
        ]
    return "\n".join(lines) + "\n"


def chart(results, path):
    """Draw the warm median of every page per database, one panel per reader."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    readers = ["anonymous", "member"]
    labels = list(dict.fromkeys(row["page"] for row in results[0]["rows"]))
    figure, axes = plt.subplots(1, 2, figsize=(13, 0.45 * len(labels) + 2), sharey=True)
    height = 0.8 / len(results)
    for axis, reader in zip(axes, readers, strict=True):
        for number, result in enumerate(results):
            medians = {row["page"]: row["warm_median"] for row in result["rows"] if row["reader"] == reader}
            positions = [index + number * height for index in range(len(labels))]
            axis.barh(positions, [medians.get(label, 0) for label in labels], height=height, label=name(result))
        axis.set_title(f"{reader.capitalize()} reader: warm median (ms)")
        axis.set_yticks([index + 0.4 - height / 2 for index in range(len(labels))], labels)
        axis.invert_yaxis()
        axis.grid(axis="x", alpha=0.3)
    axes[0].legend(loc="lower right", fontsize="small")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000", help="the sizes to report, separated by spaces")
    args = parser.parse_args()
    results = load([int(size) for size in args.sizes.split()])
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.md").write_text(markdown(results))
    chart(results, RESULTS / "latest.png")
    print(f"Wrote {RESULTS / 'latest.md'} and {RESULTS / 'latest.png'}")


if __name__ == "__main__":
    main()
