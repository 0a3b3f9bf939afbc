"""The timeline's event cards, built in Python (timeline/reader/cards_html.py), are
the markup the template drew them with (tests/event_cards_reference.html)."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.template import RequestContext, engines
from django.test import RequestFactory
from django.utils import translation

from tests.factories import make_event
from timeline.event_kinds import EventKind
from timeline.models import Actor, Event, EventImage, EventSource, Place
from timeline.reader.cards_html import event_cards_html, load_cards
from timeline.reader.dates import DateStyle, site_date_style

REFERENCE = Path(__file__).with_name("event_cards_reference.html")
STYLES = [DateStyle(months="both", digits="western"), DateStyle(months="syriac", digits="eastern")]
HOSTILE = "<script>alert('x')</script> & \"«قمة»\""


def reference_html(events: list[Event], editor: bool) -> str:
    """The cards as the template drew them (the relations read one by one, as they are)."""
    for event in events:
        event.article_count = event.sources.values("article").distinct().count()
    template = engines["django"].engine.from_string(REFERENCE.read_text())
    request = RequestFactory().get("/")
    return template.render(RequestContext(request, {"events": events, "editor": editor}))


def same_markup(html: str) -> str:
    """Whitespace runs as one space: a browser draws them so. (Not removed between
    tags: a space between two inline elements is seen.)"""
    return re.sub(r"\s+", " ", html).strip()


def _events() -> list[Event]:
    """Cards of every sort: hostile text in every field a card shows, no source or
    several, no published day, images, each status, kinds known and not, every
    granularity, days outside the Hijri tables, counts for each Arabic plural form."""
    kinds = [kind for kind, _ in EventKind.choices]
    granularities = ["day", "week", "month", "season", "quarter", "year", "decade"]
    mods = [None, "START", "MID", "END", "APPROX"]
    events = []
    for n, sources in enumerate([0, 1, 2, 3, 11, 0, 1, 2, 1, 0, 1, 1, 1, 100]):
        status = [Event.Status.CONFIRMED, Event.Status.CANDIDATE, Event.Status.REJECTED][n % 3]
        day = [date(2025, 7, 25), date(987, 3, 1), date(2100, 12, 31), date(1990, 2, 28)][n % 4]
        event = make_event(f"{HOSTILE} {n}" if n % 2 else f"لقاء رقم {n}", status, day, sources)
        granularity = granularities[n % len(granularities)]
        Event.objects.filter(pk=event.pk).update(
            kind="<unknown>" if n == 5 else kinds[n % len(kinds)],
            granularity=granularity,
            mod=mods[n % len(mods)] if granularity != "day" else None,
            last_day=day if granularity == "day" else date(day.year + n % 3, 12, 31),
        )
        events.append(event)
    hostile = events[1]
    hostile.places.add(Place.objects.create(name=HOSTILE), Place.objects.create(name="غزة"))
    hostile.actors.add(
        Actor.objects.create(name=HOSTILE, type="person"),
        Actor.objects.create(name="الأمم المتحدة", type="organization"),
    )
    events[2].places.add(Place.objects.get(name="غزة"))
    source = EventSource.objects.filter(event=hostile).get()
    source.excerpt = f"قال {HOSTILE} يوم الجمعة <b>إن</b> & انتهى"
    source.highlight_start = source.excerpt.index("يوم")
    source.highlight_end = source.highlight_start + len("يوم الجمعة")
    source.save()
    source.article.title = HOSTILE
    source.article.published = None
    source.article.save()
    for n, event in enumerate(events[1:3]):
        EventImage.objects.create(
            event=event,
            file=f"events/{n}/wide.webp",
            width=1600,
            height=900,
            renditions=[
                {"name": f'events/{n}/small "x".webp', "width": 400, "height": 225},
                {"name": f"events/{n}/wide.webp", "width": 1600, "height": 900},
            ],
            caption="صورة",
            credit="وكالة",
            alt_text=HOSTILE,
            position=1 - n,
        )
    EventImage.objects.create(
        event=events[2], file="events/1/second.webp", width=10, height=10,
        caption="ثانية", credit="وكالة", alt_text="الثانية", position=5,
    )  # fmt: skip
    return list(Event.objects.filter(pk__in=[e.pk for e in events]).order_by("id"))


@pytest.mark.django_db
def test_the_cards_are_the_templates_markup(settings):
    events = _events()
    cards = load_cards(events)
    assert {card.article_count for card in cards} >= {0, 1, 2, 3, 11, 100}
    for language in ("ar", "en"):
        with translation.override(language):
            for style in STYLES:
                settings.TIMELINE_MONTH_NAMES, settings.TIMELINE_DIGITS = style.months, style.digits
                assert site_date_style() == style
                for editor in (False, True):
                    expected = same_markup(reference_html(events, editor))
                    html = same_markup(event_cards_html(cards, editor, style))
                    assert html == expected
    assert "<script>" not in html and "&lt;script&gt;" in html


@pytest.mark.django_db
def test_the_timeline_page_draws_the_cards_with_the_list(client):
    events = _events()
    page = client.get("/?status=&at=2100-12-31").content.decode()
    confirmed = [
        e for e in events if e.status == Event.Status.CONFIRMED and e.first_day.year > 1000
    ]
    for event in confirmed:
        assert f'id="event-{event.pk}"' in page
    first = event_cards_html(load_cards(confirmed[:1]), False, site_date_style())
    assert same_markup(first) in same_markup(page)
