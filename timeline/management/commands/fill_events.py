"""Fill the database with synthetic confirmed events, for benchmarks and EXPLAIN tests.

    python manage.py fill_events 100000

    python manage.py fill_events 1000000 --sql

Each event gets an article, a mention, an excerpt and a place; every tenth event is
in the published story «قصة الاختبار» (slug `bench`); one event in RARE_EVERY is also
in the rare place «قرية نائية» (for the adverse cases of bench/timeline.py). Rows are
written with bulk_create in batches, so 100,000 events take seconds, not minutes.
`--sql` writes the same rows with INSERT … SELECT over a table of numbers, with no
Python per row: 1,000,000 events in a minute or two on SQLite or PostgreSQL. Never
run it on a newsroom's database: it only adds, but what it adds is fake.
"""

from collections.abc import Callable
from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandParser
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from timeline.event_kinds import EventKind
from timeline.models import Article, Event, EventSource, Mention, Place, Story
from timeline.pipeline.progress import CommandProgress
from timeline.reader_cache import forget_reader_pages
from timeline.search import search_document

BATCH = 5_000
FIRST_DAY = date(1950, 1, 1)
LAST_DAY = date(2025, 12, 31)
# A small vocabulary, so that a search word matches a known share of the events.
SUBJECTS = ["لقاء الوزير", "اجتماع المجلس", "انتخابات البلدية", "قمة الرؤساء", "مفاوضات"]
GRANULARITIES = [Event.Granularity.DAY] * 8 + [Event.Granularity.MONTH, Event.Granularity.YEAR]
# One event in RARE_EVERY (n % RARE_EVERY == RARE_AT) is also in RARE_PLACE: 20 at 1,000,000.
RARE_PLACE = "قرية نائية"
RARE_EVERY = 50_000
RARE_AT = 7


def _title(n: int) -> str:
    return f"{SUBJECTS[n % len(SUBJECTS)]} رقم {n} في مدينة {n % 20}"


def _body(n: int) -> str:
    return f"التقى الوزير رقم {n} نظيره يوم الأحد في مدينة {n % 20}."


