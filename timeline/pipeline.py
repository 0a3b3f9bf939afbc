"""Extraction of one article into mentions and events, idempotent and safe to run
concurrently, plus the sweep that re-sends articles that got stuck."""

import enum
import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import Q
from django.utils import timezone

from timeline import temporal
from timeline.events import EventCandidate, build_candidates, find_places, same_event
from timeline.models import Article, Event, EventSource, Mention, Place
from timeline.queueing import queue_extraction
from timeline.text import normalise_for_matching

log = logging.getLogger(__name__)

# Errors after which the same work is worth trying again unchanged.
TRANSIENT_DATABASE_ERRORS = (OperationalError, InterfaceError)


class Outcome(enum.Enum):
    DONE = "done"
    FAILED = "failed"
    SKIPPED = "skipped"  # missing, or nothing to do (already done)
    BUSY = "busy"  # another worker holds a live claim on it


def _claim_is_stale() -> Q:
    cutoff = timezone.now() - timedelta(seconds=settings.ARTICLE_PROCESSING_TIMEOUT)
    return Q(status=Article.Status.PROCESSING, claimed_at__lt=cutoff) | Q(
        status=Article.Status.PROCESSING, claimed_at__isnull=True
    )


def claim_article(article_id: int) -> bool:
    """Take a queued article (or one whose worker's claim expired); True if we got it.

    One conditional UPDATE, so two workers can never both win.
    """
    now = timezone.now()
    claimed = (
        Article.objects.filter(pk=article_id)
        .filter(Q(status=Article.Status.QUEUED) | _claim_is_stale())
        .update(status=Article.Status.PROCESSING, claimed_at=now, error="", updated_at=now)
    )
    return claimed == 1


def seconds_until_claim_expires(article_id: int) -> int:
    claimed_at = Article.objects.filter(pk=article_id).values_list("claimed_at", flat=True).first()
    if claimed_at is None:
        return 0
    expires = claimed_at + timedelta(seconds=settings.ARTICLE_PROCESSING_TIMEOUT)
    return max(0, int((expires - timezone.now()).total_seconds()))


def process_article(article_id: int) -> Outcome:
    """Claim an article, extract it and record the outcome on it.

    Transient database errors propagate (after releasing the claim) so that the
    task is retried; any other error is recorded on the article as failed.
    """
    if not claim_article(article_id):
        status = Article.objects.filter(pk=article_id).values_list("status", flat=True).first()
        if status == Article.Status.PROCESSING:
            return Outcome.BUSY
        log.info("article %s: nothing to do (status %s)", article_id, status)
        return Outcome.SKIPPED
    try:
        article = Article.objects.get(pk=article_id)
        counts = extract_into_database(article)
    except Exception as exc:
        if isinstance(exc, TRANSIENT_DATABASE_ERRORS):
            Article.objects.filter(pk=article_id).update(status=Article.Status.QUEUED)
            raise
        Article.objects.filter(pk=article_id).update(
            status=Article.Status.FAILED,
            error=f"{type(exc).__name__}: {exc}",
            updated_at=timezone.now(),
        )
        log.exception("article %s: extraction failed", article_id)
        return Outcome.FAILED
    now = timezone.now()
    Article.objects.filter(pk=article_id).update(
        status=Article.Status.DONE,
        extractor_version=temporal.EXTRACTOR_VERSION,
        processed_at=now,
        updated_at=now,
    )
    log.info("article %s: done, %s mentions, %s events", article_id, *counts)
    return Outcome.DONE


def requeue_article(article: Article) -> None:
    """Extract the article again (after an extractor upgrade or a date correction)."""
    Article.objects.filter(pk=article.pk).exclude(status=Article.Status.PROCESSING).update(
        status=Article.Status.QUEUED, updated_at=timezone.now()
    )
    queue_extraction(article.pk)


def requeue_stale(older_than: int, send: Callable[[int], bool]) -> int:
    """Re-send articles queued or processing for more than `older_than` seconds.

    Returns how many were sent. An abandoned claim is released first, so the
    article can be claimed again at once.
    """
    cutoff = timezone.now() - timedelta(seconds=older_than)
    stale = Article.objects.filter(
        Q(status=Article.Status.QUEUED, updated_at__lte=cutoff)
        | Q(status=Article.Status.PROCESSING, claimed_at__lte=cutoff)
        | Q(status=Article.Status.PROCESSING, claimed_at__isnull=True)
    )
    ids = list(stale.values_list("pk", flat=True))
    # Touch updated_at so the next sweep leaves them alone while they wait in Redis.
    Article.objects.filter(pk__in=ids).update(
        status=Article.Status.QUEUED, updated_at=timezone.now()
    )
    sent = sum(1 for article_id in ids if send(article_id))
    if ids:
        log.info("sweep: %s stale article(s), %s sent", len(ids), sent)
    return sent


