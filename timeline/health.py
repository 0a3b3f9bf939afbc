"""`/healthz`: is this web process able to do its job? For load balancers and monitoring.

200 when the database answers, Redis answers and at least one Celery worker answers
a ping; 503 otherwise. The JSON body names each check and what went wrong. With no
REDIS_URL, tasks run in the web process, so Redis and the worker are not checked.
"""

import functools
import logging

import redis
from celery import Celery
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

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


def check_worker(url: str) -> str | None:
    """None if at least one Celery worker on this broker answers a ping in time."""
    try:
        # limit=1: return on the first answer instead of waiting out the timeout.
        replies = _control_app(url).control.ping(timeout=TIMEOUT, limit=1)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    if not replies:
        return "no worker answered a ping"
    return None


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """200 if every check passes, 503 if any fails; the body says which."""
    checks: dict[str, str | None] = {"database": check_database()}
    if settings.REDIS_URL:
        checks["redis"] = check_redis(settings.REDIS_URL)
        checks["worker"] = (
            "redis unreachable" if checks["redis"] else check_worker(settings.REDIS_URL)
        )
    healthy = not any(checks.values())
    if not healthy:
        log.warning("healthz: unhealthy: %s", {k: v for k, v in checks.items() if v})
    body = {
        "status": "ok" if healthy else "unhealthy",
        "checks": {name: error or "ok" for name, error in checks.items()},
    }
    return JsonResponse(body, status=200 if healthy else 503)
