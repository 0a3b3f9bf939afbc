"""Extraction of one article into mentions and events, idempotent and safe to run
concurrently, plus the sweep that re-sends articles that got stuck."""

import enum
import hashlib
import logging
import uuid
from collections import defaultdict
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from timeline import actions, temporal
from timeline.extraction.events import EVENTS_VERSION, EventCandidate, build_candidates
from timeline.log_context import log_context
from timeline.models import Actor, Article, Event, EventSource, Mention, Place
from timeline.pipeline.matching import EventMatcher, KnownEvent, event_fields, event_key
from timeline.pipeline.queueing import queue_extraction
from timeline.search_index import event_search_text

log = logging.getLogger(__name__)

# What an article's `extractor_version` records: the tagger's and the events' versions.
EXTRACTOR_VERSION = f"{temporal.EXTRACTOR_VERSION}+events.{EVENTS_VERSION}"

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


class ClaimLost(Exception):
    """The article was claimed anew (claim expired, or re-queued) while we worked on it."""


def claim_article(article_id: int) -> uuid.UUID | None:
    """Take a queued article (or one whose worker's claim expired): our claim's token.

    One conditional UPDATE, so two workers can never both win. The token fences
    the claim: every write of the outcome checks it, so a worker whose claim was
    taken over (or revoked by a re-queue) cannot overwrite the current one's work.
    """
    now = timezone.now()
    token = uuid.uuid4()
    claimed = (
        Article.objects.filter(pk=article_id)
        .filter(Q(status=Article.Status.QUEUED) | _claim_is_stale())
        .update(
            status=Article.Status.PROCESSING,
            claimed_at=now,
            claim_token=token,
            error="",
            updated_at=now,
        )
    )
    return token if claimed == 1 else None


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
    # Every log line made while this article is processed names it.
    with log_context(article_id=article_id):
        return _process_article(article_id)


def _process_article(article_id: int) -> Outcome:
    token = claim_article(article_id)
    if token is None:
        status = Article.objects.filter(pk=article_id).values_list("status", flat=True).first()
        if status == Article.Status.PROCESSING:
            return Outcome.BUSY
        log.info("article %s: nothing to do (status %s)", article_id, status)
        return Outcome.SKIPPED
    ours = Article.objects.filter(pk=article_id, claim_token=token)
    try:
        # Read after the claim, so a corrected publication date made before it is used;
        # one made after it revokes the claim (requeue_article).
        article = Article.objects.get(pk=article_id)
        article.claim_token = token
        counts = extract_into_database(article)
    except ClaimLost:
        log.info("article %s: claim taken over while extracting; result dropped", article_id)
        return Outcome.SKIPPED
    except Exception as exc:
        if isinstance(exc, TRANSIENT_DATABASE_ERRORS):
            ours.update(status=Article.Status.QUEUED, claim_token=None)
            raise
        failed = ours.update(
            status=Article.Status.FAILED,
            error=f"{type(exc).__name__}: {exc}",
            claim_token=None,
            updated_at=timezone.now(),
        )
        if not failed:
            # Another worker holds the article now (and may have finished it): our
            # error, probably from racing it, must not overwrite its outcome.
            log.info("article %s: claim taken over; this run's error dropped: %s", article_id, exc)
            return Outcome.SKIPPED
        log.exception("article %s: extraction failed", article_id)
        return Outcome.FAILED
    log.info("article %s: done, %s mentions, %s events", article_id, *counts)
    return Outcome.DONE


