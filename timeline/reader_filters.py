"""The timeline's filters: a plain GET form, and the query it makes."""

from collections.abc import Callable
from datetime import date

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from timeline.event_kinds import EventKind
from timeline.models import Actor, ActorAlias, Event, Place, Story
from timeline.search import search
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


class TimelineFilterForm(forms.Form):
    q = forms.CharField(label=_("بحث"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("النوع"), required=False, choices=[("", _("كل الأنواع")), *EventKind.choices]
    )
    place = forms.ModelChoiceField(
        label=_("المكان"),
        required=False,
        queryset=Place.objects.order_by("name"),
        to_field_name="name",
        empty_label=_("كل الأماكن"),
    )
    actor = ActorField(
        label=_("الفاعل"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"dir": "auto", "placeholder": _("مثلاً: بوتين")}),
    )
    story = forms.ModelChoiceField(
        label=_("القصة"),
        required=False,
        queryset=Story.objects.filter(published=True).order_by("title"),
        to_field_name="slug",
        empty_label=_("كل القصص"),
    )
    start = forms.DateField(
        label=_("من"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("إلى"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    status = forms.ChoiceField(
        label=_("الحالة"),
        required=False,
        choices=[("", _("كل الحالات")), *Event.Status.choices],
    )

    def __init__(self, *args, editor: bool = False, with_story: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Only editors see unconfirmed events, so only they get to choose a status.
        if not editor:
            del self.fields["status"]
        if not with_story:
            del self.fields["story"]


def filter_events(queryset: QuerySet[Event], data: dict, editor: bool) -> QuerySet[Event]:
    """Narrow events by the valid values of a `TimelineFilterForm` (its cleaned_data)."""
    if editor:
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
    else:
        queryset = queryset.filter(status=Event.Status.CONFIRMED)
    if data.get("kind"):
        queryset = queryset.filter(kind=data["kind"])
    if data.get("place"):
        queryset = queryset.filter(places=data["place"])
    if data.get("actor"):
        queryset = queryset.filter(actors=data["actor"])
    if data.get("story"):
        queryset = queryset.filter(stories=data["story"])
    if data.get("start"):
        queryset = queryset.filter(last_day__gte=data["start"])
    if data.get("end"):
        queryset = queryset.filter(first_day__lte=data["end"])
    # Full-text on PostgreSQL, LIKE on SQLite: see timeline/search.py.
    return search(queryset, data.get("q") or "")


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


def keyset_page[T](
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
