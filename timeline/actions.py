"""Every change to events, their sources, stories and annotations: one function each.

The views (timeline/reader/views.py, timeline/editorial/), the admin, the
management commands and the pipeline's bulk writes all call these, and nothing else
writes those rows. Each function

- records history: one-row changes go through `save()`, so django-simple-history
  records who made them (the request's user, set by its middleware); bulk status
  changes write their history rows in bulk (`set_status`);
- announces the change once its transaction commits (`announce_change`): today that
  moves the reader cache to a new generation (timeline/reader_cache.py), and live
  updates for readers build on that same generation.

An event a person confirmed, rejected or edited is theirs (`Event.is_machine_made`
is False); an edit marks it with `_mark_edited`, and re-extraction then never
overwrites it. History is read in timeline/history.py.
"""

import uuid
from collections.abc import Callable, Collection, Iterable

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext
from simple_history.models import HistoricalRecords

from timeline.extraction.events import sentence_title
from timeline.images import prepare
from timeline.models import (
    Actor,
    ActorAlias,
    Annotation,
    Event,
    EventImage,
    EventSource,
    Place,
    Story,
)
from timeline.reader_cache import forget_reader_pages
from timeline.search_index import refresh_search_text
from timeline.text import normalise_for_matching


def announce_change() -> None:
    """What readers see has changed: say so.

    Moves the reader cache's generation (`forget_reader_pages`) at once and again
    when the transaction commits, so that no reader is served a page cached before
    the change, nor one rendered in between from the old rows; open pages asking
    for changes (timeline/reader/live.py) see the new generation.
    """
    forget_reader_pages()


def _mark_edited(event: Event) -> None:
    """A person edited the event: it is theirs now (see `Event.is_machine_made`)."""
    event.edited_by_editor = True


# History rows written per INSERT, and events per UPDATE, when statuses change in bulk.
STATUS_BATCH = 2_000
STATUS_CHUNK = 20_000


@transaction.atomic
def set_status(events: Iterable[Event] | QuerySet[Event], status: str, user=None) -> int:
    """Confirm or reject: returns how many events changed.

    One UPDATE per 20,000 events (STATUS_CHUNK), and one history record per changed event
    written in bulk (simple_history's bulk_history_create), attributed to `user`
    (default: the request's user, from simple_history's middleware).
    """
    if isinstance(events, QuerySet):
        # Their ids first: the caller's queryset may be annotated or grouped, and as
        # a subquery of the locking SELECT it misleads PostgreSQL's planner (a nested
        # loop over a sequential scan: 5 s for 10,000 events instead of 10 ms).
        ids = list(events.order_by().values_list("pk", flat=True))
    else:
        ids = [event.pk for event in events]
    if user is None:
        request = getattr(HistoricalRecords.context, "request", None)
        user = getattr(request, "user", None)
    user = user if getattr(user, "is_authenticated", False) else None
    now = timezone.now()
    changed = 0
    # One UPDATE per STATUS_CHUNK events (SQLite takes at most 32,766 parameters).
    for start in range(0, len(ids), STATUS_CHUNK):
        chunk = Event.objects.filter(pk__in=ids[start : start + STATUS_CHUNK])
        rows = list(chunk.exclude(status=status).order_by("id").select_for_update())
        if not rows:
            continue
        Event.objects.filter(pk__in=[row.pk for row in rows]).update(status=status, updated_at=now)
        for row in rows:
            row.status, row.updated_at = status, now
        Event.history.bulk_history_create(
            rows, batch_size=STATUS_BATCH, update=True, default_user=user, default_date=now
        )
        changed += len(rows)
    if not changed:
        return 0
    announce_change()
    return changed


def confirmed_message(count: int) -> str:
    """«أُكّدت 3 أحداث»: Arabic agreement for every count (locale/ar holds the six forms)."""
    return ngettext("أُكّد حدث واحد.", "أُكّد %(count)d حدث.", count) % {"count": count}


def rejected_message(count: int) -> str:
    """«رُفضت 3 أحداث»."""
    return ngettext("رُفض حدث واحد.", "رُفض %(count)d حدث.", count) % {"count": count}


