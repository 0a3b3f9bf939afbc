"""The axis's marks and clusters, built in Python (timeline/reader/axis_html.py),
are the markup the template drew them with (tests/axis_items_reference.html)."""

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.template import RequestContext, engines
from django.test import RequestFactory

from timeline.event_kinds import EventKind
from timeline.models import Event, Story
from timeline.reader.axis import (
    Axis,
    AxisMark,
    Cluster,
    Lane,
    Tick,
    axis_for,
    ticks,
    window_at,
)
from timeline.reader.axis_html import axis_items_html, axis_ticks_html
from timeline.reader.dates import DateStyle, site_date_style

REFERENCE = Path(__file__).with_name("axis_items_reference.html")


def reference_html(row: Axis | Lane, cluster_zoom: str, url: str) -> str:
    """The marks and clusters as the template drew them."""
    template = engines["django"].engine.from_string(REFERENCE.read_text())
    request = RequestFactory().get(url)
    return template.render(RequestContext(request, {"row": row, "cluster_zoom": cluster_zoom}))


def python_html(row: Axis | Lane, cluster_zoom: str, url: str, style: DateStyle) -> str:
    return axis_items_html(row, cluster_zoom, RequestFactory().get(url).GET, style)


def same_markup(html: str) -> str:
    """The markup without the template's indentation: tags, attributes and text in order."""
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


# Query strings a cluster's link keeps, replaces or drops parts of: none, filters,
# a cursor, an `at` and `zoom` already there (first or in the middle), a repeated key,
# Arabic and characters that need escaping in a URL and in HTML.
QUERIES = [
    "/",
    "/?zoom=years&at=1990-01-01",
    "/?q=%D9%84%D9%82%D8%A7%D8%A1&kind=meeting&after=abc%3D%3D",
    "/?at=1990-06-15&q=a%26b%3Cc%3E%22&zoom=months",
    "/?place=1&place=2&lanes=kind&start=1980-01-01&at=2000-01-01",
    "/?after=x&q=%27quote%27",
]
STYLES = [DateStyle(months="both", digits="western"), DateStyle(months="syriac", digits="eastern")]


def test_clusters_and_marks_are_the_templates_markup_for_drawn_rows(settings):
    # Marks of every sort (points, ranges, fuzzy ends, a title to escape), clusters
    # of one kind and of fifteen, kinds the site does not know, counts in thousands.
    kinds = [kind for kind, _ in EventKind.choices]
    events = [
        Event(pk=7, title="لقاء <b>\"الوزيرين\"</b> & 'غيرهم'", kind=kinds[0],
              first_day=date(1990, 3, 2), last_day=date(1990, 3, 2), granularity="day"),
        Event(pk=12345, title="قمة", kind=kinds[1], first_day=date(1990, 4, 1),
              last_day=date(1990, 4, 30), granularity="month", mod="START"),
        Event(pk=8, title="حرب", kind="other", first_day=date(987, 1, 1),
              last_day=date(987, 12, 31), granularity="year", mod="APPROX"),
    ]  # fmt: skip
    marks = [
        AxisMark(events[0], offset=3.5, length=0.27, is_point=True, fuzzy=""),
        AxisMark(events[1], offset=8.0, length=8.2, is_point=False, fuzzy="end"),
        AxisMark(events[2], offset=0.0, length=100.0, is_point=False, fuzzy="both"),
    ]
    clusters = [
        Cluster(date(1990, 1, 1), date(1990, 3, 31), 2, ((kinds[2], 2),), 12.5),
        Cluster(
            date(1990, 4, 1),
            date(1990, 6, 30),
            sum(range(1, len(kinds) + 1)) + 1234,
            (*((kind, n) for n, kind in enumerate(kinds, 1)), ("<new>", 1234)),
            37.125,
        ),
        Cluster(date(987, 1, 1), date(987, 1, 7), 1, (("other", 1),), 99.999),
    ]
    rows: list[Axis | Lane] = [
        Axis(marks=marks, clusters=clusters, total=99),
        Axis(marks=[], clusters=clusters[1:], total=99),
        Axis(marks=marks, clusters=[], total=3),
        Axis(marks=[], clusters=[], total=0),
        Lane("meeting", "لقاء", 5, marks[:1], clusters[:1]),
    ]
    for style in STYLES:
        settings.TIMELINE_MONTH_NAMES, settings.TIMELINE_DIGITS = style.months, style.digits
        assert site_date_style() == style
        for row in rows:
            for query in QUERIES:
                for zoom in ("months", "days"):
                    expected = same_markup(reference_html(row, zoom, query))
                    assert same_markup(python_html(row, zoom, query, style)) == expected


