"""Filters that write dates in the site's style (see `timeline.reader.dates`), and the axis."""

from datetime import date

from django import template
from django.forms import Form
from django.template import RequestContext
from django.utils.safestring import SafeString

from timeline.event_kinds import EventKind
from timeline.models import Event
from timeline.reader.axis import Axis, Lane, Tick
from timeline.reader.axis_html import axis_items_html, axis_ticks_html
from timeline.reader.cards_html import Card, event_cards_html
from timeline.reader.dates import (
    format_day,
    format_hijri_period,
    format_period,
    machine_date,
    site_date_style,
)
from timeline.reader.select_widget import filter_fields_html

register = template.Library()


@register.filter
def event_date(event: Event) -> str:
    """«الأحد 20 تموز/يوليو 2025», «نهاية آب/أغسطس 2025»…"""
    return format_period(
        event.first_day, event.last_day, event.granularity, event.mod, site_date_style()
    )


@register.filter
def event_hijri(event: Event) -> str:
    """The event's period in the Umm al-Qura calendar: «25 محرم 1447 هـ»."""
    return format_hijri_period(
        event.first_day, event.last_day, event.granularity, site_date_style()
    )


@register.filter
def event_datetime(event: Event) -> str:
    """A machine-readable date for <time datetime>, as precise as the event is."""
    return machine_date(event.first_day, event.granularity)


@register.filter
def arabic_day(day: date | None) -> str:
    """«الأحد 20 تموز/يوليو 2025», the way the timeline writes days."""
    return format_day(day, site_date_style()) if day else ""


# EventKind.values builds a new list at each call.
_KINDS = frozenset(EventKind.values)


@register.filter
def kind_label(kind: str) -> str:
    """«meeting» → «لقاء»: a kind's name as readers see it."""
    return str(EventKind(kind).label) if kind in _KINDS else kind


@register.simple_tag(takes_context=True)
def axis_items(context: RequestContext, row: Axis | Lane, cluster_zoom: str) -> SafeString:
    """The marks and clusters of the axis, or of one of its lanes (reader/axis_html.py)."""
    return axis_items_html(row, cluster_zoom, context.request.GET, site_date_style())


@register.simple_tag
def axis_ticks(ticks: list[Tick]) -> SafeString:
    """The axis window's ticks (reader/axis_html.py)."""
    return axis_ticks_html(ticks)


@register.simple_tag
def filter_fields(form: Form) -> SafeString:
    """The filter form's fields, each with its label and errors (reader/select_widget.py)."""
    return filter_fields_html(form)


@register.simple_tag
def event_cards(cards: list[Card], editor: bool) -> SafeString:
    """The timeline's event cards (reader/cards_html.py)."""
    return event_cards_html(cards, editor, site_date_style())
