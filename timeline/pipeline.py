"""Extraction of one article into mentions and events, idempotent and safe to run
concurrently, plus the sweep that re-sends articles that got stuck."""

import enum
import hashlib
import logging
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from newsroom.log_context import log_context
from timeline import temporal
from timeline.events import EVENTS_VERSION, EventCandidate, build_candidates, same_event
from timeline.extraction.actors import ActorRef
from timeline.models import Actor, ActorAlias, Article, Event, EventSource, Mention, Place
from timeline.queueing import queue_extraction
from timeline.reader_cache import forget_reader_pages
from timeline.search import refresh_search_text, search_document
from timeline.text import normalise_for_matching

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
    matcher: "EventMatcher",
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
    mentions = {(m.start, m.end): m for m in _save_mentions(article, found, existing)}
    # Candidates were built from the tagger's mentions; point them at the rows.
    candidates = [replace(c, mention=mentions[c.mention.start, c.mention.end]) for c in candidates]
    attached: list[tuple[EventCandidate, KnownEvent | Event]] = []
    # The event each happening of the article went to: its other dates join it.
    by_group: dict[int, KnownEvent | Event] = {}
    for candidate in candidates:
        source = sources.pop(candidate.mention.pk, None)
        if source is not None and _keep_source(source, candidate, article, matcher):
            by_group.setdefault(candidate.group, source.event)
            matcher.taken.add(_key(source.event))
            continue
        if source is not None:
            source.delete()
        event = by_group.get(candidate.group)
        if event is None:
            event = matcher.find(candidate) or matcher.add(candidate)
            by_group[candidate.group] = event
            matcher.taken.add(_key(event))
        attached.append((candidate, event))
    matcher.save_new_events()  # now every event in `attached` has its pk
    EventSource.objects.bulk_create(
        EventSource(
            event_id=event.pk,
            article=article,
            mention=candidate.mention,
            **_source_fields(candidate),
        )
        for candidate, event in attached
    )

    # Mentions that no longer make an event (e.g. now a duration) lose their source.
    EventSource.objects.filter(pk__in=[s.pk for s in sources.values()]).delete()
    # An event is as salient as the article that makes the most of it.
    reported = {event.pk for event in by_group.values()}
    Event.objects.filter(pk__in=reported).update(
        salience=Subquery(
            EventSource.objects.filter(event=OuterRef("pk"))
            .order_by("-salience")
            .values("salience")[:1]
        )
    )
    # An annotated event is an editor's even if no source is left: annotations survive.
    Event.objects.filter(
        pk__in=reported_before,
        status=Event.Status.CANDIDATE,
        edited_by_editor=False,
        sources__isnull=True,
        annotations__isnull=True,
    ).delete()
    # Titles, places and excerpts changed in bulk: signals did not see them.
    refresh_search_text({event.pk for _, event in attached} | reported_before)
    # Nor did the readers' cache. Readers see confirmed events only: a new report of
    # one changes it (open pages count it as changed, timeline/live.py).
    gained = [event.pk for _, event in attached if isinstance(event, KnownEvent)]
    Event.objects.filter(pk__in=gained, status=Event.Status.CONFIRMED).update(
        updated_at=timezone.now()
    )
    if Event.objects.filter(
        pk__in=reported | reported_before, status=Event.Status.CONFIRMED
    ).exists():
        transaction.on_commit(forget_reader_pages)
    # In the same transaction: the rows and the status that announces them commit together.
    now = timezone.now()
    if not Article.objects.filter(pk=article.pk, claim_token=article.claim_token).update(
        status=Article.Status.DONE,
        extractor_version=EXTRACTOR_VERSION,
        claim_token=None,
        processed_at=now,
        updated_at=now,
    ):
        raise ClaimLost  # rolls back everything this run wrote
    return len(mentions), len(candidates)


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
    # Cascades to the event sources of mentions that are no longer found.
    Mention.objects.filter(pk__in=[m.pk for m in existing.values()]).delete()
    Mention.objects.bulk_update(changed, MENTION_FIELDS)
    Mention.objects.bulk_create(new)
    return kept


def _event_fields(candidate: EventCandidate) -> dict:
    return {
        "title": candidate.title,
        # Kept in step here because QuerySet.update() skips Event.save().
        "search_text": search_document(candidate.title),
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
        "salience": candidate.salience,
    }


