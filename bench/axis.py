"""The axis alone: counted from the counts tables vs grouped over the window's events.

Run against a filled database (bench/timeline.py --keep leaves one):
``DATABASE_URL=sqlite:////tmp/newsroom-bench-1000000.sqlite3 python bench/axis.py``.
For each zoom over the bench's densest stretch it prints the events in the window and
the median time (and queries) of `axis_for` both ways, for readers (confirmed events).
"""

import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

WINDOWS = [
    ("decades", date(1990, 1, 1)),
    ("years", date(1990, 1, 1)),
    ("months", date(1990, 6, 15)),
    ("days", date(1990, 6, 15)),
]


def main(repeat: int = 9) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from timeline.event_counts import CountScope
    from timeline.models import Event
    from timeline.reader.axis import axis_for, window_at

    size = Event.objects.count()
    for zoom, at in WINDOWS:
        window = window_at(zoom, at)
        cells, total = [], 0
        for label, scope in (("tables", CountScope((Event.Status.CONFIRMED,))), ("grouped", None)):
            axis_for(Event.objects.public(), window, "", scope)  # warm up
            times = []
            for _ in range(repeat):
                began = time.perf_counter()
                with CaptureQueriesContext(connection) as queries:
                    total = axis_for(Event.objects.public(), window, "", scope).total
                times.append(1000 * (time.perf_counter() - began))
            cells.append(f"{label} {statistics.median(times):7.1f} ms ({len(queries)} q)")
        print(
            f"{connection.vendor:10} {size:>9,} events  {zoom:8} {total:>7,} in the window  "
            + "  ".join(cells)
        )


if __name__ == "__main__":
    main()
