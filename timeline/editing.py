"""What editors do to events: confirm, reject, correct, merge, split, and the history.

Every change goes through `save()` so that django-simple-history records who made it
(the request's user, set by its middleware). A corrected, merged or split event is
marked `edited_by_editor`: re-extraction then never overwrites it.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext, pgettext, pgettext_lazy
from simple_history.models import HistoricalRecords

from timeline.events import sentence_title
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
    # QuerySet.update() sends no signal: the readers' cache is told directly.
    transaction.on_commit(forget_reader_pages)
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
    target.edited_by_editor = True
    target.save()
    for event in others:
        event.delete()
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
    new = Event.objects.create(
        title=sentence_title(source.excerpt, source.highlight_start, source.highlight_end, mention)
        or event.title,
        first_day=first_day,
        last_day=max(first_day, last_day),
        granularity=event.granularity,
        mod=event.mod,
        kind=event.kind,
        status=Event.Status.CANDIDATE,
        edited_by_editor=True,
    )
    new.places.set(event.places.all())
    source.event = new
    source.save(update_fields=["event"])
    event.edited_by_editor = True
    event.save(update_fields=["edited_by_editor", "updated_at"])
    refresh_search_text([event.pk, new.pk])
    return new


# -- Stories ----------------------------------------------------------------------

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


def add_to_story(story: Story, events: Iterable[Event]) -> None:
    """Put the events in the story (those already there stay as they are)."""
    story.events.add(*events)


def confirm_story_candidates(story: Story, event_ids: Iterable[int] | None = None) -> int:
    """Confirm the story's candidate events (only those of `event_ids`, if given)."""
    candidates = story.events.filter(status=Event.Status.CANDIDATE)
    if event_ids is not None:
        candidates = candidates.filter(pk__in=list(event_ids))
    return set_status(candidates, Event.Status.CONFIRMED)


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
    to `user`, and saving it moves the readers' cache generation (reader_cache).
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
    except BaseException:
        for name in stored:
            storage.delete(name)
        raise
    return image


@transaction.atomic
def remove_event_image(image: EventImage) -> None:
    """Remove the image; its files go once the removal is committed (models.py)."""
    image.delete()


@dataclass(frozen=True)
class HistoryLine:
    when: datetime
    who: str
    what: str  # «أنشأ»، «عدّل»، «حذف»
    subject: str  # «الحدث» or «ملاحظة»
    fields: list[str]  # verbose names of the fields that changed


# What a history line says was done, and to what: words of a sentence («سارة عدّل الحدث»).
_ACTIONS = {
    "+": pgettext_lazy("history", "أنشأ"),
    "~": pgettext_lazy("history", "عدّل"),
    "-": pgettext_lazy("history", "حذف"),
}


def _lines(records: list, subject: str, model: type) -> list[HistoryLine]:
    lines = []
    if not records:  # rows written in bulk have no history
        return lines
    # Records arrive newest first; each is compared with the one just before it.
    for record, previous in zip(records, [*records[1:], None], strict=True):
        fields: list[str] = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            fields = [
                str(model._meta.get_field(name).verbose_name) for name in delta.changed_fields
            ]
        lines.append(
            HistoryLine(
                when=record.history_date,
                who=str(record.history_user)
                if record.history_user
                else pgettext("history", "النظام"),
                what=str(_ACTIONS.get(record.history_type, record.history_type)),
                subject=subject,
                fields=fields,
            )
        )
    return lines


HISTORY_LIMIT = 30


def event_history(event: Event) -> list[HistoryLine]:
    """Who changed the event and its annotations, and when: newest first."""
    event_records = list(event.history.select_related("history_user")[:HISTORY_LIMIT])
    note_records = list(
        Annotation.history.filter(event_id=event.pk)
        .select_related("history_user")
        .order_by("id", "-history_date", "-history_id")[:HISTORY_LIMIT]
    )
    image_records = list(
        EventImage.history.filter(event_id=event.pk)
        .select_related("history_user")
        .order_by("id", "-history_date", "-history_id")[:HISTORY_LIMIT]
    )
    lines = _lines(event_records, pgettext("history", "الحدث"), Event)
    by_note: dict[int, list] = {}
    for record in note_records:
        by_note.setdefault(record.id, []).append(record)
    for records in by_note.values():
        lines += _lines(records, pgettext("history", "ملاحظة"), Annotation)
    by_image: dict[int, list] = {}
    for record in image_records:
        by_image.setdefault(record.id, []).append(record)
    for records in by_image.values():
        lines += _lines(records, pgettext("history", "صورة"), EventImage)
    lines.sort(key=lambda line: line.when, reverse=True)
    return lines[:HISTORY_LIMIT]