def _places() -> tuple[list[Place], Place]:
    """The 20 common places (in order) and the rare one, created if missing."""
    names = [f"مدينة {n}" for n in range(20)]
    Place.objects.bulk_create(
        [Place(name=name) for name in [*names, RARE_PLACE]], ignore_conflicts=True
    )
    by_name = {p.name: p for p in Place.objects.filter(name__in=[*names, RARE_PLACE])}
    return [by_name[name] for name in names], by_name[RARE_PLACE]


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
    places, rare = _places()
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
                    body=_body(n),
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
                title = _title(n)
                events.append(
                    Event(
                        title=title,
                        # What `refresh_search_text` would store, without its queries.
                        search_text=search_document(
                            title,
                            [places[n % 20].name],
                            [_body(n)],
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
            Event.places.through.objects.bulk_create(
                Event.places.through(event=e, place=rare)
                for n, e in zip(numbers, events, strict=True)
                if n % RARE_EVERY == RARE_AT
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


# -- The same rows in SQL ---------------------------------------------------------
# Each batch is one INSERT … SELECT per table over `fill_numbers` (0–999, crossed with
# itself: n = high * 1000 + low), so the database makes the rows itself. What varies
# with n is written as SQL; what varies with n % 20 (the title's subject and place,
# hence the folded search_text) comes from `fill_patterns`, made in Python by the
# same functions as above with SENTINEL where the number goes.
SQL_BATCH = 100_000
SENTINEL = "9876543210"

# The dialects differ only in date arithmetic. {day} is a date expression.
_DATES = {
    "postgresql": {
        "day": "(DATE '{start}' + CAST({offset} AS INTEGER))",
        "month_first": "CAST(date_trunc('month', {day}) AS DATE)",
        "month_last": "CAST(date_trunc('month', {day}) + INTERVAL '1 month - 1 day' AS DATE)",
        "year_first": "CAST(date_trunc('year', {day}) AS DATE)",
        "year_last": "CAST(date_trunc('year', {day}) + INTERVAL '1 year - 1 day' AS DATE)",
    },
    "sqlite": {
        "day": "date('{start}', '+' || ({offset}) || ' days')",
        "month_first": "date({day}, 'start of month')",
        "month_last": "date({day}, 'start of month', '+1 month', '-1 day')",
        "year_first": "date({day}, 'start of year')",
        "year_last": "date({day}, 'start of year', '+1 year', '-1 day')",
    },
}


def _numbers_sql() -> str:
    # i: 0-based within this fill; n: the event's number over the table (offset + i).
    return (
        "SELECT h.n * 1000 + l.n AS i FROM fill_numbers h, fill_numbers l "
        "WHERE h.n >= %s AND h.n < %s AND h.n * 1000 + l.n < %s"
    )


def _case(expression: str, values: list[str]) -> tuple[str, list[str]]:
    """CASE expression WHEN 0 THEN values[0] … as SQL with parameters."""
    whens = " ".join(f"WHEN {k} THEN %s" for k in range(len(values)))
    return f"CASE {expression} {whens} END", list(values)


def fill_events_sql(size: int, on_batch: Callable[[int], None] | None = None) -> None:
    """What `fill_events` adds, written by the database: no Python per row."""
    places, rare = _places()
    story, _ = Story.objects.get_or_create(
        slug="bench", defaults={"title": "قصة الاختبار", "published": True}
    )
    kinds = [k for k, _ in EventKind.choices]
    offset = Event.objects.count()
    total = offset + size
    span = (LAST_DAY - FIRST_DAY).days
    dates = _DATES[connection.vendor]
    adapt = connection.ops.adapt_datetimefield_value
    now = adapt(timezone.now())

    def day_of(n: str) -> str:
        # What `_days` computes: FIRST_DAY + n * span // total days.
        return dates["day"].format(
            start=FIRST_DAY.isoformat(), offset=f"CAST({n} AS BIGINT) * {span} / {total}"
        )

    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE fill_numbers (n INTEGER PRIMARY KEY)")
        cursor.executemany("INSERT INTO fill_numbers (n) VALUES (%s)", [(k,) for k in range(1000)])
        cursor.execute(
            "CREATE TEMPORARY TABLE fill_patterns (r INTEGER PRIMARY KEY, title TEXT, "
            "body TEXT, article_search TEXT, event_search TEXT, place_id BIGINT)"
        )
        cursor.executemany(
            "INSERT INTO fill_patterns VALUES (%s, %s, %s, %s, %s, %s)",
            [
                (
                    r,
                    # Numbers r + 20k all share the pattern of r: SENTINEL stands for n.
                    _title(r).replace(f"رقم {r} ", f"رقم {SENTINEL} "),
                    _body(r).replace(f"رقم {r} ", f"رقم {SENTINEL} "),
                    search_document(f"مقال رقم {SENTINEL}"),
                    search_document(
                        _title(r).replace(f"رقم {r} ", f"رقم {SENTINEL} "),
                        [places[r].name],
                        [_body(r).replace(f"رقم {r} ", f"رقم {SENTINEL} ")],
                    ),
                    places[r].pk,
                )
                for r in range(20)
            ],
        )
        # Rows are given their ids (the current maximum + 1 + i), so that a source
        # finds its event, article and mention without a lookup.
        base = {}
        for model in (Article, Mention, Event):
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {model._meta.db_table}")
            base[model] = cursor.fetchone()[0]
        n = f"({offset} + i)"
        granularity = f"({n} %% {len(GRANULARITIES)})"
        day = day_of(n)
        first = (
            f"CASE WHEN {granularity} = 8 THEN {dates['month_first'].format(day=day)} "
            f"WHEN {granularity} = 9 THEN {dates['year_first'].format(day=day)} ELSE {day} END"
        )
        last = (
            f"CASE WHEN {granularity} = 8 THEN {dates['month_last'].format(day=day)} "
            f"WHEN {granularity} = 9 THEN {dates['year_last'].format(day=day)} ELSE {day} END"
        )
        kind_sql, kind_params = _case(f"({n} %% {len(kinds)})", kinds)
        grain_sql, grain_params = _case(granularity, [str(g) for g in GRANULARITIES])
        number = f"CAST({n} AS TEXT)"
        padded = f"'{'0' * 59}' || {number}"  # f"{n:059d}"
        for start in range(0, size, SQL_BATCH):
            stop = min(size, start + SQL_BATCH)
            rows = [start // 1000, (stop + 999) // 1000, stop]
            numbers = (
                f"FROM ({_numbers_sql()}) numbers JOIN fill_patterns p ON p.r = {n} %% 20"
                " WHERE i >= %s"
            )
            with transaction.atomic():
                cursor.execute(
                    "INSERT INTO timeline_article (id, title, body, url, published, content_hash,"
                    " status, error, extractor_version, created_at, updated_at, search_text)"
                    f" SELECT {base[Article]} + 1 + i, 'مقال رقم ' || {number},"
                    f" REPLACE(p.body, '{SENTINEL}', {number}), '', {day},"
                    f" 'fill-' || SUBSTR({padded}, LENGTH({padded}) - 58),"
                    f" %s, '', '', %s, %s, REPLACE(p.article_search, '{SENTINEL}', {number})"
                    f" {numbers}",
                    [Article.Status.DONE, now, now, *rows, start],
                )
                cursor.execute(
                    'INSERT INTO timeline_mention (id, start, "end", text, type, anchored,'
                    " article_id)"
                    f" SELECT {base[Mention]} + 1 + i, 27, 36, 'يوم الأحد', 'DATE', %s,"
                    f" {base[Article]} + 1 + i {numbers}",
                    [False, *rows, start],
                )
                cursor.execute(
                    "INSERT INTO timeline_event (id, title, first_day, last_day, granularity,"
                    " kind, status, edited_by_editor, created_at, updated_at, search_text,"
                    " salience)"
                    f" SELECT {base[Event]} + 1 + i, REPLACE(p.title, '{SENTINEL}', {number}),"
                    f" {first}, {last}, {grain_sql}, {kind_sql}, %s, %s, %s, %s,"
                    f" REPLACE(p.event_search, '{SENTINEL}', {number}), 0.0 {numbers}",
                    [
                        *grain_params,
                        *kind_params,
                        Event.Status.CONFIRMED,
                        False,
                        now,
                        now,
                        *rows,
                        start,
                    ],
                )
                cursor.execute(
                    "INSERT INTO timeline_eventsource (excerpt, highlight_start, highlight_end,"
                    " article_id, event_id, mention_id, salience)"
                    f" SELECT REPLACE(p.body, '{SENTINEL}', {number}), 27, 36,"
                    f" {base[Article]} + 1 + i, {base[Event]} + 1 + i, {base[Mention]} + 1 + i,"
                    f" 0.0 {numbers}",
                    [*rows, start],
                )
                cursor.execute(
                    "INSERT INTO timeline_event_places (event_id, place_id)"
                    f" SELECT {base[Event]} + 1 + i, p.place_id {numbers}",
                    [*rows, start],
                )
                cursor.execute(
                    "INSERT INTO timeline_event_places (event_id, place_id)"
                    f" SELECT {base[Event]} + 1 + i, %s {numbers}"
                    f" AND {n} %% {RARE_EVERY} = {RARE_AT}",
                    [rare.pk, *rows, start],
                )
                cursor.execute(
                    "INSERT INTO timeline_story_events (story_id, event_id)"
                    f" SELECT %s, {base[Event]} + 1 + i {numbers} AND {n} %% 10 = 0",
                    [story.pk, *rows, start],
                )
            if on_batch is not None:
                on_batch(stop - start)
        cursor.execute("DROP TABLE fill_numbers")
        cursor.execute("DROP TABLE fill_patterns")
        # The sequences of the tables given explicit ids move past them (PostgreSQL).
        for sql in connection.ops.sequence_reset_sql(no_style(), [Article, Mention, Event]):
            cursor.execute(sql)
        cursor.execute("ANALYZE")


class Command(BaseCommand):
    help = "Add N synthetic confirmed events (benchmarks and EXPLAIN tests only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("size", type=int)
        parser.add_argument(
            "--sql",
            action="store_true",
            help="write the rows with INSERT … SELECT in the database (fast, same rows)",
        )

    def handle(self, *args, size: int, sql: bool = False, **options) -> None:
        if not 1 <= size <= 2_000_000:
            self.stderr.write("size must be between 1 and 2,000,000")
            raise SystemExit(2)
        with CommandProgress(self, "fill_events", size, "events") as progress:
            (fill_events_sql if sql else fill_events)(size, on_batch=progress.advance)
        self.stdout.write(f"{size} events added")
