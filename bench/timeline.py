"""Benchmark the reader timeline: does a page cost the same with 100,000 events as with 1,000?

Run: ``python bench/timeline.py [--sizes 1000 100000] [--repeat 25]``. Not part of the
test suite. For each size it builds a fresh SQLite database (in a child process, one
at a time: sized for a 2-core machine), fills it with confirmed events, each with a
source article, a mention and a place, then renders through the whole Django stack
the first page, a filtered page (kind + search + date), a deep page (a cursor 90%
of the way in), the axis at its widest over the densest stretch, a common and a
one-match search, and a trivial view (bench/urls.py), with the reader cache off and
statistics gathered (ANALYZE) on every database. It prints the SQL queries and the
median time per page, the ratio of the largest size's time to the smallest's, and
the slowest page over the trivial view. Targets: same query counts, ratio ≤ 1.5,
≤ 10× the trivial view.
Set BENCH_DATABASE_URL to a PostgreSQL URL prefix (…/bench) to run there instead.
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
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAGES = ("first", "filtered", "deep", "axis", "search", "rare search", "trivial")


def child(size: int, repeat: int) -> dict:
    """Fill this process's database with `size` events and time the pages."""
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from timeline.event_kinds import EventKind
    from timeline.models import Article, Event, EventSource, Mention, Place
    from timeline.reader_filters import NEWS_ORDER, format_news_cursor
    from timeline.search import search_document

    call_command("migrate", verbosity=0)
    places = Place.objects.bulk_create(Place(name=f"مدينة {n}") for n in range(20))
    kinds = [k for k, _ in EventKind.choices]
    start = date(1950, 1, 1)
    span = (date(2025, 12, 31) - start).days
    batch = 5_000
    for offset in range(0, size, batch):
        numbers = range(offset, min(size, offset + batch))
        articles = Article.objects.bulk_create(
            Article(
                title=f"مقال رقم {n}",
                body=f"التقى الوزير رقم {n} نظيره يوم الأحد في مدينة {n % 20}.",
                published=start + timedelta(days=n * span // size),
                content_hash=f"{n:064d}",
                status=Article.Status.DONE,
            )
            for n in numbers
        )
        mentions = Mention.objects.bulk_create(
            Mention(article=a, start=27, end=36, text="يوم الأحد", type="DATE") for a in articles
        )
        events = Event.objects.bulk_create(
            Event(
                title=(title := f"لقاء الوزير رقم {n} في مدينة {n % 20}"),
                search_text=search_document(title, [f"مدينة {n % 20}"]),
                first_day=(day := start + timedelta(days=n * span // size)),
                last_day=day,
                kind=kinds[n % len(kinds)],
                status=Event.Status.CONFIRMED,
            )
            for n in numbers
        )
        EventSource.objects.bulk_create(
            EventSource(
                event=e, article=a, mention=m, excerpt=a.body, highlight_start=27, highlight_end=36
            )
            for e, a, m in zip(events, articles, mentions, strict=True)
        )
        Event.places.through.objects.bulk_create(
            Event.places.through(event=e, place=places[n % 20])
            for n, e in zip(numbers, events, strict=True)
        )
    # Statistics on every database: PostgreSQL's autovacuum has not run yet either.
    connection.cursor().execute("ANALYZE")
    deep = Event.objects.order_by(*NEWS_ORDER)[size * 9 // 10]
    urls = {
        "first": "/",
        # Selective enough to skip most rows, loose enough to fill a page at 1,000 too
        # (a page with fewer cards renders faster and would flatter the small size).
        "filtered": f"/?kind={kinds[0]}&q=الوزير&start=1960-01-01",
        "deep": f"/?after={format_news_cursor(deep)}",
        # The widest zoom over the densest stretch: every event of 50 years counted.
        "axis": "/?zoom=decades&at=1990-01-01",
        "search": "/?q=لقاء",
        # One event's number: a search with a single match (the adverse case).
        "rare search": f"/?q={size // 2}",
        "trivial": "/bench/trivial",
    }
    client = Client()
    results = {}
    for name, url in urls.items():
        response = client.get(url)  # warm up
        assert response.status_code == 200, url
        assert name == "trivial" or b"event-card" in response.content, url
        reset_queries()  # each request clears the log; count from empty
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        times = []
        for _ in range(repeat):
            began = time.perf_counter()
            client.get(url)
            times.append(time.perf_counter() - began)
        results[name] = {"queries": len(queries), "ms": 1000 * statistics.median(times)}
    return {"size": size, "vendor": connection.vendor, "pages": results}


def run(size: int, repeat: int) -> dict:
    """One size in a child process against a fresh database."""
    # The reader cache off: every page is rendered, as on a miss.
    env = {**os.environ, "DEBUG": "1", "REDIS_URL": "", "LOG_LEVEL": "WARNING"}
    env |= {"READER_CACHE_SECONDS": "0", "DJANGO_SETTINGS_MODULE": "bench.settings"}
    env["ALLOWED_HOSTS"] = "testserver"
    with tempfile.TemporaryDirectory() as tmp:
        base = os.environ.get("BENCH_DATABASE_URL")
        env["DATABASE_URL"] = f"{base}_{size}" if base else f"sqlite:///{tmp}/bench.sqlite3"
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(size), "--repeat", str(repeat)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 100_000])
    parser.add_argument("--repeat", type=int, default=25)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.repeat)))
        return

    runs = []
    for size in args.sizes:
        began = time.perf_counter()
        runs.append(run(size, args.repeat))
        print(f"{size:>7,} events: built and measured in {time.perf_counter() - began:.0f} s")
    print(f"\n{'page':<10}" + "".join(f"{r['size']:>12,} ev" for r in runs) + "   queries   ratio")
    small, large = runs[0], runs[-1]
    worst = 0.0
    for page in PAGES:
        counts = {r["pages"][page]["queries"] for r in runs}
        ratio = large["pages"][page]["ms"] / small["pages"][page]["ms"]
        worst = max(worst, ratio)
        cells = "".join(f"{r['pages'][page]['ms']:>12.1f} ms" for r in runs)
        same = "same" if len(counts) == 1 else "DIFFER"
        print(f"{page:<10}{cells}   {'/'.join(map(str, sorted(counts)))} {same}   {ratio:.2f}")
    sizes = f"{large['size']:,} / {small['size']:,} events"
    print(f"\nworst time ratio {sizes}: {worst:.2f} (target ≤ 1.5)")
    trivial = large["pages"]["trivial"]["ms"]
    slowest = max(large["pages"][page]["ms"] for page in PAGES)
    at = f"{large['size']:,}"
    print(f"slowest page / trivial view at {at}: {slowest / trivial:.1f} (target ≤ 10)")


if __name__ == "__main__":
    main()
