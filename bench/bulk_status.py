"""Benchmark bulk confirm/reject: one UPDATE and bulk history against one save per event.

Run: ``DATABASE_URL=… python bench/bulk_status.py [--size 10000]`` on a scratch
database (it adds `size` candidate events, then deletes them). Times `set_status`
confirming `size` events, then the way it worked before (each event saved, one
history record at a time) on a tenth of them, in the same run; prints both, per
event and in total, and the ratio. Target: `size` = 10,000 in under 2 s.
"""

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    args = parser.parse_args()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from timeline.actions import set_status
    from timeline.models import Event

    call_command("migrate", verbosity=0)
    tag = f"bench-bulk-{time.time_ns()}"

    def make(count: int) -> list[int]:
        events = Event.objects.bulk_create(
            Event(title=f"{tag} {n}", first_day=date(2025, 1, 1), last_day=date(2025, 1, 1))
            for n in range(count)
        )
        return [event.pk for event in events]

    ids = make(args.size)
    began = time.perf_counter()
    changed = set_status(Event.objects.filter(pk__in=ids), Event.Status.CONFIRMED)
    bulk = time.perf_counter() - began
    assert changed == args.size

    # Before: every event saved on its own, each save writing its history record.
    few = make(args.size // 10)
    began = time.perf_counter()
    for event in Event.objects.filter(pk__in=few):
        event.status = Event.Status.CONFIRMED
        event.save(update_fields=["status", "updated_at"])
    one_by_one = time.perf_counter() - began

    Event.history.filter(title__startswith=tag).delete()
    Event.objects.filter(title__startswith=tag).delete()
    per_bulk, per_row = bulk / args.size, one_by_one / len(few)
    print(f"{connection.vendor}: set_status on {args.size:,} events: {bulk:.2f} s")
    print(f"  per event: bulk {1e3 * per_bulk:.3f} ms, one by one {1e3 * per_row:.3f} ms")
    print(f"  one by one / bulk per event: {per_row / per_bulk:.1f}×")
    print(f"  {args.size:,} one by one would take ≈ {per_row * args.size:.1f} s")


if __name__ == "__main__":
    main()
