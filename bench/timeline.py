"""Benchmark the reader timeline: does a page cost the same with 1,000,000 events as with 1,000?

Run: ``python bench/timeline.py [--sizes 1000 1000000] [--repeat 15] [--keep] [--profile]``.
Not part of the test suite. For each size, in a child process (one at a time: sized
for a 2-core machine), it fills a fresh database with `fill_events --sql` (confirmed
events, each with a source article, a mention and a place; one in 50,000 also in the
rare place «قرية نائية»), gathers statistics (ANALYZE, on PostgreSQL too), then
renders through the whole Django stack, **with the reader cache off** (every page
rendered, as on a miss):

- the pages held to the same cost at every size: the first page, a filtered page
  (kind + search + date), a deep page (a cursor 90% of the way in), the axis at its
  widest over the densest stretch, a common search;
- the adverse cases, held to 10× the trivial view whatever the selectivity: a search
  with one match, one with few or none (`q=54321`), a rare place with a common
  search on the page, the API and the JSON export, and a two-year date range;
- a trivial view (bench/urls.py: same middleware, no database, no template).

It prints each page's SQL queries and median time per size, the ratio of the largest
size's time to the smallest's, and each page's time over the trivial view of the
same run. Targets: same query counts, ratio ≤ 1.5 (same-cost pages), ≤ 10× trivial.
`--profile` adds, for the largest size, where an uncached first page (or the page
named: `--profile "axis months"`) spends its time (cProfile, by cumulative time)
and how many times it calls reverse().

SQLite by default (a file under /tmp). Set BENCH_DATABASE_URL to a PostgreSQL URL
(postgres://postgres@127.0.0.1:5432/bench) to run there: each size gets its own
database, `<name>_<size>`, created afresh. `--keep` keeps the databases
(/tmp/newsroom-bench-<size>.sqlite3 or `<name>_<size>`) and reuses one that already
holds exactly `size` events, so a second run measures without filling again
(BENCH_SQLITE_DIR puts the SQLite files elsewhere than /tmp). `--pages axis first`
times only those pages (and the trivial view), to spare a shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
SAME_COST = (
    "first",
    "filtered",
    "deep",
    "axis",
    "axis years",
    "axis months",
    "axis days",
    "axis kind lanes",
    "search",
)
ADVERSE = (
    "one match",
    "few matches",
    "rare place+q",
    "rare place+q api",
    "rare place+q json",
    "two years",
    "two years api",
)
PAGES = (*SAME_COST, *ADVERSE, "trivial")


def urls_for(size: int, deep_cursor: str) -> dict[str, str]:
    from timeline.event_kinds import EventKind
    from timeline.management.commands.fill_events import RARE_PLACE

    kind = EventKind.choices[0][0]
    rare = {"place": RARE_PLACE, "q": "الوزير"}  # a rare place, a word in every excerpt
    return {
        "first": "/",
        # Selective enough to skip most rows, loose enough to fill a page at 1,000 too
        # (a page with fewer cards renders faster and would flatter the small size).
        "filtered": "/?" + urlencode({"kind": kind, "q": "الوزير", "start": "1960-01-01"}),
        "deep": f"/?after={deep_cursor}",
        # The widest zoom over the densest stretch: every event of 50 years counted.
        "axis": "/?zoom=decades&at=1990-01-01",
        # The other zooms, and a kind with lanes by kind: the counts table serves them too.
        "axis years": "/?zoom=years&at=1990-01-01",
        "axis months": "/?zoom=months&at=1990-06-15",
        "axis days": "/?zoom=days&at=1990-06-15",
        "axis kind lanes": "/?"
        + urlencode({"zoom": "decades", "at": "1990-01-01", "kind": kind, "lanes": "kind"}),
        "search": "/?" + urlencode({"q": "لقاء"}),
        # One event's number: a search with a single match.
        "one match": f"/?q={size // 2}",
        # A number inside a few others (54321, 154321, 543210…): few or no matches.
        "few matches": "/?q=54321",
        "rare place+q": "/?" + urlencode(rare),
        "rare place+q api": "/api/events?" + urlencode(rare),
        "rare place+q json": "/timeline.json?" + urlencode(rare),
        "two years": "/?start=2000-01-01&end=2001-12-31",
        # In ascending order: `start` alone left the index range unbounded below.
        "two years api": "/api/events?start=2000-01-01&end=2001-12-31",
        "trivial": "/bench/trivial",
    }


def child(size: int, repeat: int, profile: str | None, pages: tuple[str, ...] = PAGES) -> dict:
    """Fill this process's database with `size` events (unless it holds them) and time."""
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from timeline.management.commands.fill_events import fill_events_sql
    from timeline.models import Event
    from timeline.reader.filters import NEWS_ORDER, format_news_cursor

    call_command("migrate", verbosity=0)
    began = time.perf_counter()
    held = Event.objects.count()
    if held != size:
        assert held == 0, f"the database holds {held} events, not 0 or {size}"
        fill_events_sql(size)  # ends with ANALYZE
    filled = time.perf_counter() - began
    # Statistics on every database: PostgreSQL's autovacuum has not run yet either.
    connection.cursor().execute("ANALYZE")
    deep = Event.objects.order_by(*NEWS_ORDER)[size * 9 // 10]
    urls = urls_for(size, format_news_cursor(deep))
    client = Client()
    results = {}
    for name, url in urls.items():
        if name not in pages and name != "trivial":
            continue
        response = client.get(url)  # warm up
        assert response.status_code == 200, url
        if name in SAME_COST:
            assert b"event-card" in response.content, url
        reset_queries()  # each request clears the log; count from empty
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        times = []
        for _ in range(repeat):
            began = time.perf_counter()
            client.get(url)
            times.append(time.perf_counter() - began)
        results[name] = {"queries": len(queries), "ms": 1000 * statistics.median(times)}
    out = {"size": size, "vendor": connection.vendor, "fill_s": filled, "pages": results}
    if profile:
        out["profile"] = profile_page(client, urls[profile])
    return out


def profile_page(client, url: str) -> str:
    """Where one uncached page's time goes: cProfile's top functions, reverse() calls."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(5):
        client.get(url)
    profiler.disable()
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)

    def seconds(path: str, line: int | None, name: str) -> float:
        """Cumulative seconds of one function (cProfile counts recursion once)."""
        return sum(
            cumulative
            for (file, at, function), (_, _, _, cumulative, _) in stats.stats.items()
            if file.endswith(path) and line in (None, at) and function == name
        )

    total = stats.total_tt
    parts = {
        "template rendering": seconds("django/template/backends/django.py", 102, "render"),
        "SQL (execute)": seconds("django/db/backends/utils.py", 94, "_execute"),
        "  axis marks+clusters": seconds("timeline/reader/axis_html.py", None, "axis_items_html"),
    }
    text.write(f"per page: {1000 * total / 5:.1f} ms in all\n")
    for part, spent in parts.items():
        text.write(f"  {part:<20} {1000 * spent / 5:6.1f} ms  {100 * spent / total:3.0f}%\n")
    text.write("  (SQL run while rendering, by lazy querysets, counts in both)\n\n")
    stats.sort_stats("cumulative").print_stats(
        r"timeline/|template/(base|defaulttags|loader_tags)", 25
    )
    reverse_calls = sum(
        calls
        for (file, _, name), (_, calls, *_) in stats.stats.items()
        if name == "reverse" and file.endswith("django/urls/base.py")
    )
    return f"{text.getvalue()}\nreverse() calls per page: {reverse_calls / 5:.0f}\n"


def _fresh_postgresql(url: str, keep: bool) -> None:
    """Create the database `url` names, dropping it first unless `keep`."""
    import psycopg

    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as db:
        exists = db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and keep:
            return
        if exists:
            db.execute(f'DROP DATABASE "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')


def run(size: int, repeat: int, keep: bool, profile: str | None, pages: tuple[str, ...]) -> dict:
    """One size in a child process, against a fresh (or kept) database."""
    # The reader cache off: every page is rendered, as on a miss.
    env = {**os.environ, "DEBUG": "1", "REDIS_URL": "", "LOG_LEVEL": "WARNING"}
    env |= {"READER_CACHE_SECONDS": "0", "DJANGO_SETTINGS_MODULE": "bench.settings"}
    env["ALLOWED_HOSTS"] = "testserver"
    with tempfile.TemporaryDirectory() as tmp:
        base = os.environ.get("BENCH_DATABASE_URL")
        if base:
            env["DATABASE_URL"] = f"{base}_{size}"
            _fresh_postgresql(env["DATABASE_URL"], keep)
        else:
            folder = os.environ.get("BENCH_SQLITE_DIR", "/tmp") if keep else tmp
            env["DATABASE_URL"] = f"sqlite:///{folder}/newsroom-bench-{size}.sqlite3"
        command = [sys.executable, __file__, "--child", str(size), "--repeat", str(repeat)]
        command += ["--pages", *pages]
        out = subprocess.run(
            [*command, *(["--profile", profile] if profile else [])],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--keep", action="store_true", help="keep and reuse the databases")
    parser.add_argument(
        "--profile",
        nargs="?",
        const="first",
        choices=PAGES,
        help="profile the largest size: the first page, or the page named",
    )
    parser.add_argument(
        "--pages", nargs="+", choices=PAGES, default=list(PAGES), help="time only these pages"
    )
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.repeat, args.profile, tuple(args.pages))))
        return

    runs = []
    for size in args.sizes:
        began = time.perf_counter()
        profile = args.profile if size == args.sizes[-1] else None
        runs.append(run(size, args.repeat, args.keep, profile, tuple(args.pages)))
        fill = runs[-1]["fill_s"]
        print(
            f"{size:>9,} events ({runs[-1]['vendor']}): filled in {fill:.0f} s,"
            f" built and measured in {time.perf_counter() - began:.0f} s"
        )
    small, large = runs[0], runs[-1]
    print(
        f"\n{'page':<18}"
        + "".join(f"{r['size']:>13,} ev" for r in runs)
        + "  queries       ratio  /trivial"
    )
    worst = 0.0
    timed = [page for page in PAGES if page in small["pages"]]
    for page in timed:
        counts = {r["pages"][page]["queries"] for r in runs}
        ratio = large["pages"][page]["ms"] / small["pages"][page]["ms"]
        if page in SAME_COST:
            worst = max(worst, ratio)
        over = large["pages"][page]["ms"] / large["pages"]["trivial"]["ms"]
        cells = "".join(f"{r['pages'][page]['ms']:>13.1f} ms" for r in runs)
        same = "same" if len(counts) == 1 else "DIFFER"
        queries = f"{'/'.join(map(str, sorted(counts)))} {same}"
        print(f"{page:<18}{cells}  {queries:<12} {ratio:>5.2f}  {over:>7.1f}")
        if page == SAME_COST[-1]:
            print("-- adverse cases (target: ≤ 10× trivial)")
    sizes = f"{large['size']:,} / {small['size']:,} events"
    print(f"\nworst time ratio {sizes}, same-cost pages: {worst:.2f} (target ≤ 1.5)")
    trivial = large["pages"]["trivial"]["ms"]
    slowest = max(timed[:-1] or timed, key=lambda page: large["pages"][page]["ms"])
    at = f"{large['size']:,}"
    print(
        f"slowest page at {at} ({slowest}) / trivial view:"
        f" {large['pages'][slowest]['ms'] / trivial:.1f} (target ≤ 10)"
    )
    if "profile" in large:
        page = args.profile
        print(f"\nAn uncached page ({page}) at {at} events, profiled:\n{large['profile']}")


if __name__ == "__main__":
    main()
