"""Benchmark search on the database DATABASE_URL names: common, rare and missing words.

Run: ``DATABASE_URL=postgres://…/DB python bench/search.py --size 100000`` (fills the
database with `fill_events` up to `size` events if it holds fewer; use a scratch
database). With the reader cache off, it times through the whole Django stack the
timeline with a search for a word in 20% of the events, in one event, and in none,
the adverse cases (a rare place with a rare word; two years), the same on /api/events
and the TimelineJS export, and /bench/trivial. Prints the median milliseconds, the
query count and the ratio to `/` (the page with no search).
"""

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")  # with /bench/trivial
os.environ["READER_CACHE_SECONDS"] = "0"
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECRET_KEY", "bench-only")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from timeline.models import Event

    call_command("migrate", verbosity=0)
    missing = args.size - Event.objects.count()
    if missing > 0:
        call_command("fill_events", str(missing))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    # The event's number: in its title, its excerpt and nowhere else.
    rare = re.search(r"\d{3,}", Event.objects.order_by("id")[args.size // 2].title).group()
    urls = {
        "no search": "/",
        "common word": "/?q=مفاوضات",
        "one event": f"/?q={rare}",
        "no match": "/?q=لاشيءيطابق",
        # The adverse cases of issue 14: a rare place with a rare word, two years.
        "place + rare": f"/?place=مدينة {int(rare) % 20}&q={rare}",
        "two years": "/?start=2000-01-01&end=2001-12-31",
        "api common": "/api/events?q=مفاوضات",
        "api one": f"/api/events?q={rare}",
        "export rare": f"/timeline.json?place=مدينة {int(rare) % 20}&q={rare}",
        "trivial": "/bench/trivial",
    }
    client = Client()
    base = None
    print(f"{Event.objects.count():,} events on {connection.vendor}")
    for name, url in urls.items():
        assert client.get(url).status_code == 200, url
        reset_queries()  # each request clears the log; count from empty
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        times = []
        for _ in range(args.repeat):
            began = time.perf_counter()
            client.get(url)
            times.append(1000 * (time.perf_counter() - began))
        ms = statistics.median(times)
        base = base or ms
        print(f"{name:<12} {ms:8.1f} ms  {len(queries):3} queries  ×{ms / base:.2f}  {url}")


if __name__ == "__main__":
    main()
