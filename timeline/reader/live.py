"""Open reader pages learn of new events: «أحداث جديدة (3)», loaded on a click.

A page (the timeline, a story, what is coming) carries its render time and the
reader cache's generation at that time (timeline/reader_cache.py). Its script asks
this module's endpoint every LIVE_POLL_SECONDS, sending the generation back as
If-None-Match:

- while the generation has not moved, nothing readers see has changed: 304, from
  the cache alone, without a query;
- once it has moved: how many events the page's filters match that were confirmed
  or changed since its render (one COUNT), kept in the cache for that generation,
  so a crowd of readers of one page costs one query per change;
- with the cache unreachable: 204, nothing to say (the page stays as it is).

Short requests only: no connection is held open per reader.
"""

from collections.abc import Callable
from datetime import UTC, datetime

from django.conf import settings
from django.db.models import QuerySet
from django.db.models.signals import m2m_changed
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotModified,
    JsonResponse,
)
from django.utils import timezone
from django.utils.http import parse_etags
from django.utils.translation import get_language, ngettext

from timeline import reader_cache
from timeline.access import is_editor
from timeline.models import Event, Story

# The page's own parameters that do not narrow what it shows.
_NOT_FILTERS = ("after", "since")


def live_marker(request: HttpRequest, endpoint: str, target: str) -> dict:
    """What a page needs to ask for its changes: taken before the page's queries,
    so that a change committed while it renders is counted, not lost."""
    query = request.GET.copy()
    for name in _NOT_FILTERS:
        query.pop(name, None)
    query["since"] = str(int(timezone.now().timestamp() * 1000))
    current = reader_cache.generation()
    return {
        "url": f"{endpoint}?{query.urlencode()}",
        "etag": "" if current is None else _etag(current),
        "every": settings.LIVE_POLL_SECONDS,
        # What a click on the button swaps: the page's own fragment, at its own URL.
        "target": target,
    }


def _etag(generation: int) -> str:
    return f'"{generation}"'


def _since(value: str | None) -> datetime | None:
    """Milliseconds since 1970 (what `live_marker` writes), as an aware datetime."""
    if not value or len(value) > 15 or not value.isdigit():
        return None
    return datetime.fromtimestamp(int(value) / 1000, tz=UTC)


def changes(
    request: HttpRequest, shown: Callable[[HttpRequest, bool], QuerySet[Event]]
) -> HttpResponse:
    since = _since(request.GET.get("since"))
    if since is None:
        return HttpResponseBadRequest("since: milliseconds since 1970 expected.")
    current = reader_cache.generation()
    if current is None:
        return HttpResponse(status=204)
    etag = _etag(current)
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        return _uncached(HttpResponseNotModified(), etag)
    # Past this point the database may be asked; editors see more than readers.
    editor = is_editor(request.user)

    def count() -> dict:
        changed = shown(request, editor).filter(updated_at__gt=since).count()
        return {"count": changed, "label": new_events_label(changed)}

    variant = "|".join((get_language() or "", str(editor), request.get_full_path()))
    answer = reader_cache.cached_answer(current, f"live|{variant}", count)
    return _uncached(JsonResponse(answer), etag)


def _uncached(response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    # Always asked again; the page's script sends the ETag back itself.
    response["Cache-Control"] = "no-cache, private"
    return response


def _story_events_added(sender, instance, action: str, pk_set=None, **kwargs) -> None:
    """An event added to a story is new on the story's page: it counts as changed."""
    if action != "post_add" or not pk_set:
        return
    events = [instance.pk] if kwargs["reverse"] else list(pk_set)
    Event.objects.filter(pk__in=events).update(updated_at=timezone.now())


def connect_signals() -> None:
    m2m_changed.connect(
        _story_events_added, sender=Story.events.through, dispatch_uid="live-story-events"
    )


def new_events_label(count: int) -> str:
    """«حدث جديد (1)», «حدثان جديدان (2)», «أحداث جديدة (3)»: Arabic's plural forms
    come from locale/ar."""
    return ngettext("أحداث جديدة (%(count)s)", "أحداث جديدة (%(count)s)", count) % {"count": count}
