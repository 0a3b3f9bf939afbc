"""Sending articles to the workers without ever failing the save that asked for it."""

import logging

from celery import current_app
from django.db import transaction
from kombu.exceptions import OperationalError as BrokerError
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

# Named, not imported: timeline.pipeline.tasks imports the modules that queue articles.
EXTRACT_TASK = "timeline.pipeline.tasks.extract_article"


def queue_extraction(article_id: int) -> None:
    """Send the article to the workers once the current transaction commits.

    When the broker cannot be reached the article simply stays queued: the
    periodic sweep (`requeue_stale_articles`) sends it later.
    """
    transaction.on_commit(lambda: send_extraction(article_id))


def send_extraction(article_id: int) -> bool:
    """Enqueue `extract_article` now; False (and a warning) when the broker is down."""
    try:
        current_app.tasks[EXTRACT_TASK].delay(article_id)
    except (BrokerError, RedisError, OSError) as exc:
        # Runs after the article's save committed: failing here would show the
        # editor an error for work that is done. The sweep sends it later.
        log.warning("article %s stays queued, the broker is unreachable: %s", article_id, exc)
        return False
    return True
