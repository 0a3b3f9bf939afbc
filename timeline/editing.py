"""What editors do to events: confirm, reject, correct, merge, split, and the history.

Every change goes through `save()` so that django-simple-history records who made it
(the request's user, set by its middleware). A corrected, merged or split event is
marked `edited_by_editor`: re-extraction then never overwrites it.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction

from timeline.models import Annotation, Event, EventSource, Place, Story


def set_status(events: list[Event], status: str) -> int:
    """Confirm or reject: returns how many events changed."""
    changed = 0
    for event in events:
        if event.status != status:
            event.status = status
            event.save(update_fields=["status", "updated_at"])
            changed += 1
    return changed


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
    if any(event.status == Event.Status.CONFIRMED for event in events):
        target.status = Event.Status.CONFIRMED
    target.edited_by_editor = True
    target.save()
    for event in others:
        event.delete()
    return target


class SplitError(ValueError):
    """The source cannot be split out: it is the event's only one."""


@transaction.atomic
def split_source(event: Event, source: EventSource) -> Event:
    """Move one source out of the event into a new event of its own."""
    if source.event_id != event.pk:
        raise SplitError("المصدر لا يخص هذا الحدث.")
    if event.sources.count() < 2:
        raise SplitError("لا يُفصل المصدر الوحيد للحدث.")
    mention = source.mention
    first_day = mention.first_day or event.first_day
    last_day = mention.last_day or event.last_day
    new = Event.objects.create(
        title=event.title,
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
    return new


@dataclass(frozen=True)
class HistoryLine:
    when: datetime
    who: str
    what: str  # «أنشأ»، «عدّل»، «حذف»
    subject: str  # «الحدث» or «ملاحظة»
    fields: list[str]  # verbose names of the fields that changed


_ACTIONS = {"+": "أنشأ", "~": "عدّل", "-": "حذف"}


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
                who=str(record.history_user) if record.history_user else "النظام",
                what=_ACTIONS.get(record.history_type, record.history_type),
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
    lines = _lines(event_records, "الحدث", Event)
    by_note: dict[int, list] = {}
    for record in note_records:
        by_note.setdefault(record.id, []).append(record)
    for records in by_note.values():
        lines += _lines(records, "ملاحظة", Annotation)
    lines.sort(key=lambda line: line.when, reverse=True)
    return lines[:HISTORY_LIMIT]
