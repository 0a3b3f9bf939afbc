"""The axis's counts (timeline/event_counts.py): exact after every kind of write to
events, and the axis drawn from them is the axis drawn from the events."""

import itertools
import re
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from tests.factories import dated_event, make_editor, make_event, make_events
from timeline import actions, event_counts
from timeline.event_counts import CountScope
from timeline.management.commands.fill_events import fill_events_sql
from timeline.models import Event, EventDayCount, EventMonthCount, Place
from timeline.pipeline.extract import Outcome, process_article, requeue_article
from timeline.reader.axis import (
    AXIS_LOOKBACK,
    ZOOM_LEVELS,
    BucketStart,
    axis_for,
    in_window,
    window_at,
)
from timeline.reader.filters import count_scope

pytestmark = pytest.mark.django_db


def assert_exact() -> None:
    """The tables hold what a live count of the events says, row for row."""
    assert event_counts.differences() == []
    live = Event.objects.count()
    assert sum(EventDayCount.objects.values_list("n", flat=True)) == live
    assert sum(EventMonthCount.objects.values_list("n", flat=True)) == live
    # No row is left at zero.
    assert not EventDayCount.objects.filter(n=0).exists()
    assert not EventMonthCount.objects.filter(n=0).exists()


def test_the_counts_follow_every_kind_of_write():
    assert_exact()
    # Created one by one (save) and in bulk (bulk_create, as extraction does).
    one = make_event(day=date(2024, 3, 5), sources=2)
    two = make_event(day=date(2024, 3, 5))
    dated_event("حرب", date(2023, 1, 1), date(2024, 12, 31), "year", kind="attack")
    make_events(30, start=date(2024, 2, 20), kind="meeting", status=Event.Status.CANDIDATE)
    assert_exact()
    actions.save_machine_events(
        [(Event(title="آلي", first_day=date(2024, 4, 1), last_day=date(2024, 4, 30)), [], [])]
    )
    assert_exact()
    # A status change of one event, and of many at once.
    actions.set_status([one], Event.Status.CONFIRMED)
    assert_exact()
    actions.set_status(Event.objects.filter(kind="meeting"), Event.Status.REJECTED)
    assert_exact()
    # An editor's correction moves the event's days and kind.
    two.first_day, two.last_day, two.kind = date(2024, 5, 1), date(2024, 6, 30), "talks"
    actions.correct_event(two, confirm=True)
    assert_exact()
    # A queryset's UPDATE, as the admin's and the pipeline's.
    Event.objects.filter(kind="meeting").update(kind="visit", first_day=F("last_day"))
    Event.objects.update(salience=0.5)  # no counted field: nothing moves
    assert_exact()
    # Split and merge.
    new = actions.split_source(one, one.sources.first())
    assert_exact()
    actions.merge_events([one, new, two])
    assert_exact()
    # Deletions: one by one, in bulk, by cascade of nothing (sources go with events).
    actions.delete_events(Event.objects.filter(kind="visit")[:5])
    assert_exact()
    Event.objects.filter(kind="visit").delete()
    assert_exact()
    # Raw SQL: fill_events --sql writes the rows with INSERT … SELECT.
    fill_events_sql(120)
    assert_exact()
    Event.objects.all().delete()
    assert_exact()
    assert not EventDayCount.objects.exists() and not EventMonthCount.objects.exists()


def test_re_extraction_keeps_the_counts_exact(seed_article):
    assert Event.objects.exists()
    assert_exact()
    event = Event.objects.first()
    Event.objects.filter(pk=event.pk).update(first_day=date(1999, 1, 1), kind="legal")
    requeue_article(seed_article)
    assert process_article(seed_article.pk) is Outcome.DONE
    assert_exact()


def test_the_command_verifies_and_rebuilds_the_counts():
    make_events(10, start=date(2020, 1, 1))
    out = StringIO()
    call_command("event_counts", stdout=out)
    assert "The counts match the events." in out.getvalue()
    # Written behind the triggers' back: found, then counted again.
    EventDayCount.objects.filter(first_day=date(2020, 1, 3)).update(n=5)
    EventMonthCount.objects.all().delete()
    out = StringIO()
    with pytest.raises(CommandError, match="differ"):
        call_command("event_counts", stdout=out)
    assert "day 2020-01-03, 2020-01-03, other, confirmed: 5 counted, 1 events" in out.getvalue()
    assert "month 2020-01-01, other, confirmed: 0 counted, 10 events" in out.getvalue()
    call_command("event_counts", "--rebuild", stdout=StringIO())
    assert_exact()


def test_lost_triggers_are_reported_and_made_again_after_a_migrate():
    event_counts.uninstall()
    dated_event("غير معدود", date(2021, 6, 1))
    assert event_counts.differences()[0].startswith("trigger timeline_event_counts_")
    assert event_counts.reinstall_if_lost(connection)
    assert_exact()
    assert not event_counts.reinstall_if_lost(connection)


# -- The axis from the counts is the axis from the events ----------------------------


def _varied_events() -> None:
    """Events of every length, kind and status around the windows' edges: days, weeks,
    months, years, spans that began in the lookback (or just before it)."""
    kinds = ["meeting", "attack", "talks"]
    statuses = [Event.Status.CONFIRMED, Event.Status.CANDIDATE, Event.Status.REJECTED]
    lengths = [0, 0, 0, 3, 30, 200, 370, 800]
    day = date(1988, 1, 1)
    rows = []
    for n, (length, kind, status) in enumerate(
        itertools.islice(itertools.cycle(itertools.product(lengths, kinds, statuses)), 700)
    ):
        first = day + timedelta(days=(n * 37) % 2600)
        rows.append(
            Event(
                title=f"حدث {n}",
                first_day=first,
                last_day=first + timedelta(days=length),
                kind=kind,
                status=status,
            )
        )
    Event.objects.bulk_create(rows)
    # A few alone, so that sparse windows draw marks.
    dated_event("وحيد", date(2001, 6, 3))
    dated_event("وحيد آخر", date(2001, 9, 9), date(2001, 9, 12), "week", kind="talks")


