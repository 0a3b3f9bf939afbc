"""Where each event sits on the horizontal axis, as a share of the shown period."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from timeline.models import Event


@dataclass(frozen=True)
class AxisMark:
    event: Event
    offset: float  # percent from the earliest end (the right, in RTL)
    length: float  # percent of the axis the event's days cover
    is_point: bool


@dataclass(frozen=True)
class Axis:
    first_day: date
    last_day: date
    marks: list[AxisMark]


def place_on_axis(events: Sequence[Event]) -> Axis | None:
    """Spread events over an axis from the earliest first day to the latest last day."""
    if not events:
        return None
    first = min(event.first_day for event in events)
    last = max(event.last_day for event in events)
    total_days = (last - first).days + 1
    marks = []
    for event in events:
        days = (event.last_day - event.first_day).days + 1
        marks.append(
            AxisMark(
                event=event,
                offset=round(100 * (event.first_day - first).days / total_days, 3),
                length=round(100 * days / total_days, 3),
                is_point=event.granularity == Event.Granularity.DAY,
            )
        )
    return Axis(first_day=first, last_day=last, marks=marks)
