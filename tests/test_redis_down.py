"""Redis is an optimisation for readers: with it stopped, readers and editors carry on."""

import html
import logging
import re
from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache

from newsroom.celery import app as celery_app
from tests.factories import make_editor
from tests.processes import RedisServer
from timeline.models import Article, Event, Story
from timeline.pipeline.ingest import ingest_text


def _reset_broker_connections() -> None:
    """Make the app connect afresh to whatever broker_url now says (pools are per URL)."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def redis_stopped(settings, tmp_path):
    """A real redis-server, started so the settings point at it, then stopped."""
    server = RedisServer(tmp_path)
    server.start()
    server.stop()
    settings.REDIS_URL = server.url
    settings.READER_CACHE_SECONDS = 60
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.RedisCache",  # as settings.py
            "LOCATION": server.url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    previous = (celery_app.conf.broker_url, celery_app.conf.task_always_eager)
    celery_app.conf.broker_url = server.url
    celery_app.conf.task_always_eager = False
    _reset_broker_connections()
    yield server
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = previous
    _reset_broker_connections()


@pytest.fixture
def published(django_capture_on_commit_callbacks):
    """An extracted article whose events are confirmed and in a published story."""
    with django_capture_on_commit_callbacks(execute=True):
        article = ingest_text(
            "لاريجاني في موسكو\nالتقى لاريجاني بوتين يوم الأحد، ووقعا اتفاقاً في 3 آذار 2024.",
            published=date(2025, 7, 20),
        ).article
    article.refresh_from_db()
    assert Event.objects.exists()
    for event in Event.objects.all():
        event.status = Event.Status.CONFIRMED
        event.save()
    story = Story.objects.create(title="قصة", slug="story", published=True)
    story.events.set(Event.objects.all())
    return article


@pytest.mark.django_db
def test_readers_get_pages_from_the_database_while_redis_is_stopped(
    client, published, redis_stopped, caplog
):
    event = Event.objects.first()
    caplog.set_level(logging.WARNING, "timeline.reader_cache")
    urls = [
        "/",
        "/?q=لاريجاني",
        "/stories/story/",
        f"/events/{event.pk}/",
        f"/articles/{published.pk}/",
        "/api/events",
        f"/api/events/{event.pk}",
        "/api/articles",
        f"/api/articles/{published.pk}",
        "/api/stories",
        "/api/stories/story",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    assert event.title in client.get("/").content.decode()
    assert "reader cache unavailable" in caplog.text
    with pytest.raises(Exception):  # noqa: B017 - the cache really is unreachable
        cache.get("anything")


@pytest.mark.django_db
def test_health_still_says_redis_is_down(client, redis_stopped):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["redis"] != "ok"


@pytest.mark.django_db
def test_editors_writes_succeed_and_articles_wait_for_the_sweep(
    client, published, redis_stopped, django_capture_on_commit_callbacks, caplog
):
    editor = make_editor()
    editor.user_permissions.add(
        *Permission.objects.filter(codename__in=["add_article", "change_article"])
    )
    client.force_login(editor)
    event = Event.objects.first()

    with django_capture_on_commit_callbacks(execute=True):
        created = client.post(
            "/articles/new/",
            {"title": "لقاء", "text": "التقى الوزيران يوم الأحد.", "published": "2025-07-20"},
        )
        corrected = client.post(f"/articles/{published.pk}/published/", {"published": "2025-07-21"})
        rejected = client.post(f"/events/{event.pk}/reject/")

    assert created.status_code == corrected.status_code == rejected.status_code == 302
    article = Article.objects.get(title="لقاء")
    assert article.status == Article.Status.QUEUED  # the sweep sends it when Redis is back
    assert Article.objects.get(pk=published.pk).status == Article.Status.QUEUED
    assert Event.objects.get(pk=event.pk).status == Event.Status.REJECTED
    assert "stays queued" in caplog.text
    page = client.get(created.url).content.decode()
    assert "حُفظ المقال" in page  # the editor is told it worked


@pytest.mark.django_db
def test_open_pages_hear_of_no_change_while_redis_is_stopped(client, published, redis_stopped):
    page = client.get("/").content.decode()
    url = html.unescape(re.search(r'data-live-url="([^"]+)"', page).group(1))

    response = client.get(url, headers={"If-None-Match": '"1"'})

    assert response.status_code == 204  # nothing to announce; the page stays as it is