@pytest.mark.django_db
def test_the_axis_of_real_windows_is_the_templates_markup():
    # Events over three years, dense in 1990 (every kind, spans too), sparse after.
    kinds = [kind for kind, _ in EventKind.choices]
    granularities = ["day", "week", "month", "day", "quarter", "year"]
    mods = [None, "START", "MID", "END", "APPROX"]
    events = []
    for n in range(600):
        first = date(1989, 11, 1) + timedelta(days=(n * 7919) % 420)
        granularity = granularities[n % len(granularities)]
        last = first if granularity == "day" else first + timedelta(days=n % 90)
        events.append(
            Event(
                title=f"حدث رقم {n} <{n}>",
                kind=kinds[(n * n) % len(kinds)],
                first_day=first,
                last_day=last,
                granularity=granularity,
                mod=mods[n % len(mods)] if granularity != "day" else None,
                status=Event.Status.CONFIRMED,
            )
        )
    for n in range(12):  # sparse, some of them a vague stretch («منتصف الأسبوع»)
        day = date(1992, 1, 3) + timedelta(days=n * 2 + n // 5)
        vague = n % 4 == 0
        events.append(
            Event(
                title=f"خبر {n} & «<{n}>»",
                kind=kinds[n % 3],
                first_day=day,
                last_day=day + timedelta(days=6 if vague else 0),
                granularity="week" if vague else "day",
                mod="MID" if vague else None,
                status=Event.Status.CONFIRMED,
            )
        )
    Event.objects.bulk_create(events)
    story = Story.objects.create(title="قصة <الأزمة>", slug="azma", published=True)
    story.events.set(Event.objects.order_by("id")[::5])
    style = site_date_style()
    windows = [
        window_at("decades", date(1990, 1, 1)),
        window_at("years", date(1990, 6, 1)),
        window_at("months", date(1990, 3, 15)),
        window_at("days", date(1990, 2, 10)),
        window_at("days", date(1992, 1, 15)),  # sparse: lone events as marks
        window_at("months", date(1992, 1, 15)),
    ]
    drawn = marks = 0
    for window in windows:
        zoom = window.zoom_in or window.zoom
        for lanes in ("", "kind", "story"):
            axis = axis_for(Event.objects.all(), window, lanes)
            for row in axis.lanes or [axis]:
                drawn += len(row.marks) + len(row.clusters)
                marks += len(row.marks)
                for query in QUERIES[:4]:
                    expected = same_markup(reference_html(row, zoom, query))
                    assert same_markup(python_html(row, zoom, query, style)) == expected
    assert drawn > 200 and marks > 10


# The loop timeline.html drew the ticks with, before axis_ticks_html.
TICKS_LOOP = (
    "{% for tick in ticks %}"
    '<span class="tick{% if tick.label %} is-major{% endif %}"'
    " style=\"inset-inline-start: {{ tick.offset|stringformat:'.3f' }}%\">"
    "{% if tick.label %}<span><bdi>{{ tick.label }}</bdi></span>{% endif %}</span>"
    "{% endfor %}"
)


@pytest.mark.parametrize("zoom", ["decades", "years", "months", "days"])
@pytest.mark.parametrize(
    "style", [DateStyle(months="both", digits="western"), DateStyle(digits="eastern")]
)
def test_the_ticks_are_the_template_loops_markup(zoom, style):
    ticks_of = [ticks(window_at(zoom, day), style) for day in (date(2025, 7, 20), date(101, 1, 1))]
    hostile = [Tick(0.0, "<b>«1»</b> & 'x'"), Tick(12.3456, ""), Tick(99.9999, "٣")]
    loop = engines["django"].from_string(TICKS_LOOP)
    for marks in [*ticks_of, hostile]:
        assert axis_ticks_html(marks) == loop.render({"ticks": marks})
