"""Reader pages kept in the shared cache, so that a crowd of readers costs little.

Anonymous readers of one URL all get the same page, so it is rendered once and
kept for READER_CACHE_SECONDS in the cache every web host shares (Redis when
REDIS_URL is set). Three things make that safe:

- signed-in users (editors see candidates, forms, history) always get a fresh page;
- the page is stored with a placeholder where the CSRF token goes, and each reader
  gets their own token filled in;
- any change to what readers see (an event, a story, a source, an annotation)
  moves the cache to a new generation, so no reader waits for the timeout: every
  write goes through timeline/actions.py, whose `announce_change` calls
  `forget_reader_pages` once the transaction commits.

The cache is an optimisation, never a dependency: when it cannot be reached every
call to it is logged and skipped, and pages are rendered from the database.

It also keeps readers reading while the database is away (a restart, a failover):
a page is kept READER_STALE_SECONDS beyond its freshness, and when rendering it
again fails on the database (OperationalError, InterfaceError) that older copy is
served instead, and logged. Without a copy the error goes on to
newsroom.middleware.DatabaseOutageMiddleware, which retries briefly, then answers 503.
"""

import hashlib
import logging
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

CSRF_PLACEHOLDER = "reader-cache-csrf-placeholder"
_GENERATION_KEY = "reader-pages:generation"
# What a cache that cannot be reached raises (Redis refusing, timing out, or gone).
_CACHE_ERRORS = (RedisError, OSError)
# What a database that cannot answer raises: not reachable, restarting, connection cut.
_DATABASE_ERRORS = (OperationalError, InterfaceError)

# A stored page: (generation, fresh until (time.time()), content, headers).
type StoredPage = tuple[int, float, str, dict[str, str]]


def _safely(what: str, call: Callable[[], Any]) -> Any:
    """The call's result, or None (and a warning) when the cache cannot be reached."""
    try:
        return call()
    except _CACHE_ERRORS as exc:
        log.warning("reader cache unavailable, %s skipped: %s: %s", what, type(exc).__name__, exc)
        return None


def cached_for_readers(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve anonymous GETs of a reader view from the cache, rendering on a miss."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _page_key(request)
        # One round trip for the generation and the page: a hit costs one Redis call.
        found = _safely("get", lambda: cache.get_many([_GENERATION_KEY, key]))
        if found is None:  # no cache to be had: render from the database
            return view(request, *args, **kwargs)
        current = found.get(_GENERATION_KEY) or generation()
        if current is None:  # the cache went away meanwhile
            return view(request, *args, **kwargs)
        stored: StoredPage | None = found.get(key)
        # A page rendered before the last change, or too long ago, is out of date.
        if stored is None or stored[0] != current or stored[1] <= time.time():
            request.reader_cache_placeholder = True
            try:
                response = view(request, *args, **kwargs)
            except _DATABASE_ERRORS as exc:
                if stored is None:
                    raise
                log.warning(
                    "database unavailable, stale copy of %s served: %s: %s",
                    request.get_full_path(),
                    type(exc).__name__,
                    exc,
                )
                return _response(request, stored)
            if response.status_code != 200 or response.streaming:
                return response
            headers = {k: v for k, v in response.items() if k.lower() != "content-length"}
            fresh_until = time.time() + settings.READER_CACHE_SECONDS
            stored = (current, fresh_until, response.content.decode(response.charset), headers)
            # Kept beyond its freshness: served while the database is away.
            keep = settings.READER_CACHE_SECONDS + settings.READER_STALE_SECONDS
            _safely("set", lambda: cache.set(key, stored, keep))
        return _response(request, stored)

    return wrapper


def _response(request: HttpRequest, stored: StoredPage) -> HttpResponse:
    """The stored page as this reader's response, with their own CSRF token."""
    _, _, content, headers = stored
    if CSRF_PLACEHOLDER in content:
        content = content.replace(CSRF_PLACEHOLDER, get_token(request))
    response = HttpResponse(content)
    for name, value in headers.items():
        response[name] = value
    patch_vary_headers(response, ["HX-Request", "Cookie"])
    return response


def csrf_placeholder(request: HttpRequest) -> dict[str, str]:
    """Context processor: a page rendered for the cache carries a placeholder token."""
    if getattr(request, "reader_cache_placeholder", False):
        return {"csrf_token": CSRF_PLACEHOLDER}
    return {}


def _bump() -> None:
    try:
        cache.incr(_GENERATION_KEY)
    except ValueError:
        cache.set(_GENERATION_KEY, 1, None)


def _bump_safely() -> None:
    _safely("invalidation", _bump)


def forget_reader_pages(**kwargs) -> None:
    """Start a new generation: every cached reader page is out of date.

    At once, and again when the current transaction commits: a page (or a live
    count, timeline/reader/live.py) read between the two showed the database before the
    change, and must not be kept for the new generation. Runs inside the editor's
    transaction, so an unreachable cache must not fail it; pages cached before the
    outage may then be served until they expire (READER_CACHE_SECONDS).
    """
    _bump_safely()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump_safely)


def generation() -> int | None:
    """The reader pages' current generation; None when the cache cannot be reached."""
    return _safely("generation", lambda: cache.get_or_set(_GENERATION_KEY, 1, None))


def cached_answer[T](generation: int, variant: str, compute: Callable[[], T]) -> T:
    """`compute()`, kept for READER_CACHE_SECONDS under this generation and `variant`
    (computed every time when the cache is off or cannot be reached)."""
    if settings.READER_CACHE_SECONDS <= 0:
        return compute()
    digest = hashlib.sha256(variant.encode("utf-8")).hexdigest()
    key = f"reader-answers:{generation}:{digest}"
    stored = _safely("get", lambda: cache.get(key))
    if stored is not None:
        return stored
    answer = compute()
    _safely("set", lambda: cache.set(key, answer, settings.READER_CACHE_SECONDS))
    return answer


def connect_signals() -> None:
    """A safety net under timeline/actions.py: forget reader pages whenever a model
    readers see is saved or deleted one row at a time, by the actions or by anything
    else (the shell, a Django admin form, a change not yet moved into an action).

    Bulk writes send no signal: the actions announce those themselves.
    """
    from timeline.models import Actor, Annotation, Event, EventImage, EventSource, Place, Story

    # Places and actors: their names are on every card; images: on cards and panels.
    for model in (Event, EventSource, Story, Annotation, EventImage, Place, Actor):
        post_save.connect(forget_reader_pages, sender=model, dispatch_uid=f"reader-{model}-save")
        post_delete.connect(forget_reader_pages, sender=model, dispatch_uid=f"reader-{model}-del")
    for through in (Story.events.through, Event.places.through, Event.actors.through):
        m2m_changed.connect(forget_reader_pages, sender=through, dispatch_uid=f"reader-{through}")


def _cacheable(request: HttpRequest) -> bool:
    return (
        settings.READER_CACHE_SECONDS > 0
        and request.method == "GET"
        and not request.user.is_authenticated
        # A page shown with a one-time message must not be shown to others.
        and len(messages.get_messages(request)) == 0
    )


def _page_key(request: HttpRequest) -> str:
    """The key of the request's page; what it holds says which generation it is of."""
    variant = "|".join(
        (
            get_language() or "",
            "htmx" if request.htmx else "page",
            "restore" if request.htmx and request.htmx.history_restore_request else "",
            request.get_full_path(),
        )
    )
    digest = hashlib.sha256(variant.encode("utf-8")).hexdigest()
    # v2: what is stored says until when it is fresh (entries of v1 are not read).
    return f"reader-pages:v2:{digest}"
