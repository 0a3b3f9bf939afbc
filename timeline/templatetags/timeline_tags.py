from datetime import date

from django import template

from timeline.dates import format_day, format_period
from timeline.models import Event

register = template.Library()


@register.filter
def event_date(event: Event) -> str:
    """«الأحد 20 تموز/يوليو 2025», «نهاية آب/أغسطس 2025»…"""
    return format_period(event.first_day, event.last_day, event.granularity, event.mod)


@register.filter
def event_datetime(event: Event) -> str:
    """A machine-readable date for <time datetime>, as precise as the event is."""
    match event.granularity:
        case Event.Granularity.MONTH:
            return event.first_day.strftime("%Y-%m")
        case Event.Granularity.YEAR:
            return f"{event.first_day.year:04d}"
        case _:
            return event.first_day.isoformat()


@register.filter
def arabic_day(day: date | None) -> str:
    """«الأحد 20 تموز/يوليو 2025», the way the timeline writes days."""
    return format_day(day) if day else ""