def merged_message(count: int, title: str) -> str:
    """«دُمجت 3 أحداث في «…»»."""
    return ngettext("دُمج حدث واحد في «%(title)s».", "دُمج %(count)d حدث في «%(title)s».", count) % {
        "count": count,
        "title": title,
    }


@transaction.atomic
def merge_events(events: list[Event]) -> Event:
    """Fold the events into the oldest one, keeping every source, annotation and story."""
    events = sorted(events, key=lambda event: event.pk)
    target, others = events[0], events[1:]
    if not others:
        return target
    for source in EventSource.objects.filter(event__in=others):
        source.event = target
        source.save(update_fields=["event"])
    # One by one, so that each move is in the annotation's history.
    for annotation in Annotation.objects.filter(event__in=others):
        annotation.event = target
        annotation.save(update_fields=["event"])
    for story in Story.objects.filter(events__in=others).distinct():
        story.events.add(target)
    target.places.add(*Place.objects.filter(events__in=others).distinct())
    target.actors.add(*Actor.objects.filter(events__in=others).distinct())
    if any(event.status == Event.Status.CONFIRMED for event in events):
        target.status = Event.Status.CONFIRMED
    _mark_edited(target)
    target.save()
    for event in others:
        event.delete()
    announce_change()
    return target


@transaction.atomic
def merge_actors(actors: list[Actor], into: Actor | None = None) -> Actor:
    """Make several actors one: `into` (by default the oldest) takes every alias
    (the others' display names included) and every event; the others go."""
    actors = sorted(actors, key=lambda actor: actor.pk)
    target = into or actors[0]
    others = [actor for actor in actors if actor.pk != target.pk]
    if not others:
        return target
    for event in Event.objects.filter(actors__in=others).distinct():
        event.actors.add(target)
    names = [other.name for other in others]
    ActorAlias.objects.filter(actor__in=others).update(actor=target)
    for other in others:
        other.delete()
    for name in names:
        if not ActorAlias.objects.filter(folded=normalise_for_matching(name)).exists():
            ActorAlias.objects.create(actor=target, name=name)
    # Events name their actors: pages that listed the others now list the target.
    announce_change()
    return target


class SplitError(ValueError):
    """The source cannot be split out: it is the event's only one."""


@transaction.atomic
def split_source(event: Event, source: EventSource) -> Event:
    """Move one source out of the event into a new event of its own."""
    if source.event_id != event.pk:
        raise SplitError(gettext("المصدر لا يخص هذا الحدث."))
    if event.sources.count() < 2:
        raise SplitError(gettext("لا يُفصل المصدر الوحيد للحدث."))
    mention = source.mention
    first_day = mention.first_day or event.first_day
    last_day = mention.last_day or event.last_day
    # Titled from its own sentence, the way extraction titles an event.
    new = Event(
        title=sentence_title(source.excerpt, source.highlight_start, source.highlight_end, mention)
        or event.title,
        first_day=first_day,
        last_day=max(first_day, last_day),
        granularity=event.granularity,
        mod=event.mod,
        kind=event.kind,
        status=Event.Status.CANDIDATE,
    )
    _mark_edited(new)
    new.save()
    new.places.set(event.places.all())
    source.event = new
    source.save(update_fields=["event"])
    _mark_edited(event)
    event.save(update_fields=["edited_by_editor", "updated_at"])
    refresh_search_text([event.pk, new.pk])
    announce_change()
    return new


@transaction.atomic
def correct_event(
    event: Event, save_related: Callable[[], None] | None = None, confirm: bool = False
) -> Event:
    """Save what an editor changed in `event` (its fields already set, e.g. by
    `form.save(commit=False)`); `save_related` then saves its places and the like
    (a form's `save_m2m`). The event is the editor's from now on; `confirm` also
    confirms it."""
    _mark_edited(event)
    if confirm:
        event.status = Event.Status.CONFIRMED
    event.save()
    if save_related is not None:
        save_related()
    announce_change()
    return event