def _keep_source(
    source: EventSource, candidate: EventCandidate, article: Article, matcher: "EventMatcher"
) -> bool:
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
        event.places.set(matcher.places_of(candidate))
        event.actors.set(matcher.actors_of(candidate))
    return True


# A month or a year can hold many events; compare with the most recent ones only.
MAX_EVENTS_COMPARED = 100
# What `events.same_event` reads of an event.
MATCHED_FIELDS = ("title", "kind", "first_day", "last_day", "granularity")


@dataclass(frozen=True, slots=True)
class KnownEvent:
    """What matching needs of an event already stored (no model instance: there may
    be a hundred per period, loaded for every article)."""

    pk: int
    title: str
    kind: str
    first_day: date
    last_day: date
    granularity: str


class EventMatcher:
    """Finds the known event each candidate of one article reports, or makes one.

    Loads the events of the candidates' periods and the places they name up
    front, so matching costs a few queries per article rather than per candidate.
    New events join the pool at once, for the articles after this one; within
    this article, each happening (`EventCandidate.group`) is an event of its own.
    It loads before the write transaction opens; inside it, after taking the
    periods' locks, `load_newer` adds what other workers created meanwhile.
    """

    def __init__(self, candidates: list[EventCandidate]) -> None:
        self.places = _places_named({name for c in candidates for name in c.places})
        self.actors = _actors_named({a.name: a for c in candidates for a in c.actors})
        # Per period, newest first: (event, its place names).
        self.pool: dict[tuple, list[tuple[KnownEvent | Event, set[str]]]] = {}
        self.new_events: list[tuple[Event, list[Place], list[Actor]]] = []
        # Known events another happening of this article already went to.
        self.taken: set[int | tuple[str, int]] = set()
        self.newest_seen = Event.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        self.candidate_periods = {_period(c) for c in candidates}
        known: list[KnownEvent] = []
        for period in self.candidate_periods:
            known.extend(self._known_in(period))
        self._join_pool(known)

    def periods(self) -> set[tuple]:
        return set(self.candidate_periods)

    def load_newer(self) -> None:
        """Add the events other workers created since this matcher loaded, so that
        a happening they created first is found rather than created again."""
        # One query: events newer than the ones loaded are few, whatever their period.
        rows = (
            Event.objects.filter(pk__gt=self.newest_seen)
            .exclude(status=Event.Status.REJECTED)
            .values_list("pk", *MATCHED_FIELDS)
        )
        newer = [
            event
            for event in (KnownEvent(*row) for row in rows)
            if (event.granularity, event.first_day, event.last_day) in self.candidate_periods
        ]
        self._join_pool(newer)

    def _known_in(self, period: tuple) -> list[KnownEvent]:
        granularity, first_day, last_day = period
        rows = (
            Event.objects.filter(granularity=granularity, first_day=first_day, last_day=last_day)
            .exclude(status=Event.Status.REJECTED)
            .order_by("-id")
            .values_list("pk", *MATCHED_FIELDS)[:MAX_EVENTS_COMPARED]
        )
        return [KnownEvent(*row) for row in rows]

    def _join_pool(self, known: list[KnownEvent]) -> None:
        place_names: dict[int, set[str]] = defaultdict(set)
        for event_id, name in Event.places.through.objects.filter(
            event_id__in=[event.pk for event in known]
        ).values_list("event_id", "place__name"):
            place_names[event_id].add(name)
        for event in sorted(known, key=lambda e: e.pk):
            period = (event.granularity, event.first_day, event.last_day)
            # Newest first, as loaded; a newer event found later goes in front.
            entry = (event, place_names[event.pk])
            self.pool.setdefault(period, []).insert(0, entry)

    def places_of(self, candidate: EventCandidate) -> list[Place]:
        return [self.places[name] for name in candidate.places]

    def actors_of(self, candidate: EventCandidate) -> list[Actor]:
        unique = {self.actors[a.name].pk: self.actors[a.name] for a in candidate.actors}
        return list(unique.values())

    def find(self, candidate: EventCandidate) -> KnownEvent | Event | None:
        names = set(candidate.places)
        # The article's other happenings are other events, whatever they share.
        taken = {_key(event) for event, _, _ in self.new_events} | self.taken
        for event, event_places in self.pool.get(_period(candidate), []):
            if _key(event) in taken:
                continue
            if same_event(candidate, names, event, event_places):
                return event
        return None

    def add(self, candidate: EventCandidate) -> Event:
        """A new (not yet saved) event for the candidate; `save_new_events` writes it."""
        event = Event(**_event_fields(candidate), salience=candidate.salience)
        places = self.places_of(candidate)
        actors = self.actors_of(candidate)
        self.pool.setdefault(_period(candidate), []).insert(0, (event, {p.name for p in places}))
        self.new_events.append((event, places, actors))
        return event

    def save_new_events(self) -> None:
        Event.objects.bulk_create([event for event, _, _ in self.new_events])
        Event.places.through.objects.bulk_create(
            Event.places.through(event_id=event.pk, place_id=place.pk)
            for event, places, _ in self.new_events
            for place in places
        )
        Event.actors.through.objects.bulk_create(
            Event.actors.through(event_id=event.pk, actor_id=actor.pk)
            for event, _, actors in self.new_events
            for actor in actors
        )