SCOPES = [
    CountScope(statuses=(Event.Status.CONFIRMED,)),
    CountScope(),
    CountScope(statuses=(Event.Status.CANDIDATE,)),
    CountScope(statuses=(Event.Status.CONFIRMED,), kind="attack"),
]


def _events_of(scope: CountScope):
    events = Event.objects.all()
    if scope.statuses is not None:
        events = events.filter(status__in=scope.statuses)
    if scope.kind:
        events = events.filter(kind=scope.kind)
    return events


AT = [date(1990, 1, 1), date(1989, 2, 28), date(1991, 12, 31), date(1993, 7, 4), date(2001, 7, 1)]


@pytest.mark.parametrize("zoom", ZOOM_LEVELS)
def test_the_axis_counted_from_the_tables_is_the_axis_of_the_events(zoom):
    _varied_events()
    compared = 0
    for scope, at, lanes in itertools.product(SCOPES, AT, ["", "kind"]):
        window = window_at(zoom, at)
        events = _events_of(scope)
        grouped = axis_for(events, window, lanes)
        counted = axis_for(events, window, lanes, counted=scope)
        assert counted == grouped, (scope, at, lanes)
        # Counted in Python from the events themselves, when a page has read them all.
        assert axis_for(events, window, lanes, listed=list(events)) == grouped, (scope, at)
        # And both say what the database holds in the window.
        assert counted.total == in_window(events, window).count()
        compared += counted.total
    assert compared > 100


def test_a_dense_axis_reads_no_event_at_any_zoom():
    _varied_events()
    day = date(1991, 6, 1)
    Event.objects.bulk_create(
        Event(title=f"يوم مزدحم {n}", first_day=day, last_day=day) for n in range(70)
    )
    for zoom in ZOOM_LEVELS:
        window = window_at(zoom, date(1991, 6, 1))
        with CaptureQueriesContext(connection) as queries:
            axis = axis_for(Event.objects.all(), window, counted=CountScope())
        assert axis.clusters and not axis.marks
        assert len(queries) == 1, zoom
        assert '"timeline_event"' not in queries[0]["sql"], zoom


def test_the_buckets_are_years_quarters_monday_weeks_and_days():
    first = date(1999, 11, 20)
    make_events(800, start=first)
    for zoom in ZOOM_LEVELS:
        rows = (
            Event.objects.annotate(bucket=BucketStart(F("first_day"), zoom))
            .values_list("first_day", "bucket")
            .order_by("first_day")
        )
        for day, bucket in rows:
            expected = {
                "decades": date(day.year, 1, 1),
                "years": date(day.year, (day.month - 1) // 3 * 3 + 1, 1),
                "months": day - timedelta(days=day.weekday()),
                "days": day,
            }[zoom]
            assert bucket == expected, (zoom, day)


def test_the_lookback_reads_spans_alone():
    # Begun in the lookback and reaching into the window: counted in the first bucket.
    window = window_at("years", date(2000, 6, 1))
    dated_event("طويل", window.start - timedelta(days=100), window.start + timedelta(days=3))
    dated_event("انتهى قبل النافذة", window.start - timedelta(days=100))
    dated_event("أقدم من المدى", window.start - AXIS_LOOKBACK - timedelta(days=1), window.end)
    axis = axis_for(Event.objects.public(), window, counted=CountScope(("confirmed",)))
    assert axis == axis_for(Event.objects.public(), window)
    assert axis.total == 1


# -- Which pages read the counts ------------------------------------------------------


def test_only_status_and_kind_filters_let_the_axis_read_the_counts():
    editor = make_editor()
    place = Place.objects.create(name="غزة")
    assert count_scope({}) == CountScope(statuses=("confirmed",))
    assert count_scope({"kind": "attack", "lanes": "kind", "q": ""}) == CountScope(
        ("confirmed",), "attack"
    )
    assert count_scope({}, editor) == CountScope()
    assert count_scope({"status": "candidate"}, editor) == CountScope(("candidate",))
    # A reader never sees candidates, whatever the query string says.
    assert count_scope({"status": "candidate"}) == CountScope(statuses=())
    for narrowing in [
        {"q": "لقاء"},
        {"place": place},
        {"start": date(2020, 1, 1)},
        {"end": date(2020, 1, 1)},
        {"upcoming": True},
        {"actor": object()},
        {"story": object()},
    ]:
        assert count_scope(narrowing) is None, narrowing


CLUSTER_COUNTS = r'class="axis-cluster kind-\w+"[^>]*data-count="(\d+)"'


def test_the_timeline_page_counts_from_the_tables_unless_filtered(client):
    make_events(300, start=date(1985, 3, 1), kind="attack")
    make_events(200, start=date(1986, 1, 1), status=Event.Status.CANDIDATE)
    params = {"zoom": "decades", "at": "1990-01-01"}
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/", params).content.decode()
    sql = " ".join(query["sql"] for query in queries)
    assert "timeline_eventmonthcount" in sql
    assert sum(int(n) for n in re.findall(CLUSTER_COUNTS, html)) == 300
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/", {**params, "q": "حدث"}).content.decode()
    sql = " ".join(query["sql"] for query in queries)
    assert "timeline_eventmonthcount" not in sql and "timeline_eventdaycount" not in sql
    assert sum(int(n) for n in re.findall(CLUSTER_COUNTS, html)) == 300
