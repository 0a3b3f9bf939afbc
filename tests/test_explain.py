"""At 100,000 events, the main pages' queries on PostgreSQL read the events table
through indexes: EXPLAIN shows no sequential scan on it."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from timeline.models import Event

SEQ_SCAN_ON_EVENTS = re.compile(r"Seq Scan on timeline_event\b")


@pytest.fixture
def large_archive(db):
    if connection.vendor != "postgresql":
        pytest.skip("EXPLAIN plans are checked on PostgreSQL only")
    call_command("fill_events", "100000")


def plans_of(client, url: str) -> list[tuple[str, str]]:
    """(sql, plan) of every SELECT on the events table that rendering `url` runs."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    plans = []
    for query in captured.captured_queries:
        sql = query["sql"]
        if sql.startswith("SELECT") and "timeline_event" in sql:
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN {sql}")
                plans.append((sql, "\n".join(row[0] for row in cursor.fetchall())))
    return plans


@pytest.mark.django_db
def test_main_pages_use_indexes_on_the_events_table_at_100000_events(client, large_archive):
    middle = Event.objects.order_by("first_day", "id")[50_000]
    urls = [
        "/",
        "/?kind=meeting",
        "/?q=انتخابات",
        "/?q=اجتماع&kind=meeting",
        "/?place=مدينة 3",
        "/?start=2000-01-01&end=2001-01-01",
        "/?zoom=months&at=1990-05-01",
        f"/?after={middle.first_day.isoformat()}.{middle.pk}",
        "/stories/bench/",
        f"/events/{middle.pk}/",
        "/api/events?kind=meeting&q=مفاوضات",
        f"/api/events/{middle.pk}",
        "/timeline.json?start=2020-01-01",
    ]
    checked = 0
    for url in urls:
        for sql, plan in plans_of(client, url):
            checked += 1
            assert not SEQ_SCAN_ON_EVENTS.search(plan), f"{url}\n{sql}\n{plan}"
    assert checked >= len(urls)