def _key(event: "KnownEvent | Event") -> int | tuple[str, int]:
    """The same for a stored event whether loaded as a row or a model; unsaved
    events are told apart by identity."""
    return event.pk if event.pk is not None else ("new", id(event))


def _period(candidate: EventCandidate) -> tuple:
    # Same granularity and overlapping days means the very same period: units align.
    return (candidate.granularity, candidate.first_day, candidate.last_day)


def _lock_periods(article: Article, periods: set[tuple]) -> None:
    """Hold, until the transaction ends, the right to create events of `periods`.

    PostgreSQL: one advisory lock per period, taken in a fixed order so that two
    workers never wait on each other in a cycle. SQLite has one writer at a time:
    writing first (the article's row) takes its lock for the whole transaction,
    and the reads that follow see everything committed before it.
    """
    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now())
    if connection.vendor != "postgresql":
        return
    keys = sorted({_lock_key(period) for period in periods})
    with connection.cursor() as cursor:
        for key in keys:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def _lock_key(period: tuple) -> int:
    """A stable signed 64-bit key for a period (the same in every process)."""
    granularity, first_day, last_day = period
    digest = hashlib.blake2b(
        f"event-period:{granularity}:{first_day}:{last_day}".encode(), digest_size=8
    ).digest()
    return int.from_bytes(digest, "big", signed=True)


def _actors_named(refs: dict[str, ActorRef]) -> dict[str, Actor]:
    """Actor rows for the actors found, by display name; each is looked up by every
    spelling it has (so «بوتين» finds «فلاديمير بوتين»), and created the first time."""
    spellings = {
        normalise_for_matching(spelling): name
        for name, ref in refs.items()
        for spelling in (ref.name, *ref.aliases)
    }
    known = {
        spellings[alias.folded]: alias.actor
        for alias in ActorAlias.objects.filter(folded__in=spellings).select_related("actor")
    }
    missing = [ref for name, ref in refs.items() if name not in known]
    if missing:
        Actor.objects.bulk_create(
            [Actor(name=ref.name, type=ref.type) for ref in missing], ignore_conflicts=True
        )
        created = {a.name: a for a in Actor.objects.filter(name__in=[r.name for r in missing])}
        ActorAlias.objects.bulk_create(
            [
                ActorAlias(actor=created[ref.name], name=spelling, folded=folded)
                for ref in missing
                for spelling in dict.fromkeys((ref.name, *ref.aliases))
                if (folded := normalise_for_matching(spelling))
            ],
            ignore_conflicts=True,
        )
        # An alias another actor already had wins: ask again by spelling.
        for alias in ActorAlias.objects.filter(folded__in=spellings).select_related("actor"):
            known.setdefault(spellings[alias.folded], alias.actor)
        for ref in missing:
            known.setdefault(ref.name, created[ref.name])
    return known


def _places_named(names: set[str]) -> dict[str, Place]:
    """Place rows for gazetteer names, created the first time a name is seen."""
    places = {p.name: p for p in Place.objects.filter(name__in=names)}
    missing = names - places.keys()
    if missing:
        Place.objects.bulk_create([Place(name=n) for n in missing], ignore_conflicts=True)
        places.update((p.name, p) for p in Place.objects.filter(name__in=missing))
    return places
