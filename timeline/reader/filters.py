"""The timeline's filters: a plain GET form, the query it makes, and its pages.

`TimelineFilterForm` is the only definition of the filters: the pages read it, the
exports validate their query string with it, and the API's query schema is derived
from it (timeline/publishing/api.py). `timeline_page` turns a query string into one page of
events, in one of three orders, for the pages, the API and the exports alike.
"""

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, cast

from django import forms
from django.db import connection
from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from timeline.access import User, is_editor
from timeline.event_counts import CountScope
from timeline.event_kinds import EventKind
from timeline.models import (
    Actor,
    ActorAlias,
    Event,
    EventQuerySet,
    Place,
    Story,
    visible_statuses,
)
from timeline.reader.select_widget import (
    BoundField,
    CheckboxInput,
    ChoicesSQL,
    DateInput,
    ModelChoiceField,
    Select,
    TextInput,
)
from timeline.search import query_words, search, search_rank, text_rank
from timeline.text import normalise_for_matching


class ActorField(forms.CharField):
    """An actor by any of its names: «بوتين» and «فلاديمير بوتين» are one actor."""

    default_error_messages = {"unknown": _("لا يوجد فاعل بهذا الاسم.")}

    def clean(self, value: str | None) -> Actor | None:
        name = super().clean(value)
        if not name:
            return None
        folded = normalise_for_matching(name)
        actor = Actor.objects.filter(name=name).first()
        if actor is None:
            alias = ActorAlias.objects.filter(folded=folded).select_related("actor").first()
            actor = alias.actor if alias else None
        if actor is None:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        return actor


# How the axis may be split in rows (timeline/reader/axis.py); the last needs no story filter.
LANE_CHOICES = [("", _("بلا مسارات")), ("kind", _("حسب النوع")), ("story", _("حسب القصة"))]


