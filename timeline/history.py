"""Reading the history django-simple-history keeps: who changed an event, and when.

Written by the functions of timeline/actions.py (every editorial change is saved
through them); read here for the event page.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Model
from django.utils.translation import pgettext, pgettext_lazy

from timeline.models import Annotation, Event, EventImage


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


def _lines(records: list, subject: str, model: type[Model]) -> list[HistoryLine]:
    lines: list[HistoryLine] = []
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
