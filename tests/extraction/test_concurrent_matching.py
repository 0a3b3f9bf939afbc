"""Two workers reporting one new happening at the same moment leave one event."""

import threading
from datetime import date

import pytest
from django.db import connection, connections

from timeline.models import Article, Event
from timeline.pipeline import extract as pipeline

TEXTS = (
    "التقى وزير الخارجية الأمريكي مايك بومبيو يوم الأحد نظيره الروسي في جنيف لبحث الأزمة.",
    "اجتمع وزير الخارجية الأمريكي مايك بومبيو أمس مع نظيره الروسي في جنيف لبحث الأزمة.",
)


def make_articles() -> list[Article]:
    return [
        Article.objects.create(
            title=f"تقرير {n}",
            body=text,
            published=date(2018, 7, 15 + n),
            content_hash=f"hash-{n}",
            status=Article.Status.PROCESSING,
        )
        for n, text in enumerate(TEXTS)
    ]


@pytest.mark.django_db(transaction=True)
def test_two_workers_creating_the_same_event_at_once_leave_one(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer at a time; the race needs PostgreSQL")
    first, second = make_articles()
    # Both workers have loaded the known events (none) before either writes.
    both_loaded = threading.Barrier(2, timeout=20)
    lock_periods = pipeline._lock_periods

    def lock_after_both_loaded(article, periods):
        both_loaded.wait()
        lock_periods(article, periods)

    monkeypatch.setattr(pipeline, "_lock_periods", lock_after_both_loaded)
    errors: list[BaseException] = []

    def extract(article: Article) -> None:
        try:
            pipeline.extract_into_database(article)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=extract, args=(a,)) for a in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    events = Event.objects.filter(first_day=date(2018, 7, 15))
    assert events.count() == 1
    assert {s.article_id for s in events.get().sources.all()} == {first.pk, second.pk}
