"""What makes the timeline shareable: the index of stories, link previews, feed links.

Link previews (`og:`, Twitter cards) and the Atom `<link rel="alternate">` are built by
the template tags in timeline/templatetags/sharing_tags.py from what this module says.
"""

from collections.abc import Iterable

from django.db.models import Count, F, Max, Min, Q, QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import Truncator

from timeline.models import Event, EventSource, Story
from timeline.reader.filters import READER_FILTERS
from timeline.reader_cache import cached_for_readers

# The timeline's filters a feed can follow: the readers' ones. The rest of the query
# string (zoom, at, after) places the view and does not change the events.
FEED_FILTERS = READER_FILTERS
# Link previews show about two lines; longer descriptions are cut by the platforms.
DESCRIPTION_CHARS = 200


def feed_url(request: HttpRequest, story: Story | None = None) -> str:
    """The Atom feed of the events this page shows: the same filters, the page's story."""
    query = QueryDict(mutable=True)
    for name in FEED_FILTERS:
        value = request.GET.get(name)
        if value:
            query[name] = value[:200]
    if story is not None:
        query["story"] = story.slug
    url = reverse("confirmed_feed")
    return f"{url}?{query.urlencode()}" if query else url


def event_description(sources: Iterable[EventSource]) -> str:
    """The first report's excerpt (of an event's `sources`, in their order), the words a
    reader would read first."""
    for source in sources:
        if source.excerpt.strip():
            return Truncator(" ".join(source.excerpt.split())).chars(DESCRIPTION_CHARS)
    return ""


def story_description(story: Story) -> str:
    return Truncator(" ".join(story.description.split())).chars(DESCRIPTION_CHARS)


def published_stories() -> QuerySet[Story]:
    """Published stories with their confirmed events' count and span, latest first."""
    confirmed = Q(events__status=Event.Status.CONFIRMED)
    return (
        Story.objects.filter(published=True)
        .annotate(
            event_count=Count("events", filter=confirmed, distinct=True),
            first_day=Min("events__first_day", filter=confirmed),
            last_day=Max("events__last_day", filter=confirmed),
        )
        .order_by(F("last_day").desc(nulls_last=True), "title")
    )


@cached_for_readers
def story_index(request: HttpRequest) -> HttpResponse:
    """/stories/: every published story, for readers to pick one to follow."""
    return render(request, "timeline/story_index.html", {"stories": published_stories()})
