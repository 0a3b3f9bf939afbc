"""The timeline's horizontal axis: a window of time at a zoom level, and the events in it.

A window is named by its zoom level and the day at its centre (`?zoom=years&at=2020-06-01`),
so every view of the axis is a link. Positions are percentages from the earliest end,
which CSS puts on the right in Arabic (`inset-inline-start`).
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db import connection
from django.db.models import (
    Count,
    DateField,
    F,
    FilteredRelation,
    Func,
    Q,
    QuerySet,
    Value,
)
from django.db.models.functions import Greatest
from django.utils.translation import gettext_lazy as _

from timeline import event_counts
from timeline.event_counts import CountScope
from timeline.event_kinds import EventKind
from timeline.models import Event, EventDayCount, EventMonthCount
from timeline.reader.dates import DateStyle, month_name, with_digits

# Widest first. Each level: how much time the window shows and where its ticks fall.
ZOOM_LEVELS = ("decades", "years", "months", "days")
DEFAULT_ZOOM = "years"
ZOOM_LABELS = {"decades": _("عقود"), "years": _("سنوات"), "months": _("أشهر"), "days": _("أيام")}


@dataclass(frozen=True)
class Window:
    zoom: str
    start: date  # first day shown
    end: date  # first day after the window
    at: date  # the centre the reader asked for

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @property
    def label(self) -> str:
        return str(ZOOM_LABELS[self.zoom])

    @property
    def zoom_in(self) -> str | None:
        index = ZOOM_LEVELS.index(self.zoom)
        return ZOOM_LEVELS[index + 1] if index + 1 < len(ZOOM_LEVELS) else None

    @property
    def zoom_out(self) -> str | None:
        index = ZOOM_LEVELS.index(self.zoom)
        return ZOOM_LEVELS[index - 1] if index > 0 else None

    @property
    def earlier(self) -> date:
        """Centre of the window half a window earlier (panning)."""
        return _clamp(self.at - timedelta(days=self.days // 2))

    @property
    def later(self) -> date:
        return _clamp(self.at + timedelta(days=self.days // 2))


def _clamp(day: date) -> date:
    # Keeps window arithmetic inside what `date` can hold.
    return min(max(day, date(100, 1, 1)), date(9800, 12, 31))


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def window_at(zoom: str, at: date) -> Window:
    """The window of a zoom level around a day, its ends on round boundaries."""
    at = _clamp(at)
    match zoom:
        case "decades":
            first_year = (at.year - 25) // 10 * 10
            start, end = date(first_year, 1, 1), date(first_year + 50, 1, 1)
        case "years":
            start, end = date(at.year - 6, 1, 1), date(at.year + 6, 1, 1)
        case "months":
            start = _add_months(at.replace(day=1), -6)
            end = _add_months(start, 12)
        case "days":
            start = at - timedelta(days=14)
            end = start + timedelta(days=28)
        case _:
            raise ValueError(f"unknown zoom level {zoom!r}")
    return Window(zoom=zoom, start=start, end=end, at=at)


def fit_window(first_day: date, last_day: date) -> Window:
    """The closest zoom whose window, centred between the two days, shows both."""
    middle = first_day + (last_day - first_day) / 2
    for zoom in reversed(ZOOM_LEVELS):
        window = window_at(zoom, middle)
        if window.start <= first_day and last_day < window.end:
            return window
    return window_at(ZOOM_LEVELS[0], middle)


def parse_day(value: str | None) -> date | None:
    """«2025-07-20» → that day; None if absent or malformed."""
    if not value or len(value) > 10:
        return None
    try:
        return _clamp(date.fromisoformat(value))
    except ValueError:
        return None


def parse_window(zoom: str | None, at: str | None) -> Window | None:
    """The window a URL names, or None when it names none (or names it badly)."""
    day = parse_day(at)
    if zoom not in ZOOM_LEVELS or day is None:
        return None
    return window_at(zoom, day)


@dataclass(frozen=True)
class Tick:
    offset: float  # percent from the earliest end
    label: str  # empty for a minor tick


def ticks(window: Window, style: DateStyle) -> list[Tick]:
    """Round dates along the window: decades, years, months or days."""
    marks: list[tuple[date, str]] = []
    match window.zoom:
        case "decades":
            marks = [(date(y, 1, 1), str(y)) for y in range(window.start.year, window.end.year, 10)]
        case "years":
            marks = [(date(y, 1, 1), str(y)) for y in range(window.start.year, window.end.year)]
        case "months":
            day = window.start
            while day < window.end:
                label = month_name(day.month, style)
                if day.month == 1 or day == window.start:
                    label = f"{label} {day.year}"
                marks.append((day, label))
                day = _add_months(day, 1)
        case "days":
            for n in range(window.days):
                day = window.start + timedelta(days=n)
                label = f"{day.day} {month_name(day.month, style)}" if n % 7 == 0 else ""
                marks.append((day, label))
    return [Tick(_offset(window, day), with_digits(label, style)) for day, label in marks]


def _offset(window: Window, day: date) -> float:
    return round(100 * (day - window.start).days / window.days, 3)


@dataclass(frozen=True)
class AxisMark:
    event: Event
    offset: float  # percent from the earliest end (the right, in RTL)
    length: float  # percent of the axis the event's days cover
    is_point: bool
    # Which ends fade because the article was vague: "start", "end" or "both".
    fuzzy: str


# START/MID/END narrow a period but its edges stay uncertain; APPROX blurs both.
_FUZZY_ENDS = {"START": "end", "MID": "both", "END": "start", "APPROX": "both"}


def place_on_axis(events: Sequence[Event], window: Window) -> list[AxisMark]:
    """Marks for the events, clipped to the window: points for days, bars for the rest."""
    marks = []
    for event in events:
        first = max(event.first_day, window.start)
        last = min(event.last_day, window.end - timedelta(days=1))
        if first > last:
            continue
        days = (last - first).days + 1
        is_point = event.granularity == Event.Granularity.DAY
        marks.append(
            AxisMark(
                event=event,
                offset=_offset(window, first),
                length=round(100 * days / window.days, 3),
                is_point=is_point,
                fuzzy="" if is_point else _FUZZY_ENDS.get(event.mod or "", ""),
            )
        )
    return marks


# -- Density: the whole window, counted in the database ---------------------------------

# How the window is cut into buckets at each zoom: 50, 48, 53 or 28 of them, so that
# at a desktop width a bucket is about 25 px (the script merges more on phones). The
# first day of a date's bucket in SQL, {x} the date: PostgreSQL's date_trunc unit (it
# gives a timestamp: the day it begins), and SQLite's own date functions (Django's
# Trunc calls a Python function per row there); weeks begin on Monday on both.
_POSTGRESQL_BUCKETS = {"decades": "year", "years": "quarter", "months": "week", "days": "day"}
_SQLITE_BUCKETS = {
    "decades": "date({x}, 'start of year')",
    "years": "date({x}, 'start of month',"
    " '-' || ((CAST(strftime('%%m', {x}) AS INTEGER) - 1) %% 3) || ' months')",
    "months": "date({x}, 'weekday 0', '-6 days')",
    "days": "date({x})",
}
# Zooms whose buckets are whole months (years, quarters): counted by month.
_BY_MONTH = ("decades", "years")
# Events that began this long before the window still count on the axis; older long
# spans are left off so the query stays a bounded index range scan.
AXIS_LOOKBACK = timedelta(days=400)
# Up to this many events in the window, each bucket of one event is drawn as its mark.
SPARSE_LIMIT = 60


@dataclass(frozen=True)
class Cluster:
    """Events starting in one bucket of the window, counted by kind."""

    start: date  # first day of the bucket, inside the window
    end: date  # last day of the bucket, inside the window
    count: int
    kinds: tuple[tuple[str, int], ...]  # (kind, count), most frequent first
    offset: float  # percent from the earliest end, the bucket's middle

    @property
    def kind(self) -> str:
        return self.kinds[0][0]


@dataclass(frozen=True)
class Lane:
    """One row of the axis (vis-timeline's group): the events of one kind or story."""

    key: str  # the kind, the story's id, OTHER_LANE or OUTSIDE_LANE
    label: str
    count: int  # events placed in this row
    marks: list[AxisMark]
    clusters: list[Cluster]


@dataclass(frozen=True)
class Axis:
    marks: list[AxisMark]  # events alone in their bucket
    clusters: list[Cluster]  # buckets of several events (of every event, when dense)
    total: int  # events in the window: the sum of both
    lanes: list[Lane] = field(default_factory=list)  # rows, when the reader asks for them

    @property
    def has_clusters(self) -> bool:
        return bool(self.clusters) or any(lane.clusters for lane in self.lanes)


def _bucket_end(window: Window, start: date) -> date:
    match window.zoom:
        case "decades":
            following = date(start.year + 1, 1, 1) if start.year < 9999 else start
        case "years":
            following = _add_months(start, 3)
        case "months":
            following = start + timedelta(days=7)
        case _:
            following = start + timedelta(days=1)
    return min(following, window.end) - timedelta(days=1)


def in_window(events: QuerySet[Event], window: Window) -> QuerySet[Event]:
    """The events the axis shows: those that overlap the window (within the lookback)."""
    return events.filter(
        first_day__gte=window.start - AXIS_LOOKBACK,
        first_day__lt=window.end,
        last_day__gte=window.start,
    )


# Lanes: `?lanes=kind` or `?lanes=story`. At most MAX_LANES rows, the busiest first;
# the rest fold into one «أخرى» row. Events in no (published) story get the last row.
LANE_CHOICES = ("kind", "story")
MAX_LANES = 8
OTHER_LANE = "other-lanes"
OUTSIDE_LANE = "no-story"


class BucketStart(Func):
    """The first day of the bucket a date falls in, at a zoom level."""

    output_field = DateField()

    def __init__(self, expression: Any, zoom: str) -> None:
        super().__init__(expression)
        self.zoom = zoom

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, Any]:  # type: ignore[override]
        sql, params = compiler.compile(self.get_source_expressions()[0])
        template = _bucket_template(self.zoom, connection.vendor)
        return template.replace("{x}", f"({sql})"), tuple(params) * template.count("{x}")


