"""`/healthz`: is this web process able to do its job? For load balancers and monitoring.

200 when the database answers, Redis answers and at least one Celery worker answers
a ping; 503 otherwise. The JSON body names each check and what went wrong. With no
REDIS_URL, tasks run in the web process, so Redis and the worker are not checked.

`manage.py pipeline_status` reports the same checks (`run_checks`), with the state
of the extraction pipeline (`pipeline_state`) beside them.
"""

import functools
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import redis
from celery import Celery
from django.conf import settings
from django.db import connection
from django.db.models import Count
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from timeline.models import Article, TaskFailure

log = logging.getLogger(__name__)

# Seconds each check may take: a load balancer's probe usually times out at 2–5 s.
TIMEOUT = 1.0


def check_database() -> str | None:
    """None if the database answers a trivial query, else the error."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure means unhealthy; the message says which
        return f"{type(exc).__name__}: {exc}"
    return None


def check_redis(url: str) -> str | None:
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=TIMEOUT, socket_timeout=TIMEOUT)
        client.ping()
    except redis.RedisError as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


@functools.cache
def _control_app(url: str) -> Celery:
    """A bare Celery app on `url`, kept per URL: only for pinging, so it reuses its pool."""
    return Celery("healthz", broker=url, set_as_current=False)


def ping_workers(url: str, limit: int | None = 1) -> list[str]:
    """Names of the Celery workers on this broker that answer a ping in time.

    With `limit=1` it returns on the first answer instead of waiting out the
    timeout; `limit=None` waits the whole timeout to hear from every worker.
    """
    replies = _control_app(url).control.ping(timeout=TIMEOUT, limit=limit)
    return sorted(name for reply in replies for name in reply)


def check_worker(url: str, workers: list[str] | None = None) -> str | None:
    """None if at least one Celery worker on this broker answers a ping in time.

    `workers`, when given, receives the names of the workers that answered.
    """
    try:
        answered = ping_workers(url, limit=1 if workers is None else None)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    if workers is not None:
        workers.extend(answered)
    if not answered:
        return "no worker answered a ping"
    return None


def run_checks(workers: list[str] | None = None) -> dict[str, str | None]:
    """Each check's error, or None when it passed: what `/healthz` answers.

    Pass a list as `workers` to wait for every worker's answer and get their names.
    """
    checks: dict[str, str | None] = {"database": check_database()}
    if settings.REDIS_URL:
        checks["redis"] = check_redis(settings.REDIS_URL)
        checks["worker"] = (
            "redis unreachable" if checks["redis"] else check_worker(settings.REDIS_URL, workers)
        )
    return checks


@dataclass(frozen=True)
class Waiting:
    """An article waiting in the pipeline, and since when."""

    article_id: int
    title: str
    since: datetime

    def age(self, now: datetime) -> timedelta:
        return now - self.since


@dataclass(frozen=True)
class PipelineState:
    counts: dict[str, int] = field(default_factory=dict)
    oldest_queued: Waiting | None = None
    longest_processing: Waiting | None = None
    failed_last_hour: int = 0
    task_failures_last_hour: int = 0

    @property
    def waiting(self) -> int:
        """Articles the workers still have to extract."""
        return self.counts[Article.Status.QUEUED] + self.counts[Article.Status.PROCESSING]


def pipeline_state(now: datetime | None = None) -> PipelineState:
    """Articles by status, the oldest queued, the longest processing, the last hour's
    failures. Five small queries, each on an index (status, updated_at) or a count."""
    now = now or timezone.now()
    counts = {status: 0 for status in Article.Status.values}
    for row in Article.objects.order_by().values("status").annotate(n=Count("id")):
        counts[row["status"]] = row["n"]
    # A requeue touches updated_at: the age is how long it has waited this time.
    queued = (
        Article.objects.filter(status=Article.Status.QUEUED)
        .order_by("updated_at", "id")
        .values_list("pk", "title", "updated_at")
        .first()
    )
    processing = (
        Article.objects.filter(status=Article.Status.PROCESSING)
        .order_by("claimed_at", "id")
        .values_list("pk", "title", "claimed_at", "updated_at")
        .first()
    )
    hour_ago = now - timedelta(hours=1)
    return PipelineState(
        counts=counts,
        oldest_queued=Waiting(*queued) if queued else None,
        longest_processing=(
            Waiting(processing[0], processing[1], processing[2] or processing[3])
            if processing
            else None
        ),
        failed_last_hour=Article.objects.filter(
            status=Article.Status.FAILED, updated_at__gte=hour_ago
        ).count(),
        task_failures_last_hour=TaskFailure.objects.filter(created_at__gte=hour_ago).count(),
    )


def waiting_for_workers() -> str:
    """For the end of a command that queued articles: how many wait, how to follow them."""
    waiting = pipeline_state().waiting
    if not waiting:
        return "No article waits for the workers: every article is extracted (or failed)."
    return (
        f"{waiting:,} article(s) wait for the workers (queued or processing); extraction "
        "goes on in the background. Follow it with `python manage.py pipeline_status "
        "--watch`, or in the admin's article list (filter by status)."
    )


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """200 if every check passes, 503 if any fails; the body says which."""
    checks = run_checks()
    healthy = not any(checks.values())
    if not healthy:
        log.warning("healthz: unhealthy: %s", {k: v for k, v in checks.items() if v})
    body = {
        "status": "ok" if healthy else "unhealthy",
        "checks": {name: error or "ok" for name, error in checks.items()},
    }
    return JsonResponse(body, status=200 if healthy else 503)
