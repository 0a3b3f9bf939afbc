"""What is coming: confirmed events from today on, with a countdown, and their calendar.

The tagger resolves announced dates (a meeting «next Tuesday», a deadline «by the end
of the month»), so the archive already holds what is planned; this page shows it.
Day by day for the coming week, then week by week. "Today" is the site's local date
(TIME_ZONE): a cached page can be a minute late at midnight, no more.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_GET

from timeline.models import Event, EventQuerySet
from timeline.reader.dates import format_day, format_period, site_date_style
from timeline.reader.filters import timeline_events
from timeline.reader.fragments import render_page
from timeline.reader.live import changes, live_marker
from timeline.reader_cache import cached_for_readers

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


def upcoming_events(events: EventQuerySet, today: date) -> EventQuerySet:
    """Of `events` (the filters' confirmed events), those starting today or later,
    soonest first."""
    return events.filter(first_day__gte=today).prefetch_related("places").in_timeline_order()


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
    # Before the query: a change committed meanwhile is announced, not lost.
    live = live_marker(request, reverse("timeline:upcoming_changes"), "#upcoming-list")
    _form, selected = timeline_events(request.GET)  # a bad filter is dropped, as on the timeline
    today = timezone.localdate()
    events = list(upcoming_events(selected, today)[:UPCOMING_LIMIT])
    # The list alone when its «new events» button asks for it.
    return render_page(
        request,
        "timeline/upcoming.html",
        {
            "today": today,
            "groups": group_by_day_then_week(events, today),
            "truncated": len(events) == UPCOMING_LIMIT,
            "calendar_query": request.GET.urlencode(),
            "live": live,
        },
        "#upcoming-list",
    )


def _upcoming_shown(request: HttpRequest, editor: bool) -> EventQuerySet:
    _form, selected = timeline_events(request.GET)
    return upcoming_events(selected, timezone.localdate())


@require_GET
def upcoming_changes(request: HttpRequest) -> HttpResponse:
    """How many of /upcoming/'s events changed since it was rendered (live.py)."""
    return changes(request, _upcoming_shown)
