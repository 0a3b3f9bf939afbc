"""Which known event a new candidate reports: the one rule (`same_event`) and the
matcher that applies it to the events of the candidates' periods, for the pipeline."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber

from timeline.event_kinds import EventKind
from timeline.extraction.actors import ActorRef
from timeline.extraction.events import EventCandidate, title_words
from timeline.models import Actor, ActorAlias, Event, Place
from timeline.search import search_document
from timeline.text import normalise_for_matching

# How alike two titles must be (Jaccard over content words) to be one event: days
# are specific enough for a loose match, a whole month or year is not.
TITLE_SIMILARITY = {"day": 0.3, "week": 0.4}
TITLE_SIMILARITY_COARSE = 0.5
MIN_SHARED_WORDS = 2


class ClusterableEvent(Protocol):
    """What `same_event` reads of a known event (a row or a model)."""

    @property
    def title(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def first_day(self) -> date: ...
    @property
    def last_day(self) -> date: ...
    @property
    def granularity(self) -> str: ...


def same_event(
    candidate: EventCandidate,
    candidate_places: set[str],
    event: ClusterableEvent,
    event_places: set[str],
) -> bool:
    """Whether a new candidate reports an event already known.

    Both must cover the same days at the same granularity; then either their
    titles share enough content words, or on the same day they are of one family of
    kinds (a meeting is also reported as talks) and share a place. Actors are not
    enough: one person or federation speaks several times a day.
    """
    if candidate.granularity != event.granularity:
        return False
    if candidate.first_day > event.last_day or event.first_day > candidate.last_day:
        return False
    if (
        candidate.granularity == "day"
        and EventKind.OTHER not in (candidate.kind, event.kind)
        and _kind_family(candidate.kind) == _kind_family(event.kind)
        and candidate_places & event_places
    ):
        return True
    ours, theirs = title_words(candidate.title), title_words(event.title)
    shared = len(ours & theirs)
    if shared < MIN_SHARED_WORDS:
        return False
    threshold = TITLE_SIMILARITY.get(candidate.granularity, TITLE_SIMILARITY_COARSE)
    if EventKind.STATEMENT in (candidate.kind, event.kind):
        # Statements of one story the same day share its words whoever speaks:
        # «ساويرس يطالب الاتحاد المصري…» and «الاتحاد المصري يرد…» are two.
        threshold = max(threshold, TITLE_SIMILARITY_COARSE)
    return shared / len(ours | theirs) >= threshold


# Kinds that reports of one happening mix: a meeting is also «talks» or a «visit».
KIND_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"meeting", "talks", "visit"}),
    frozenset({"attack", "disaster"}),
)


def _kind_family(kind: str) -> frozenset[str]:
    return next((family for family in KIND_FAMILIES if kind in family), frozenset({kind}))


def event_fields(candidate: EventCandidate) -> dict:
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


# A month or a year can hold many events; compare with the most recent ones only.
MAX_EVENTS_COMPARED = 100
# What `same_event` reads of an event.
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

    Loads the events of the candidates' periods (one query for all of them) and the
    places they name up front, so matching costs a few queries per article rather
    than per candidate or per period.
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
        self.candidate_periods = {period_of(c) for c in candidates}
        # Per period, the newest event loaded: `load_newer` reads what came after it.
        self.newest_seen: dict[tuple, int] = dict.fromkeys(self.candidate_periods, 0)
        self._join_pool(self._known())

    def periods(self) -> set[tuple]:
        return set(self.candidate_periods)

    def load_newer(self) -> None:
        """Add the events other workers created since this matcher loaded, so that
        a happening they created first is found rather than created again.

        Per period: a worker creating events of a period holds its lock
        (extract._lock_periods; SQLite has one writer at a time), so within a period
        ids grow in the order those events are committed, and what is newer than the
        newest loaded is what came since. (The newest id of the whole table would
        miss an event of this period committed after a newer one of another.)"""
        newer = Q()
        for (granularity, first_day, last_day), newest in sorted(self.newest_seen.items()):
            newer |= Q(
                granularity=granularity, first_day=first_day, last_day=last_day, pk__gt=newest
            )
        if not newer:
            return
        rows = (
            Event.objects.filter(newer)
            .exclude(status=Event.Status.REJECTED)
            .order_by()
            .values_list("pk", *MATCHED_FIELDS)
        )
        self._join_pool([KnownEvent(*row) for row in rows])

    def _known(self) -> list[KnownEvent]:
        """The newest MAX_EVENTS_COMPARED events of each candidate period, in one query."""
        periods = Q()
        for granularity, first_day, last_day in sorted(self.candidate_periods):
            periods |= Q(granularity=granularity, first_day=first_day, last_day=last_day)
        if not periods:
            return []
        rows = (
            Event.objects.filter(periods)
            .exclude(status=Event.Status.REJECTED)
            .annotate(
                recency=Window(
                    RowNumber(),
                    partition_by=[F("granularity"), F("first_day"), F("last_day")],
                    order_by=F("id").desc(),
                )
            )
            .filter(recency__lte=MAX_EVENTS_COMPARED)
            .order_by()
            .values_list("pk", *MATCHED_FIELDS)
        )
        return [KnownEvent(*row) for row in rows]

    def _join_pool(self, known: list[KnownEvent]) -> None:
        if not known:
            return
        place_names: dict[int, set[str]] = defaultdict(set)
        for event_id, name in Event.places.through.objects.filter(
            event_id__in=[event.pk for event in known]
        ).values_list("event_id", "place__name"):
            place_names[event_id].add(name)
        for event in sorted(known, key=lambda e: e.pk):
            period = (event.granularity, event.first_day, event.last_day)
            self.newest_seen[period] = max(self.newest_seen.get(period, 0), event.pk)
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
        taken = {event_key(event) for event, _, _ in self.new_events} | self.taken
        for event, event_places in self.pool.get(period_of(candidate), []):
            if event_key(event) in taken:
                continue
            if same_event(candidate, names, event, event_places):
                return event
        return None

    def add(self, candidate: EventCandidate) -> Event:
        """A new (not yet saved) event for the candidate; `actions.save_machine_events`
        writes it."""
        event = Event(**event_fields(candidate), salience=candidate.salience)
        places = self.places_of(candidate)
        actors = self.actors_of(candidate)
        self.pool.setdefault(period_of(candidate), []).insert(0, (event, {p.name for p in places}))
        self.new_events.append((event, places, actors))
        return event


def event_key(event: KnownEvent | Event) -> int | tuple[str, int]:
    """The same for a stored event whether loaded as a row or a model; unsaved
    events are told apart by identity."""
    return event.pk if event.pk is not None else ("new", id(event))


def period_of(candidate: EventCandidate) -> tuple:
    # Same granularity and overlapping days means the very same period: units align.
    return (candidate.granularity, candidate.first_day, candidate.last_day)


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
        created = {
            actor.name: actor
            for actor in _create_or_get(
                Actor, [Actor(name=ref.name, type=ref.type) for ref in missing]
            )
        }
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
        places.update((p.name, p) for p in _create_or_get(Place, [Place(name=n) for n in missing]))
    return places


def _create_or_get[M: (Actor, Place)](model: type[M], rows: list[M]) -> list[M]:
    """The rows by their unique name, created if missing: one INSERT whose RETURNING
    gives the id of each, new or already there (another worker may have just made
    it). What is already stored keeps its fields; only the id is read back."""
    return model.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["name"], update_fields=["name"]
    )