class EventFilterFields(forms.Form):
    """The filters the timeline and the review queue share: words, kind, place, actor."""

    bound_field_class = BoundField  # labels written in Python (reader/select_widget.py)

    q = forms.CharField(label=_("بحث"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("النوع"),
        required=False,
        choices=[("", _("كل الأنواع")), *EventKind.choices],
        widget=Select,
    )
    place = ModelChoiceField(
        label=_("المكان"),
        required=False,
        queryset=Place.objects.order_by("name"),
        to_field_name="name",
        choices_sql=ChoicesSQL(Place._meta.db_table, "name", "name"),
        empty_label=_("كل الأماكن"),
        widget=Select,
    )
    actor = ActorField(
        label=_("الفاعل"),
        required=False,
        max_length=200,
        widget=TextInput(attrs={"dir": "auto", "placeholder": _("مثلاً: بوتين")}),
    )


class TimelineFilterForm(EventFilterFields):
    story = ModelChoiceField(
        label=_("القصة"),
        required=False,
        queryset=Story.objects.filter(published=True).order_by("title").only("slug", "title"),
        to_field_name="slug",
        choices_sql=ChoicesSQL(Story._meta.db_table, "slug", "title", where="published"),
        empty_label=_("كل القصص"),
        widget=Select,
    )
    start = forms.DateField(label=_("من"), required=False, widget=DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("إلى"), required=False, widget=DateInput(attrs={"type": "date"}))
    # What is announced: from today on (the list then reaches into the future too).
    upcoming = forms.BooleanField(label=_("القادم فقط"), required=False, widget=CheckboxInput)
    status = forms.ChoiceField(
        label=_("الحالة"),
        required=False,
        choices=[("", _("كل الحالات")), *Event.Status.choices],
        widget=Select,
    )

    # Not a filter: how the axis draws the events, one row per kind or per story.
    lanes = forms.ChoiceField(
        label=_("المسارات"),
        required=False,
        choices=LANE_CHOICES,
        widget=Select,
        error_messages={"invalid_choice": _("المسارات: حسب النوع أو حسب القصة أو بلا مسارات.")},
    )

    def __init__(self, *args, editor: bool = False, with_story: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Only editors see unconfirmed events, so only they get to choose a status.
        if not editor:
            del self.fields["status"]
        if not with_story:
            # A story's page: every event is in the story, so no lanes by story.
            del self.fields["story"]
            cast(forms.ChoiceField, self.fields["lanes"]).choices = LANE_CHOICES[:2]


# The filters readers have (every field but the editors' `status`, and `lanes`, which
# draws the axis but selects nothing): what a feed of a page follows, what the API
# accepts, and what makes a page «filtered».
READER_FILTERS: tuple[str, ...] = tuple(
    name for name in TimelineFilterForm.base_fields if name not in ("status", "lanes")
)


def wants_upcoming(data: Mapping[str, Any]) -> bool:
    """Whether a query string asks for what is coming (the form's `upcoming`)."""
    return bool(TimelineFilterForm.base_fields["upcoming"].to_python(data.get("upcoming")))


def filter_events(queryset: QuerySet[Event], data: dict) -> QuerySet[Event]:
    """Narrow events by the valid values of a `TimelineFilterForm` (its cleaned_data).

    `queryset` already holds only what the user may see (`Event.objects.visible_to`);
    only an editor's form has a `status` to narrow it further.
    """
    if data.get("status"):
        queryset = queryset.filter(status=data["status"])
    if data.get("kind"):
        queryset = queryset.filter(kind=data["kind"])
    if data.get("place"):
        queryset = _linked_to(queryset, Event.places.through, place=data["place"])
    if data.get("actor"):
        queryset = _linked_to(queryset, Event.actors.through, actor=data["actor"])
    if data.get("story"):
        queryset = queryset.filter(stories=data["story"])
    if data.get("start"):
        # An event is from `start` on when it ends on or after it; it then began at
        # most the longest span before it. Saying so too bounds the index range on
        # first_day from below: without it a list in ascending order (the API)
        # walked every older event to find a page (1.2 s at 1,000,000 events).
        queryset = queryset.filter(
            last_day__gte=data["start"], first_day__gte=earliest_start(data["start"])
        )
    if data.get("end"):
        queryset = queryset.filter(first_day__lte=data["end"])
    if data.get("upcoming"):
        queryset = queryset.filter(first_day__gte=timezone.localdate())
    # Full-text on PostgreSQL, LIKE on SQLite: see timeline/search.py.
    return search(queryset, data.get("q") or "")


# A place or actor with fewer events than this is rare: the query starts from its
# events. SQLite keeps no histogram (no STAT4), only the average number of events
# per place, 47,620 at 1,000,000 events, so it counted the axis of a place with 20
# events by walking 50 years of the date index (1.2 s), never from the place.
RARE_LINKS = 1_000


def _linked_to(queryset: QuerySet[Event], links: type[Model], **value: Model) -> QuerySet[Event]:
    """The events linked to a place or an actor (`links`: the many-to-many table).

    A rare one as `id IN (its events)`, which both databases start from (a bounded
    read of the index says whether it is rare); a common one as a join, which the
    planner may start from the dates (the newest page is found in the first rows)."""
    (field, target), *_ = value.items()
    linked = links._default_manager.filter(**value).values_list("event_id", flat=True)
    if not linked[RARE_LINKS : RARE_LINKS + 1]:
        return queryset.filter(id__in=linked)
    return queryset.filter(**{f"{field}s": target})


# The filters the counts of the axis follow (timeline/event_counts.py); `lanes` selects
# nothing. Any other filter, and any filter added later, makes the axis count the events.
COUNTED_FILTERS = ("status", "kind", "lanes")


def count_scope(
    data: Mapping[str, Any], user: User | None = None, story: Story | None = None
) -> CountScope | None:
    """Which counts the axis may read for the events `timeline_events` selects with
    these valid filters (a form's cleaned_data): None when a filter other than status
    and kind narrows them, or a story's page does."""
    if story is not None or any(v for k, v in data.items() if k not in COUNTED_FILTERS):
        return None
    statuses = visible_statuses(user)
    if data.get("status"):
        statuses = tuple(s for s in statuses or [data["status"]] if s == data["status"])
    return CountScope(statuses=statuses, kind=data.get("kind") or None)


# MAX(span) read from the index `event_span` (migration 0013): one index probe.
_LONGEST_SPAN_SQL = {
    "postgresql": "SELECT MAX(last_day - first_day) FROM timeline_event",
    "sqlite": "SELECT MAX(julianday(last_day) - julianday(first_day)) FROM timeline_event",
}


def earliest_start(start: date) -> date:
    """The earliest first_day an event that ends on or after `start` can have."""
    sql = _LONGEST_SPAN_SQL.get(connection.vendor)
    if sql is None:
        return date.min
    with connection.cursor() as cursor:
        cursor.execute(sql)
        longest = cursor.fetchone()[0] or 0
    try:
        return start - timedelta(days=int(longest))
    except OverflowError:
        return date.min


def after_cursor(queryset: QuerySet[Event], cursor: tuple[date, int] | None) -> QuerySet[Event]:
    """Events after (first_day, id) in timeline order: keyset pagination.

    Written as first_day >= d AND NOT (first_day = d AND id <= i) so that the
    index on first_day gives a range scan on every database.
    """
    if cursor is None:
        return queryset
    day, event_id = cursor
    return queryset.filter(first_day__gte=day).exclude(Q(first_day=day) & Q(id__lte=event_id))


def parse_cursor(value: str | None) -> tuple[date, int] | None:
    """«2025-07-20.42» → (date(2025, 7, 20), 42); None if absent or malformed."""
    if not value:
        return None
    day, _, event_id = value.partition(".")
    try:
        return date.fromisoformat(day), int(event_id)
    except ValueError:
        return None


def format_cursor(event: Event) -> str:
    return f"{event.first_day.isoformat()}.{event.pk}"


def keyset_page[T: Model](
    rows: QuerySet[T], limit: int, cursor_of: Callable[[T], str]
) -> tuple[list[T], str | None]:
    """One page of an ordered queryset, and the cursor of the next page (None at the end).

    Asks for one row more than the page holds: its presence says a next page exists.
    """
    page = list(rows[: limit + 1])
    if len(page) <= limit:
        return page, None
    page = page[:limit]
    return page, cursor_of(page[-1])


# -- The reader's order: the news first --------------------------------------------

# Newest first; within a day, the most salient first (an article's main event before
# what it recalls). Everything below (ordering, cursors, the `at` start) is written
# over this tuple; the index `event_news_order` serves it.
NEWS_ORDER: tuple[str, ...] = ("-first_day", "-salience", "-id")


def news_order(queryset: QuerySet[Event]) -> QuerySet[Event]:
    return queryset.order_by(*NEWS_ORDER)


def _field_name(key: str) -> str:
    return key.removeprefix("-")


def before_news_cursor(queryset: QuerySet[Event], values: tuple | None) -> QuerySet[Event]:
    """Events after `values` (one per NEWS_ORDER key) in the news order: keyset pagination.

    Written as k1 <= v1 AND NOT (k1 = v1 AND NOT rest), so that the leading key gives
    an index range scan on every database (the same shape as `after_cursor`).
    """
    if values is None:
        return queryset
    return queryset.filter(_keyset_condition(list(NEWS_ORDER), list(values)))


def _keyset_condition(keys: list[str], values: list) -> Q:
    key, value = keys[0], values[0]
    name = _field_name(key)
    beyond = "lt" if key.startswith("-") else "gt"
    if len(keys) == 1:
        return Q(**{f"{name}__{beyond}": value})
    rest = _keyset_condition(keys[1:], values[1:])
    return Q(**{f"{name}__{beyond}e": value}) & ~(Q(**{name: value}) & ~rest)


def format_news_cursor(event: Event) -> str:
    """The event's NEWS_ORDER values, «2025-07-20_42»: sent back as `after`."""
    return "_".join(
        str(getattr(event, "pk" if key == "-id" else _field_name(key))) for key in NEWS_ORDER
    )


def parse_news_cursor(value: str | None) -> tuple | None:
    """«2025-07-20_42» → (date(2025, 7, 20), 42); None if absent or malformed."""
    if not value or len(value) > 80:
        return None
    parts = value.split("_")
    if len(parts) != len(NEWS_ORDER):
        return None
    try:
        return tuple(
            Event._meta.get_field(_field_name(key)).to_python(part)  # type: ignore[union-attr]
            for key, part in zip(NEWS_ORDER, parts, strict=True)
        )
    except (ValueError, forms.ValidationError, TypeError):
        return None


def news_page(
    events: QuerySet[Event], query: str, after: str | None, limit: int
) -> tuple[list[Event], str | None]:
    """One page of the reader's list, and the `after` of the next (None at the end).

    Without a search: the news order. With one: events with every word in their
    title first, then the others (timeline/search.py's rank), each part in the news
    order. Two plain keyset queries rather than an ORDER BY on the rank, so that the
    database can walk the date index for a common word or the trigram index for a
    rare one, and never sorts every match. Cursors of a search say which part they
    are in: «0~2025-07-20_42» (title), «1~…» (the rest). The first page first asks
    for every match in the news order: when they all fit (a rare word: most searches
    of a number or a name), they are split by rank here and the two queries are not
    needed; a common word costs that one query more, which stops at the page's end.
    """
    if not query_words(query):
        return keyset_page(
            news_order(before_news_cursor(events, parse_news_cursor(after))),
            limit,
            format_news_cursor,
        )
    part, _, rest = (after or "").partition("~")
    values = parse_news_cursor(rest)
    if part not in {"0", "1"} or (rest and values is None):
        part, values = "0", None  # a malformed cursor starts the list again
    if part == "0" and values is None:
        # The first page: every match, if they all fit on it (a rare word, or none),
        # from one query, in the order the two parts below list them.
        found = list(news_order(events)[: limit + 1])
        if len(found) <= limit:
            # Ranked here, from the text each row brings (search_rank's CASE is not built).
            words = query_words(query)
            ranks = [text_rank(event.search_text, words) for event in found]
            titled = [event for event, rank in zip(found, ranks, strict=True) if rank == 0]
            others = [event for event, rank in zip(found, ranks, strict=True) if rank != 0]
            return titled + others, None
    ranked = events.alias(search_rank=search_rank(query))
    elsewhere = ranked.filter(search_rank__gt=0)
    page: list[Event] = []
    if part == "0":
        in_title = news_order(before_news_cursor(ranked.filter(search_rank=0), values))
        page, cursor = keyset_page(in_title, limit, format_news_cursor)
        if cursor is not None:
            return page, f"0~{cursor}"
        if len(page) == limit:
            # The title matches end with this page: the rest start on the next.
            return page, "1~" if elsewhere.exists() else None
        values = None
    more, cursor = keyset_page(
        news_order(before_news_cursor(elsewhere, values)), limit - len(page), format_news_cursor
    )
    return page + more, f"1~{cursor}" if cursor else None


# -- One page of the timeline, for the pages, the API and the exports ---------------


class BadFilters(ValueError):
    """The query string's filters or cursor do not validate; the message says why."""


def form_errors(form: forms.Form) -> str:
    """«kind: Select a valid choice…; start: Enter a valid date.»"""
    return "; ".join(
        f"{name}: {' '.join(str(error) for error in errors)}"
        for name, errors in form.errors.items()
    )


class Order(enum.Enum):
    RANKED = "ranked"  # the reader's list: the news order, title matches first (news_page)
    NEWS = "news"  # newest first, never ranked: feeds and calendars are read in time order
    TIMELINE = "timeline"  # oldest first, by (first_day, id): the API


def _bounded_by_cursor(order: Order, form: forms.Form, after: str | None, until: date) -> bool:
    """Whether a cursor in the news order (newest first, unranked) already keeps the
    list on or before `until`. The bound is then left out: given both, SQLite ranges
    the index on the first, `until`, and walked from it down to a deep cursor (900,000
    entries at 1,000,000 events: 110 ms). A search's list may start its second part
    afresh (news_page), without its cursor: it keeps the bound."""
    searched = query_words(form.cleaned_data.get("q") or "")
    if order is Order.TIMELINE or (order is Order.RANKED and searched):
        return False
    values = parse_news_cursor(after)
    return values is not None and values[0] <= until


@dataclass(frozen=True)
class TimelinePage:
    form: "TimelineFilterForm"
    events: EventQuerySet  # every event the filters select (the axis reads them)
    items: list[Event]  # this page of them
    next_cursor: str | None  # `after` for the next page; None on the last


def timeline_events(
    data: Mapping[str, Any],
    user: User | None = None,
    *,
    story: Story | None = None,
    strict: bool = False,
) -> tuple[TimelineFilterForm, EventQuerySet]:
    """The filter form of a query string, and the events it selects that `user` may
    see (no user: what readers see). Invalid filters are dropped and shown as errors
    on the form, or with `strict` raise BadFilters. A story's page has its story."""
    editor = user is not None and is_editor(user)
    form = TimelineFilterForm(data, editor=editor, with_story=story is None)
    if not form.is_valid() and strict:
        raise BadFilters(form_errors(form))
    visible = Event.objects.visible_to(user) if user is not None else Event.objects.public()
    # Filtering keeps the queryset's class (its `in_timeline_order` and the like).
    events = cast(EventQuerySet, filter_events(visible, form.cleaned_data))
    if story is not None:
        events = events.filter(stories=story)
    return form, events


def timeline_page(
    data: Mapping[str, Any],
    user: User | None = None,
    *,
    order: Order,
    limit: int,
    story: Story | None = None,
    strict: bool = False,
    until: date | None = None,
) -> TimelinePage:
    """One page of the events `data` (a query string: filters and `after`) selects.

    `until` leaves out what begins after that day (the reader's list starts at a
    day, and its next pages keep it). A malformed `after` starts the list again, or
    with `strict` raises BadFilters, as invalid filters do (`timeline_events`).
    """
    form, events = timeline_events(data, user, story=story, strict=strict)
    after = data.get("after") or None
    listed = events
    if until is not None and not _bounded_by_cursor(order, form, after, until):
        listed = events.filter(first_day__lte=until)
    if order is Order.RANKED:
        items, next_cursor = news_page(listed, form.cleaned_data.get("q") or "", after, limit)
        return TimelinePage(form, events, items, next_cursor)
    if order is Order.NEWS:
        cursor = parse_news_cursor(after)
        rows = news_order(before_news_cursor(listed, cursor))
        cursor_of = format_news_cursor
    else:
        cursor = parse_cursor(after)
        rows = after_cursor(listed.in_timeline_order(), cursor)
        cursor_of = format_cursor
    if strict and after and cursor is None:
        raise BadFilters("after: the `next` cursor of the previous page")
    items, next_cursor = keyset_page(rows, limit, cursor_of)
    return TimelinePage(form, events, items, next_cursor)
