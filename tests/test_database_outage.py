"""While the database restarts readers keep reading: a cached page's older copy, else
the view tried again; writes are never retried; 503 with Retry-After when nothing helps."""

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

import psycopg
import pytest
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.db.backends.utils import CursorWrapper

from newsroom.middleware import RETRY_AFTER_SECONDS, database_unavailable
from tests.factories import make_editor, make_event
from timeline.models import Event


def refused() -> OperationalError:
    """What Django raises when PostgreSQL refuses the connection (it is restarting)."""
    cause = psycopg.OperationalError(
        'connection failed: connection to server at "127.0.0.1", port 5432 failed: '
        "Connection refused"
    )
    error = OperationalError(*cause.args)
    error.__cause__ = cause
    return error


@contextmanager
def database_down(failures: int | None = None) -> Iterator[list[str]]:
    """Every query fails as on a PostgreSQL that refuses connections (only the first
    `failures` queries, when given). Yields the queries that failed."""
    failed: list[str] = []
    real = CursorWrapper._execute

    def execute(self: CursorWrapper, sql: str, params: object, *args: object) -> object:
        if failures is None or len(failed) < failures:
            failed.append(sql)
            raise refused()
        return real(self, sql, params, *args)

    with mock.patch.object(CursorWrapper, "_execute", execute):
        yield failed


@pytest.fixture
def reader_cache(settings):
    settings.READER_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_a_cached_page_is_served_from_its_older_copy_while_the_database_is_down(
    client, reader_cache, caplog
):
    event = make_event(title="لقاء الوزيرين في إسطنبول", status=Event.Status.CONFIRMED)
    assert client.get("/").status_code == client.get("/api/events").status_code == 200
    # A change: the cached page and answer are now out of date.
    event.title = "لقاء الوزيرين في أنقرة"
    event.save()

    with database_down() as failed:
        page = client.get("/")
        answer = client.get("/api/events")

    assert failed, "the pages were out of date: the database was asked first"
    assert page.status_code == answer.status_code == 200
    assert "لقاء الوزيرين في إسطنبول" in page.content.decode()
    assert "لقاء الوزيرين في إسطنبول" in json.dumps(answer.json(), ensure_ascii=False)
    assert "stale copy of / served" in caplog.text
    # The database is back: the page shows the change.
    assert "لقاء الوزيرين في أنقرة" in client.get("/").content.decode()


@pytest.mark.django_db
def test_a_cached_page_is_fresh_for_reader_cache_seconds_only(client, reader_cache):
    """Pages are kept longer than READER_CACHE_SECONDS now (for the database's
    outages), but only that long are they served without asking the database."""
    make_event(title="لقاء الوزيرين في إسطنبول", status=Event.Status.CONFIRMED)
    client.get("/")
    Event.objects.update(title="لقاء الوزيرين في أنقرة")  # bulk: no signal, no new generation
    assert "إسطنبول" in client.get("/").content.decode()
    with mock.patch("timeline.reader_cache.time.time", return_value=time.time() + 61):
        assert "أنقرة" in client.get("/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_page_not_in_the_cache_is_tried_again_until_the_database_answers(client, caplog):
    article = make_event(status=Event.Status.CONFIRMED).sources.get().article

    with database_down(failures=2) as failed:
        response = client.get(f"/articles/{article.pk}/")

    assert response.status_code == 200
    assert article.title in response.content.decode()
    assert len(failed) == 2
    assert f"GET /articles/{article.pk}/ tried again" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_when_the_database_stays_away_readers_get_503_with_retry_after(client, settings):
    settings.DATABASE_RETRY_SECONDS = 1
    article = make_event(status=Event.Status.CONFIRMED).sources.get().article

    started = time.monotonic()
    with database_down() as failed:
        page = client.get(f"/articles/{article.pk}/")
        answer = client.get(f"/api/articles/{article.pk}")
    seconds = time.monotonic() - started

    assert page.status_code == answer.status_code == 503
    assert page["Retry-After"] == answer["Retry-After"] == "5"
    assert "الخدمة متوقفة لحظياً" in page.content.decode()
    assert answer.json()["detail"] == "الخدمة متوقفة لحظياً؛ أعد المحاولة بعد بضع ثوانٍ."
    # The page tried three times (after 0.2 s and 0.4 s), within the budget; the
    # answer once (the database is known to be down by then, see below).
    assert len(failed) == 4
    assert seconds < 2 * settings.DATABASE_RETRY_SECONDS


@pytest.mark.django_db(transaction=True)
def test_once_a_wait_was_in_vain_requests_are_answered_503_at_once(client, settings):
    """While the database stays down, readers are not each held for the whole wait
    (with a few workers, every cached page would queue behind them)."""
    settings.DATABASE_RETRY_SECONDS = 1
    article = make_event(status=Event.Status.CONFIRMED).sources.get().article
    page = f"/articles/{article.pk}/"

    with database_down() as failed:
        assert client.get(page).status_code == 503
        assert len(failed) == 3  # waited, in vain
        started = time.monotonic()
        assert client.get(page).status_code == 503
        assert len(failed) == 4  # tried once, answered at once
        assert time.monotonic() - started < 0.2
    # RETRY_AFTER_SECONDS later a request waits again, and the database is back.
    later = time.monotonic() + RETRY_AFTER_SECONDS + 1
    with database_down(failures=1) as failed:
        with mock.patch("newsroom.middleware.time.monotonic", return_value=later):
            assert client.get(page).status_code == 200
        assert len(failed) == 1  # tried again


@pytest.mark.django_db
def test_writes_and_signed_in_users_are_never_retried(client):
    event = make_event()
    client.force_login(make_editor())

    with database_down() as failed:
        write = client.post(f"/events/{event.pk}/confirm/")
        read = client.get("/")

    assert write.status_code == read.status_code == 503
    assert write["Retry-After"] == "5"
    assert len(failed) == 2  # one query each (the session), never a second attempt


def _sqlite_error(sql: str) -> sqlite3.Error:
    try:
        sqlite3.connect(":memory:").execute(sql)
    except sqlite3.Error as exc:
        return exc
    raise AssertionError("no error")


@pytest.mark.parametrize(
    ("cause", "unavailable"),
    [
        (psycopg.OperationalError("connection failed: Connection refused"), True),
        (psycopg.OperationalError("server closed the connection unexpectedly"), True),
        (psycopg.errors.AdminShutdown("terminating connection due to administrator command"), True),
        (psycopg.errors.CannotConnectNow("the database system is starting up"), True),
        (psycopg.errors.QueryCanceled("canceling statement due to statement timeout"), False),
        (_sqlite_error("SELECT * FROM missing"), False),
    ],
)
def test_an_outage_is_told_from_a_failed_query(cause: Exception, unavailable: bool):
    error = OperationalError(*cause.args)
    error.__cause__ = cause
    assert database_unavailable(error) is unavailable


def test_a_closed_connection_is_an_outage():
    assert database_unavailable(InterfaceError("connection already closed"))
    assert not database_unavailable(ValueError("not a database error"))
