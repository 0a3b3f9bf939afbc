"""Fill the database with synthetic confirmed events, for benchmarks and EXPLAIN tests.

    python manage.py fill_events 100000

Each event gets an article, a mention, an excerpt and a place; every tenth event is
in the published story «قصة الاختبار» (slug `bench`). Rows are written with
bulk_create in batches, so 100,000 events take seconds, not minutes. Never run it
on a newsroom's database: it only adds, but what it adds is fake.
"""

from collections.abc import Callable
from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, transaction

from timeline.event_kinds import EventKind
from timeline.models import Article, Event, EventSource, Mention, Place, Story
from timeline.progress import CommandProgress
from timeline.reader_cache import forget_reader_pages
from timeline.search import search_document

BATCH = 5_000
FIRST_DAY = date(1950, 1, 1)
LAST_DAY = date(2025, 12, 31)
# A small vocabulary, so that a search word matches a known share of the events.
SUBJECTS = ["لقاء الوزير", "اجتماع المجلس", "انتخابات البلدية", "قمة الرؤساء", "مفاوضات"]
GRANULARITIES = [Event.Granularity.DAY] * 8 + [Event.Granularity.MONTH, Event.Granularity.YEAR]


def _days(n: int, size: int, granularity: str) -> tuple[date, date]:
    first = FIRST_DAY + timedelta(days=n * (LAST_DAY - FIRST_DAY).days // size)
    if granularity == Event.Granularity.MONTH:
        first = first.replace(day=1)
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, following - timedelta(days=1)
    if granularity == Event.Granularity.YEAR:
        return date(first.year, 1, 1), date(first.year, 12, 31)
    return first, first


def fill_events(size: int, on_batch: Callable[[int], None] | None = None) -> None:
    """Add `size` confirmed events (with articles, mentions, sources, places, a story).

    `on_batch(count)` is called after each committed batch of `count` events.
    """
    places = Place.objects.bulk_create(
        [Place(name=f"مدينة {n}") for n in range(20)], ignore_conflicts=True
    )
    places = list(Place.objects.filter(name__in=[p.name for p in places]).order_by("id"))
    story, _ = Story.objects.get_or_create(
        slug="bench", defaults={"title": "قصة الاختبار", "published": True}
    )
    kinds = [k for k, _ in EventKind.choices]
    offset = Event.objects.count()
    for start in range(0, size, BATCH):
        with transaction.atomic():
            numbers = range(offset + start, offset + min(size, start + BATCH))
            articles = Article.objects.bulk_create(
                Article(
                    title=(title := f"مقال رقم {n}"),
                    search_text=search_document(title),
                    body=f"التقى الوزير رقم {n} نظيره يوم الأحد في مدينة {n % 20}.",
                    published=_days(n, offset + size, Event.Granularity.DAY)[0],
                    content_hash=f"fill-{n:059d}",
                    status=Article.Status.DONE,
                )
                for n in numbers
            )
            mentions = Mention.objects.bulk_create(
                Mention(article=a, start=27, end=36, text="يوم الأحد", type="DATE")
                for a in articles
            )
            events = []
            for n in numbers:
                granularity = GRANULARITIES[n % len(GRANULARITIES)]
                first, last = _days(n, offset + size, granularity)
                title = f"{SUBJECTS[n % len(SUBJECTS)]} رقم {n} في مدينة {n % 20}"
                events.append(
                    Event(
                        title=title,
                        # What `refresh_search_text` would store, without its queries.
                        search_text=search_document(
                            title,
                            [places[n % 20].name],
                            [f"التقى الوزير رقم {n} نظيره يوم الأحد في مدينة {n % 20}."],
                        ),
                        first_day=first,
                        last_day=last,
                        granularity=granularity,
                        kind=kinds[n % len(kinds)],
                        status=Event.Status.CONFIRMED,
                    )
                )
            events = Event.objects.bulk_create(events)
            EventSource.objects.bulk_create(
                EventSource(
                    event=e,
                    article=a,
                    mention=m,
                    excerpt=a.body,
                    highlight_start=27,
                    highlight_end=36,
                )
                for e, a, m in zip(events, articles, mentions, strict=True)
            )
            Event.places.through.objects.bulk_create(
                Event.places.through(event=e, place=places[n % 20])
                for n, e in zip(numbers, events, strict=True)
            )
            Story.events.through.objects.bulk_create(
                Story.events.through(story=story, event=e)
                for n, e in zip(numbers, events, strict=True)
                if n % 10 == 0
            )
        if on_batch is not None:
            on_batch(len(numbers))
    # Bulk writes send no signal: the readers' cached pages are told here.
    forget_reader_pages()
    # Fresh statistics, so that the planner sees the table as it now is.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


class Command(BaseCommand):
    help = "Add N synthetic confirmed events (benchmarks and EXPLAIN tests only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("size", type=int)

    def handle(self, *args, size: int, **options) -> None:
        if not 1 <= size <= 2_000_000:
            self.stderr.write("size must be between 1 and 2,000,000")
            raise SystemExit(2)
        with CommandProgress(self, "fill_events", size, "events") as progress:
            fill_events(size, on_batch=progress.advance)
        self.stdout.write(f"{size} events added")