@transaction.atomic
def delete_events(events: Iterable[Event]) -> int:
    """Delete events one by one (each deletion in its history); how many went."""
    count = 0
    for event in events:
        event.delete()
        count += 1
    if count:
        announce_change()
    return count


# -- Stories ------------------------------------------------------------------------

# Room left in Story.slug (200) for a «-NNN» suffix.
SLUG_STEM = 190


def story_slug(title: str, exclude: int | None = None) -> str:
    """A slug no other story has, from the title, Arabic kept as it is:
    «الملف النووي الإيراني» → «الملف-النووي-الإيراني», then «…-2», «…-3»."""
    stem = slugify(title.replace("ـ", ""), allow_unicode=True)[:SLUG_STEM].strip("-") or "story"
    taken = set(
        Story.objects.exclude(pk=exclude)
        .filter(slug__startswith=stem)
        .values_list("slug", flat=True)
    )
    slug, n = stem, 2
    while slug in taken:
        slug, n = f"{stem}-{n}", n + 1
    return slug


def confirm_story_candidates(story: Story, event_ids: Iterable[int] | None = None) -> int:
    """Confirm the story's candidate events (only those of `event_ids`, if given)."""
    candidates = story.events.filter(status=Event.Status.CANDIDATE)
    if event_ids is not None:
        candidates = candidates.filter(pk__in=list(event_ids))
    return set_status(candidates, Event.Status.CONFIRMED)


@transaction.atomic
def save_story(story: Story, save_related: Callable[[], None] | None = None) -> Story:
    """Create or change a story (title, description, published or not)."""
    story.save()
    if save_related is not None:
        save_related()
    announce_change()
    return story


@transaction.atomic
def add_to_story(story: Story, events: Iterable[Event] | Iterable[int]) -> None:
    """Put events (or event ids) in the story; those already in it stay once."""
    story.events.add(*events)
    story.save(update_fields=["updated_at"])  # who changed the story, in its history
    announce_change()


@transaction.atomic
def remove_from_story(story: Story, event: Event) -> None:
    story.events.remove(event)
    story.save(update_fields=["updated_at"])
    announce_change()


@transaction.atomic
def delete_story(story: Story) -> None:
    story.delete()
    announce_change()


# -- Annotations --------------------------------------------------------------------


@transaction.atomic
def save_annotation(annotation: Annotation, author=None) -> Annotation:
    """Add or change an editor's note; a new one without an author is `author`'s."""
    if not annotation.author_id and author is not None:
        annotation.author = author
    annotation.save()
    announce_change()
    return annotation


@transaction.atomic
def delete_annotation(annotation: Annotation) -> None:
    annotation.delete()
    announce_change()


# -- Images -------------------------------------------------------------------------


