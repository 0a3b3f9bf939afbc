"""Reader-facing pages: the timeline and its events."""

from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from timeline.models import Event, EventSource
from timeline.timeline_axis import place_on_axis

VISIBLE_STATUSES = (Event.Status.CANDIDATE, Event.Status.CONFIRMED)


def _visible_events():
    sources = EventSource.objects.select_related("article", "mention").order_by("id")
    return (
        Event.objects.filter(status__in=VISIBLE_STATUSES)
        .annotate(article_count=Count("sources__article", distinct=True))
        .prefetch_related(Prefetch("sources", queryset=sources))
        .order_by("first_day", "id")
    )


def timeline(request: HttpRequest) -> HttpResponse:
    events = list(_visible_events())
    return render(
        request,
        "timeline/timeline.html",
        {"events": events, "axis": place_on_axis(events)},
    )


def event_detail(request: HttpRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(_visible_events(), pk=event_id)
    template = "timeline/event.html"
    if request.htmx:
        template += "#event-detail"
    return render(request, template, {"event": event})
