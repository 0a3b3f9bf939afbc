"""The timeline in other tools' formats: TimelineJS3 JSON, iCalendar, Atom, and CSV.

The public exports (JSON, .ics, Atom) hold confirmed events only and take the
timeline's filters from the query string, so any view of the timeline or of a story
can be exported as it is seen. CSV is for editors: every status, every field.
"""

import csv
import html
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urljoin

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch, QuerySet
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext, gettext_lazy
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from timeline.access import editor_required
from timeline.event_kinds import EventKind
from timeline.models import Event, EventImage, EventSource, Story, first_images, url_with_id
from timeline.reader import upcoming
from timeline.reader.dates import DateStyle, format_period, site_date_style
from timeline.reader.filters import BadFilters, Order, timeline_events, timeline_page
from timeline.reader_cache import cached_for_readers

# TimelineJS slows to a crawl past a few hundred slides; calendars and feeds stay small.
EXPORT_LIMIT = 500
FEED_LIMIT = 50


def _story_or_404(request: HttpRequest, slug: str | None) -> Story | None:
    if slug is None:
        return None
    return get_object_or_404(Story, slug=slug, published=True)


def _limit(request: HttpRequest) -> int:
    value = request.GET.get("limit", "")
    if not value:
        return EXPORT_LIMIT
    if not value.isdigit() or not 1 <= int(value) <= EXPORT_LIMIT:
        raise BadFilters(f"limit: a whole number from 1 to {EXPORT_LIMIT}")
    return int(value)


def exported_events(request: HttpRequest, story: Story | None) -> tuple[list[Event], str | None]:
    """Confirmed events matching the request's filters, newest first, one page of them.

    `limit` (1–EXPORT_LIMIT, default EXPORT_LIMIT) sets the page's size; `after`
    continues from the previous page (its `Link: rel="next"` header). Returns the
    page and the cursor of the next one (None on the last page).
    """
    # Newest first, never ranked: a feed or a calendar is read in time order.
    page = timeline_page(
        request.GET, story=story, order=Order.NEWS, limit=_limit(request), strict=True
    )
    return page.items, page.next_cursor


def _with_next_link(response: HttpResponse, request: HttpRequest, cursor: str | None) -> None:
    """RFC 8288 paging: the next page's URL, the same query with `after` set."""
    if cursor is None:
        return
    query = request.GET.copy()
    query["after"] = cursor
    url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    response["Link"] = f'<{url}>; rel="next"'


def _bad_request(error: BadFilters) -> HttpResponseBadRequest:
    return HttpResponseBadRequest(f"Bad filters: {error}", content_type="text/plain")


def event_period(event: Event) -> str:
    """The event's dates the way the timeline writes them."""
    return format_period(
        event.first_day, event.last_day, event.granularity, event.mod, site_date_style()
    )


# --- TimelineJS3 ---------------------------------------------------------------------


def _tl_date(day: date, granularity: str) -> dict[str, int]:
    """A TimelineJS date object, as precise as the event: year, year+month, or a day."""
    if granularity in {Event.Granularity.YEAR, Event.Granularity.DECADE, Event.Granularity.CENTURY}:
        return {"year": day.year}
    if granularity in {Event.Granularity.MONTH, Event.Granularity.QUARTER}:
        return {"year": day.year, "month": day.month}
    return {"year": day.year, "month": day.month, "day": day.day}


@dataclass(frozen=True)
class _SlideContext:
    """What every slide of one document shares, worked out once (500 slides a page:
    a kind's label through get_kind_display() hashed every choice each time)."""

    style: DateStyle
    kinds: dict[str, str]
    # An event's absolute URL around its id: the site's root and the event page's
    # path, reversed once (as Event.get_absolute_url, 500 times).
    event_url_head: str
    event_url_tail: str

    @classmethod
    def of(cls, request: HttpRequest) -> "_SlideContext":
        site = request.build_absolute_uri("/").removesuffix("/")
        head, _, tail = url_with_id("timeline:event", 0).rpartition("0")
        return cls(
            style=site_date_style(),
            kinds={value: str(label) for value, label in EventKind.choices},
            event_url_head=site + head,
            event_url_tail=tail,
        )


