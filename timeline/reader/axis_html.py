"""The axis's marks and clusters as HTML, built in Python.

A dense window draws about fifty clusters of up to fifteen kinds each: in the
template language that cost about 1 ms a cluster (two `{% querystring %}`, a
filter and a translation per kind), most of the page at a million events. Here
the same markup (tests/test_axis_html.py compares it with the template's) costs
a few microseconds a cluster: what clusters share (the query string, each kind's
escaped name and label, the list separator) is worked out once.
"""

from collections.abc import Iterable
from datetime import date

from django.http import QueryDict
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext

from timeline.event_kinds import EventKind
from timeline.reader.axis import Axis, AxisMark, Cluster, Lane, Tick
from timeline.reader.dates import DateStyle, format_day, format_period


def axis_items_html(
    row: Axis | Lane, cluster_zoom: str, query: QueryDict, style: DateStyle
) -> SafeString:
    """The marks, then the clusters, of the axis or of one of its lanes.

    A cluster links to `query` (the page's) at `cluster_zoom` and its last day,
    without a cursor: as `{% querystring zoom=… at=cluster.end after=None %}`."""
    parts = [_mark_html(mark, style) for mark in row.marks]
    if row.clusters:
        drawing = _Clusters(query, cluster_zoom, style)
        parts += [drawing.html(cluster) for cluster in row.clusters]
    return mark_safe("".join(parts))


def axis_ticks_html(ticks: Iterable[Tick]) -> SafeString:
    """The window's ticks, as `{% partialdef axis-ticks %}` drew them in a template
    loop (a fifth of a millisecond for the 28 ticks of the days' zoom)."""
    return mark_safe(
        "".join(
            f'<span class="tick{" is-major" if tick.label else ""}"'
            f' style="inset-inline-start: {tick.offset:.3f}%">'
            + (f"<span><bdi>{escape(tick.label)}</bdi></span>" if tick.label else "")
            + "</span>"
            for tick in ticks
        )
    )


def _day(day: date) -> str:
    return day.isoformat()  # as the template's date:'Y-m-d' (years of four digits)


def _mark_html(mark: AxisMark, style: DateStyle) -> str:
    event = mark.event
    url = escape(event.get_absolute_url())
    classes = "is-point" if mark.is_point else "is-range"
    if mark.fuzzy:
        classes += f" fuzzy-{escape(mark.fuzzy)}"
    size = "" if mark.is_point else f" inline-size: {mark.length:.3f}%;"
    when = format_period(event.first_day, event.last_day, event.granularity, event.mod, style)
    first = _day(event.first_day)
    return (
        f'<a class="axis-mark {classes} kind-{escape(event.kind)}"'
        f' href="{url}" tabindex="-1" data-event="{event.pk}" data-count="1"'
        f' data-start="{first}" data-end="{first}"'
        f' hx-get="{url}" hx-target="#event-panel" hx-push-url="true"'
        f' style="inset-inline-start: {mark.offset:.3f}%;{size}"'
        f' title="{escape(when)} — {escape(event.title)}"></a>'
    )


class _Clusters:
    """Draws the clusters of one row, escaping and translating each kind once."""

    def __init__(self, query: QueryDict, cluster_zoom: str, style: DateStyle) -> None:
        # `?…&at=…&…`, cut around the day each cluster puts in: the pairs keep their
        # order and encoding (`&` is never inside a pair, urlencode writes it %26).
        params = query.copy()
        params["zoom"] = cluster_zoom
        params["at"] = "-"
        params.pop("after", None)
        pairs = params.urlencode().split("&")
        at = pairs.index("at=-")
        self.url_head = escape("?" + "&".join([*pairs[:at], "at="]))
        self.url_tail = escape("".join(f"&{pair}" for pair in pairs[at + 1 :]))
        self.style = style
        self.separator = escape(pgettext("list separator", "، "))
        self.labels = {key: str(label) for key, label in EventKind.choices}
        self.kinds: dict[str, tuple[str, str]] = {}  # kind → escaped (name, label)
        self.numbers: dict[int, str] = {}

    def kind(self, kind: str) -> tuple[str, str]:
        if kind not in self.kinds:
            self.kinds[kind] = (escape(kind), escape(self.labels.get(kind, kind)))
        return self.kinds[kind]

    def number(self, n: int) -> str:
        """A count as the template writes one (localized), for people to read."""
        if n not in self.numbers:
            self.numbers[n] = escape(localize(n))
        return self.numbers[n]

    def html(self, cluster: Cluster) -> str:
        # Opens the list (and a closer axis) at the cluster's last day: its events come first.
        url = f"{self.url_head}{_day(cluster.end)}{self.url_tail}"
        kinds = [(self.kind(kind), n) for kind, n in cluster.kinds]
        counted = self.separator.join(f"{self.number(n)} {label}" for (_, label), n in kinds)
        days = f"{format_day(cluster.start, self.style)} – {format_day(cluster.end, self.style)}"
        bars = "".join(
            f'<i class="kind-{name}" style="flex-grow: {n}"></i>' for (name, _), n in kinds
        )
        return (
            f'<a class="axis-cluster kind-{self.kind(cluster.kind)[0]}" tabindex="-1"'
            f' href="{url}" hx-get="{url}" hx-target="#timeline-view" hx-swap="outerHTML"'
            f' hx-push-url="true" data-count="{cluster.count}"'
            f' data-start="{_day(cluster.start)}" data-end="{_day(cluster.end)}"'
            f' style="inset-inline-start: {cluster.offset:.3f}%" title="{escape(days)}: {counted}">'
            f'<span class="cluster-count">{self.number(cluster.count)}</span>'
            f'<span class="cluster-kinds">{bars}</span></a>'
        )
