"""Reader-facing pages: the timeline, a story's timeline, and an event.

Each page is one view and one template; an HTMX request gets a named fragment of
the same template. Every page costs a fixed number of queries, however many events
the archive holds (keyset pagination, prefetching, no counts over the archive).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from timeline.access import is_editor, visible_annotations
from timeline.editorial.forms import AnnotationForm
from timeline.editorial.media_views import EventImageForm
from timeline.history import event_history
from timeline.models import (
    Event,
    EventQuerySet,
    Story,
    event_images,
    event_sources,
    linked_names,
    published_stories,
)
from timeline.reader.axis import (
    DEFAULT_ZOOM,
    SPARSE_LIMIT,
    Axis,
    Tick,
    Window,
    axis_for,
    fit_window,
    in_window,
    parse_day,
    parse_window,
    ticks,
    window_at,
)
from timeline.reader.cards_html import Card, load_cards
from timeline.reader.dates import site_date_style
from timeline.reader.filters import (
    READER_FILTERS,
    Order,
    TimelineFilterForm,
    count_scope,
    timeline_events,
    timeline_page,
    wants_upcoming,
)
from timeline.reader.fragments import render_page, wants_fragment
from timeline.reader.live import changes, live_marker
from timeline.reader_cache import cached_for_readers


@dataclass(frozen=True)
class TimelineView:
    form: TimelineFilterForm
    window: Window
    focus: date  # the day zooming keeps in place
    tick_marks: list[Tick]
    axis: Axis | None
    events: list[Event]
    cards: list[Card]  # the events' cards, with what they show
    next_cursor: str | None


def _timeline_view(request: HttpRequest, story: Story | None) -> TimelineView:
    """The events (one page of the list and the axis window) the request asks for."""
    # The list is the news: newest first, from `at` (a day) or else from today
    # (events dated in the future are announcements, and wait on the axis).
    window = parse_window(request.GET.get("zoom"), request.GET.get("at"))
    at = window.at if window is not None else parse_day(request.GET.get("at"))
    # Invalid filters are dropped from the query and shown as errors on the form.
    # Its next pages keep the same bound (their cursors go back in time from it);
    # what is coming has no bound but the axis.
    until = at or (None if wants_upcoming(request.GET) else timezone.localdate())
    selected = timeline_page(
        request.GET,
        request.user,
        story=story,
        order=Order.RANKED,
        limit=settings.TIMELINE_PAGE_SIZE,
        until=until,
    )
    page, next_cursor, events = selected.items, selected.next_cursor, selected.events

    if window is None:
        if at is not None:
            window = window_at(DEFAULT_ZOOM, at)
        elif page:
            # The window placed on the news: the first page's days, newest included.
            window = fit_window(page[-1].first_day, page[0].first_day)
        else:
            window = window_at(DEFAULT_ZOOM, timezone.localdate())
    # Zoom keeps the event in focus in place: the first card's day, unless the
    # reader's script says which card has focus.
    focus = page[0].first_day if page and window.start <= page[0].first_day < window.end else None
    style = site_date_style()
    lanes = selected.form.cleaned_data.get("lanes") or ""
    # More cards for the list (HTMX) need no axis: its queries are skipped.
    skip_axis = wants_fragment(request) and "after" in request.GET
    return TimelineView(
        form=selected.form,
        window=window,
        focus=focus or window.at,
        tick_marks=ticks(window, style),
        axis=None
        if skip_axis
        else axis_for(
            events,
            window,
            lanes,
            count_scope(selected.form.cleaned_data, request.user, story),
            listed=_listed_on_axis(request, events, page, next_cursor, until, window, lanes),
        ),
        events=page,
        cards=load_cards(page),
        next_cursor=next_cursor,
    )


def _listed_on_axis(
    request: HttpRequest,
    events: EventQuerySet,
    page: list[Event],
    next_cursor: str | None,
    until: date | None,
    window: Window,
    lanes: str,
) -> list[Event] | None:
    """Every event of the window, when the list already read most of them; else None,
    and the axis counts the window in the database (`axis_for`'s `listed`).

    The first page and the last holds every event up to `until` (a search with a few
    matches, or none; a rare place). When the window ends after `until` only what
    begins later is still unread: a few of them are read here, where counting a
    twelve-year window of a search that matches nothing cost two queries (each
    walking every event of a kind, for a search within a kind). Lanes by story read
    the events' stories: they always count in the database."""
    if "after" in request.GET or next_cursor is not None or lanes == "story":
        return None
    if until is None or window.end <= until + timedelta(days=1):
        return page
    # More than a sparse window's worth: the counts are cheaper than reading them.
    later = list(in_window(events.filter(first_day__gt=until), window)[: SPARSE_LIMIT + 1])
    return [*page, *later] if len(later) <= SPARSE_LIMIT else None


# The partials are defined in this template; pages extending it (a story's) do not
# inherit them, so fragments are always rendered from here.
_PARTIALS_TEMPLATE = "timeline/timeline.html"


def _render_timeline(
    request: HttpRequest, template: str, story: Story | None = None, extra: dict | None = None
) -> HttpResponse:
    """The page, or for HTMX the part it swaps: more cards, or the whole view."""
    # Before the page's queries: a change committed meanwhile is announced, not lost.
    endpoint = reverse("timeline:story_changes", args=[story.slug]) if story else None
    live = live_marker(request, endpoint or reverse("timeline:changes"), "#timeline-view")
    view = _timeline_view(request, story)
    part = "#events-page" if "after" in request.GET else "#timeline-view"
    return render_page(
        request,
        template,
        {
            "story": story,
            "view": view,
            "live": live,
            "editor": is_editor(request.user),
            "filtered": any(request.GET.get(name) for name in READER_FILTERS),
            **(extra or {}),
        },
        fragment=f"{_PARTIALS_TEMPLATE}{part}",
    )


@cached_for_readers
def timeline(request: HttpRequest) -> HttpResponse:
    """All confirmed events (editors: all events), filtered, on the axis and in a list."""
    return _render_timeline(request, "timeline/timeline.html")


@cached_for_readers
def story_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One story's events; unpublished stories exist for editors only."""
    story = get_object_or_404(Story, slug=slug)
    if not story.published and not is_editor(request.user):
        raise Http404("No such story.")
    return _render_timeline(
        request, "timeline/story.html", story, {"embed_origins": settings.EMBED_ALLOWED_ORIGINS}
    )


def _shown(request: HttpRequest, editor: bool, slug: str | None = None) -> EventQuerySet:
    """The events a timeline page (`_timeline_view`) shows, in its list or on its axis."""
    story = None
    if slug is not None:
        story = Story.objects.filter(slug=slug).first()
        if story is None or not (story.published or editor):
            return Event.objects.none()
    _form, events = timeline_events(request.GET, request.user, story=story)
    # The list runs back from `at` (or today); the axis reaches the end of its window.
    window = parse_window(request.GET.get("zoom"), request.GET.get("at"))
    at = window.at if window is not None else parse_day(request.GET.get("at"))
    if at is None:
        if wants_upcoming(request.GET):
            return events
        return events.filter(first_day__lte=timezone.localdate())
    window = window or window_at(DEFAULT_ZOOM, at)
    return events.filter(first_day__lt=max(at + timedelta(days=1), window.end))


@require_GET
def timeline_changes(request: HttpRequest) -> HttpResponse:
    """How many of the timeline page's events changed since it was rendered (live.py)."""
    return changes(request, _shown)


@require_GET
def story_changes(request: HttpRequest, slug: str) -> HttpResponse:
    """How many of a story page's events changed since it was rendered (live.py)."""
    return changes(request, lambda request, editor: _shown(request, editor, slug))


@cached_for_readers
def event_detail(request: HttpRequest, event_id: int) -> HttpResponse:
    """An event with every excerpt that reports it; a panel for HTMX, else a page."""
    editor = is_editor(request.user)
    event = get_object_or_404(Event.objects.visible_to(request.user), pk=event_id)
    # Its relations read with a query each: prefetching them for one event built more.
    sources = event_sources(event)  # the excerpts show their article's title and day
    # Counted from its sources, read anyway: a COUNT(DISTINCT) joined them once more.
    event.article_count = len({source.article_id for source in sources})
    places, actors = linked_names([event.pk])  # their names, in one query
    context = {
        "event": event,
        "sources": sources,
        "images": event_images([event]).get(event.pk, []),
        # Readers see its published stories; editors all of them, in their own section.
        "stories": [] if editor else published_stories(event),
        "places": places[event.pk],
        "actors": actors[event.pk],
        "in_panel": wants_fragment(request),
        "editor": editor,
        "annotations": visible_annotations(request.user).filter(event=event),
    }
    if editor:
        context |= {
            "annotation_form": AnnotationForm(),
            "image_form": EventImageForm(),
            "all_stories": Story.objects.only("pk", "title"),
            "history": event_history(event),
        }
    return render_page(request, "timeline/event.html", context, fragment="#event-detail")