def counted_by_bucket(
    shown: QuerySet[Event], window: Window, lanes: str = ""
) -> list[dict[str, Any]]:
    """The window's events counted in the database: one GROUP BY over the window, by
    bucket and kind (and by story with `lanes="story"`: a LEFT JOIN on published
    stories, an event in two stories counting in both rows). Rows of bucket, kind,
    n, and for stories lane (the story's id or None) and title."""
    day = Greatest(F("first_day"), Value(window.start), output_field=DateField())
    rows = shown.order_by()
    fields = ["bucket", "kind"]
    if lanes == "story":
        rows = rows.annotate(
            published_story=FilteredRelation("stories", condition=Q(stories__published=True)),
            lane=F("published_story__id"),
            lane_title=F("published_story__title"),
        )
        fields += ["lane", "lane_title"]
    return list(
        rows.annotate(bucket=BucketStart(day, window.zoom)).values(*fields).annotate(n=Count("id"))
    )


def counted_from_tables(scope: CountScope, window: Window) -> list[dict[str, Any]]:
    """What `counted_by_bucket` counts, read from the counts the database keeps
    (timeline/event_counts.py) instead of the events: rows of bucket, kind, n.

    One query over a few thousand rows at most, however many events: the window's
    months (or, at the weeks' and days' zooms, its days), and the events that began
    in the lookback and reach into the window. Those all span several days, so the
    partial index `event_day_count_spans` holds them alone; their bucket is the first.
    (Not a UNION at the days' zooms: PostgreSQL runs that one in parallel workers,
    whose start costs more than the query.)

    Plain SQL, for the two databases that keep the tables (event_counts.maintained):
    built as querysets, these took longer to build and compile than to run.
    """
    if scope.statuses == ():
        return []
    day = connection.ops.adapt_datefield_value
    scoped, scope_params = "", []
    if scope.statuses is not None:
        scoped += f"status IN ({', '.join(['%s'] * len(scope.statuses))}) AND "
        scope_params += list(scope.statuses)
    if scope.kind:
        scoped += "kind = %s AND "
        scope_params.append(scope.kind)
    # Begun in the lookback, reaching into the window: counted in its first bucket.
    reaching_in = "first_day >= %s AND first_day < %s AND last_day >= %s AND first_day < last_day"
    reaching_params = [day(window.start - AXIS_LOOKBACK), day(window.start), day(window.start)]
    if window.zoom not in _BY_MONTH or window.start.day != 1 or window.end.day != 1:
        # One scan of the days (the window's and the spans reaching in: an OR of two
        # index ranges), grouped as the events would be.
        greatest = "MAX" if connection.vendor == "sqlite" else "GREATEST"
        bucket = _bucket_sql(f"{greatest}(first_day, %s)", window.zoom)
        sql = (
            f"SELECT {bucket}, kind, SUM(n) FROM {EventDayCount._meta.db_table}"
            f" WHERE {scoped}((first_day >= %s AND first_day < %s) OR ({reaching_in}))"
            " GROUP BY 1, 2"
        )
        params = [
            *[day(window.start)] * bucket.count("%s"),
            *scope_params,
            day(window.start),
            day(window.end),
            *reaching_params,
        ]
    else:
        bucket = _bucket_sql("month", window.zoom)
        sql = (
            f"SELECT %s, kind, SUM(n) FROM {EventDayCount._meta.db_table}"
            f" WHERE {scoped}{reaching_in} GROUP BY kind"
            f" UNION ALL SELECT {bucket}, kind, SUM(n) FROM {EventMonthCount._meta.db_table}"
            f" WHERE {scoped}month >= %s AND month < %s GROUP BY 1, 2"
        )
        params = [
            day(window.start),
            *scope_params,
            *reaching_params,
            *scope_params,
            day(window.start),
            day(window.end),
        ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [{"bucket": b, "kind": kind, "n": n} for b, kind, n in cursor.fetchall()]


def _bucket_template(zoom: str, vendor: str) -> str:
    """The first day of the bucket of the date {x} at `zoom`, in the SQL of `vendor`
    (SQLite or PostgreSQL): what BucketStart writes."""
    if vendor == "sqlite":
        return _SQLITE_BUCKETS[zoom]
    return f"CAST(DATE_TRUNC('{_POSTGRESQL_BUCKETS[zoom]}', {{x}}) AS date)"


def _bucket_sql(day: str, zoom: str) -> str:
    """BucketStart of the SQL date `day`, in SQL, on SQLite or PostgreSQL."""
    return _bucket_template(zoom, connection.vendor).replace("{x}", f"({day})")


def _bucket_start(day: date, zoom: str) -> date:
    """BucketStart in Python: the first day of the bucket a day falls in."""
    match zoom:
        case "decades":
            return date(day.year, 1, 1)
        case "years":
            return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
        case "months":
            return day - timedelta(days=day.weekday())  # weeks begin on Monday
        case _:
            return day


def _is_in_window(event: Event, window: Window) -> bool:
    """`in_window` for one event."""
    return (
        window.start - AXIS_LOOKBACK <= event.first_day < window.end
        and event.last_day >= window.start
    )


def counted_in_python(events: Sequence[Event], window: Window) -> list[dict[str, Any]]:
    """What `counted_by_bucket` counts, of events already read: rows of bucket, kind, n."""
    counts = Counter(
        (_bucket_start(max(event.first_day, window.start), window.zoom), event.kind)
        for event in events
    )
    return [{"bucket": bucket, "kind": kind, "n": n} for (bucket, kind), n in counts.items()]


def axis_for(
    events: QuerySet[Event],
    window: Window,
    lanes: str = "",
    counted: CountScope | None = None,
    listed: Sequence[Event] | None = None,
) -> Axis:
    """Every event of the window on the axis: counted by bucket, then (when the window
    is sparse) the few events themselves. Two queries at most at any size; lanes by
    story take a third, a GROUP BY of the window's events joined with the stories.

    `counted` says `events` are all the events of some statuses and kind (no other
    filter): the counts then come from the tables the database keeps, not from a
    GROUP BY over the window's events (hundreds of thousands at the widest zoom).

    `listed`: every event of `events` in the window, already read (a list with no
    next page that the window does not reach past): they are counted and drawn as
    they are, without a query (a search with a few matches, a rare place). Not for
    lanes by story, which read the events' stories.
    """
    if listed is not None and lanes != "story":
        mine = [event for event in listed if _is_in_window(event, window)]
        rows = counted_in_python(mine, window)
        sparse = sorted(mine, key=lambda event: (event.first_day, event.pk))[: SPARSE_LIMIT + 1]
        return _axis(rows, sparse, window, lanes, sum(row["n"] for row in rows))
    shown = in_window(events, window)
    if counted is not None and event_counts.maintained():
        rows = counted_from_tables(counted, window)
    else:
        rows = counted_by_bucket(shown, window)
    total = sum(row["n"] for row in rows)
    if lanes == "story":
        rows = counted_by_bucket(shown, window, "story")
        shown = shown.annotate(
            published_story=FilteredRelation("stories", condition=Q(stories__published=True)),
            lane=F("published_story__id"),
        )
    is_sparse = sum(row["n"] for row in rows) <= SPARSE_LIMIT
    # In lanes by story an event in two stories is two rows here, one per lane. A
    # dense window draws no event alone: its events are not read.
    sparse = list(shown.order_by("first_day", "id")[: SPARSE_LIMIT + 1]) if is_sparse else []
    return _axis(rows, sparse, window, lanes, total)


def _axis(
    rows: list[dict[str, Any]], sparse: list[Event], window: Window, lanes: str, total: int
) -> Axis:
    """The axis of the window's counts (`rows`) and, when sparse, its events in order."""
    is_sparse = sum(row["n"] for row in rows) <= SPARSE_LIMIT
    if lanes not in LANE_CHOICES:
        marks, clusters = _marks_and_clusters(_by_bucket(rows, window), sparse, window, is_sparse)
        return Axis(marks=marks, clusters=clusters, total=total)
    return Axis(
        marks=[], clusters=[], total=total, lanes=_lanes(rows, sparse, window, lanes, is_sparse)
    )


def _by_bucket(rows: list[dict[str, Any]], window: Window) -> dict[date, dict[str, int]]:
    by_bucket: dict[date, dict[str, int]] = {}
    for row in rows:
        # A week or quarter may begin before the window: its part inside is the bucket.
        start = max(_as_date(row["bucket"]), window.start)
        kinds = by_bucket.setdefault(start, {})
        kinds[row["kind"]] = kinds.get(row["kind"], 0) + row["n"]
    return by_bucket


def _marks_and_clusters(
    by_bucket: dict[date, dict[str, int]], sparse: list[Event], window: Window, is_sparse: bool
) -> tuple[list[AxisMark], list[Cluster]]:
    """Events alone in their bucket as marks (when the window is sparse), the rest counted."""
    alone: set[date] = set()
    marks: list[AxisMark] = []
    if is_sparse:
        alone = {start for start, kinds in by_bucket.items() if sum(kinds.values()) == 1}
        marks = place_on_axis(
            [e for e in sparse if _bucket_of(e, window, by_bucket) in alone], window
        )
    clusters = []
    for start in sorted(by_bucket):
        if start in alone:
            continue
        end = _bucket_end(window, start)
        kinds = tuple(sorted(by_bucket[start].items(), key=lambda item: (-item[1], item[0])))
        middle = start + (end - start) / 2
        clusters.append(
            Cluster(
                start=start,
                end=end,
                count=sum(n for _, n in kinds),
                kinds=kinds,
                offset=round(_offset(window, middle) + 50 / window.days, 3),
            )
        )
    return marks, clusters


def _lanes(
    rows: list[dict[str, Any]], sparse: list[Event], window: Window, by: str, is_sparse: bool
) -> list[Lane]:
    """The rows of the axis: the busiest kinds or stories, the rest folded into «أخرى»."""
    if by == "kind":
        labels = {key: str(label) for key, label in EventKind.choices}
    else:
        labels = {str(row["lane"]): row["lane_title"] for row in rows if row["lane"]}
    counts: dict[str, int] = {}
    for row in rows:
        key = _lane_key(row, by)
        counts[key] = counts.get(key, 0) + row["n"]
    # «أخرى» (the kind, or the folded stories) and «خارج القصص» come last.
    fold = EventKind.OTHER.value if by == "kind" else OTHER_LANE
    last = [key for key in (fold, OUTSIDE_LANE) if key in counts]
    ranked = sorted(
        (key for key in counts if key not in (fold, OUTSIDE_LANE)),
        key=lambda key: (-counts[key], key),
    )
    kept = ranked
    if len(ranked) + len(last) > MAX_LANES:
        kept = ranked[: MAX_LANES - 1 - (OUTSIDE_LANE in counts)]
        last = [fold] + [key for key in last if key != fold]
    folded = set(ranked) - set(kept)

    def lane_of(item: dict[str, Any] | Event) -> str:
        key = _lane_key(item, by)
        return fold if key in folded else key

    order = kept + last
    labels |= {OTHER_LANE: str(_("أخرى")), OUTSIDE_LANE: str(_("خارج القصص"))}
    result = []
    for key in order:
        by_bucket = _by_bucket([row for row in rows if lane_of(row) == key], window)
        mine = [event for event in sparse if lane_of(event) == key]
        marks, clusters = _marks_and_clusters(by_bucket, mine, window, is_sparse)
        count = sum(n for k, n in counts.items() if (fold if k in folded else k) == key)
        result.append(Lane(key, labels[key], count, marks, clusters))
    return result


def _lane_key(item: dict[str, Any] | Event, by: str) -> str:
    """The row a count of the GROUP BY, or an event, belongs in (before folding)."""
    name = "kind" if by == "kind" else "lane"
    value = item[name] if isinstance(item, dict) else getattr(item, name)
    return str(value or OUTSIDE_LANE)


def _as_date(value: date | datetime | str) -> date:
    """A bucket as the database gives it: a date, a timestamp, or (SQLite's date
    functions, read as plain SQL) its ISO text."""
    if isinstance(value, str):
        return date.fromisoformat(value)
    return value.date() if isinstance(value, datetime) else value


def _bucket_of(event: Event, window: Window, buckets: dict[date, dict[str, int]]) -> date | None:
    """The bucket (its start) an event counts in: the last one starting on or before it."""
    day = max(event.first_day, window.start)
    starts = [start for start in buckets if start <= day]
    return max(starts) if starts else None
