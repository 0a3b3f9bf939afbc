"""A real Celery worker on real Redis processes the seed article."""

import time
from datetime import date

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from django.conf import settings

from newsroom.celery import app as celery_app
from tests.conftest import missing_service
from timeline.models import Article, Event
from timeline.pipeline.ingest import ingest_text

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def redis_worker():
    """A worker thread consuming from the broker the settings name (REDIS_URL)."""
    if not settings.REDIS_URL:
        missing_service("REDIS_URL is not set; `make test` points it at Redis database 15")
    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        missing_service(f"Redis is not reachable at {settings.REDIS_URL}: {exc}")
    celery_app.conf.task_always_eager = False
    celery_app.control.purge()  # messages left by an earlier, interrupted run
    with start_worker(celery_app, pool="solo", perform_ping_check=False) as worker:
        yield worker


def wait_for(condition, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_worker_extracts_the_seed_article_queued_on_commit(redis_worker, seed_text):
    article = ingest_text(seed_text, published=date(2025, 7, 20)).article
    assert article.status == Article.Status.QUEUED

    assert wait_for(
        lambda: (
            Article.objects.get(pk=article.pk).status
            in (Article.Status.DONE, Article.Status.FAILED)
        )
    ), "the worker did not process the article in time"

    article.refresh_from_db()
    assert article.status == Article.Status.DONE, article.error
    assert sorted(Event.objects.values_list("first_day", flat=True)) == [
        date(2015, 1, 1),
        date(2025, 7, 20),
        date(2025, 7, 25),
        date(2025, 8, 1),
    ]