def requeue_article(article: Article) -> None:
    """Extract the article again (after an extractor upgrade or a date correction).

    A worker extracting it right now loses its claim: it read the article before
    this change, so its result is dropped and the article is extracted anew.
    """
    Article.objects.filter(pk=article.pk).update(
        status=Article.Status.QUEUED, claim_token=None, updated_at=timezone.now()
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
    # Clearing the token revokes an abandoned claim: its worker, if alive, cannot write.
    # The same conditions again, so a claim taken since the select is left alone.
    stale.filter(pk__in=ids).update(
        status=Article.Status.QUEUED, claim_token=None, updated_at=timezone.now()
    )
    sent = sum(1 for article_id in ids if send(article_id))
    if ids:
        log.info("sweep: %s stale article(s), %s sent", len(ids), sent)
    return sent


MENTION_FIELDS = ("text", "type", "value", "mod", "first_day", "last_day", "anchored")


def extract_into_database(article: Article) -> tuple[int, int]:
    """Replace what the machine made for this article with a fresh extraction.

    Mentions are matched by span and events by the mention they come from, so
    running this twice leaves the same rows with the same ids. Events a person
    confirmed, rejected or edited keep their fields. Returns (mentions, events).
    """
    # The tagging is pure computation: done before the transaction, so that the
    # database's write lock is held only while rows are written.
    found = temporal.extract(article.body, article.published)
    candidates = build_candidates(
        article.body, found, headline_text=article.title, published=article.published
    )
    # So are these reads: only this worker writes the claimed article's mentions,
    # and the known events are compared with as of now (see EventMatcher).
    existing = {(m.start, m.end): m for m in article.mentions.all()}
    matcher = EventMatcher(candidates)
    return _save_extraction(article, found, candidates, existing, matcher)


@transaction.atomic
def _save_extraction(
    article: Article,
    found: list[temporal.Mention],
    candidates: list[EventCandidate],
    existing: dict[tuple[int, int], Mention],
    matcher: EventMatcher,
) -> tuple[int, int]:
    """A handful of queries whatever the article's length: rows are written in bulk."""
    # Serialise with every other worker that may report the same happenings, then
    # look again at the events they created since `matcher` loaded: two workers
    # reporting one new event at the same moment must leave one event.
    _lock_periods(article, matcher.periods())
    matcher.load_newer()
    sources = {
        s.mention_id: s for s in EventSource.objects.filter(article=article).select_related("event")
    }
    # Only events this article reported can be left without a source by this run.
    reported_before = {source.event_id for source in sources.values()}
    # Which of them other articles report too: asked once, not per source (this run
    # adds and removes only this article's sources).
    shared = _reported_elsewhere(article, reported_before)
    mentions = {(m.start, m.end): m for m in _save_mentions(article, found, existing)}

    def row_of(candidate: EventCandidate) -> Mention:
        """Candidates were built from the tagger's mentions: the row of each."""
        return mentions[candidate.mention.start, candidate.mention.end]

    attached: list[tuple[EventCandidate, KnownEvent | Event]] = []
    # The event each happening of the article went to: its other dates join it.
    by_group: dict[int, KnownEvent | Event] = {}
    for candidate in candidates:
        source = sources.pop(row_of(candidate).pk, None)
        if source is not None and _keep_source(source, candidate, shared, matcher):
            by_group.setdefault(candidate.group, source.event)
            matcher.taken.add(event_key(source.event))
            continue
        if source is not None:
            actions.remove_sources([source])
        event = by_group.get(candidate.group)
        if event is None:
            event = matcher.find(candidate) or matcher.add(candidate)
            by_group[candidate.group] = event
            matcher.taken.add(event_key(event))
        attached.append((candidate, event))
    _describe_new_events(matcher.new_events, attached)
    actions.save_machine_events(matcher.new_events)  # every event in `attached` has its pk
    actions.add_sources(
        EventSource(
            event_id=event.pk,
            article=article,
            mention=row_of(candidate),
            **_source_fields(candidate),
        )
        for candidate, event in attached
    )

    # Mentions that no longer make an event (e.g. now a duration) lose their source.
    actions.remove_sources(sources.values())
    actions.settle_extracted_events(
        reported={event.pk for event in by_group.values()},
        reported_before=reported_before,
        touched={event.pk for _, event in attached},
        # Open reader pages count a confirmed event with a new report as changed.
        gained={event.pk for _, event in attached if isinstance(event, KnownEvent)},
        created={event.pk for event, _, _ in matcher.new_events},
    )
    return len(mentions), len(candidates)


def _describe_new_events(
    new_events: list[tuple[Event, list[Place], list[Actor]]],
    attached: list[tuple[EventCandidate, KnownEvent | Event]],
) -> None:
    """A new event's salience and search text, from its reports in this article (all
    it has): written with the event, rather than read back and written again."""
    reports: dict[int, list[EventCandidate]] = defaultdict(list)
    for candidate, event in attached:
        reports[id(event)].append(candidate)
    for event, places, actors in new_events:
        # Its sources are added in `attached` order: the order of their ids.
        own = reports[id(event)]
        event.salience = max(candidate.salience for candidate in own)
        event.search_text = event_search_text(
            event.title, places, actors, [candidate.excerpt for candidate in own]
        )


def _reported_elsewhere(article: Article, event_ids: set[int]) -> set[int]:
    """Which of these events another article reports too."""
    if not event_ids:
        return set()
    return set(
        EventSource.objects.filter(event_id__in=event_ids)
        .exclude(article=article)
        .values_list("event_id", flat=True)
    )


def _save_mentions(
    article: Article, found: list[temporal.Mention], existing: dict[tuple[int, int], Mention]
) -> list[Mention]:
    """Make the article's mentions exactly `found`, keeping the rows of unchanged spans."""
    existing = dict(existing)
    kept, changed, new = [], [], []
    for item in found:
        mention = existing.pop((item.start, item.end), None)
        if mention is None:
            mention = Mention(article=article, start=item.start, end=item.end)
            new.append(mention)
        elif any(getattr(mention, f) != getattr(item, f) for f in MENTION_FIELDS):
            changed.append(mention)
        for field in MENTION_FIELDS:
            setattr(mention, field, getattr(item, field))
        kept.append(mention)
    # Most runs are an article's first: nothing to delete or update, and no
    # deletion (or its cascade) to prepare for nothing.
    if existing:
        # Cascades to the event sources of mentions that are no longer found.
        Mention.objects.filter(pk__in=[m.pk for m in existing.values()]).delete()
    if changed:
        Mention.objects.bulk_update(changed, MENTION_FIELDS)
    Mention.objects.bulk_create(new)
    return kept


def _source_fields(candidate: EventCandidate) -> dict:
    return {
        "excerpt": candidate.excerpt,
        "highlight_start": candidate.highlight_start,
        "highlight_end": candidate.highlight_end,
        "salience": candidate.salience,
    }


def _keep_source(
    source: EventSource, candidate: EventCandidate, shared: set[int], matcher: EventMatcher
) -> bool:
    """Refresh an existing source in place; False when it must move to another event.

    `shared`: the events other articles report too."""
    event = source.event
    others = event.pk in shared
    dates_unchanged = (event.first_day, event.last_day, event.granularity) == (
        candidate.first_day,
        candidate.last_day,
        candidate.granularity,
    )
    if event.is_machine_made and others and not dates_unchanged:
        return False  # the article now dates it differently from the other reports
    actions.refresh_source(source, _source_fields(candidate))
    if event.is_machine_made and not others:
        actions.refresh_machine_event(
            event,
            event_fields(candidate),
            matcher.places_of(candidate),
            matcher.actors_of(candidate),
        )
    return True


def _lock_periods(article: Article, periods: set[tuple]) -> None:
    """Record the article's outcome, then hold, until the transaction ends, the right
    to create events of `periods`.

    The outcome is written first (it commits with the rows, or neither does): as
    the transaction's first write it takes SQLite's one write lock, held to the
    end, so the reads that follow see everything committed before it; and a claim
    lost meanwhile (ClaimLost) is found before any work. PostgreSQL: then one
    advisory lock per period, taken in a fixed order so that two workers never
    wait on each other in a cycle.
    """
    now = timezone.now()
    if not Article.objects.filter(pk=article.pk, claim_token=article.claim_token).update(
        status=Article.Status.DONE,
        extractor_version=EXTRACTOR_VERSION,
        claim_token=None,
        processed_at=now,
        updated_at=now,
    ):
        raise ClaimLost  # rolls back everything this run wrote
    if connection.vendor != "postgresql":
        return
    keys = sorted({_lock_key(period) for period in periods})
    if not keys:
        return
    # One statement for all of them, taken in the order of the keys.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(key)"
            " FROM unnest(%s::bigint[]) WITH ORDINALITY AS locks(key, n) ORDER BY n",
            [keys],
        )


def _lock_key(period: tuple) -> int:
    """A stable signed 64-bit key for a period (the same in every process)."""
    granularity, first_day, last_day = period
    digest = hashlib.blake2b(
        f"event-period:{granularity}:{first_day}:{last_day}".encode(), digest_size=8
    ).digest()
    return int.from_bytes(digest, "big", signed=True)
