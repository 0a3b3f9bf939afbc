"""Celery tasks: thin wrappers that take ids and call plain functions."""

import logging

from celery import shared_task
from django.conf import settings

from timeline.log_context import log_context
from timeline.models import Source
from timeline.pipeline import extract as pipeline
from timeline.pipeline.ingest import IngestError, poll_feed
from timeline.pipeline.queueing import send_extraction

log = logging.getLogger(__name__)

BUSY_RETRY_MAX_SECONDS = 60


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=pipeline.TRANSIENT_DATABASE_ERRORS,
    retry_backoff=2,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=8,
)
def extract_article(self, article_id: int) -> str:
    """Find the dates and event candidates of one article."""
    with log_context(article_id=article_id):
        outcome = pipeline.process_article(article_id)
    if outcome is pipeline.Outcome.BUSY:
        # Another worker holds the article (then this message is a duplicate and
        # will find it done), or a worker died holding it (then the claim expires
        # and this message takes over). Look again soon, backing off, until then.
        backoff = min(BUSY_RETRY_MAX_SECONDS, 5 * 2**self.request.retries)
        countdown = min(backoff, pipeline.seconds_until_claim_expires(article_id) + 1)
        raise self.retry(countdown=countdown, max_retries=None)
    return outcome.value


@shared_task
def requeue_stale_articles() -> int:
    """Periodic sweep: re-send articles left queued or processing for too long."""
    return pipeline.requeue_stale(settings.ARTICLE_PROCESSING_TIMEOUT, send_extraction)


@shared_task
def poll_feeds() -> int:
    """Periodic: poll every active source that has a feed, one task each."""
    ids = list(Source.objects.filter(active=True).exclude(feed_url="").values_list("pk", flat=True))
    for source_id in ids:
        poll_source.delay(source_id)
    return len(ids)


@shared_task(acks_late=True)
def poll_source(source_id: int) -> dict[str, int]:
    """Fetch one source's feed and store its new articles."""
    source = Source.objects.filter(pk=source_id, active=True).exclude(feed_url="").first()
    if source is None:
        return {}
    try:
        report = poll_feed(source)
    except IngestError as exc:
        log.warning("source %s: feed not polled: %s", source_id, exc)
        return {"failed": 1}
    return vars(report)
