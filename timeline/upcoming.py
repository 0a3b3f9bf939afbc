"""What is coming: confirmed events from today on, with a countdown, and their calendar.

The tagger resolves announced dates (a meeting «next Tuesday», a deadline «by the end
of the month»), so the archive already holds what is planned; this page shows it.
Day by day for the coming week, then week by week. "Today" is the site's local date
(TIME_ZONE): a cached page can be a minute late at midnight, no more.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from timeline.dates import format_day, format_period, site_date_style
from timeline.exports import EXPORT_LIMIT, calendar_response
from timeline.models import Event
from timeline.reader_cache import cached_for_readers
from timeline.reader_filters import TimelineFilterForm, filter_events

# Days shown one by one; after them, events are grouped by weeks of seven days.
DAYS_ONE_BY_ONE = 7
# The page and the calendar hold at most this many events, the soonest first.
UPCOMING_LIMIT = 200


@dataclass(frozen=True)
class Upcoming:
    event: Event
    countdown: str


@dataclass(frozen=True)
class UpcomingGroup:
    """Events of one day (`first == last`) or of one week of seven days."""

    first: date
    last: date
    label: str
    items: list[Upcoming]


def countdown(day: date, today: date) -> str:
    """«اليوم», «غداً», «بعد يومين», «بعد 3 أيام», «بعد 11 يوماً»…"""
    days = (day - today).days
    if days <= 0:
        return gettext("اليوم")
    if days == 1:
        return gettext("غداً")
    return ngettext("بعد يوم واحد", "بعد %(count)s أيام", days) % {"count": days}


def upcoming_events(filters: dict, today: date) -> QuerySet[Event]:
    """Confirmed events starting today or later, matching the filters, soonest first."""
    return (
        filter_events(Event.objects.all(), filters, editor=False)
        .filter(first_day__gte=today)
        .prefetch_related("places")
        .order_by("first_day", "id")
    )


def group_by_day_then_week(events: list[Event], today: date) -> list[UpcomingGroup]:
    """Each of the next DAYS_ONE_BY_ONE days its own group; later, seven days a group."""
    style = site_date_style()
    groups: list[UpcomingGroup] = []
    for event in events:
        offset = (event.first_day - today).days
        if offset < DAYS_ONE_BY_ONE:
            first = last = event.first_day
            label = format_day(first, style)
        else:
            # Weeks counted from the end of the days shown one by one, so none is cut.
            first = today + timedelta(days=offset - (offset - DAYS_ONE_BY_ONE) % 7)
            last = first + timedelta(days=6)
            label = format_period(first, last, Event.Granularity.WEEK, None, style)
        if not groups or groups[-1].first != first:
            groups.append(UpcomingGroup(first=first, last=last, label=label, items=[]))
        groups[-1].items.append(Upcoming(event, countdown(event.first_day, today)))
    return groups


@cached_for_readers
def upcoming(request: HttpRequest) -> HttpResponse:
    """/upcoming/: what is planned, from today on; the timeline's filters apply."""
    form = TimelineFilterForm(request.GET, editor=False)
    form.is_valid()  # a bad filter is dropped, as on the timeline
    today = timezone.localdate()
    events = list(upcoming_events(form.cleaned_data, today)[:UPCOMING_LIMIT])
    return render(
        request,
        "timeline/upcoming.html",
        {
            "today": today,
            "groups": group_by_day_then_week(events, today),
            "truncated": len(events) == UPCOMING_LIMIT,
            "calendar_query": request.GET.urlencode(),
        },
    )


def upcoming_icalendar(request: HttpRequest) -> HttpResponse:
    """/upcoming.ics: the same events, for a calendar to subscribe to."""
    form = TimelineFilterForm(request.GET, editor=False)
    if not form.is_valid():
        errors = "; ".join(f"{k}: {' '.join(map(str, v))}" for k, v in form.errors.items())
        return HttpResponseBadRequest(f"Bad filters: {errors}", content_type="text/plain")
    events = list(upcoming_events(form.cleaned_data, timezone.localdate())[:EXPORT_LIMIT])
    return calendar_response(request, events, gettext("ما هو قادم"), "upcoming")
