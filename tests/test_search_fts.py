"""SQLite's FTS5 trigram index of events' text (timeline/search_fts.py): a rare word's
events are looked up in it, and it finds what a scan of the text finds."""

from datetime import date

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from tests.factories import dated_event, make_events
from timeline import search as search_module
from timeline import search_fts
from timeline.models import Event
from timeline.search import query_words, rare_word_ids, search
from timeline.search_index import refresh_search_text

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "sqlite", reason="PostgreSQL's trigram GIN index does this"
    ),
]


def scanned(query: str) -> set[int]:
    """The events a plain substring scan finds: what `search` must find."""
    events = Event.objects.all()
    for word in query_words(query):
        events = events.filter(search_text__contains=word)
    return set(events.values_list("pk", flat=True))


def found(query: str) -> set[int]:
    return set(search(Event.objects.all(), query).values_list("pk", flat=True))


QUERIES = ["الكرملين", "المفاوضات في إسطنبول", "حدث", "رقم 7", "لا شيء هنا", "12", "رقم"]


def test_a_rare_word_is_looked_up_and_every_search_finds_what_a_scan_finds(monkeypatch):
    make_events(40, start=date(2020, 1, 1))
    dated_event("مفاوضات في إسطنبول", date(2021, 3, 3))
    dated_event("بيان الكرملين", date(2021, 3, 4), kind="statement")
    monkeypatch.setattr(search_module, "RARE_WORD", 5)
    assert rare_word_ids(query_words("الكرملين")) is not None
    assert rare_word_ids(query_words("حدث")) is None  # in 40 events: walked, not looked up
    assert rare_word_ids(query_words("حدث الكرملين")) == list(
        Event.objects.filter(title__contains="الكرملين").values_list("pk", flat=True)
    )
    for query in QUERIES:
        assert found(query) == scanned(query), query
    assert found("الكرملين") and found("مفاوضات إسطنبول")


def test_the_index_follows_every_write_to_the_events_text():
    event = dated_event("لقاء في الدوحة", date(2022, 1, 1))
    make_events(5, start=date(2022, 2, 1))
    assert found("الدوحه") == {event.pk}
    event.title = "لقاء في عمّان"
    event.save()
    assert found("الدوحه") == set() and found("عمان") == {event.pk}
    Event.objects.filter(pk=event.pk).update(search_text="نص جديد")
    assert found("جديد") == {event.pk} and found("عمان") == set()
    refresh_search_text([event.pk])
    assert found("عمان") == {event.pk}
    Event.objects.update(title=F("title"))  # no text changed: nothing to index
    Event.objects.filter(pk=event.pk).delete()
    assert found("عمان") == set()
    search_fts.integrity_check(connection)
    for query in QUERIES:
        assert found(query) == scanned(query), query


def test_a_search_costs_one_bounded_look_up_more():
    make_events(3, start=date(2022, 2, 1))
    with CaptureQueriesContext(connection) as queries:
        list(search(Event.objects.all(), "حدث رقم"))
    assert len(queries) == 2
    assert "LIMIT" in queries[0]["sql"] and search_fts.FTS_TABLE in queries[0]["sql"]


def test_lost_triggers_are_made_again_after_a_migrate():
    search_fts.uninstall(connection)
    assert search_fts.missing(connection)
    dated_event("غير مفهرس", date(2021, 6, 1))
    assert search_fts.reinstall_if_lost(connection)
    assert found("مفهرس") == scanned("مفهرس") != set()
    search_fts.integrity_check(connection)
