"""The site speaks Arabic unless the reader chose another language; unreadable requests get
400; readers ride out a database restart, and everyone else gets 503 while it lasts."""

import contextlib
import logging
import sqlite3
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext


def language_middleware(get_response: Callable[[HttpRequest], HttpResponse]):
    """Activate the language from the reader's cookie, else LANGUAGE_CODE.

    Unlike Django's LocaleMiddleware this ignores Accept-Language: a newsroom's
    readers with English browsers still get the Arabic, right-to-left site.
    """
    available = {code for code, _name in settings.LANGUAGES}

    def middleware(request: HttpRequest) -> HttpResponse:
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if language not in available:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response

    return middleware


def refuse_unreadable_input(get_response: Callable[[HttpRequest], HttpResponse]):
    """Answer 400 to a path or query holding NUL or bytes that are not UTF-8.

    Neither can mean anything to this site, and either would otherwise reach the
    database (PostgreSQL refuses NUL in text) or a view as replacement characters.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        if _unreadable(request):
            return HttpResponseBadRequest(
                gettext("طلب غير صالح: فيه المحرف NUL أو بايتات ليست UTF-8."),
                content_type="text/plain; charset=utf-8",
            )
        return get_response(request)

    return middleware


def _unreadable(request: HttpRequest) -> bool:
    # Django has already re-quoted bytes of the path that are not UTF-8 (%FF stays
    # %FF); the query string is decoded only later, with replacement characters.
    query = unquote_to_bytes(request.META.get("QUERY_STRING", "").replace("+", " "))
    try:
        query_text = query.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return "\x00" in request.path or "\x00" in query_text


log = logging.getLogger(__name__)

# Seconds a client is asked to wait (Retry-After) when the database cannot answer.
RETRY_AFTER_SECONDS = 5
# SQLSTATEs of a database that is not there (rather than of a query that failed):
# class 08 (connection exception), admin shutdown, crash shutdown, cannot connect now.
_UNAVAILABLE_SQLSTATES = ("08", "57P01", "57P02", "57P03")
_SAFE_METHODS = ("GET", "HEAD")


def database_unavailable(exc: BaseException) -> bool:
    """Does `exc` say that the database cannot be reached at the moment (refused,
    restarting, connection cut, SQLite busy), rather than that a query was wrong?"""
    if isinstance(exc, InterfaceError):  # the connection is closed already
        return True
    if not isinstance(exc, OperationalError):
        return False
    cause = exc.__cause__
    sqlstate = getattr(cause, "sqlstate", None)
    if sqlstate is not None:
        return sqlstate.startswith(_UNAVAILABLE_SQLSTATES)
    if isinstance(cause, sqlite3.Error):  # «no such table» is not an outage
        return getattr(cause, "sqlite_errorname", None) in ("SQLITE_BUSY", "SQLITE_LOCKED")
    # PostgreSQL's errors without a SQLSTATE are the connection's: refused, closed, reset.
    return True


class DatabaseOutageMiddleware:
    """Readers go on reading while the database restarts; others get a clear 503.

    - An anonymous reader's GET or HEAD whose view fails because the database cannot
      be reached runs again: the broken connection is closed, and after a short pause
      (0.2 s, doubling up to 1 s) the view is called again, for at most
      DATABASE_RETRY_SECONDS in all. Anonymous means no session cookie: there is no
      user to load, and no editor's page to get wrong. Reader pages held in the cache
      are served from their older copy before it comes to that (timeline/reader_cache.py).
    - Writes, and every request of a signed-in user, are never retried: a write may
      have happened in part, and only its sender can tell whether to send it again.
    - When nothing helps: 503 with Retry-After, a page in the reader's language (JSON
      for the API), never a 500.
    - Once a request has waited its whole DATABASE_RETRY_SECONDS in vain, the database
      is taken to be down (in this process) for RETRY_AFTER_SECONDS: requests meanwhile
      try once and are answered 503 at once, instead of each holding a worker for the
      whole wait while cached pages queue. (A view that answers does not end this
      early: a cached page answers without asking the database.)

    It comes after every other middleware, so that their process_view hooks have run
    before it calls the view itself (as Django would: the views are synchronous and
    ATOMIC_REQUESTS is off).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        # time.monotonic() until which the database is taken to be down: no retries.
        self.down_until = 0.0

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view: Callable[..., HttpResponse],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        if request.method not in _SAFE_METHODS or settings.SESSION_COOKIE_NAME in request.COOKIES:
            return None  # Django calls the view; process_exception sees its errors
        now = time.monotonic()
        deadline = now + (settings.DATABASE_RETRY_SECONDS if now >= self.down_until else 0)
        pause = 0.2
        while True:
            try:
                return view(request, *view_args, **view_kwargs)
            except (OperationalError, InterfaceError) as exc:
                if not database_unavailable(exc):
                    raise
                if time.monotonic() + pause > deadline:
                    self.down_until = time.monotonic() + RETRY_AFTER_SECONDS
                    return unavailable(request, exc)
                log.warning(
                    "database unavailable, %s %s tried again in %.1f s: %s: %s",
                    request.method,
                    request.get_full_path(),
                    pause,
                    type(exc).__name__,
                    exc,
                )
            # The connection may be broken: the next attempt opens a new one.
            with contextlib.suppress(DatabaseError):
                connection.close()
            time.sleep(pause)
            pause = min(pause * 2, 1.0)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if database_unavailable(exc):
            return unavailable(request, exc)
        return None


def unavailable(request: HttpRequest, exc: BaseException) -> HttpResponse:
    """503 with Retry-After: a page in the reader's language, or JSON for the API.

    Rendered without the request, so without context processors: nothing on the
    page needs the database (not even the signed-in user's name). Django logs the
    503 as an error (django.request); this says why.
    """
    log.warning(
        "database unavailable, %s %s answered 503: %s: %s",
        request.method,
        request.get_full_path(),
        type(exc).__name__,
        exc,
    )
    response: HttpResponse
    if request.path_info.startswith("/api/"):
        message = gettext("الخدمة متوقفة لحظياً؛ أعد المحاولة بعد بضع ثوانٍ.")
        response = JsonResponse({"detail": message}, status=503)
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
