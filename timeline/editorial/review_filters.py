"""The review queue's filters: a plain GET form, and the candidates it selects."""

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from timeline.models import Event, EventSource, Source, Story
from timeline.reader.filters import EventFilterFields, filter_events


class ReviewFilterForm(EventFilterFields):
    story = forms.ModelChoiceField(
        label=_("القصة"),
        required=False,
        queryset=Story.objects.order_by("title"),
        empty_label=_("كل القصص"),
    )
    source = forms.ModelChoiceField(
        label=_("المصدر"),
        required=False,
        queryset=Source.objects.order_by("name"),
        empty_label=_("كل المصادر"),
    )
    article = forms.IntegerField(
        label=_("المقال"), required=False, min_value=1, widget=forms.HiddenInput
    )
    start = forms.DateField(
        label=_("من"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("إلى"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    salience = forms.FloatField(
        label=_("أهمية لا تقل عن"),
        required=False,
        min_value=0,
        max_value=1,
        widget=forms.NumberInput(attrs={"step": "0.1", "min": "0", "max": "1"}),
    )


def filter_candidates(data: dict) -> QuerySet[Event]:
    """Candidates narrowed by the valid values of a `ReviewFilterForm` (its cleaned_data).

    Article and source go through a subquery on the sources, so that an event
    reported twice is still one row (no DISTINCT, which an UPDATE cannot take).
    """
    # The filters the timeline has too, as the timeline applies them.
    events = filter_events(Event.objects.filter(status=Event.Status.CANDIDATE), data)
    if data.get("article"):
        reported = EventSource.objects.filter(article_id=data["article"])
        events = events.filter(pk__in=reported.values("event_id"))
    if data.get("source"):
        reported = EventSource.objects.filter(article__source=data["source"])
        events = events.filter(pk__in=reported.values("event_id"))
    if data.get("salience") is not None:
        events = events.filter(salience__gte=data["salience"])
    return events