def timelinejs_slide(
    request: HttpRequest, event: Event, shared: _SlideContext, image: EventImage | None
) -> dict:
    """One TimelineJS slide, with the event's first image if it has one. Its text
    fields are HTML, so every value is escaped.

    With the standard library's html.escape (what Django's escape() calls): a JSON
    document needs no SafeString, and Django's lazy-aware wrappers were a third of
    the time of 500 slides.
    """
    period = format_period(
        event.first_day, event.last_day, event.granularity, event.mod, shared.style
    )
    url = f"{shared.event_url_head}{event.pk}{shared.event_url_tail}"
    slide = {
        "unique_id": f"event-{event.pk}",
        "start_date": _tl_date(event.first_day, event.granularity),
        "display_date": html.escape(period),
        "group": shared.kinds.get(event.kind, event.kind),
        "text": {
            "headline": html.escape(event.title),
            "text": f'<a href="{html.escape(url)}">↗</a>',
        },
    }
    if event.last_day != event.first_day:
        slide["end_date"] = _tl_date(event.last_day, event.granularity)
    if image is not None:
        # The event's first image, as this site stored it (never the URL it came from).
        slide["media"] = {
            "url": request.build_absolute_uri(image.url),
            "thumbnail": request.build_absolute_uri(image.small_url),
            "caption": escape(image.caption),
            "credit": escape(image.credit),
            "alt": escape(image.alt_text),
        }
    return slide


