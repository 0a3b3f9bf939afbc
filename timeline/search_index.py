"""Events' `search_text` kept in step with their title, places, actors and excerpts
(the text analysis itself is timeline/search.py, which the models use)."""

from collections.abc import Iterable

from django.db.models.signals import m2m_changed, post_delete, post_save

from timeline.models import Actor, Event, EventSource, Place
from timeline.search import search_document


def event_search_text(
    title: str, places: Iterable[Place], actors: Iterable[Actor], excerpts: Iterable[str]
) -> str:
    """An event's `search_text` from its title, places, actors and the excerpts of its
    sources (in the order of their ids): what `refresh_search_text` stores, for an
    event whose rows are all at hand (one extraction has just made)."""
    names = [place.name for place in sorted(places, key=lambda place: place.pk)]
    # Actors are names like places: «الكرملين» or «بوتين» finds their events.
    names += [actor.name for actor in sorted(actors, key=lambda actor: actor.pk)]
    return search_document(title, names, excerpts)


def refresh_search_text(event_ids: Iterable[int]) -> None:
    """Recompute the events' `search_text` from their title, places, actors and excerpts.

    Called wherever those change in bulk (extraction, merge, split) and by signals
    (timeline/apps.py) when an editor saves an event or its places. The same text as
    `event_search_text`: places, then actors, each in the order of their ids.
    """
    ids = sorted(set(event_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        names: dict[int, list[str]] = {}
        for event_id, name in (
            Event.places.through.objects.filter(event_id__in=chunk)
            .order_by("event_id", "place_id")
            .values_list("event_id", "place__name")
        ):
            names.setdefault(event_id, []).append(name)
        for event_id, name in (
            Event.actors.through.objects.filter(event_id__in=chunk)
            .order_by("event_id", "actor_id")
            .values_list("event_id", "actor__name")
        ):
            names.setdefault(event_id, []).append(name)
        excerpts: dict[int, list[str]] = {}
        for event_id, excerpt in (
            EventSource.objects.filter(event_id__in=chunk)
            .order_by("id")
            .values_list("event_id", "excerpt")
        ):
            excerpts.setdefault(event_id, []).append(excerpt)
        events = list(Event.objects.filter(pk__in=chunk).only("id", "title", "search_text"))
        changed = []
        for event in events:
            text = search_document(event.title, names.get(event.pk, ()), excerpts.get(event.pk, ()))
            if text != event.search_text:
                event.search_text = text
                changed.append(event)
        Event.objects.bulk_update(changed, ["search_text"])


def _event_saved(sender, instance, raw: bool = False, update_fields=None, **kwargs) -> None:
    if raw or (update_fields is not None and "title" not in update_fields):
        return
    refresh_search_text([instance.pk])


def _places_changed(sender, instance, action: str, reverse: bool, pk_set=None, **kwargs) -> None:
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:  # place.events.add(…): the events are in pk_set
        refresh_search_text(pk_set or ())
    else:
        refresh_search_text([instance.pk])


def _source_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        refresh_search_text([instance.event_id])


def connect_signals() -> None:
    """Keep `search_text` in step with what editors change one row at a time."""
    post_save.connect(_event_saved, sender=Event, dispatch_uid="search_event_saved")
    m2m_changed.connect(
        _places_changed, sender=Event.places.through, dispatch_uid="search_places_changed"
    )
    m2m_changed.connect(
        _places_changed, sender=Event.actors.through, dispatch_uid="search_actors_changed"
    )
    post_save.connect(_source_changed, sender=EventSource, dispatch_uid="search_source_saved")
    post_delete.connect(_source_changed, sender=EventSource, dispatch_uid="search_source_deleted")