@transaction.atomic
def extract_into_database(article: Article) -> tuple[int, int]:
    """Replace what the machine made for this article with a fresh extraction.

    Mentions are matched by span and events by the mention they come from, so
    running this twice leaves the same rows with the same ids. Events a person
    confirmed, rejected or edited keep their fields. Returns (mentions, events).
    """
    found = temporal.extract(article.body, article.published)

    kept_ids = []
    for item in found:
        mention, _ = Mention.objects.update_or_create(
            article=article,
            start=item.start,
            end=item.end,
            defaults={
                "text": item.text,
                "type": item.type,
                "value": item.value,
                "mod": item.mod,
                "first_day": item.first_day,
                "last_day": item.last_day,
                "anchored": item.anchored,
            },
        )
        kept_ids.append(mention.pk)
    # Cascades to the event sources of mentions that are no longer found.
    article.mentions.exclude(pk__in=kept_ids).delete()

    mentions = list(article.mentions.all())
    sources = {
        s.mention_id: s for s in EventSource.objects.filter(article=article).select_related("event")
    }
    candidates = build_candidates(article.body, mentions)
    for candidate in candidates:
        source = sources.pop(candidate.mention.pk, None)
        if source is not None and _keep_source(source, candidate, article):
            continue
        if source is not None:
            source.delete()
        _attach_candidate(candidate, article)

    # Mentions that no longer make an event (e.g. now a duration) lose their source.
    EventSource.objects.filter(pk__in=[s.pk for s in sources.values()]).delete()
    Event.objects.filter(
        status=Event.Status.CANDIDATE, edited_by_editor=False, sources__isnull=True
    ).delete()
    return len(mentions), len(candidates)


def _event_fields(candidate: EventCandidate) -> dict:
    return {
        "title": candidate.title,
        # Kept in step here because QuerySet.update() skips Event.save().
        "search_text": normalise_for_matching(candidate.title),
        "kind": candidate.kind,
        "first_day": candidate.first_day,
        "last_day": candidate.last_day,
        "granularity": candidate.granularity,
        "mod": candidate.mod,
    }


def _source_fields(candidate: EventCandidate) -> dict:
    return {
        "excerpt": candidate.excerpt,
        "highlight_start": candidate.highlight_start,
        "highlight_end": candidate.highlight_end,
    }


def _keep_source(source: EventSource, candidate: EventCandidate, article: Article) -> bool:
    """Refresh an existing source in place; False when it must move to another event."""
    event = source.event
    others = event.sources.exclude(article=article).exists()
    dates_unchanged = (event.first_day, event.last_day, event.granularity) == (
        candidate.first_day,
        candidate.last_day,
        candidate.granularity,
    )
    if event.is_machine_made and others and not dates_unchanged:
        return False  # the article now dates it differently from the other reports
    EventSource.objects.filter(pk=source.pk).update(**_source_fields(candidate))
    if event.is_machine_made and not others:
        Event.objects.filter(pk=event.pk).update(
            **_event_fields(candidate), updated_at=timezone.now()
        )
        event.places.set(_places(candidate))
    return True


def _attach_candidate(candidate: EventCandidate, article: Article) -> None:
    """Add the candidate to the event it reports, or make it a new event."""
    places = _places(candidate)
    event = _matching_event(candidate, {p.name for p in places})
    if event is None:
        event = Event.objects.create(**_event_fields(candidate))
        event.places.set(places)
    EventSource.objects.create(
        event=event, article=article, mention=candidate.mention, **_source_fields(candidate)
    )


def _places(candidate: EventCandidate) -> list[Place]:
    names = find_places(candidate.title)
    return [Place.objects.get_or_create(name=name)[0] for name in names]


# A month or a year can hold many events; compare with the most recent ones only.
MAX_EVENTS_COMPARED = 300


def _matching_event(candidate: EventCandidate, place_names: set[str]) -> Event | None:
    """The existing event this candidate reports again, if any (see `events.same_event`)."""
    nearby = (
        Event.objects.filter(
            granularity=candidate.granularity,
            first_day__lte=candidate.last_day,
            last_day__gte=candidate.first_day,
        )
        .exclude(status=Event.Status.REJECTED)
        .prefetch_related("places")
        .order_by("-id")[:MAX_EVENTS_COMPARED]
    )
    for event in nearby:
        if same_event(
            candidate,
            place_names,
            event,
            {place.name for place in event.places.all()},
        ):
            return event
    return None
