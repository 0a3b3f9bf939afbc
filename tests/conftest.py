import os
from datetime import date
from pathlib import Path

import pytest

from newsroom.celery import app as celery_app

REPO = Path(__file__).resolve().parents[1]
# The shared data beside the checkout; NEWSROOM_SHARED points elsewhere (a git worktree).
SHARED = Path(os.environ.get("NEWSROOM_SHARED") or REPO.parent / "shared")
SEED_PATH = SHARED / "data" / "seeds" / "000_6d07c0304cd3fc04.txt"


def services_required() -> bool:
    """CI sets this so that a missing Redis or browser fails the run instead of skipping."""
    return os.environ.get("NEWSROOM_REQUIRE_SERVICES", "") == "1"


def missing_service(reason: str) -> None:
    if services_required():
        pytest.fail(f"{reason} (NEWSROOM_REQUIRE_SERVICES=1)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def eager_celery(request):
    """Unit tests run tasks in-process; integration tests turn this off for a real worker."""
    if request.node.get_closest_marker("integration"):
        yield
        return
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def csrf_client():
    """A test client that checks CSRF as a browser's requests are checked (Django's
    default test client lets every POST through). Call it for each reader."""
    from django.test import Client

    return lambda: Client(enforce_csrf_checks=True)


@pytest.fixture
def seed_text() -> str:
    if not SEED_PATH.exists():
        missing_service(f"seed article not found at {SEED_PATH}")
    return SEED_PATH.read_text(encoding="utf-8")


SEED_PUBLISHED = date(2025, 7, 20)


@pytest.fixture
def seed_article(seed_text, django_capture_on_commit_callbacks):
    """The seed article, ingested and extracted (tasks run eagerly on commit)."""
    from timeline.pipeline.ingest import ingest_text

    with django_capture_on_commit_callbacks(execute=True):
        article = ingest_text(seed_text, published=SEED_PUBLISHED).article
    article.refresh_from_db()
    return article


@pytest.fixture
def confirmed_seed(seed_article):
    """The seed article with its events confirmed: readers see confirmed events only."""
    from timeline.models import Event

    Event.objects.update(status=Event.Status.CONFIRMED)
    return seed_article
