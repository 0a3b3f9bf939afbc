"""The timeline's event cards as HTML, built in Python.

Thirty cards in the template language cost about 17 ms a page, more than the
page's queries: each card resolved some sixty variables, ran a `{% blocktranslate %}`,
two includes and `get_kind_display` (which hashes every kind's lazy label, 15
translations a card). Here the same markup (tests/test_event_cards_html.py
compares it with the template's, tests/event_cards_reference.html) is written
with what the cards share worked out once a page: the kinds' and statuses'
labels, the event URL's parts, the date style. Every value from the database
goes through `escape`; the strings stay in the catalogue (ngettext, the models'
choices).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from html import escape as _html_escape

from django.db import connection
from django.utils.formats import localize
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import ngettext

from timeline.event_kinds import EventKind
from timeline.models import (
    Article,
    Event,
    EventImage,
    EventSource,
    first_images,
    linked_names,
    url_with_id,
)
from timeline.reader.dates import (
    DateStyle,
    format_day,
    format_hijri_period,
    format_period,
    machine_date,
)


def escape(text: object) -> str:
    """As the template escapes (django.utils.html.escape is this, behind a check for
    lazy strings that cost more than the escaping, 17 times a card)."""
    return _html_escape(str(text))


@dataclass(frozen=True)
class CardSource:
    """The first report of a card's event: its excerpt and its article's title and day."""

    article_id: int
    mention_id: int
    excerpt_parts: tuple[str, str, str]  # before, the date expression, after
    article_title: str
    article_published: date | None


@dataclass(frozen=True)
class Card:
    """One event of the list with what its card shows."""

    event: Event
    places: list[str]  # names, in alphabetical order
    actors: list[str]
    image: EventImage | None  # the first by position
    source: CardSource | None  # the first reported
    article_count: int  # articles that report it


# The events' sources in the order they were added, with their articles' titles and
# days. Plain SQL: the queryset (select_related, only) took longer to build and compile
# than the database to answer, and made two model instances a row. {ids}: placeholders.
_SOURCES_SQL = (
    "SELECT es.event_id, es.article_id, es.mention_id, es.excerpt, es.highlight_start,"
    " es.highlight_end, a.title, a.published"
    f" FROM {EventSource._meta.db_table} es JOIN {Article._meta.db_table} a ON a.id = es.article_id"
    " WHERE es.event_id IN ({ids}) ORDER BY es.id"
)


def load_cards(events: list[Event]) -> list[Card]:
    """The cards of `events`: three queries whatever their number, for their sources,
    places and actors (one query: linked_names), and images. Plain rows grouped here:
    prefetch_related built a manager and a queryset for each event and relation, 120
    a page, about 4 ms."""
    ids = [event.pk for event in events]
    first: dict[int, CardSource] = {}
    articles: dict[int, set[int]] = defaultdict(set)
    if ids:
        with connection.cursor() as cursor:
            cursor.execute(_SOURCES_SQL.format(ids=", ".join(["%s"] * len(ids))), ids)
            for (
                event_id,
                article_id,
                mention_id,
                excerpt,
                start,
                end,
                title,
                published,
            ) in cursor.fetchall():
                articles[event_id].add(article_id)
                if event_id not in first:
                    first[event_id] = CardSource(
                        article_id=article_id,
                        mention_id=mention_id,
                        excerpt_parts=(excerpt[:start], excerpt[start:end], excerpt[end:]),
                        article_title=title,
                        article_published=published,
                    )
    places, actors = linked_names(ids)
    images = first_images(events, *_IMAGE_FIELDS)
    return [
        Card(
            event=event,
            places=places.get(event.pk, []),
            actors=actors.get(event.pk, []),
            image=images.get(event.pk),
            source=first.get(event.pk),
            article_count=len(articles.get(event.pk, ())),
        )
        for event in events
    ]


_IMAGE_FIELDS = ("file", "width", "height", "renditions", "alt_text")


def event_cards_html(cards: Iterable[Card], editor: bool, style: DateStyle) -> SafeString:
    """One `<li class="event-card">` per card, as `{% partial events-page %}` drew them."""
    drawing = _Cards(editor, style)
    return mark_safe("".join(drawing.html(card) for card in cards))


class _Cards:
    """Draws the cards of one page, translating each label once."""

    def __init__(self, editor: bool, style: DateStyle) -> None:
        self.editor = editor
        self.style = style
        # As get_FOO_display: the choice's label, or the stored value if unknown.
        self.kinds = {key: escape(label) for key, label in EventKind.choices}
        self.statuses = {key: escape(label) for key, label in Event.Status.choices}
        self.article_counts: dict[int, str] = {}  # «مقالان», translated once a count
        # The event page's URL around its id, reversed once (as Event.get_absolute_url).
        self.url_head, _, self.url_tail = url_with_id("timeline:event", 0).rpartition("0")

    def html(self, card: Card) -> str:
        event = card.event
        status = escape(event.status)
        url = escape(f"{self.url_head}{event.pk}{self.url_tail}")
        first, last = event.first_day, event.last_day
        when = format_period(first, last, event.granularity, event.mod, self.style)
        hijri = format_hijri_period(first, last, event.granularity, self.style)
        kind = escape(event.kind)
        kind_label = self.kinds.get(event.kind) or kind
        places = "".join(
            f'<span class="place" dir="auto">{escape(name)}</span>' for name in card.places
        )
        actors = "".join(
            f'<span class="actor"><bdi>{escape(name)}</bdi></span>' for name in card.actors
        )
        count = card.article_count
        articles = self.article_counts.get(count)
        if articles is None:
            articles = ngettext("مقال واحد", "%(counter)s مقالات", count) % {
                "counter": escape(localize(count))
            }
            self.article_counts[count] = articles
        datetime_attr = escape(machine_date(event.first_day, event.granularity))
        return "".join(
            [
                f'\n<li class="event-card{"" if event.status == "confirmed" else f" is-{status}"}"'
                f' id="event-{event.pk}" data-first-day="{first.isoformat()}">'
                f' <time class="event-date" datetime="{datetime_attr}" dir="auto">'
                f"{escape(when)}</time> ",
                f'<span class="hijri" dir="auto">{escape(hijri)}</span>' if hijri else "",
                f' <h3 dir="auto"> <a href="{url}" class="event-link" hx-get="{url}"'
                f' hx-target="#event-panel" hx-swap="innerHTML" hx-push-url="true">'
                f"{escape(event.title)}</a> </h3>"
                f' <p class="meta"> <span class="kind kind-{kind}">{kind_label}</span> ',
                places,
                " ",
                actors,
                " ",
                f'<span class="status status-{status}">{self.statuses.get(event.status, status)}'
                "</span>"
                if self.editor
                else "",
                f' <span class="count">{articles}</span> </p> ',
                _image_html(card.image) if card.image else "",
                " ",
                _excerpt_html(card.source, self.style) if card.source else "",
                " </li>",
            ]
        )


def _image_html(image: EventImage) -> str:
    return (
        f' <img class="card-image" src="{escape(image.small_url)}" srcset="{escape(image.srcset)}"'
        f' sizes="(max-width: 40rem) 90vw, 20rem" width="{image.width}" height="{image.height}"'
        f' alt="{escape(image.alt_text)}" loading="lazy" decoding="async"> '
    )


def _excerpt_html(source: CardSource, style: DateStyle) -> str:
    """timeline/excerpt.html, for a card."""
    before, date_text, after = source.excerpt_parts
    published = ""
    if source.article_published:
        day = source.article_published.isoformat()
        shown = escape(format_day(source.article_published, style))
        published = f' · <time datetime="{day}" dir="auto">{shown}</time>'
    url = url_with_id("timeline:article", source.article_id)
    return (
        f' <blockquote class="excerpt"> <p dir="auto">{escape(before)}<mark>{escape(date_text)}'
        f'</mark>{escape(after)}</p> <footer><a href="{escape(url)}#mention-{source.mention_id}"'
        f' dir="auto">{escape(source.article_title)}</a>{published}</footer> </blockquote> '
    )