def add_event_image(
    event: Event,
    data: bytes,
    *,
    caption: str,
    credit: str,
    alt_text: str,
    user=None,
    source_url: str = "",
) -> EventImage:
    """Check the bytes, store their web sizes and add the image after the event's others.

    Raises `timeline.images.ImageRejected` (with the reason, for the editor) for a
    file that is not an acceptable image. The new row is in the history, attributed
    to `user`, and readers are told once it is committed.
    """
    sizes = prepare(data)
    image = EventImage(
        event=event,
        width=sizes[-1].width,
        height=sizes[-1].height,
        caption=caption,
        credit=credit,
        alt_text=alt_text,
        source_url=source_url,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    if image.created_by is not None:
        image._history_user = image.created_by
    stem = uuid.uuid4().hex
    storage = image.file.storage
    stored: list[str] = []
    try:
        for size in sizes[:-1]:
            name = storage.save(
                f"events/{event.pk}/{stem}-{size.width}.webp", ContentFile(size.data)
            )
            stored.append(name)
            image.renditions.append({"name": name, "width": size.width, "height": size.height})
        widest = sizes[-1]
        image.file.save(f"{stem}-{widest.width}.webp", ContentFile(widest.data), save=False)
        stored.append(image.file.name)
        image.renditions.append(
            {"name": image.file.name, "width": widest.width, "height": widest.height}
        )
        with transaction.atomic():
            last = event.images.aggregate(last=Max("position"))["last"]
            image.position = 0 if last is None else last + 1
            image.save()
            announce_change()
    except BaseException:
        for name in stored:
            storage.delete(name)
        raise
    return image


@transaction.atomic
def remove_event_image(image: EventImage) -> None:
    """Remove the image; its files go once the removal is committed (models.py)."""
    image.delete()
    announce_change()


# -- Extraction's bulk writes (timeline/pipeline/extract.py) --------------------------------
#
# The machine's rows: written in bulk, so no signal and no history row follows them
# (only an editor's changes are in the history). What readers see changes only where
# an extraction touches a confirmed event: a new article joining it, a source moving
# out of it, its salience; `settle_extracted_events` announces exactly that.


def save_machine_events(new: list[tuple[Event, list[Place], list[Actor]]]) -> None:
    """New candidate events, each with its places and actors.

    Their fields as given: the pipeline sets each one's salience and search text from
    the sources it is about to add (`settle_extracted_events` leaves them be)."""
    Event.objects.bulk_create([event for event, _, _ in new])
    Event.places.through.objects.bulk_create(
        Event.places.through(event_id=event.pk, place_id=place.pk)
        for event, places, _ in new
        for place in places
    )
    Event.actors.through.objects.bulk_create(
        Event.actors.through(event_id=event.pk, actor_id=actor.pk)
        for event, _, actors in new
        for actor in actors
    )


def refresh_machine_event(
    event: Event, fields: dict, places: list[Place], actors: list[Actor]
) -> None:
    """A machine-made event re-extracted from its only article: its new fields."""
    Event.objects.filter(pk=event.pk).update(**fields, updated_at=timezone.now())
    event.places.set(places)
    event.actors.set(actors)


def add_sources(sources: Iterable[EventSource]) -> None:
    EventSource.objects.bulk_create(sources)


def refresh_source(source: EventSource, fields: dict) -> None:
    EventSource.objects.filter(pk=source.pk).update(**fields)


def remove_sources(sources: Iterable[EventSource]) -> None:
    ids = [source.pk for source in sources]
    if ids:  # most extractions remove none: no delete to prepare
        EventSource.objects.filter(pk__in=ids).delete()


def settle_extracted_events(
    reported: set[int],
    reported_before: set[int],
    touched: set[int],
    gained: Collection[int] = (),
    created: Collection[int] = (),
) -> None:
    """After an article's extraction: salience, orphans, search text, readers told.

    `reported`: the events the article now reports; `reported_before`: those it
    reported before this run; `touched`: every event that gained or lost a source;
    `gained`: known events the article now reports too (open reader pages count a
    confirmed one as changed, timeline/reader/live.py); `created`: the events this
    run made, saved with their salience and search text (`save_machine_events`):
    nothing to settle there, and no reader sees a new candidate.
    """
    known = (touched | reported) - set(created)
    # The confirmed events the article now reports too: how many readers see changed.
    gained_public = 0
    if gained:
        gained_public = (
            Event.objects.public().filter(pk__in=gained).update(updated_at=timezone.now())
        )
    if reported & known:
        # An event is as salient as the article that makes the most of it.
        Event.objects.filter(pk__in=reported & known).update(
            salience=Subquery(
                EventSource.objects.filter(event=OuterRef("pk"))
                .order_by("-salience")
                .values("salience")[:1]
            )
        )
    # Asked before the orphans go: a confirmed event is never one of them.
    others = known - set(gained)
    readers_see_it = gained_public > 0 or (
        bool(others) and Event.objects.public().filter(pk__in=others).exists()
    )
    if reported_before:
        # An annotated event is an editor's even if no source is left: annotations survive.
        Event.objects.filter(pk__in=reported_before).machine_made().filter(
            sources__isnull=True, annotations__isnull=True
        ).delete()
    # Titles, places and excerpts changed in bulk: signals did not see them.
    refresh_search_text((touched | reported_before) - set(created))
    if readers_see_it:
        announce_change()