@cached_for_readers
def timelinejs(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """The timeline (or a story) as a TimelineJS3 JSON document."""
    story = _story_or_404(request, slug)
    try:
        events, next_cursor = exported_events(request, story)
    except BadFilters as error:
        return _bad_request(error)
    title = story.title if story else gettext("الخط الزمني")
    shared = _SlideContext.of(request)
    images = first_images(events)  # one query for every slide's images
    document = {
        "title": {
            "text": {
                "headline": escape(title),
                "text": escape(story.description or "") if story else "",
            }
        },
        "events": [
            timelinejs_slide(request, event, shared, images.get(event.pk)) for event in events
        ],
    }
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"  # embedded on other sites
    response["Access-Control-Expose-Headers"] = "Link"
    _with_next_link(response, request, next_cursor)
    return response


# --- iCalendar -----------------------------------------------------------------------


def calendar_event(request: HttpRequest, event: Event) -> CalendarEvent:
    """An all-day VEVENT over the event's days; DTEND is exclusive in iCalendar."""
    entry = CalendarEvent()
    entry.add("uid", f"event-{event.pk}@{request.get_host()}")
    entry.add("summary", event.title)
    entry.add("description", event_period(event))
    entry.add("dtstart", event.first_day)
    entry.add("dtend", event.last_day + timedelta(days=1))
    entry.add("dtstamp", event.updated_at)
    entry.add("url", request.build_absolute_uri(event.get_absolute_url()))
    entry.add("categories", [event.get_kind_display()])
    return entry


def icalendar_export(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """The timeline (or a story) as an .ics calendar of all-day events."""
    story = _story_or_404(request, slug)
    try:
        events, next_cursor = exported_events(request, story)
    except BadFilters as error:
        return _bad_request(error)
    return calendar_response(
        request,
        events,
        story.title if story else gettext("الخط الزمني"),
        slug or "timeline",
        next_cursor,
    )


def calendar_response(
    request: HttpRequest,
    events: list[Event],
    name: str,
    filename: str,
    next_cursor: str | None = None,
) -> HttpResponse:
    """Events as an .ics calendar of all-day events, named `name`, to save or subscribe to;
    `next_cursor` (if more events follow) goes in the `Link: rel="next"` header."""
    calendar = Calendar()
    calendar.add("prodid", "-//Newsroom timeline//AR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(calendar_event(request, event))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    _with_next_link(response, request, next_cursor)
    return response


# --- Atom ----------------------------------------------------------------------------


class SourceLinkAtomFeed(Atom1Feed):
    """Atom whose entries also link to the article that reported the event."""

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        if item.get("source_url"):
            handler.addQuickElement(
                "link",
                "",
                {"rel": "related", "href": item["source_url"], "title": item["source_title"]},
            )


class ConfirmedEventsFeed(Feed):
    """Confirmed events, most recently confirmed (or changed since) first.

    Takes the timeline's filters from the query string, like the other exports, so
    each reader page links to the feed of what it shows (timeline/publishing/sharing.py).
    """

    feed_type = SourceLinkAtomFeed
    subtitle = gettext_lazy("آخر الأحداث التي أكدها المحررون")

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return super().__call__(request, *args, **kwargs)
        except BadFilters as error:
            return _bad_request(error)

    def get_object(self, request: HttpRequest, *args, **kwargs) -> dict:
        form, events = timeline_events(request.GET, strict=True)
        # Entries link to the source article; an article with no URL of its own links
        # to its page here, which needs this site's address.
        return {
            "filters": form.cleaned_data,
            "events": events,
            "site": request.build_absolute_uri("/"),
        }

    def title(self, obj: dict) -> str:
        story = obj["filters"].get("story")
        if story is None:
            return gettext("أحداث مؤكدة جديدة")
        return gettext("أحداث مؤكدة جديدة: %(story)s") % {"story": story.title}

    def link(self, obj: dict) -> str:
        story = obj["filters"].get("story")
        return story.get_absolute_url() if story else "/"

    def items(self, obj: dict) -> list[Event]:
        events = (
            obj["events"]
            .prefetch_related(
                Prefetch(
                    "sources",
                    queryset=EventSource.objects.select_related("article").order_by(
                        "article__published", "id"
                    ),
                )
            )
            .order_by("-updated_at", "-id")[:FEED_LIMIT]
        )
        events = list(events)
        for event in events:
            event.feed_site = obj["site"]
        return events

    def item_title(self, item: Event) -> str:
        return item.title

    def item_description(self, item: Event) -> str:
        # The summary is type="html" and Django puts it in as it is: escape the text.
        source = _first_source(item)
        if source is None:
            return escape(event_period(item))
        return escape(f"{event_period(item)}: {source.excerpt}")

    def item_extra_kwargs(self, item: Event) -> dict[str, str]:
        source = _first_source(item)
        if source is None:
            return {}
        article = source.article
        url = article.url or urljoin(item.feed_site, article.get_absolute_url())
        return {"source_url": url, "source_title": article.title}

    def item_updateddate(self, item: Event):
        return item.updated_at

    def item_pubdate(self, item: Event):
        return item.updated_at


def _first_source(event: Event) -> EventSource | None:
    """The earliest report of the event (sources are prefetched in that order)."""
    sources = event.sources.all()
    return sources[0] if sources else None


confirmed_events_feed = ConfirmedEventsFeed()


# --- CSV for editors -----------------------------------------------------------------

CSV_COLUMNS = [
    "id",
    "title",
    "first_day",
    "last_day",
    "granularity",
    "mod",
    "kind",
    "status",
    "places",
    "actors",
    "stories",
    "updated_at",
]


def csv_cell(value: object) -> str:
    """A cell a spreadsheet will not run: text starting with = + - @ gets a quote."""
    text = "" if value is None else str(value)
    if text[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        return "'" + text
    return text


def _csv_rows(events: QuerySet[Event]) -> Iterator[list[str]]:
    yield CSV_COLUMNS
    for event in events:
        yield [
            csv_cell(value)
            for value in (
                event.pk,
                event.title,
                event.first_day.isoformat(),
                event.last_day.isoformat(),
                event.granularity,
                event.mod or "",
                event.kind,
                event.status,
                "؛ ".join(place.name for place in event.places.all()),
                "؛ ".join(actor.name for actor in event.actors.all()),
                "؛ ".join(story.slug for story in event.stories.all()),
                event.updated_at.isoformat(),
            )
        ]


class _Echo:
    """csv.writer writes to this, and the row comes straight back to be streamed."""

    def write(self, value: str) -> str:
        return value


@editor_required
def events_csv(request: HttpRequest) -> HttpResponse:
    """Every event the filters select, any status, for editors; streamed."""
    try:
        _form, events = timeline_events(request.GET, request.user, strict=True)
    except BadFilters as error:
        return _bad_request(error)
    events = events.prefetch_related("places", "actors", "stories").in_timeline_order()
    writer = csv.writer(_Echo())
    # A byte-order mark, so that Excel opens the Arabic as UTF-8.
    rows = (writer.writerow(row) for row in _csv_rows(events.iterator(chunk_size=2000)))
    response = StreamingHttpResponse(_with_bom(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="events.csv"'
    return response


def _with_bom(rows: Iterator[str]) -> Iterator[str]:
    yield "\ufeff"
    yield from rows


def upcoming_icalendar(request: HttpRequest) -> HttpResponse:
    """/upcoming.ics: the events of /upcoming/ (timeline/reader/upcoming.py), for a
    calendar to subscribe to."""
    try:
        _form, selected = timeline_events(request.GET, strict=True)
    except BadFilters as error:
        return HttpResponseBadRequest(f"Bad filters: {error}", content_type="text/plain")
    events = list(upcoming.upcoming_events(selected, timezone.localdate())[:EXPORT_LIMIT])
    return calendar_response(request, events, gettext("ما هو قادم"), "upcoming")
