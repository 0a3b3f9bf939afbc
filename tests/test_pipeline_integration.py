"""The pipeline with real parts: a Redis server that we stop and start, Celery workers
as separate processes (killed mid-task), and manage.py commands as a newsroom runs them."""

from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction
from django.db.models import F

from tests.processes import RedisServer, Worker, manage, process_env, wait_for
from timeline import temporal
from timeline.models import Article, Event, EventSource, Mention

# The Redis list the workers consume (CELERY_QUEUE).
QUEUE = settings.CELERY_TASK_DEFAULT_QUEUE

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
          "تشرين الأول", "تشرين الثاني", "كانون الأول"]  # fmt: skip


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def workers(tmp_path):
    started: list[Worker] = []

    def start(env: dict[str, str], concurrency: int = 1) -> Worker:
        worker = Worker(env, tmp_path / f"worker-{len(started)}.log", concurrency)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


def statuses() -> dict[str, int]:
    counts: dict[str, int] = {}
    for status in Article.objects.values_list("status", flat=True):
        counts[status] = counts.get(status, 0) + 1
    return counts


def write_article(directory: Path, name: str, title: str, body: str) -> Path:
    path = directory / f"{name}.txt"
    path.write_text(f"{title}\n{body}\n", encoding="utf-8")
    return path


def test_articles_saved_while_redis_is_down_are_processed_after_the_sweep(
    redis_server, workers, tmp_path
):
    env = process_env(redis_server.url)
    paths = [
        write_article(
            tmp_path,
            f"a{i}",
            f"خبر رقم {i}",
            f"التقى الوزير رقم {i} نظيره في القاهرة يوم {i} {MONTHS[i % 12]} 2024 لبحث الملف رقم {i}.",
        )
        for i in range(1, 21)
    ]
    redis_server.stop()

    ingest = manage("ingest", *map(str, paths), "--published", "2024-12-01", env=env)

    assert ingest.returncode == 0, ingest.stderr
    assert "20 stored" in ingest.stdout
    assert "stays queued" in ingest.stderr
    assert statuses() == {"queued": 20}

    redis_server.start()
    worker = workers(env)
    sweep = manage("requeue_stale", "--older-than", "0", env=env)
    assert sweep.returncode == 0, sweep.stderr
    assert "20 article(s) sent" in sweep.stdout, sweep.stdout + sweep.stderr

    assert wait_for(lambda: statuses() == {"done": 20}, timeout=120), (statuses(), worker.log())
    assert Event.objects.count() == 20


def test_a_task_whose_worker_is_killed_is_delivered_again_and_completes(
    redis_server, workers, tmp_path
):
    # A long article, so that the kill lands while it is being processed.
    sentences = [
        f"وفي {1 + i % 28} {MONTHS[i % 12]} {1950 + i % 70} وقّع الطرف رقم {i} اتفاقاً مع الطرف رقم {i + 1}."
        for i in range(3000)
    ]
    path = write_article(tmp_path, "long", "أرشيف الاتفاقات", "\n".join(sentences))
    env = process_env(redis_server.url, ARTICLE_PROCESSING_TIMEOUT="3")
    worker = workers(env)

    assert manage("ingest", str(path), "--published", "2024-12-01", env=env).returncode == 0
    article = Article.objects.get()
    assert wait_for(lambda: statuses() == {"processing": 1}, timeout=30, every=0.05)
    first_claim = Article.objects.get().claimed_at
    # Hold the article's row (on SQLite, the database's write lock): the extraction
    # cannot write its outcome, so it is still running when its worker is killed,
    # however fast the machine. Taken while it tags (seconds for this article); had it
    # already begun writing, this waits for it and the assertion below says so.
    with transaction.atomic():
        Article.objects.filter(pk=article.pk).update(title=F("title"))
        assert statuses() == {"processing": 1}, "the article was processed before the lock"
        assert worker.kill_children(), "no pool process to kill"

    assert wait_for(lambda: statuses() == {"done": 1}, timeout=120), (statuses(), worker.log())
    article.refresh_from_db()
    assert article.claimed_at > first_claim, "processed again by a new claim"
    expected_mentions = len(temporal.extract(article.body, article.published))
    assert Mention.objects.count() == expected_mentions
    assert (
        EventSource.objects.count()
        == Mention.objects.filter(type__in=["DATE", "TIME"], first_day__isnull=False).count()
    )
    assert not Event.objects.filter(sources__isnull=True).exists()


def test_the_same_article_enqueued_five_times_at_once_is_extracted_once(
    redis_server, workers, tmp_path
):
    env = process_env(redis_server.url)
    path = write_article(
        tmp_path,
        "seed",
        "لقاء في موسكو",
        "التقى علي لاريجاني يوم الأحد بالرئيس الروسي في موسكو. "
        "وتُستأنف المفاوضات يوم الجمعة المقبل في اسطنبول.",
    )
    assert manage("ingest", str(path), "--published", "2025-07-20", env=env).returncode == 0
    article_id = Article.objects.get().pk
    send = manage(
        "shell",
        "-c",
        "from timeline.pipeline.tasks import extract_article\n"
        f"for _ in range(5): extract_article.delay({article_id})",
        env=env,
    )
    assert send.returncode == 0, send.stderr

    broker = redis_server.client()
    assert broker.llen(QUEUE) == 6, "the ingest's message and the five sent"
    worker = workers(env, concurrency=2)

    def all_six_finished() -> bool:
        # None waiting in the queue, none taken and not yet acknowledged (a retry is
        # sent before the message it replaces is acknowledged).
        return statuses() == {"done": 1} and not broker.llen(QUEUE) and not broker.hlen("unacked")

    assert wait_for(all_six_finished, timeout=90), worker.log()
    assert Mention.objects.count() == 2
    assert Event.objects.count() == 2
    assert EventSource.objects.count() == 2
    # Extracted once: the article's last claim came before its events were made.
    # (A second extraction keeps the rows, by design, but claims the article after.)
    article = Article.objects.get()
    assert article.claimed_at < min(Event.objects.values_list("created_at", flat=True))


def test_two_articles_reporting_the_same_meeting_make_one_event_with_two_sources(
    redis_server, workers, tmp_path
):
    env = process_env(redis_server.url)
    workers(env, concurrency=1)
    first = write_article(
        tmp_path,
        "first",
        "وزيرا الخارجية يلتقيان في جنيف",
        "التقى وزير الخارجية الأمريكي نظيره الروسي في جنيف يوم الخميس لبحث الحرب في أوكرانيا.",
    )
    second = write_article(
        tmp_path,
        "second",
        "محادثات أمريكية روسية في جنيف",
        "عقد وزيرا الخارجية الأمريكي والروسي محادثات في جنيف أمس تناولت الحرب في أوكرانيا.",
    )

    assert manage("ingest", str(first), "--published", "2025-03-13", env=env).returncode == 0
    assert wait_for(lambda: statuses() == {"done": 1}, timeout=30)
    assert manage("ingest", str(second), "--published", "2025-03-14", env=env).returncode == 0
    assert wait_for(lambda: statuses() == {"done": 2}, timeout=30)

    event = Event.objects.get()
    assert event.first_day == date(2025, 3, 13)
    assert sorted(event.sources.values_list("article__title", flat=True)) == [
        "محادثات أمريكية روسية في جنيف",
        "وزيرا الخارجية يلتقيان في جنيف",
    ]
    assert list(event.places.values_list("name", flat=True)) == ["جنيف"]
