"""Reader-facing pages: the timeline, a story's timeline, and an event.

Each page is one view and one template; an HTMX request gets a named fragment of
the same template. Every page costs a fixed number of queries, however many events
the archive holds (keyset pagination, prefetching, no counts over the archive).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from timeline.access import is_editor, visible_annotations, visible_events
from timeline.dates import site_date_style
from timeline.editing import event_history
from timeline.forms import AnnotationForm
from timeline.live import changes, live_marker
from timeline.media_views import EventImageForm
from timeline.models import Event, EventSource, Story
from timeline.reader_cache import cached_for_readers
from timeline.reader_filters import TimelineFilterForm, filter_events, news_page
from timeline.timeline_axis import (
    DEFAULT_ZOOM,
    Axis,
    Tick,
    Window,
    axis_for,
    fit_window,
    parse_day,
    parse_window,
    ticks,
    window_at,
)


def _sources() -> Prefetch:
    return Prefetch(
        "sources",
        queryset=EventSource.objects.select_related("article").order_by("id"),
    )


def _with_article_counts(events: list[Event]) -> list[Event]:
    # Counted from the prefetched sources: a COUNT() join would group the whole archive.
    for event in events:
        event.article_count = len({source.article_id for source in event.sources.all()})
    return events


@dataclass(frozen=True)
class TimelineView:
    form: TimelineFilterForm
    window: Window
    focus: date  # the day zooming keeps in place
    tick_marks: list[Tick]
    axis: Axis | None
    events: list[Event]
    next_cursor: str | None


def _timeline_view(request: HttpRequest, story: Story | None) -> TimelineView:
    """The events (one page of the list and the axis window) the request asks for."""
    editor = is_editor(request.user)
    form = TimelineFilterForm(request.GET, editor=editor, with_story=story is None)
    form.is_valid()  # invalid fields are dropped from cleaned_data and shown as errors
    events: QuerySet[Event] = filter_events(Event.objects.all(), form.cleaned_data, editor)
    if story is not None:
        events = events.filter(stories=story)

    # The list is the news: newest first, from `at` (a day) or else from today
    # (events dated in the future are announcements, and wait on the axis).
    window = parse_window(request.GET.get("zoom"), request.GET.get("at"))
    at = window.at if window is not None else parse_day(request.GET.get("at"))
    # Its next pages keep the same bound (their cursors go back in time from it).
    listed = events.filter(first_day__lte=at or timezone.localdate())
    page, next_cursor = news_page(
        listed.prefetch_related(_sources(), "places", "actors", "images"),
        form.cleaned_data.get("q") or "",
        request.GET.get("after"),
        settings.TIMELINE_PAGE_SIZE,
    )
    _with_article_counts(page)

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
    return TimelineView(
        form=form,
        window=window,
        focus=focus or window.at,
        tick_marks=ticks(window, style),
        # More cards for the list (HTMX) need no axis: its queries are skipped.
        axis=None
        if request.htmx and "after" in request.GET
        else axis_for(events, window, form.cleaned_data.get("lanes") or ""),
        events=page,
        next_cursor=next_cursor,
    )


# The partials are defined in this template; pages extending it (a story's) do not
# inherit them, so fragments are always rendered from here.
_PARTIALS_TEMPLATE = "timeline/timeline.html"


def _fragment(request: HttpRequest, template: str) -> str:
    """The page, or for HTMX the part it swaps: more cards, or the whole view."""
    if not request.htmx or request.htmx.history_restore_request:
        return template
    if "after" in request.GET:
        return f"{_PARTIALS_TEMPLATE}#events-page"
    return f"{_PARTIALS_TEMPLATE}#timeline-view"


def _render_timeline(
    request: HttpRequest, template: str, story: Story | None = None
) -> HttpResponse:
    # Before the page's queries: a change committed meanwhile is announced, not lost.
    endpoint = reverse("timeline:story_changes", args=[story.slug]) if story else None
    live = live_marker(request, endpoint or reverse("timeline:changes"), "#timeline-view")
    view = _timeline_view(request, story)
    response = render(
        request,
        _fragment(request, template),
        {
            "story": story,
            "view": view,
            "live": live,
            "editor": is_editor(request.user),
            "filtered": any(
                request.GET.get(name)
                for name in ("q", "kind", "place", "actor", "story", "start", "end")
            ),
        },
    )
    # The same URL answers with a page or a fragment: caches must keep them apart.
    patch_vary_headers(response, ["HX-Request"])
    return response


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
    return _render_timeline(request, "timeline/story.html", story)


def _shown(request: HttpRequest, editor: bool, slug: str | None = None) -> QuerySet[Event]:
    """The events a timeline page (`_timeline_view`) shows, in its list or on its axis."""
    form = TimelineFilterForm(request.GET, editor=editor, with_story=slug is None)
    form.is_valid()
    events = filter_events(Event.objects.all(), form.cleaned_data, editor)
    if slug is not None:
        story = {"stories__slug": slug} | ({} if editor else {"stories__published": True})
        events = events.filter(**story)
    # The list runs back from `at` (or today); the axis reaches the end of its window.
    window = parse_window(request.GET.get("zoom"), request.GET.get("at"))
    at = window.at if window is not None else parse_day(request.GET.get("at"))
    if at is None:
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
    # Editors also see unpublished stories: they add the event to them and remove it.
    stories = Story.objects.all() if editor else Story.objects.filter(published=True)
    event = get_object_or_404(
        visible_events(request.user)
        .annotate(article_count=Count("sources__article", distinct=True))
        .prefetch_related(
            _sources(), "places", "actors", "images", Prefetch("stories", queryset=stories)
        ),
        pk=event_id,
    )
    template = "timeline/event.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#event-detail"
    context = {
        "event": event,
        "in_panel": bool(request.htmx),
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
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
